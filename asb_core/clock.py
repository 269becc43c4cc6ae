"""The one clock of the domain: aware UTC times, with `now` injectable so tests can step it."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from asb_core.errors import ValidationFailed


def utcnow(now: datetime | None = None) -> datetime:
    if now is None:
        return datetime.now(UTC)
    if now.tzinfo is None:
        raise ValidationFailed("naive time", errors=[{"field": "now", "message": "needs a zone"}])
    return now.astimezone(UTC)


LONDON = ZoneInfo("Europe/London")


def london_date(at: datetime) -> date:
    """The Europe/London calendar date of an aware time (the day people in England and Wales
    would name)."""
    return at.astimezone(LONDON).date()
