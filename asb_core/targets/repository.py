"""Statements on targets: a case's targets, one target, the work queue (through the access
policy), the current level targets of a case, recomputing them for a new level (harm_model's
rule), closing a case's open targets, and new target rows."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import Select, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession

import harm_model as hm
from asb_core import access
from asb_core.actor import Actor
from asb_core.cases import repository as case_repo
from asb_core.targets.models import LEVEL_TARGET_KINDS, Target, owner_of

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
    session: AsyncSession, case_id: uuid.UUID, level: str, now: datetime, *,
    lead_agency_id: uuid.UUID,
) -> None:
    """Recompute the case's level targets for `level` from `now` (harm_model rule: a met target
    stays met, an open one gets the tighter of its due time and the new level's). A new one is
    owned as `owner_of` says for a case led by `lead_agency_id`; a recomputed one keeps its
    owner."""
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
            session.add(new_target(case_id, st.kind, st.level.value, st.started_at, st.due_at,
                                   owner_agency_id=owner_of(st.kind, lead_agency_id)))
    await session.flush()


def new_target(
    case_id: uuid.UUID, kind: str, level: str | None, start: datetime, due: datetime, *,
    owner_agency_id: uuid.UUID,
) -> Target:
    """A new target row, owned by `owner_agency_id` (`owner_of` for a case's new target, the
    previous occurrence's owner for a recurring one)."""
    kind = TARGET_KIND_ALIASES.get(kind, kind)
    recurring = _spec_recurring(kind, level) if level else False
    return Target(
        id=uuid.uuid4(), case_id=case_id, kind=kind, level=level, recurring=recurring,
        started_at=start, due_at=due, state="due", owner_agency_id=owner_agency_id,
    )


async def case_targets(
    session: AsyncSession, case_id: uuid.UUID, *, include_closed: bool = False
) -> list[Target]:
    stmt = select(Target).where(Target.case_id == case_id)
    if not include_closed:
        stmt = stmt.where(Target.closed_at.is_(None))
    rows = await session.execute(
        stmt.order_by(Target.due_at, Target.id).execution_options(populate_existing=True)
    )
    return list(rows.scalars().all())


async def target_of_case(
    session: AsyncSession, case_id: uuid.UUID, target_id: uuid.UUID
) -> Target | None:
    return await case_repo.row_of_case(session, Target, case_id, target_id)


async def open_targets_of_kinds(
    session: AsyncSession, case_id: uuid.UUID, kinds: list[str]
) -> list[Target]:
    """The case's targets of these kinds still to be met (due or breached, not closed)."""
    rows = await session.execute(
        select(Target).where(
            Target.case_id == case_id, Target.kind.in_(kinds),
            Target.state.in_(("due", "breached")), Target.closed_at.is_(None),
        ).order_by(Target.due_at)
    )
    return list(rows.scalars().all())


async def set_owner(session: AsyncSession, target: Target, owner_agency_id: uuid.UUID) -> Target:
    """Give `target` to another owner agency; the row as it is now."""
    target.owner_agency_id = owner_agency_id
    await session.flush()
    await session.refresh(target)
    return target


async def return_open_targets(
    session: AsyncSession, case_id: uuid.UUID, from_agency_id: uuid.UUID, to_agency_id: uuid.UUID
) -> list[uuid.UUID]:
    """Give the case's targets still to be met that `from_agency_id` owns to `to_agency_id` (an
    agency leaving the case hands its work back to the lead); the ids moved."""
    moved = await session.execute(
        update(Target)
        .where(Target.case_id == case_id, Target.owner_agency_id == from_agency_id,
               Target.state != "met", Target.closed_at.is_(None))
        .values(owner_agency_id=to_agency_id)
        .returning(Target.id)
        .execution_options(synchronize_session=False)
    )
    return [row[0] for row in moved]


async def close_open_targets(session: AsyncSession, case_id: uuid.UUID, now: datetime) -> None:
    """Close out every target of the case not met (the case is closing)."""
    await session.execute(
        update(Target)
        .where(Target.case_id == case_id, Target.state != "met", Target.closed_at.is_(None))
        .values(closed_at=now)
        .execution_options(synchronize_session=False)
    )


def queue_statement(
    actor: Actor, state: str, now: datetime, within_hours: int, key: tuple | None, *,
    owned_only: bool = True,
) -> Select:
    """Open targets on the cases `actor` may see (access policy) in queue `state`, soonest due
    first, after the keyset `key` (due_at, id); with `owned_only`, only those its agency owns."""
    stmt = select(Target).where(
        access.readable_case_rows(actor, Target.case_id), Target.closed_at.is_(None)
    )
    if owned_only:
        stmt = stmt.where(Target.owner_agency_id == actor.agency_id)
    if state == "due":
        stmt = stmt.where(Target.state == "due", Target.due_at >= now)
    elif state == "due_soon":
        stmt = stmt.where(Target.state == "due", Target.due_at >= now,
                          Target.due_at < now + timedelta(hours=within_hours))
    else:  # breached: swept to breached, or still due but past due
        stmt = stmt.where(Target.state.in_(("due", "breached")), Target.due_at < now)
    if key:
        stmt = stmt.where(tuple_(Target.due_at, Target.id) > tuple(key))
    return stmt.order_by(Target.due_at, Target.id)
