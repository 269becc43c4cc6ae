"""Updates (what an agency did), actions (a thing to do: owner agency, due date, done) and
victim updates (the victim was told what is being done: meets the due victim_update target and
starts the next one). Completing an action that a case review meeting recommended meets the
recommendation's target."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

import harm_model as hm
from asb_core import access, clock, idempotency
from asb_core.actor import Actor
from asb_core.agencies import repository as agency_repo
from asb_core.audit import chain as audit
from asb_core.case_review import repository as review_repo
from asb_core.cases import events
from asb_core.cases import repository as case_repo
from asb_core.cases.models import Case
from asb_core.errors import Conflict, NotFound, ValidationFailed
from asb_core.idempotency import RequestKey
from asb_core.pagination import Page, check_limit, page_of
from asb_core.targets import repository as target_repo
from asb_core.targets.models import Target
from asb_core.uow import unit_of_work
from asb_core.updates import repository as update_repo
from asb_core.updates.models import Update
from asb_core.updates.schemas import UpdateIn


async def meet_recurring(
    session: AsyncSession, actor: Actor, case: Case, target: Target, now: datetime,
    late_reason: str | None,
) -> Target | None:
    """Mark `target` met at `now`; a recurring kind starts its next occurrence at the case's
    current level. Returns the next target, if any."""
    target.state = "met"
    target.met_at = now
    target.met_by_agency_id = actor.agency_id
    target.late_reason = late_reason if now > target.due_at else None
    nxt = None
    if target.recurring and target.level is not None and case.status != "closed":
        spec = next((s for s in hm.target_specs(case.risk_level) if s.kind == target.kind), None)
        if spec is not None:
            nxt = target_repo.new_target(case.id, spec.kind, case.risk_level, now,
                                         hm.due_at(spec, now),
                                         owner_agency_id=target.owner_agency_id)
            session.add(nxt)
    await session.flush()
    await events.event(session, actor, case.id, "target_met", now, target.id,
                         kind=target.kind, due_at=target.due_at, late=now > target.due_at)
    return nxt


async def record_update(
    session: AsyncSession,
    actor: Actor,
    case: Case,
    *,
    kind: str,
    text: str,
    owner_agency: str | None,
    due_at: datetime | None,
    now: datetime,
) -> Update:
    """Write one update (its shape already checked by UpdateIn, or chosen by the caller)."""
    errors = []
    if not text.strip():
        errors.append({"field": "text", "message": "required"})
    if due_at is not None and due_at.tzinfo is None:
        errors.append({"field": "due_at", "message": "a time with a zone"})
    if kind == "action" and not owner_agency:
        errors.append({"field": "owner_agency", "message": "an action needs an owner agency"})
    if errors:
        raise ValidationFailed("the update is not valid", errors=errors)
    owner_id = None
    if owner_agency:
        owner = await agency_repo.agency_by_slug(session, owner_agency, "owner_agency")
        if not await case_repo.is_member(session, case.id, owner.id):
            raise ValidationFailed(
                "owner agency is not a member of the case",
                errors=[{"field": "owner_agency", "message": "must be a member agency"}],
            )
        owner_id = owner.id
    row = await update_repo.insert_update(
        session, case.id, kind=kind, text=text, author_agency_id=actor.agency_id,
        owner_agency_id=owner_id, due_at=due_at, now=now,
    )
    if kind == "victim_update":
        due = await target_repo.open_targets_of_kinds(session, case.id, ["victim_update"])
        for open_target in due[:1]:
            # A victim update is the act that meets this target; when late, it says so itself.
            await meet_recurring(
                session, actor, case, open_target, now,
                late_reason=f"victim update {row.id} recorded after the due time",
            )
    await events.event(session, actor, case.id, kind, now, row.id,
                         owner_agency=owner_agency, due_at=due_at)
    await audit.record(
        session, actor, f"update.add.{kind}", case_id=case.id, entity="update", entity_id=row.id,
        detail={"kind": kind, "owner_agency": owner_agency},
    )
    await session.refresh(row)
    return row


@unit_of_work
async def add_update(
    session: AsyncSession,
    actor: Actor,
    case_id: object,
    data: UpdateIn,
    *,
    idempotency_key: RequestKey | None = None,
    now: datetime | None = None,
) -> Update:
    """Record an update; with `idempotency_key`, a retry returns the first one (see
    `asb_core.idempotency`)."""
    now = clock.utcnow(now)
    case = await case_repo.load_case(session, actor, case_id, "update.add", lock=True)
    existing = await idempotency.replay_of(session, actor, idempotency_key, case_id=case.id,
                                           resource_type="update")
    if existing is not None:
        return await update_repo.update_by_id(session, existing)
    if case.status == "closed":
        raise Conflict("the case is closed: reopen it first")
    row = await record_update(session, actor, case, kind=data.kind, text=data.text,
                              owner_agency=data.owner_agency, due_at=data.due_at, now=now)
    await idempotency.bind_key(session, actor, idempotency_key, row.id)
    return row


@unit_of_work
async def complete_action(
    session: AsyncSession, actor: Actor, case_id: object, update_id: object,
    now: datetime | None = None,
) -> Update:
    now = clock.utcnow(now)
    case = await case_repo.load_case(session, actor, case_id, "update.add")
    uid = access.parse_uuid(update_id, "update")
    row = await update_repo.lock_update(session, case.id, uid)
    if row is None:
        raise NotFound(f"no update {update_id}")
    if row.kind != "action":
        raise Conflict("only an action can be completed")
    if row.done:
        return row
    row.done, row.done_at = True, now
    await session.flush()
    recommended = await review_repo.recommendation_target_of_action(session, case.id, row.id)
    if recommended is not None:
        # A case review recommendation's action: doing it is what meets its target.
        await meet_recurring(session, actor, case, recommended, now,
                             late_reason=f"action {row.id} done after the due time")
    await session.refresh(row)
    await events.event(session, actor, case.id, "action_done", now, row.id)
    await audit.record(session, actor, "update.complete", case_id=case.id, entity="update",
                       entity_id=row.id)
    return row


@unit_of_work
async def list_updates(
    session: AsyncSession, actor: Actor, case_id: object, *, limit: int = 50,
    cursor: str | None = None,
) -> Page:
    check_limit(limit)
    case = await case_repo.load_case(session, actor, case_id, "case.read")
    rows = await update_repo.updates_page(session, case.id, limit, cursor)
    return page_of(rows, limit, lambda r: (r.created_at.isoformat(), r.id))
