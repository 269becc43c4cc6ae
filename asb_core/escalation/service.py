"""Escalation flags of a case (rule id, evidence, raised and cleared times)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from asb_core.actor import Actor
from asb_core.cases import repository as case_repo
from asb_core.escalation import repository as flag_repo
from asb_core.escalation.models import EscalationFlag
from asb_core.uow import unit_of_work


@unit_of_work
async def list_flags(
    session: AsyncSession, actor: Actor, case_id: object, *, include_cleared: bool = False
) -> list[EscalationFlag]:
    case = await case_repo.load_case(session, actor, case_id, "case.read")
    return await flag_repo.case_flags(session, case.id, include_cleared=include_cleared)
