"""Legal holds: a supervisor or the data protection officer holds a case from retention (why,
until when) and releases it; both are audited (the reason as an erasable note). Retention skips
a case while any hold on it is in force (`retention.active_hold`); erasure on request is refused
on a held case."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core import access, clock
from asb_core.actor import Actor
from asb_core.audit import chain as audit
from asb_core.cases.models import Case
from asb_core.dataprotection.models import LegalHold
from asb_core.dataprotection.retention import active_hold
from asb_core.dataprotection.schemas import HoldReleaseIn, LegalHoldIn
from asb_core.errors import Conflict, NotFound, ValidationFailed
from asb_core.uow import unit_of_work


async def load_case(session: AsyncSession, actor: Actor, case_id: object, action: str, *,
                    lock: bool = False) -> Case:
    """The case if `actor` may see it for data protection work (else NotFound: a caller never
    learns of a case it may not see), then `action` checked (else Forbidden)."""
    cid = access.parse_uuid(case_id)
    stmt = access.data_protection_cases(actor).where(Case.id == cid)
    if lock:
        stmt = stmt.with_for_update(of=Case)
    case = (await session.execute(stmt.execution_options(populate_existing=True))
            ).unique().scalar_one_or_none()
    if case is None:
        raise access.not_found(case_id)
    access.require(actor, action)
    return case


async def held(session: AsyncSession, case_id: uuid.UUID, now: datetime) -> bool:
    return (await session.execute(select(LegalHold.id).where(active_hold(case_id, now))
                                  .limit(1))).first() is not None


@unit_of_work
async def place_hold(session: AsyncSession, actor: Actor, case_id: object, data: LegalHoldIn,
                     *, now: datetime | None = None) -> LegalHold:
    now = clock.utcnow(now)
    case = await load_case(session, actor, case_id, "hold.place", lock=True)
    if data.until is not None and data.until <= now:
        raise ValidationFailed("a hold ends in the future", errors=[
            {"field": "until", "message": "must be in the future (or left out: until released)"}])
    if case.anonymised_at is not None:
        raise Conflict("the case was anonymised: nothing personal is left to hold")
    hold = LegalHold(id=uuid.uuid4(), case_id=case.id, reason=data.reason, until=data.until,
                     placed_at=now, placed_by_agency_id=actor.agency_id,
                     placed_by_principal_id=actor.principal_id)
    session.add(hold)
    await session.flush()
    await audit.record(session, actor, "legal_hold.place", case_id=case.id, entity="legal_hold",
                       entity_id=hold.id, justification=data.reason, at=now,
                       detail={"until": data.until.isoformat() if data.until else None})
    return await _reload(session, hold.id)


@unit_of_work
async def list_holds(session: AsyncSession, actor: Actor, case_id: object) -> list[LegalHold]:
    case = await load_case(session, actor, case_id, "hold.read")
    return list((await session.execute(
        select(LegalHold).where(LegalHold.case_id == case.id)
        .order_by(LegalHold.placed_at, LegalHold.id)
        .execution_options(populate_existing=True))).scalars())


@unit_of_work
async def release_hold(session: AsyncSession, actor: Actor, case_id: object, hold_id: object,
                       data: HoldReleaseIn, *, now: datetime | None = None) -> LegalHold:
    now = clock.utcnow(now)
    case = await load_case(session, actor, case_id, "hold.release", lock=True)
    hold = (await session.execute(
        select(LegalHold).where(LegalHold.id == access.parse_uuid(hold_id, "legal hold"),
                                LegalHold.case_id == case.id).with_for_update(of=LegalHold)
    )).scalar_one_or_none()
    if hold is None:
        raise NotFound(f"no legal hold {hold_id} on case {case.reference}")
    if hold.released_at is not None:
        raise Conflict("the hold was already released")
    hold.released_at, hold.released_by_agency_id = now, actor.agency_id
    hold.release_reason = data.reason
    await session.flush()
    await audit.record(session, actor, "legal_hold.release", case_id=case.id,
                       entity="legal_hold", entity_id=hold.id, justification=data.reason, at=now)
    return await _reload(session, hold.id)


async def _reload(session: AsyncSession, hold_id: uuid.UUID) -> LegalHold:
    return (await session.execute(select(LegalHold).where(LegalHold.id == hold_id)
                                  .execution_options(populate_existing=True))).scalar_one()
