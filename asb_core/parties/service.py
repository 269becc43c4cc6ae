"""Parties to a case, consent, and the one reader of restricted identity.

Names and contacts (complainants, witnesses, victims) come back only to caseworkers and
supervisors of member agencies, and each call that returns them writes one audit event naming
the fields read. Restricted values never go into audit details, timeline summaries or logs.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core import access, clock
from asb_core.actor import Actor
from asb_core.audit import chain as audit
from asb_core.cases import events
from asb_core.cases import repository as case_repo
from asb_core.cases.service import check_consent, identity_row
from asb_core.errors import NotFound, ValidationFailed
from asb_core.parties.lookup_digest import load_pepper
from asb_core.parties.models import PARTY_ROLES, RESTRICTED_FIELDS, Party, PartyIdentity
from asb_core.uow import unit_of_work


@dataclass
class PartyView:
    id: uuid.UUID
    role: str
    display_name: str
    description: str | None
    consent: dict
    restricted: dict | None

    def __repr__(self) -> str:  # keep identity out of logs and tracebacks
        return f"PartyView({self.id}, {self.role}, restricted={'yes' if self.restricted else 'no'})"


def _consent(p: Party) -> dict:
    return {"state": p.consent_state, "recorded_at": p.consent_recorded_at,
            "legal_basis": p.consent_legal_basis}


@unit_of_work
async def list_parties(session: AsyncSession, actor: Actor, case_id: object) -> list[PartyView]:
    case = await case_repo.load_case(session, actor, case_id, "case.read")
    parties = (
        await session.execute(
            select(Party).where(Party.case_id == case.id).order_by(Party.created_at, Party.id)
        )
    ).scalars().all()
    identities: dict[uuid.UUID, PartyIdentity] = {}
    if access.may_see_restricted(actor) and parties:
        rows = await session.execute(
            select(PartyIdentity).where(PartyIdentity.party_id.in_([p.id for p in parties]))
        )
        identities = {i.party_id: i for i in rows.scalars()}
    views = []
    for p in parties:
        restricted = None
        if access.may_see_restricted(actor):
            ident = identities.get(p.id)
            restricted = {f: getattr(ident, f, None) for f in RESTRICTED_FIELDS}
            if restricted["date_of_birth"] is not None:
                restricted["date_of_birth"] = restricted["date_of_birth"].isoformat()
        views.append(PartyView(p.id, p.role, p.display_name, p.description, _consent(p),
                               restricted))
    if access.may_see_restricted(actor) and parties:
        await audit.record(
            session, actor, "party.restricted_read", case_id=case.id, entity="party",
            fields=RESTRICTED_FIELDS,
            detail={"parties": [str(p.id) for p in parties],
                    "roles": sorted({p.role for p in parties})},
        )
    return views


async def add_party(
    session: AsyncSession,
    actor: Actor,
    case_id: object,
    *,
    role: str,
    name: str | None = None,
    phone: str | None = None,
    email: str | None = None,
    address: str | None = None,
    date_of_birth: object = None,
    description: str | None = None,
    now: datetime | None = None,
) -> PartyView:
    now = clock.utcnow(now)
    case = await case_repo.load_case(session, actor, case_id, "case.update")
    if role not in PARTY_ROLES:
        raise ValidationFailed("bad role", errors=[{"field": "role",
                                                    "message": ", ".join(PARTY_ROLES)}])
    count = (
        await session.execute(
            select(func.count()).select_from(Party).where(
                Party.case_id == case.id, Party.role == role
            )
        )
    ).scalar_one()
    label = role.replace("_", " ").capitalize()
    party = Party(
        id=uuid.uuid4(), case_id=case.id, role=role, display_name=f"{label} {count + 1}",
        description=description, consent_state="not_asked", created_by_agency_id=actor.agency_id,
        created_at=now,
    )
    session.add(party)
    await session.flush()
    values = {"name": name, "phone": phone, "email": email, "address": address,
              "date_of_birth": date_of_birth}
    given = [k for k, v in values.items() if v is not None]
    if given:
        session.add(identity_row(party.id, values, "", await load_pepper(session)))
    await session.flush()
    await events.event(session, actor, case.id, "party_added", now, party.id, role=role,
                         display_name=party.display_name)
    await audit.record(session, actor, "party.add", case_id=case.id, entity="party",
                       entity_id=party.id, fields=given, detail={"role": role})
    return PartyView(party.id, role, party.display_name, description, _consent(party), None)


async def record_consent(
    session: AsyncSession, actor: Actor, case_id: object, party_id: object, *, state: str,
    legal_basis: str | None = None, now: datetime | None = None,
) -> PartyView:
    now = clock.utcnow(now)
    case = await case_repo.load_case(session, actor, case_id, "case.update")
    check_consent(state, legal_basis)
    pid = access.parse_uuid(party_id, "party")
    party = (
        await session.execute(select(Party).where(Party.id == pid, Party.case_id == case.id))
    ).scalar_one_or_none()
    if party is None:
        raise NotFound(f"no party {party_id}")
    party.consent_state, party.consent_recorded_at = state, now
    party.consent_legal_basis = legal_basis
    await session.flush()
    await events.event(session, actor, case.id, "consent_recorded", now, party.id, state=state)
    await audit.record(session, actor, "party.consent", case_id=case.id, entity="party",
                       entity_id=party.id, justification=legal_basis, detail={"state": state})
    return PartyView(party.id, party.role, party.display_name, party.description,
                     _consent(party), None)
