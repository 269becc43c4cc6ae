"""Statements on updates and actions: a new update row, one update (for a replayed
Idempotency-Key, or locked to complete an action), and a case's updates in the order they were
written (keyset on (created_at, id))."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core.cases import repository as case_repo
from asb_core.pagination import ascending_page
from asb_core.updates.models import Update


async def insert_update(
    session: AsyncSession, case_id: uuid.UUID, *, kind: str, text: str,
    author_agency_id: uuid.UUID | None, owner_agency_id: uuid.UUID | None,
    due_at: datetime | None, now: datetime,
) -> Update:
    row = Update(
        id=uuid.uuid4(), case_id=case_id, kind=kind, text=text,
        author_agency_id=author_agency_id, owner_agency_id=owner_agency_id, due_at=due_at,
        done=False, created_at=now,
    )
    session.add(row)
    await session.flush()
    return row


async def update_by_id(session: AsyncSession, update_id: uuid.UUID) -> Update:
    return (await session.execute(select(Update).where(Update.id == update_id))).scalar_one()


async def lock_update(
    session: AsyncSession, case_id: uuid.UUID, update_id: uuid.UUID
) -> Update | None:
    """The case's update, its row locked (SELECT ... FOR UPDATE); None if the case has none."""
    return await case_repo.row_of_case(session, Update, case_id, update_id, lock=True)


async def updates_page(
    session: AsyncSession, case_id: uuid.UUID, limit: int, cursor: str | None
) -> list[Update]:
    """The case's updates, actions and victim updates, in the order they were written."""
    of_case = select(Update).where(Update.case_id == case_id)
    return await ascending_page(session, of_case, (Update.created_at, Update.id), cursor, limit)
