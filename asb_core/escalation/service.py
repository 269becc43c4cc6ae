"""Escalation flags of a case (rule id, evidence, raised and cleared times)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core.actor import Actor
from asb_core.cases import repository as case_repo
from asb_core.escalation.models import EscalationFlag
from asb_core.uow import unit_of_work


@unit_of_work
async def list_flags(
    session: AsyncSession, actor: Actor, case_id: object, *, include_cleared: bool = False
) -> list[EscalationFlag]:
    case = await case_repo.load_case(session, actor, case_id, "case.read")
    stmt = select(EscalationFlag).where(EscalationFlag.case_id == case.id)
    if not include_cleared:
        stmt = stmt.where(EscalationFlag.cleared_at.is_(None))
    rows = await session.execute(stmt.order_by(EscalationFlag.raised_at, EscalationFlag.id))
    return list(rows.scalars().all())
