"""Keyset pagination: a page of items and an opaque cursor (base64url JSON of the last key)."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from typing import Any

from asb_core.errors import ValidationFailed

MAX_LIMIT = 200


@dataclass
class Page:
    items: list[Any] = field(default_factory=list)
    next_cursor: str | None = None


def encode_cursor(*key: object) -> str:
    raw = json.dumps([str(k) if k is not None else None for k in key], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None, parts: int) -> list[str] | None:
    if not cursor:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        key = json.loads(base64.urlsafe_b64decode(padded.encode()).decode())
        if not isinstance(key, list) or len(key) != parts:
            raise ValueError
        return key
    except (ValueError, UnicodeDecodeError):
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
