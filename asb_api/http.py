"""HTTP details shared by the routes: ETags, If-Match, pagination parameters, transactions."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Awaitable, Callable
from typing import Annotated, Any, TypeVar
from uuid import UUID

from litestar import Request, Response
from litestar.params import FromPath, HeaderParameter, QueryParameter
from sqlalchemy.ext.asyncio import AsyncSession

from asb_api.problems import Problem

T = TypeVar("T")

Limit = Annotated[int, QueryParameter(ge=1, le=200, description="page size")]
Cursor = Annotated[
    str | None, QueryParameter(max_length=500, description="opaque keyset cursor")
]
PathId = FromPath[UUID]
PathSlug = FromPath[str]
IdempotencyKey = Annotated[
    str | None,
    HeaderParameter(name="Idempotency-Key", min_length=1, max_length=200, required=False),
]


def etag(version: int) -> str:
    return f'"{version}"'


def required_version(request: Request) -> int:
    """The case version named by `If-Match`: 428 when absent, 412 when it cannot match."""
    header = request.headers.get("if-match")
    if header is None:
        raise Problem(428, "this change needs an If-Match header with the case's ETag",
                      kind="precondition-required")
    return _parse_version(header)


def optional_version(request: Request) -> int | None:
    header = request.headers.get("if-match")
    return None if header is None else _parse_version(header)


def _parse_version(header: str) -> int:
    value = header.strip()
    if value.startswith("W/"):
        value = value[2:]
    value = value.strip('"')
    if not value.isdigit() or len(value) > 12:
        raise Problem(412, "If-Match does not name a current version of this case")
    return int(value)


def fingerprint(body: Any) -> str:
    """A stable digest of a request body, for Idempotency-Key replay detection."""
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


async def in_transaction(session: AsyncSession, work: Callable[[], Awaitable[T]]) -> T:
    """Run one unit of work in one transaction: all of it commits, or none of it does."""
    async with session.begin():
        return await work()


def page(items: list[dict], next_cursor: str | None) -> dict:
    return {"items": items, "next_cursor": next_cursor}


def json_response(body: Any, *, status: int = 200, headers: dict | None = None) -> Response:
    return Response(body, status_code=status, headers=headers or {}, media_type="application/json")
