"""The case timeline: everything that happened on a case in time order.

Read from `case_events`, which every service writes in the transaction of its change, with
keyset pagination on (at, seq) over the (case_id, at, seq) index: a page costs the same for a case
with ten entries or ten thousand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from asb_core.actor import Actor
from asb_core.cases import repository as case_repo
from asb_core.pagination import Page, check_limit, page_of
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
    rows = await case_repo.events_page(session, case.id, limit, cursor)
    page = page_of(rows, limit, lambda e: (e.at.isoformat(), e.seq))
    items = [
        TimelineItem(e.at, e.kind, str(e.entity_id or e.seq), e.agency, dict(e.summary))
        for e in page.items
    ]
    return Page(items, page.next_cursor)
