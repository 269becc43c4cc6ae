"""Statements on assessments: storing a harm-model result as an assessment row, and a case's
assessments in the order they were made (keyset on (assessed_at, id))."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

import harm_model as hm
from asb_core.actor import Actor
from asb_core.assessments.models import Assessment
from asb_core.pagination import ascending_page


async def insert_assessment(
    session: AsyncSession, actor: Actor, case_id: uuid.UUID, result: hm.Assessment, now: datetime
) -> Assessment:
    data = result.to_dict()
    row = Assessment(
        id=uuid.uuid4(),
        case_id=case_id,
        answers=data["answers"],
        policy_version=result.policy_version,
        score=result.score,
        computed_level=result.computed_level.value,
        level=result.level.value,
        reasons=data["reasons"],
        judgement=data["judgement"],
        assessed_at=now,
        assessed_by_agency_id=actor.agency_id,
        assessed_by_principal_id=actor.principal_id,
    )
    session.add(row)
    await session.flush()
    await session.refresh(row)
    return row


async def assessments_page(
    session: AsyncSession, case_id: uuid.UUID, limit: int, cursor: str | None
) -> list[Assessment]:
    """The case's assessments, oldest first (every one is kept: the level history)."""
    of_case = select(Assessment).where(Assessment.case_id == case_id)
    return await ascending_page(
        session, of_case, (Assessment.assessed_at, Assessment.id), cursor, limit)
