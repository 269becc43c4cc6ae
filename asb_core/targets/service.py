"""Response targets: a case's targets, marking one met, reassigning its owner agency, per-agency
work queues (by default only the work the caller's agency owns) and the breach sweep.

Work queues walk the partial indexes on open targets in due order, limited to the cases the
caller may see by the access policy (a member agency's through the (agency_id, case_id) unique
index of memberships), with keyset pagination on
(due_at, id): the cost of a page does not grow with the number of cases.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core import access, clock
from asb_core.actor import Actor
from asb_core.agencies import repository as agency_repo
from asb_core.audit import chain as audit
from asb_core.cases import events, references
from asb_core.cases import repository as case_repo
from asb_core.cases.models import Case, CaseEvent
from asb_core.errors import Conflict, NotFound, ValidationFailed
from asb_core.pagination import TIME_ID, Page, check_limit, decode_cursor, page_of
from asb_core.targets import repository as target_repo
from asb_core.targets.models import Target
from asb_core.targets.schemas import TargetMetIn, TargetOwnerIn
from asb_core.uow import unit_of_work
from asb_core.updates.service import meet_recurring

QUEUE_STATES = ("due", "due_soon", "breached")
# owned: the targets the caller's agency owns; all_member_cases: every open target of the cases
# it is a member of, whoever owns them.
QUEUE_SCOPES = ("owned", "all_member_cases")


@unit_of_work
async def list_case_targets(
    session: AsyncSession, actor: Actor, case_id: object, *, include_closed: bool = False
) -> list[Target]:
    case = await case_repo.load_case(session, actor, case_id, "case.read")
    return await target_repo.case_targets(session, case.id, include_closed=include_closed)


async def _open_target(
    session: AsyncSession, actor: Actor, case_id: object, target_id: object, action: str, *,
    met: str,
) -> tuple[Case, Target]:
    """The case (locked, `action` allowed) and its target still to be met: NotFound for a
    target not of the case, Conflict (saying `met`) for a met one or one closed with its case."""
    case = await case_repo.load_case(session, actor, case_id, action, lock=True)
    tid = access.parse_uuid(target_id, "target")
    target = await target_repo.target_of_case(session, case.id, tid)
    if target is None:
        raise NotFound(f"no target {target_id}")
    if target.state == "met":
        raise Conflict(met)
    if target.closed_at is not None:
        raise Conflict("the target was closed with its case")
    return case, target


@unit_of_work
async def mark_target_met(
    session: AsyncSession,
    actor: Actor,
    case_id: object,
    target_id: object,
    data: TargetMetIn | None = None,
    *,
    now: datetime | None = None,
) -> Target:
    now = clock.utcnow(now)
    late_reason = data.late_reason if data is not None else None
    case, target = await _open_target(session, actor, case_id, target_id, "target.meet",
                                      met="the target is already met")
    late = now > target.due_at
    if late and not (late_reason and late_reason.strip()):
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


@unit_of_work
async def reassign_target(
    session: AsyncSession,
    actor: Actor,
    case_id: object,
    target_id: object,
    data: TargetOwnerIn,
    *,
    now: datetime | None = None,
) -> Target:
    """Give a target still to be met to another member agency of the case (audited with the
    reason, on the timeline). Reassigning to the agency that owns it already changes nothing."""
    now = clock.utcnow(now)
    case, target = await _open_target(session, actor, case_id, target_id, "target.reassign",
                                      met="the target is met: there is no work left to own")
    owner = await agency_repo.agency_by_slug(session, data.owner_agency, "owner_agency")
    if not await case_repo.is_member(session, case.id, owner.id):
        raise ValidationFailed("the owner agency is not a member of the case", errors=[
            {"field": "owner_agency", "message": "must be a member agency of the case"}])
    if owner.id == target.owner_agency_id:
        return target
    previous = target.owner_agency_slug
    target = await target_repo.set_owner(session, target, owner.id)
    await events.event(session, actor, case.id, "target_reassigned", now, target.id,
                       kind=target.kind, from_agency=previous, to_agency=owner.slug)
    await audit.record(session, actor, "target.reassign", case_id=case.id, entity="target",
                       entity_id=target.id, justification=data.reason,
                       detail={"kind": target.kind, "from": previous, "to": owner.slug})
    return target


@unit_of_work
async def work_queue(
    session: AsyncSession,
    actor: Actor,
    *,
    state: str,
    scope: str = "owned",
    within_hours: int = 24,
    limit: int = 50,
    cursor: str | None = None,
    now: datetime | None = None,
) -> Page:
    """Open targets on the cases the actor may see, soonest due first: those its agency owns
    (scope `owned`), or all of them (`all_member_cases`).

    due: open and not yet past due; due_soon: open and due within `within_hours`;
    breached: swept to breached, or still due but past due.
    """
    check_limit(limit)
    access.require(actor, "case.read")
    now = clock.utcnow(now)
    if state not in QUEUE_STATES:
        raise ValidationFailed("bad state", errors=[{"field": "state",
                                                     "message": "due, due_soon or breached"}])
    if scope not in QUEUE_SCOPES:
        raise ValidationFailed("bad scope", errors=[{"field": "scope",
                                                     "message": "owned or all_member_cases"}])
    if state == "due_soon" and not 1 <= within_hours <= 24 * 90:
        raise ValidationFailed("bad window", errors=[{"field": "within_hours",
                                                      "message": "1 to 2160"}])
    key = decode_cursor(cursor, 2, convert=TIME_ID)
    stmt = target_repo.queue_statement(actor, state, now, within_hours, key,
                                       owned_only=scope == "owned")
    rows = (await session.execute(stmt.limit(limit + 1))).scalars().all()
    return page_of(list(rows), limit, lambda t: (t.due_at.isoformat(), t.id))


@dataclass(frozen=True)
class QueueItem:
    """A work-queue row: the target and its case's reference (so an officer can act on it
    without another call)."""

    target: Target
    case_reference: str


@unit_of_work
async def work_queue_items(session: AsyncSession, actor: Actor, **query) -> Page:
    """`work_queue` (same arguments), each target with its case's reference."""
    result = await work_queue(session, actor, **query)
    labels = await references.case_labels(session, (t.case_id for t in result.items))
    return Page([QueueItem(t, labels[t.case_id][0]) for t in result.items], result.next_cursor)


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
