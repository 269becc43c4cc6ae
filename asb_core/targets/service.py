"""Response targets: a case's targets, marking one met, per-agency work queues and the breach
sweep.

Work queues walk the partial indexes on open targets in due order, joined to the agency's
memberships through the (agency_id, case_id) unique index, with keyset pagination on
(due_at, id): the cost of a page does not grow with the number of cases.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import and_, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core import access, clock
from asb_core.actor import Actor
from asb_core.audit import chain as audit
from asb_core.cases import repository as case_repo
from asb_core.cases.models import CaseEvent
from asb_core.errors import Conflict, NotFound, ValidationFailed
from asb_core.pagination import TIME_ID, Page, check_limit, decode_cursor, page_of
from asb_core.sharing.models import Membership
from asb_core.targets.models import Target
from asb_core.updates.service import meet_recurring


async def list_case_targets(
    session: AsyncSession, actor: Actor, case_id: object, *, include_closed: bool = False
) -> list[Target]:
    case = await case_repo.load_case(session, actor, case_id, "case.read")
    stmt = select(Target).where(Target.case_id == case.id)
    if not include_closed:
        stmt = stmt.where(Target.closed_at.is_(None))
    rows = await session.execute(
        stmt.order_by(Target.due_at, Target.id).execution_options(populate_existing=True)
    )
    return list(rows.scalars().all())


async def mark_target_met(
    session: AsyncSession,
    actor: Actor,
    case_id: object,
    target_id: object,
    *,
    late_reason: str | None = None,
    now: datetime | None = None,
) -> Target:
    now = clock.utcnow(now)
    case = await case_repo.load_case(session, actor, case_id, "target.meet", lock=True)
    tid = access.parse_uuid(target_id, "target")
    target = (await session.execute(
        select(Target).where(Target.id == tid, Target.case_id == case.id)
    )).scalar_one_or_none()
    if target is None:
        raise NotFound(f"no target {target_id}")
    if target.state == "met":
        raise Conflict("the target is already met")
    if target.closed_at is not None:
        raise Conflict("the target was closed with its case")
    late = now > target.due_at
    if late and not (isinstance(late_reason, str) and late_reason.strip()):
        raise ValidationFailed(
            "the target is met after its due time: give a late reason",
            errors=[{"field": "late_reason", "message": "required when met after the due time"}],
        )
    await meet_recurring(session, actor, case, target, now, late_reason=late_reason)
    await audit.record(session, actor, "target.meet", case_id=case.id, entity="target",
                       entity_id=target.id, justification=late_reason if late else None,
                       detail={"kind": target.kind, "late": late})
    await session.refresh(target)
    return target


async def work_queue(
    session: AsyncSession,
    actor: Actor,
    *,
    state: str,
    within_hours: int = 24,
    limit: int = 50,
    cursor: str | None = None,
    now: datetime | None = None,
) -> Page:
    """Open targets on the cases the actor's agency is a member of, soonest due first.

    due: open and not yet past due; due_soon: open and due within `within_hours`;
    breached: swept to breached, or still due but past due.
    """
    check_limit(limit)
    access.require(actor, "case.read")
    now = clock.utcnow(now)
    stmt = select(Target).join(
        Membership,
        and_(Membership.case_id == Target.case_id, Membership.agency_id == actor.agency_id),
    ).where(Target.closed_at.is_(None))
    if actor.role == "call_handler":
        # A subquery: the policy's membership EXISTS would otherwise auto-correlate with the
        # join above and leave no FROM clause (a 500 for every call handler).
        stmt = stmt.where(Target.case_id.in_(access.visible_case_ids(actor)))
    if state == "due":
        stmt = stmt.where(Target.state == "due", Target.due_at >= now)
    elif state == "due_soon":
        if not isinstance(within_hours, int) or not 1 <= within_hours <= 24 * 90:
            raise ValidationFailed("bad window", errors=[{"field": "within_hours",
                                                          "message": "1 to 2160"}])
        stmt = stmt.where(Target.state == "due", Target.due_at >= now,
                          Target.due_at < now + timedelta(hours=within_hours))
    elif state == "breached":
        stmt = stmt.where(Target.state.in_(("due", "breached")), Target.due_at < now)
    else:
        raise ValidationFailed("bad state", errors=[{"field": "state",
                                                     "message": "due, due_soon or breached"}])
    key = decode_cursor(cursor, 2, convert=TIME_ID)
    if key:
        stmt = stmt.where(tuple_(Target.due_at, Target.id)
                          > tuple(key))
    rows = (await session.execute(
        stmt.order_by(Target.due_at, Target.id).limit(limit + 1)
    )).scalars().all()
    return page_of(list(rows), limit, lambda t: (t.due_at.isoformat(), t.id))


async def sweep_breaches(
    session: AsyncSession, now: datetime | None = None, *, batch: int = 10_000
) -> int:
    """Mark due targets past their due time as breached (one batch); returns how many."""
    now = clock.utcnow(now)
    due = (
        select(Target.id)
        .where(Target.state == "due", Target.closed_at.is_(None), Target.due_at < now)
        .order_by(Target.due_at)
        .limit(batch)
        .with_for_update(skip_locked=True)
    )
    rows = (await session.execute(
        update(Target).where(Target.id.in_(due.scalar_subquery())).values(state="breached")
        .returning(Target.id, Target.case_id, Target.kind, Target.due_at)
        .execution_options(synchronize_session=False)
    )).all()
    for tid, case_id, kind, due_at in rows:
        session.add(CaseEvent(case_id=case_id, at=now, kind="target_breached", entity_id=tid,
                              agency=None, summary={"kind": kind, "due_at": due_at.isoformat()}))
    if rows:
        await audit.record(session, Actor.system(), "targets.sweep",
                           detail={"breached": len(rows), "at": now.isoformat()})
    await session.flush()
    return len(rows)
