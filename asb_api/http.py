"""HTTP details shared by the routes: ETags, pagination parameters, Idempotency-Key, JSON
responses of one item, a list or a page."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from typing import Annotated, Any
from uuid import UUID

from litestar import Request, Response
from litestar.params import FromPath, HeaderParameter, QueryParameter

from asb_core.cases.versions import IfMatch, etag  # noqa: F401 (etag: for the routes)
from asb_core.idempotency import RequestKey
from asb_core.pagination import Page

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


def fingerprint(body: Any) -> str:
    """A stable digest of a request body, for Idempotency-Key replay detection."""
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def request_key(key: str | None, data: Any) -> RequestKey | None:
    """The request's Idempotency-Key with the digest of its parsed body (None without a key)."""
    if key is None:
        return None
    return RequestKey(key, fingerprint(data.model_dump(mode="json")))


def page(items: list[dict], next_cursor: str | None) -> dict:
    return {"items": items, "next_cursor": next_cursor}


def json_response(body: Any, *, status: int = 200, headers: dict | None = None) -> Response:
    return Response(body, status_code=status, headers=headers or {}, media_type="application/json")


def items_response(items: Iterable, one: Callable[[Any], dict]) -> Response:
    """`{"items": [...]}`: a whole (short) list, each item serialised by `one`."""
    return json_response({"items": [one(i) for i in items]})


def page_response(result: Page, one: Callable[[Any], dict]) -> Response:
    """One page of a keyset-paginated list, each item serialised by `one`."""
    return json_response(page([one(i) for i in result.items], result.next_cursor))


def not_modified(request: Request, version: int) -> bool:
    """Whether the request's If-None-Match names the current version (`*`, or a list of ETags,
    weak or strong): the answer is then 304 with no body."""
    header = request.headers.get("if-none-match")
    if header is None:
        return False
    tags = {t.strip().removeprefix("W/") for t in header.split(",")}
    return "*" in tags or etag(version) in tags


def if_match(request: Request) -> IfMatch:
    """The request's If-Match, for the service to check once the case is known visible."""
    return IfMatch(request.headers.get("if-match"))
