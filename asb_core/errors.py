"""Domain errors raised by services; the API maps each to a problem-details response."""

from __future__ import annotations


class DomainError(Exception):
    """Base class. `kind` names the problem type; `errors` lists field-level problems."""

    kind = "domain-error"
    status = 400

    def __init__(self, detail: str, *, errors: list[dict] | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = errors or []


class ValidationFailed(DomainError):
    kind = "validation-error"
    status = 422


class NotFound(DomainError):
    kind = "not-found"
    status = 404


class Forbidden(DomainError):
    kind = "forbidden"
    status = 403


class Conflict(DomainError):
    kind = "conflict"
    status = 409


class PreconditionFailed(DomainError):
    kind = "precondition-failed"
    status = 412


class ConsentRequired(DomainError):
    kind = "consent-required"
    status = 422


class IdempotencyKeyReused(DomainError):
    kind = "idempotency-key-reused"
    status = 422
