"""Opening hours as minutes of the week (Monday 00:00 is 0, in Europe/London local time): from
ORUK schedules, for "open now" and for telling whether a service opens out of hours."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
WEEK = 7 * 24 * 60
DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# Office hours: Monday to Friday, 09:00 to 17:00. Opening outside them is out of hours.
OFFICE = [(d * 1440 + 9 * 60, d * 1440 + 17 * 60) for d in range(5)]


def _minutes(hhmm: str) -> int:
    h, m = hhmm.split(":")[:2]
    return int(h) * 60 + int(m)


def spans(openings: Iterable[tuple[tuple[str, ...], str, str]]) -> list[tuple[int, int]]:
    """[starts, ends) spans for (days, opens_at, closes_at) openings. A closing time at or
    before the opening time runs past midnight (00:00 to 00:00 is the whole day); a span past
    the end of Sunday continues from Monday 00:00."""
    out: list[tuple[int, int]] = []
    for days, opens, closes in openings:
        a, b = _minutes(opens), _minutes(closes)
        length = b - a if b > a else b - a + 1440
        for day in days:
            start = DAYS.index(day) * 1440 + a
            end = start + length
            if end <= WEEK:
                out.append((start, end))
            else:
                out += [(start, WEEK), (0, end - WEEK)]
    return sorted(set(out))


def out_of_hours(week: list[tuple[int, int]]) -> bool:
    """Whether any opening falls outside office hours."""
    for a, b in week:
        covered = sum(max(0, min(b, e) - max(a, s)) for s, e in OFFICE)
        if covered < b - a:
            return True
    return False


def minute_of_week(at: datetime) -> int:
    local = at.astimezone(LONDON)
    return local.weekday() * 1440 + local.hour * 60 + local.minute
