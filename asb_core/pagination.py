"""Keyset pagination: a page of items and an opaque cursor (base64url JSON of the last key)."""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core.errors import ValidationFailed

MAX_LIMIT = 200


@dataclass
class Page:
    items: list[Any] = field(default_factory=list)
    next_cursor: str | None = None


def encode_cursor(*key: object) -> str:
    raw = json.dumps([str(k) if k is not None else None for k in key], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def cursor_time(value: object) -> datetime:
    parsed = datetime.fromisoformat(str(value))
    if parsed.tzinfo is None:
        raise ValueError("no time zone")
    return parsed


def cursor_int(value: object) -> int:
    if not isinstance(value, str) or not value.lstrip("-").isdigit() or len(value) > 19:
        raise ValueError("not an integer")
    return int(value)


TIME_ID: tuple[Callable[[object], Any], ...] = (cursor_time, lambda v: uuid.UUID(str(v)))
TIME_SEQ: tuple[Callable[[object], Any], ...] = (cursor_time, cursor_int)


def decode_cursor(
    cursor: str | None, parts: int, *, convert: tuple[Callable[[object], Any], ...] = ()
) -> list | None:
    """The key in a cursor; with `convert`, each part converted (a cursor whose parts do not
    convert is refused like any other bad cursor, never an error further down)."""
    if not cursor:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        key = json.loads(base64.urlsafe_b64decode(padded.encode()).decode())
        if not isinstance(key, list) or len(key) != parts:
            raise ValueError
        if convert:
            key = [f(v) for f, v in zip(convert, key, strict=True)]
        return key
    except (ValueError, TypeError, UnicodeDecodeError):
        raise ValidationFailed(
            "cursor is not valid", errors=[{"field": "cursor", "message": "not a cursor"}]
        ) from None


def check_limit(limit: int) -> int:
    if not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise ValidationFailed(
            "limit out of range",
            errors=[{"field": "limit", "message": f"between 1 and {MAX_LIMIT}"}],
        )
    return limit


def page_of(rows: list, limit: int, key) -> Page:
    """Rows fetched with limit+1; `key(row)` gives the cursor key of a row."""
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(rows, encode_cursor(*key(rows[-1])) if more and rows else None)


async def ascending_page(
    session: AsyncSession, stmt: Select, columns: tuple, cursor: str | None, limit: int,
    convert: tuple[Callable[[object], Any], ...] = TIME_ID,
) -> list:
    """The rows of `stmt` in ascending order of the keyset `columns`, after the key in `cursor`
    (each part converted by `convert`), limit+1 of them (what `page_of` needs to tell if there
    is more)."""
    key = decode_cursor(cursor, len(columns), convert=convert)
    if key:
        stmt = stmt.where(tuple_(*columns) > tuple(key))
    rows = await session.execute(stmt.order_by(*columns).limit(limit + 1))
    return list(rows.scalars().all())
