"""Erasure on request: one party's identity erased from a case, the case's facts kept.

The data protection officer erases a party: its identity row (name, phone, email, address,
date of birth, the repeat-caller digests) is deleted, its description cleared and the party
marked erased (when, by which agency). With `free_text`, the party's values are also replaced
by `[erased]` wherever the case's free text repeats them (diary entries, accounts, updates,
closures, reasons, interventions, the Case Review, audit notes: `rules.FREE_TEXT`). The request
is audited as `party.erase`: its reference and reason as an erasable note, who authorised it
(the acting principal, agency and role), the names of the fields erased and the rows changed per
table; never an erased value. A case under a legal hold is not erased (409).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core import access, clock
from asb_core.actor import Actor
from asb_core.audit import chain as audit
from asb_core.cases import events
from asb_core.dataprotection import redaction
from asb_core.dataprotection.holds import held, load_case
from asb_core.dataprotection.schemas import ErasureIn
from asb_core.errors import Conflict, NotFound
from asb_core.parties import repository as party_repo
from asb_core.parties.models import RESTRICTED_FIELDS, PartyIdentity
from asb_core.referrals.models import Referral, ReferralDisclosure
from asb_core.uow import unit_of_work


@dataclass(frozen=True)
class ErasureResult:
    party_id: object
    role: str
    display_name: str
    erased_at: datetime
    fields: list[str]  # the identity fields that held a value (names only)
    free_text: bool
    changed: dict[str, int]  # rows changed per table

    def __repr__(self) -> str:
        return f"ErasureResult({self.party_id}, {self.role}, fields={self.fields})"


@unit_of_work
async def erase_party(session: AsyncSession, actor: Actor, case_id: object, party_id: object,
                      data: ErasureIn, *, now: datetime | None = None) -> ErasureResult:
    now = clock.utcnow(now)
    case = await load_case(session, actor, case_id, "party.erase", lock=True)
    party = await party_repo.party_of_case(session, case.id,
                                           access.parse_uuid(party_id, "party"), lock=True)
    if party is None:
        raise NotFound(f"no party {party_id} on case {case.reference}")
    if await held(session, case.id, now):
        raise Conflict("the case is under a legal hold: release the hold before erasing")
    if party.erased_at is not None:
        raise Conflict(f"{party.display_name} was already erased")
    identity = (await party_repo.identities(session, [party.id])).get(party.id)
    values = {f: getattr(identity, f, None) for f in RESTRICTED_FIELDS}
    fields = sorted(f for f, v in values.items() if v is not None)
    changed: dict[str, int] = {}
    if data.free_text:
        regex = redaction.pattern({f: v for f, v in values.items() if isinstance(v, str)})
        if regex is not None:
            changed = await redaction.replace_values(session, case.id, regex)
    del values, identity  # nothing below may carry a value
    gone = (await session.execute(
        delete(PartyIdentity).where(PartyIdentity.party_id == party.id))).rowcount
    if gone:
        changed["party_identities"] = gone
    # What referrals told services about the party is a copy of its identity: it goes too (the
    # referrals keep the need, level, states and the names of the fields shared).
    shared = (await session.execute(delete(ReferralDisclosure).where(
        ReferralDisclosure.referral_id.in_(
            select(Referral.id).where(Referral.party_id == party.id))))).rowcount
    if shared:
        changed["referral_disclosures"] = shared
    party = await party_repo.change_party(
        session, party, expected_version=None, now=now, description=None, erased_at=now,
        erased_by_agency_id=actor.agency_id)
    changed["parties"] = changed.get("parties", 0) + 1
    await events.event(session, actor, case.id, "party_erased", now, party.id, role=party.role,
                       display_name=party.display_name, free_text=data.free_text)
    await audit.record(
        session, actor, "party.erase", case_id=case.id, entity="party", entity_id=party.id,
        fields=fields, at=now,
        justification=f"request {data.request_reference}: {data.reason}",
        detail={"role": party.role, "free_text": data.free_text, "changed": changed,
                "authorised_by": {"agency": actor.agency_slug, "role": actor.role,
                                  "principal_id": str(actor.principal_id)
                                  if actor.principal_id else None}})
    return ErasureResult(party.id, party.role, party.display_name, now, fields,
                         data.free_text, changed)
