"""The one clock of the domain: aware UTC times, with `now` injectable so tests can step it."""

from __future__ import annotations

from datetime import UTC, datetime

from asb_core.errors import ValidationFailed


def utcnow(now: datetime | None = None) -> datetime:
    if now is None:
        return datetime.now(UTC)
    if now.tzinfo is None:
        raise ValidationFailed("naive time", errors=[{"field": "now", "message": "needs a zone"}])
    return now.astimezone(UTC)
