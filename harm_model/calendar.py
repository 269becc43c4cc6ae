"""Working days for England and Wales, counted on Europe/London calendar dates.

Bank holidays come from ``holidays`` (GB, subdivision ENG: the England and Wales list, which
includes substitute days and one-off holidays such as jubilees and state funerals), computed once
per year and cached. Timestamps in and out are timezone-aware; naive datetimes are refused.
"""

from __future__ import annotations

import calendar as _stdcal
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays

from harm_model.errors import HarmValidationError

LONDON = ZoneInfo("Europe/London")
END_OF_DAY = time(23, 59, 59)

_HOLIDAYS_BY_YEAR: dict[int, frozenset[date]] = {}


def bank_holidays(year: int) -> frozenset[date]:
    """England and Wales bank holidays in ``year`` (cached)."""
    found = _HOLIDAYS_BY_YEAR.get(year)
    if found is None:
        found = frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year).keys())
        _HOLIDAYS_BY_YEAR[year] = found
    return found


def is_working_day(d: date) -> bool:
    """Monday to Friday and not an England and Wales bank holiday."""
    if isinstance(d, datetime):
        d = d.date()
    return d.weekday() < 5 and d not in bank_holidays(d.year)


def require_aware(value: object, field: str) -> datetime:
    if not isinstance(value, datetime):
        raise HarmValidationError(field, "expected a timezone-aware datetime")
    if value.tzinfo is None or value.utcoffset() is None:
        raise HarmValidationError(field, "naive datetime: give a timezone (UTC)")
    return value


def london_date(moment: datetime) -> date:
    return require_aware(moment, "start").astimezone(LONDON).date()


def add_working_days(start: datetime, n: int) -> datetime:
    """End (23:59:59 London time, returned in UTC) of the ``n``-th working day after the London
    date of ``start``. With ``n == 0``: the end of the start day if it is a working day, else of
    the next working day."""
    require_aware(start, "start")
    if not isinstance(n, int) or n < 0:
        raise HarmValidationError("n", "expected a non-negative number of working days")
    day = london_date(start)
    if n == 0:
        while not is_working_day(day):
            day += timedelta(days=1)
    else:
        counted = 0
        while counted < n:
            day += timedelta(days=1)
            if is_working_day(day):
                counted += 1
    return datetime.combine(day, END_OF_DAY, tzinfo=LONDON).astimezone(UTC)


def add_months(moment: datetime, months: int) -> datetime:
    """Same time ``months`` calendar months later (or earlier); day clamped to the month's end."""
    total = moment.year * 12 + (moment.month - 1) + months
    year, month0 = divmod(total, 12)
    day = min(moment.day, _stdcal.monthrange(year, month0 + 1)[1])
    return moment.replace(year=year, month=month0 + 1, day=day)
