"""Statements of the interventions slice: a new intervention, one (optionally locked), a case's
page of them, the party an intervention is against, whether a tool was used before against the
same party, a breach row, and the counts the statistics read. The case itself is always found
first through the access policy (cases/repository.load_case)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core.cases import repository as case_repo
from asb_core.interventions.models import Intervention, InterventionBreach
from asb_core.pagination import ascending_page
from asb_core.parties.models import Party


async def insert(session: AsyncSession, **values: object) -> Intervention:
    row = Intervention(id=uuid.uuid4(), breach_count=0, **values)
    session.add(row)
    await session.flush()
    return await by_id(session, row.case_id, row.id)


async def by_id(session: AsyncSession, case_id: uuid.UUID, intervention_id: uuid.UUID, *,
                lock: bool = False) -> Intervention | None:
    """The case's intervention (its row locked with `lock`), fresh from the database."""
    stmt = select(Intervention).where(
        Intervention.id == intervention_id, Intervention.case_id == case_id)
    if lock:
        stmt = stmt.with_for_update(of=Intervention)
    found = await session.execute(stmt.execution_options(populate_existing=True))
    return found.unique().scalar_one_or_none()


async def change(session: AsyncSession, row: Intervention, **values: object) -> Intervention:
    """Set `values` on the intervention (its row already locked) and read it back."""
    await session.execute(update(Intervention).where(Intervention.id == row.id).values(**values)
                          .execution_options(synchronize_session=False))
    return await by_id(session, row.case_id, row.id)


async def page(session: AsyncSession, case_id: uuid.UUID, limit: int,
               cursor: str | None) -> list[Intervention]:
    """The case's interventions in the order recorded (keyset on (created_at, id))."""
    of_case = select(Intervention).where(Intervention.case_id == case_id)
    rows = await ascending_page(session, of_case, (Intervention.created_at, Intervention.id),
                                cursor, limit)
    return list(rows)


async def party_role(session: AsyncSession, case_id: uuid.UUID,
                     party_id: uuid.UUID) -> str | None:
    """The role of the case's party `party_id` (None when the case has no such party)."""
    row = await case_repo.row_of_case(session, Party, case_id, party_id)
    return row.role if row is not None else None


async def used_before(session: AsyncSession, case_id: uuid.UUID, party_id: uuid.UUID,
                      tool_id: str) -> bool:
    """Whether `tool_id` has been issued on the case against the party (any status after
    proposed: a warning that was issued and later discharged was still given)."""
    found = await session.execute(select(Intervention.id).where(
        Intervention.case_id == case_id, Intervention.against_party_id == party_id,
        Intervention.type == tool_id, Intervention.status != "proposed").limit(1))
    return found.first() is not None


async def add_breach(session: AsyncSession, intervention: Intervention, incident_id: uuid.UUID,
                     occurred_at: datetime, agency_id: uuid.UUID, now: datetime) -> None:
    session.add(InterventionBreach(
        id=uuid.uuid4(), intervention_id=intervention.id, case_id=intervention.case_id,
        incident_id=incident_id, occurred_at=occurred_at, recorded_at=now,
        recorded_by_agency_id=agency_id))
    await session.flush()

