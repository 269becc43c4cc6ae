"""Statements on escalation: a case's flags (open, or all), whether a rule's flag is open, and the
case's running escalation state."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core.cases.models import EscalationState
from asb_core.escalation.models import EscalationFlag


async def open_flags(session: AsyncSession, case_id: uuid.UUID) -> list[EscalationFlag]:
    """The case's flags not cleared (in no particular order)."""
    rows = await session.execute(
        select(EscalationFlag).where(
            EscalationFlag.case_id == case_id, EscalationFlag.cleared_at.is_(None)
        )
    )
    return list(rows.scalars())


async def has_open_flag(session: AsyncSession, case_id: uuid.UUID, rule_id: str) -> bool:
    found = await session.execute(
        select(EscalationFlag.id).where(
            EscalationFlag.case_id == case_id,
            EscalationFlag.rule_id == rule_id,
            EscalationFlag.cleared_at.is_(None),
        )
    )
    return found.first() is not None


async def case_flags(
    session: AsyncSession, case_id: uuid.UUID, *, include_cleared: bool = False
) -> list[EscalationFlag]:
    """The case's flags in the order they were raised; cleared ones only when asked for."""
    open_only = () if include_cleared else (EscalationFlag.cleared_at.is_(None),)
    rows = await session.execute(
        select(EscalationFlag)
        .where(EscalationFlag.case_id == case_id, *open_only)
        .order_by(EscalationFlag.raised_at, EscalationFlag.id)
    )
    return list(rows.scalars().all())


async def escalation_state(session: AsyncSession, case_id: uuid.UUID) -> EscalationState | None:
    """The case's running escalation state (the row every incident folds into)."""
    return await session.get(EscalationState, case_id)
