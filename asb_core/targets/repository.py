"""Statements on targets: the current level targets of a case, recomputing them for a new level
(harm_model's rule), and new target rows."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

import harm_model as hm
from asb_core.targets.models import LEVEL_TARGET_KINDS, Target

# harm_model names the threshold-decision target differently from the API vocabulary.
TARGET_KIND_ALIASES = {"case_review_threshold_decision": "case_review_decision"}


def _state_of(t: Target) -> hm.TargetState:
    return hm.TargetState(
        kind=t.kind,
        level=hm.Level.parse(t.level),
        due_at=t.due_at,
        state=t.state,
        met_at=t.met_at,
        met_by=None,
        started_at=t.started_at,
        late_reason=t.late_reason,
    )


async def open_level_targets(session: AsyncSession, case_id: uuid.UUID) -> list[Target]:
    rows = (
        await session.execute(
            select(Target)
            .where(
                Target.case_id == case_id,
                Target.kind.in_(LEVEL_TARGET_KINDS),
                Target.closed_at.is_(None),
            )
            .order_by(Target.created_at, Target.id)
        )
    ).scalars().all()
    # The current target of each kind: the open one, else the latest met one.
    current: dict[str, Target] = {}
    for t in rows:
        held = current.get(t.kind)
        if held is None or t.state != "met" or held.state == "met":
            current[t.kind] = t
    return list(current.values())


def _spec_recurring(kind: str, level: str) -> bool:
    return any(s.recurring for s in hm.target_specs(level) if s.kind == kind)


async def set_level_targets(
    session: AsyncSession, case_id: uuid.UUID, level: str, now: datetime
) -> None:
    """Recompute the case's level targets for `level` from `now` (harm_model rule: a met target
    stays met, an open one gets the tighter of its due time and the new level's)."""
    rows = await open_level_targets(session, case_id)
    new_states = hm.recompute_targets([_state_of(t) for t in rows], level, now)
    for i, st in enumerate(new_states):
        if i < len(rows):
            row = rows[i]
            if row.state == "met":
                continue
            row.due_at, row.started_at, row.state = st.due_at, st.started_at, st.state
            row.level = st.level.value
        else:
            session.add(new_target(case_id, st.kind, st.level.value, st.started_at, st.due_at))
    await session.flush()


def new_target(
    case_id: uuid.UUID, kind: str, level: str | None, start: datetime, due: datetime
) -> Target:
    kind = TARGET_KIND_ALIASES.get(kind, kind)
    recurring = _spec_recurring(kind, level) if level else False
    return Target(
        id=uuid.uuid4(), case_id=case_id, kind=kind, level=level, recurring=recurring,
        started_at=start, due_at=due, state="due",
    )
