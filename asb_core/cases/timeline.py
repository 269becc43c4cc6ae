"""The case timeline: everything that happened on a case in time order.

Read from `case_events`, which every service writes in the transaction of its change, with
keyset pagination on (at, seq) over the (case_id, at, seq) index: a page costs the same for a case
with ten entries or ten thousand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core.actor import Actor
from asb_core.cases import repository as case_repo
from asb_core.cases.models import CaseEvent
from asb_core.pagination import TIME_SEQ, Page, check_limit, decode_cursor, encode_cursor
from asb_core.uow import unit_of_work


@dataclass
class TimelineItem:
    at: datetime
    kind: str
    id: str
    agency: str | None
    summary: dict


@unit_of_work
async def timeline(
    session: AsyncSession, actor: Actor, case_id: object, *, limit: int = 50,
    cursor: str | None = None,
) -> Page:
    check_limit(limit)
    case = await case_repo.load_case(session, actor, case_id, "case.read")
    stmt = select(CaseEvent).where(CaseEvent.case_id == case.id)
    key = decode_cursor(cursor, 2, convert=TIME_SEQ)
    if key:
        stmt = stmt.where(tuple_(CaseEvent.at, CaseEvent.seq) > tuple(key))
    rows = (await session.execute(
        stmt.order_by(CaseEvent.at, CaseEvent.seq).limit(limit + 1)
    )).scalars().all()
    more = len(rows) > limit
    rows = rows[:limit]
    items = [
        TimelineItem(e.at, e.kind, str(e.entity_id or e.seq), e.agency, dict(e.summary))
        for e in rows
    ]
    nxt = encode_cursor(rows[-1].at.isoformat(), rows[-1].seq) if more and rows else None
    return Page(items, nxt)



