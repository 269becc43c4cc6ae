"""Repeat-caller lookup for call handlers: does the area have an open case for this caller's
phone number or address, and at what level?

The answer is deliberately only a yes/no and the highest level: no case id, no reference, no
agency, nothing about who else is involved. Every lookup is audited (without the phone number or
address), and each matched case's member agencies see a `repeat_call` event on its timeline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

import harm_model as hm
from asb_core import access, clock
from asb_core.actor import Actor
from asb_core.audit import chain as audit
from asb_core.cases import events
from asb_core.cases.models import Case
from asb_core.errors import ValidationFailed
from asb_core.parties.lookup_digest import address_digest, load_pepper, phone_digest
from asb_core.parties.models import Party, PartyIdentity
from asb_core.parties.schemas import RepeatCallerIn
from asb_core.uow import unit_of_work

CALLER_ROLES = ("victim", "complainant")


@dataclass(frozen=True)
class LookupResult:
    match: bool
    level: str | None


@unit_of_work
async def lookup(
    session: AsyncSession, actor: Actor, data: RepeatCallerIn, *, now: datetime | None = None
) -> LookupResult:
    access.require(actor, "repeat_caller.lookup")
    phone, address, area = data.phone, data.address, data.area
    pepper = await load_pepper(session)
    by_phone, by_address = phone_digest(pepper, phone), address_digest(pepper, address)
    if by_phone is None and by_address is None:
        raise ValidationFailed(
            "give a phone number or an address",
            errors=[{"field": "phone", "message": "a phone number (6+ digits) or an address"}],
        )
    keys = []
    if by_phone:
        keys.append(PartyIdentity.phone_digest == by_phone)
    if by_address:
        keys.append(PartyIdentity.address_digest == by_address)
    stmt = (
        select(Case.id, Case.risk_level)
        .join(Party, Party.case_id == Case.id)
        .join(PartyIdentity, PartyIdentity.party_id == Party.id)
        .where(or_(*keys), Party.role.in_(CALLER_ROLES), Case.status != "closed")
        .distinct()
    )
    if area:
        stmt = stmt.where(Case.area == area)
    matches = (await session.execute(stmt)).all()
    level = None
    if matches:
        level = hm.max_level(*(hm.Level(lvl) for _, lvl in matches)).value
    now = clock.utcnow(now)
    await audit.record(
        session, actor, "repeat_caller.lookup",
        detail={"by": [k for k, v in (("phone", by_phone), ("address", by_address)) if v],
                "area": area, "match": bool(matches), "level": level},
    )
    for case_id, case_level in matches:
        await events.event(session, actor, case_id, "repeat_call", now, None,
                             by_agency=actor.agency_slug, level=case_level)
    return LookupResult(bool(matches), level)
