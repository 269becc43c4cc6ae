"""RFC 9457 problem details: one response shape for every error the API gives.

Each problem kind has a stable `type` URI; validation problems list each bad field. Unexpected
exceptions are logged (without request bodies, which may hold identities) and answered 500 with
no internals. Lost database connectivity is answered 503 with `Retry-After`.
"""

from __future__ import annotations

import asyncio
import logging
import re
import traceback
from typing import Any

from litestar import MediaType, Request, Response
from litestar.exceptions import HTTPException, ValidationException
from sqlalchemy.exc import DataError, DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from asb_core.errors import DomainError

log = logging.getLogger("asb_api")

PROBLEM_BASE = "https://asb.example.org/problems/"
PROBLEM_JSON = "application/problem+json"
# What Litestar's `Request.body()` says (and the evaluate handler's own reader) when the client
# goes away before its body arrived: not a server error, and nobody is left to answer.
CLIENT_GONE = "client disconnected prematurely"

_KIND_BY_STATUS = {
    400: "bad-request",
    401: "unauthenticated",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    406: "not-acceptable",
    409: "conflict",
    412: "precondition-failed",
    413: "payload-too-large",
    415: "unsupported-media-type",
    422: "validation-error",
    428: "precondition-required",
    429: "rate-limited",
    500: "internal-error",
    499: "client-closed-request",
    503: "service-unavailable",
}
_TITLES = {
    "bad-request": "Bad request",
    "unauthenticated": "Authentication required",
    "forbidden": "Not allowed",
    "not-found": "Not found",
    "method-not-allowed": "Method not allowed",
    "not-acceptable": "Not acceptable",
    "conflict": "Conflict",
    "precondition-failed": "Precondition failed",
    "precondition-required": "Precondition required",
    "payload-too-large": "Payload too large",
    "unsupported-media-type": "Unsupported media type",
    "validation-error": "Validation failed",
    "rate-limited": "Too many requests",
    "internal-error": "Internal error",
    "service-unavailable": "Service unavailable",
    "client-closed-request": "Client closed the request",
    "consent-required": "Consent or legal basis required",
    "idempotency-key-reused": "Idempotency key reused with a different request",
}


class Problem(Exception):
    """Raise from a handler to answer with a specific problem."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        kind: str | None = None,
        errors: list[dict] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.kind = kind or _KIND_BY_STATUS.get(status, "error")
        self.detail = detail
        self.errors = errors or []
        self.headers = headers or {}


def problem_response(
    status: int,
    kind: str,
    detail: str,
    *,
    errors: list[dict] | None = None,
    headers: dict[str, str] | None = None,
    instance: str | None = None,
) -> Response:
    body = problem_body(status, kind, detail, errors=errors, instance=instance)
    return Response(body, status_code=status, media_type=PROBLEM_JSON, headers=headers or {})


def problem_body(status: int, kind: str, detail: str, *, errors: list[dict] | None = None,
                 instance: str | None = None) -> dict[str, Any]:
    """An RFC 9457 problem as a JSON object (also one item's answer in a batch)."""
    body: dict[str, Any] = {
        "type": PROBLEM_BASE + kind,
        "title": _TITLES.get(kind, kind.replace("-", " ").capitalize()),
        "status": status,
        "detail": detail,
    }
    if instance:
        body["instance"] = instance
    if errors:
        body["errors"] = errors
    return body


_MISSING = re.compile(r"Missing required (\w+) parameter '([^']+)'")


def _field_errors(exc: ValidationException) -> list[dict]:
    errors = []
    extra = exc.extra if isinstance(exc.extra, list) else []
    for item in extra:
        if not isinstance(item, dict):
            continue
        key = item.get("key") or item.get("source") or "body"
        errors.append({"field": str(key), "message": str(item.get("message", "invalid"))})
    return errors


def _on_problem(request: Request, exc: Problem) -> Response:
    return problem_response(
        exc.status, exc.kind, exc.detail, errors=exc.errors, headers=exc.headers,
        instance=request.url.path,
    )


def _on_domain(request: Request, exc: DomainError) -> Response:
    return problem_response(
        exc.status, exc.kind, exc.detail, errors=exc.errors, instance=request.url.path
    )


def _on_http(request: Request, exc: HTTPException) -> Response:
    status = exc.status_code
    kind = _KIND_BY_STATUS.get(status, "error" if status < 500 else "internal-error")
    errors: list[dict] = []
    detail = exc.detail or _TITLES.get(kind, "error")
    if isinstance(exc, ValidationException):
        errors = _field_errors(exc)
        missing = _MISSING.match(str(exc.detail or ""))
        if missing and not errors:
            errors = [{"field": missing.group(2), "message": f"required {missing.group(1)} "
                       "parameter is missing"}]
        if errors:
            # Well-formed input that breaks a rule: 422 naming each field. Input that cannot
            # even be parsed (malformed JSON, bad encoding) stays 400 bad-request.
            status, kind = 422, "validation-error"
            detail = "; ".join(f"{e['field']}: {e['message']}" for e in errors[:5])
    if status == 413:
        detail = "request body is larger than this server accepts"
    if status == 500 and exc.detail == CLIENT_GONE:
        # 499 (as nginx logs it): counted apart from server errors, logged as what it is.
        log.info("client closed the request on %s %s", request.method, request.url.path)
        return problem_response(499, "client-closed-request", "the client closed the request",
                                instance=request.url.path)
    headers = dict(exc.headers or {})
    if status >= 500:
        log.error("HTTP %s on %s %s", status, request.method, request.url.path)
        detail = "the server could not complete the request"
    return problem_response(
        status, kind, detail, errors=errors, headers=headers, instance=request.url.path
    )


# SQLSTATEs meaning "the database is not there right now": connection exceptions (08...),
# shutting down or starting up (57P01-57P03), too many connections (53300).
_UNAVAILABLE_SQLSTATES = ("08", "57P01", "57P02", "57P03", "53300")
# asyncpg's InterfaceError / InternalClientError: the client side of a connection the server
# dropped mid-exchange (a hot path running on the driver sees them unwrapped; see
# asb_core/driver.py, which also discards that connection).
_UNAVAILABLE_NAMES = frozenset({"CannotConnectNowError", "ConnectionDoesNotExistError",
                                "AdminShutdownError", "CrashShutdownError",
                                "TooManyConnectionsError", "ConnectionFailureError",
                                "InterfaceError", "InternalClientError"})


def _chain(exc: BaseException, limit: int = 10):
    """The exception and its causes (SQLAlchemy wraps the driver's error two levels deep)."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen and len(seen) < limit:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__


def _is_unavailable(exc: BaseException) -> bool:
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    for link in _chain(exc):
        if isinstance(link, PoolTimeout | OperationalError | InterfaceError | ConnectionError
                      | OSError | asyncio.TimeoutError | TimeoutError):
            return True
        if type(link).__name__ in _UNAVAILABLE_NAMES:
            return True
        state = getattr(link, "sqlstate", None) or getattr(link, "pgcode", None)
        if isinstance(state, str) and state.startswith(_UNAVAILABLE_SQLSTATES):
            return True
    return False


def _bad_input(exc: BaseException) -> tuple[int, str, str] | None:
    """Input the parser or the database could not take: a 4xx, never a 500."""
    if isinstance(exc, RecursionError):
        return 400, "bad-request", "the request body is nested too deeply"
    if isinstance(exc, UnicodeError):
        return 400, "bad-request", "the request is not valid UTF-8"
    # SQLSTATE class 22: a value PostgreSQL cannot store, whether SQLAlchemy wrapped the
    # driver's error or a hot path ran the statement on the driver (asb_core.driver).
    if isinstance(exc, DataError) or any(
        str(getattr(link, "pgcode", None) or getattr(link, "sqlstate", None) or ""
            ).startswith("22")
        for link in _chain(exc if not isinstance(exc, DBAPIError) else exc.orig)
    ):
        return 422, "validation-error", "a value in the request cannot be stored"
    return None


def _on_unexpected(request: Request, exc: Exception) -> Response:
    bad = _bad_input(exc)
    if bad is not None:
        status, kind, detail = bad
        log.info("refused input on %s %s: %s", request.method, request.url.path,
                 type(exc).__name__)
        return problem_response(status, kind, detail, instance=request.url.path)
    if _is_unavailable(exc):
        log.warning("database unavailable on %s %s: %s", request.method, request.url.path,
                    type(exc).__name__)
        return problem_response(
            503, "service-unavailable", "the case database is unavailable; retry shortly",
            headers={"Retry-After": "5"}, instance=request.url.path,
        )
    # Log the type and where, never the request body or exception text (they may carry identity).
    log.error(
        "unhandled %s on %s %s\n%s", type(exc).__name__, request.method, request.url.path,
        "".join(traceback.format_tb(exc.__traceback__)),
    )
    return problem_response(
        500, "internal-error", "the server could not complete the request",
        instance=request.url.path,
    )


exception_handlers = {
    Problem: _on_problem,
    DomainError: _on_domain,
    HTTPException: _on_http,
    Exception: _on_unexpected,
}

__all__ = ["PROBLEM_JSON", "Problem", "exception_handlers", "problem_response", "MediaType"]
