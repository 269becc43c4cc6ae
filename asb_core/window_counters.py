"""Counters in fixed time windows, kept in PostgreSQL so that every worker process and API node
counts together: the repeat-caller lookup budget (`asb_core.parties.lookup_budget`) and failed
authentications (`asb_core.agencies.service.count_bad_credentials`).

A counter is a row of the `lookup_budget` table: a scope (a short text naming what is counted,
e.g. `key:<id>`, `bad-addr:<address>`) and the start of its window (aligned to the epoch). One
`INSERT ... ON CONFLICT DO UPDATE ... RETURNING` moves any number of them: the row lock PostgreSQL
takes for the update orders concurrent callers on one scope, and each sees the count including
its own unit.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core.parties.models import LookupBudget


def window_start(now: datetime, seconds: int) -> datetime:
    epoch = math.floor(now.timestamp())
    return datetime.fromtimestamp(epoch - epoch % seconds, UTC)


def seconds_left(now: datetime, start: datetime, seconds: int) -> int:
    """Whole seconds until the window that began at `start` ends (at least 1)."""
    left = (start + timedelta(seconds=seconds) - now).total_seconds()
    return max(1, math.ceil(left))


async def add(session: AsyncSession, rows: list[tuple[str, datetime]]) -> dict[str, int]:
    """Add one to each (scope, window start) counter; each counter's count including it."""
    stmt = (
        pg_insert(LookupBudget)
        .values([{"scope": s, "window_start": w, "used": 1} for s, w in rows])
        .on_conflict_do_update(
            index_elements=[LookupBudget.scope, LookupBudget.window_start],
            set_={"used": LookupBudget.used + 1},
        )
        .returning(LookupBudget.scope, LookupBudget.used)
    )
    return {scope: used for scope, used in (await session.execute(stmt)).all()}
