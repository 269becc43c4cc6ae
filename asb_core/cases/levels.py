"""Changing a case's risk level: the version bumped, targets recomputed, the change on the
timeline and the audit chain."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from asb_core.actor import Actor
from asb_core.audit import chain as audit
from asb_core.cases import events
from asb_core.cases.models import Case
from asb_core.cases.repository import bump
from asb_core.targets.repository import set_level_targets


async def change_level(
    session: AsyncSession,
    actor: Actor,
    case: Case,
    new_level: str,
    now: datetime,
    *,
    reason: str,
) -> Case:
    """Set the case's risk level (version bumped), recompute targets, record the change."""
    old = case.risk_level
    if new_level == old:
        return case
    case = await bump(session, case, now=now, risk_level=new_level)
    await set_level_targets(session, case.id, new_level, now,
                            lead_agency_id=case.lead_agency_id)
    await events.event(session, actor, case.id, "level_change", now, None,
                **{"from": old, "to": new_level, "reason": reason})
    await audit.record(
        session, actor, "case.level_change", case_id=case.id, entity="case", entity_id=case.id,
        detail={"from": old, "to": new_level, "reason": reason},
    )
    return case
