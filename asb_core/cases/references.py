"""Case references and levels for a set of case ids (work-queue rows carry their case's
reference so an officer can act on them without another call)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core.cases.models import Case


async def case_labels(session: AsyncSession, case_ids: Iterable[uuid.UUID]) -> dict:
    """{case_id: (reference, risk_level)}; callers pass ids they were already allowed to see."""
    ids = set(case_ids)
    if not ids:
        return {}
    rows = await session.execute(
        select(Case.id, Case.reference, Case.risk_level).where(Case.id.in_(ids))
    )
    return {cid: (ref, level) for cid, ref, level in rows}
