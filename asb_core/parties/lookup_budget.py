"""The repeat-caller lookup budget: counters in PostgreSQL, so every worker process and API node
spends from the same budget.

A lookup first spends one unit of its key's window budget and of its key's UTC-day budget (one
statement for both rows); only a lookup the key may still make then spends one unit of its
agency's window budget, so one key that keeps trying cannot use up its colleagues' budget.
Refused attempts count against the key too: a client that retries before `Retry-After` stays
refused. A key's misses are counted the same way, so exactly one lookup sees the count reach the
alert threshold, however many run at once.

Each counter moves with one `INSERT ... ON CONFLICT DO UPDATE ... RETURNING`
(`asb_core.window_counters.add`): the row lock PostgreSQL takes for the update orders concurrent
lookups on the same scope, and each sees the count including its own unit. Windows are fixed
(aligned to the epoch), keyed by their start.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core.actor import Actor
from asb_core.parties.models import LookupBudget
from asb_core.window_counters import add, seconds_left, window_start

DAY_SECONDS = 86_400


@dataclass(frozen=True)
class LookupPolicy:
    """The budget and alert threshold (settings ASB_LOOKUP_*)."""

    per_key: int = 20
    per_key_day: int = 60
    per_agency: int = 200
    window_seconds: int = 3600
    miss_alert: int = 10

    @classmethod
    def from_settings(cls, settings) -> LookupPolicy:
        return cls(
            per_key=settings.lookup_budget_per_key,
            per_key_day=settings.lookup_budget_per_key_day,
            per_agency=settings.lookup_budget_per_agency,
            window_seconds=settings.lookup_window_seconds,
            miss_alert=settings.lookup_miss_alert,
        )


@dataclass(frozen=True)
class Spent:
    allowed: bool
    retry_after: int  # seconds until every exhausted window has ended (0 when allowed)
    key_attempts: int  # this key's lookups in the window, refused ones included, this one too


def _key(actor: Actor) -> uuid.UUID | None:
    return actor.principal_id or actor.agency_id


def scopes(actor: Actor) -> dict[str, str]:
    key = _key(actor)
    return {
        "key": f"key:{key}",
        "key_day": f"key-day:{key}",
        "agency": f"agency:{actor.agency_id}",
        "misses": f"misses:{key}",
    }


async def spend(
    session: AsyncSession, actor: Actor, policy: LookupPolicy, now: datetime
) -> Spent:
    """Spend one lookup of `actor`'s key (and, if the key may, of its agency)."""
    names = scopes(actor)
    hour = window_start(now, policy.window_seconds)
    day = window_start(now, DAY_SECONDS)
    used = await add(session, [(names["key"], hour), (names["key_day"], day)])
    waits = []
    if used[names["key"]] > policy.per_key:
        waits.append(seconds_left(now, hour, policy.window_seconds))
    if used[names["key_day"]] > policy.per_key_day:
        waits.append(seconds_left(now, day, DAY_SECONDS))
    if not waits:
        agency = await add(session, [(names["agency"], hour)])
        if agency[names["agency"]] > policy.per_agency:
            waits.append(seconds_left(now, hour, policy.window_seconds))
    return Spent(not waits, max(waits, default=0), used[names["key"]])


async def count_miss(
    session: AsyncSession, actor: Actor, policy: LookupPolicy, now: datetime
) -> int:
    """Count one miss of `actor`'s key in the window; the count including it."""
    name = scopes(actor)["misses"]
    return (await add(session, [(name, window_start(now, policy.window_seconds))]))[name]


async def key_counts(
    session: AsyncSession, actor: Actor, policy: LookupPolicy, now: datetime
) -> tuple[int, int]:
    """(attempts, misses) of `actor`'s key in the current window."""
    names = scopes(actor)
    rows = dict((await session.execute(
        select(LookupBudget.scope, LookupBudget.used).where(
            LookupBudget.scope.in_([names["key"], names["misses"]]),
            LookupBudget.window_start == window_start(now, policy.window_seconds),
        )
    )).all())
    return rows.get(names["key"], 0), rows.get(names["misses"], 0)
