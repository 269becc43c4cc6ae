"""Domain errors raised by services; the API maps each to a problem-details response."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """Base class. `kind` names the problem type; `errors` lists field-level problems.

    A subclass names its problem type and HTTP status in its class line:
    `class NotFound(DomainError, kind="not-found", status=404)`."""

    kind = "domain-error"
    status = 400

    def __init_subclass__(cls, *, kind: str | None = None, status: int | None = None,
                          **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if kind is not None:
            cls.kind = kind
        if status is not None:
            cls.status = status

    def __init__(self, detail: str, *, errors: list[dict] | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = errors or []


class ValidationFailed(DomainError, kind="validation-error", status=422):
    """The input breaks a rule; `errors` names each field and what is wrong with it."""


class NotFound(DomainError, kind="not-found", status=404):
    """No such resource, or one the caller may not see (the two are never told apart)."""


class Forbidden(DomainError, kind="forbidden", status=403):
    """The caller may not do this: its role, or a rule about who may (e.g. lower a level)."""


class Conflict(DomainError, kind="conflict", status=409):
    """The resource's state does not allow this now (e.g. a closed case)."""


class PreconditionFailed(DomainError, kind="precondition-failed", status=412):
    """If-Match named a version other than the current one."""


class ConsentRequired(DomainError, kind="consent-required", status=422):
    """Sharing on the basis of consent the victim has not given: a legal basis is needed."""


class IdempotencyKeyReused(DomainError, kind="idempotency-key-reused", status=422):
    """An Idempotency-Key already used for a different request."""


class PreconditionRequired(DomainError, kind="precondition-required", status=428):
    """A change that needs If-Match was sent without it."""
