"""Parties to a case, consent, and the one reader of restricted identity.

Names and contacts (complainants, witnesses, victims, alleged perpetrators) come back only to
caseworkers and supervisors of member agencies, from `list_parties` and `get_party`, and each
call that returns them writes one audit event naming the fields read. Restricted values never go
into audit details, timeline summaries, webhook bodies or logs: a change is described by its
role, its label ("Witness 2") and the names of the fields it touched. Writes answer without the
identity (`restricted` is None): reading it back is a read like any other, audited.

A party is added, amended, given consent or removed on an open case only, under the case's row
lock, so that two agencies cannot both remove the case's last victim or complainant; a removal is
soft (the row and its identity stay for the audit trail). Amendments need the party's version
(If-Match); consent and removal check it when given.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from asb_core import access, clock, idempotency
from asb_core.actor import Actor
from asb_core.audit import chain as audit
from asb_core.cases import events, versions
from asb_core.cases import repository as case_repo
from asb_core.cases.models import Case
from asb_core.cases.versions import IfMatch
from asb_core.errors import Conflict, NotFound, PreconditionFailed
from asb_core.idempotency import RequestKey
from asb_core.parties import repository as repo
from asb_core.parties.lookup_digest import load_pepper
from asb_core.parties.models import CALLER_ROLES, RESTRICTED_FIELDS, Party, PartyIdentity
from asb_core.parties.schemas import ConsentIn, PartyIn, PartyPatchIn, PartyRemovalIn
from asb_core.uow import unit_of_work


@dataclass
class PartyView:
    id: uuid.UUID
    role: str
    display_name: str
    version: int
    consent: dict
    restricted: dict | None
    removed: dict | None
    erased: dict | None = None

    def __repr__(self) -> str:  # keep identity out of logs and tracebacks
        return f"PartyView({self.id}, {self.role}, restricted={'yes' if self.restricted else 'no'})"


def _view(p: Party, identity: PartyIdentity | None = None, *, restricted: bool = False
          ) -> PartyView:
    shown = None
    if restricted:
        shown = {f: getattr(identity, f, None) for f in RESTRICTED_FIELDS}
        if shown["date_of_birth"] is not None:
            shown["date_of_birth"] = shown["date_of_birth"].isoformat()
    consent = {"state": p.consent_state, "recorded_at": p.consent_recorded_at,
               "legal_basis": p.consent_legal_basis}
    return PartyView(p.id, p.role, p.display_name, p.version, consent, shown, p.removed,
                     p.erased)


async def _shown(session: AsyncSession, actor: Actor, case: Case,
                 parties: list[Party]) -> list[PartyView]:
    """The parties as `actor` may see them; identity (audited) only for permitted roles."""
    if not (access.may_see_restricted(actor) and parties):
        return [_view(p) for p in parties]
    identities = await repo.identities(session, [p.id for p in parties])
    await audit.record(
        session, actor, "party.restricted_read", case_id=case.id, entity="party",
        entity_id=parties[0].id if len(parties) == 1 else None, fields=RESTRICTED_FIELDS,
        detail={"parties": [str(p.id) for p in parties],
                "roles": sorted({p.role for p in parties})},
    )
    return [_view(p, identities.get(p.id), restricted=True) for p in parties]


@unit_of_work
async def list_parties(session: AsyncSession, actor: Actor, case_id: object, *,
                       include_removed: bool = False) -> list[PartyView]:
    case = await case_repo.load_case(session, actor, case_id, "case.read")
    parties = await repo.parties_of_case(session, case.id, include_removed=include_removed)
    return await _shown(session, actor, case, parties)


@unit_of_work
async def get_party(session: AsyncSession, actor: Actor, case_id: object,
                    party_id: object) -> PartyView:
    case = await case_repo.load_case(session, actor, case_id, "case.read")
    party = await _party(session, case, party_id)
    return (await _shown(session, actor, case, [party]))[0]


async def _party(session: AsyncSession, case: Case, party_id: object, *,
                 lock: bool = False) -> Party:
    found = await repo.party_of_case(session, case.id, access.parse_uuid(party_id, "party"),
                                     lock=lock)
    if found is None:
        raise NotFound(f"no party {party_id} on case {case.reference}")
    return found


def _open(case: Case) -> None:
    if case.status == "closed":
        raise Conflict("the case is closed: reopen it first")


async def _changeable(session: AsyncSession, actor: Actor, case_id: object, party_id: object,
                      action: str, version: int | IfMatch | None, *, required: bool
                      ) -> tuple[Case, Party, int | None]:
    """The visible, open case (locked), its party (locked, not removed) and the version the
    caller expects, checked against the party's: 404, 403, 428, 409 and 412 in that order."""
    case = await case_repo.load_case(session, actor, case_id, action, lock=True)
    party = await _party(session, case, party_id, lock=True)
    expected = versions.expected(version, required=required)
    _open(case)
    if party.removed_at is not None:
        raise Conflict(f"{party.display_name} was removed from the case")
    if expected is not None and expected != party.version:
        raise PreconditionFailed(
            f"{party.display_name} has changed since version {expected}; fetch it again and retry")
    return case, party, expected


async def _keeps_a_caller(session: AsyncSession, case: Case, party: Party, new_role: str | None
                          ) -> None:
    """A case keeps at least one victim or complainant (`new_role` None: the party goes)."""
    if party.role not in CALLER_ROLES or new_role in CALLER_ROLES:
        return
    if await repo.callers_left(session, case.id, other_than=party.id) == 0:
        raise Conflict(f"{party.display_name} is the case's only victim or complainant: "
                       "a case keeps at least one (add another first)")


@unit_of_work
async def add_party(
    session: AsyncSession, actor: Actor, case_id: object, data: PartyIn, *,
    idempotency_key: RequestKey | None = None,
    now: datetime | None = None,
) -> PartyView:
    """Add a party to an open case; with `idempotency_key`, a retry returns the first one."""
    now = clock.utcnow(now)
    case = await case_repo.load_case(session, actor, case_id, "party.add", lock=True)
    existing = await idempotency.replay_of(session, actor, idempotency_key,
                                           case_id=case.id, resource_type="party")
    if existing is not None:
        return _view(await repo.reload(session, existing))
    _open(case)
    consent = data.consent or ConsentIn(state="not_asked")
    party = await repo.insert_party(
        session, case_id=case.id, role=data.role,
        display_name=await repo.next_label(session, case.id, data.role),
        consent_state=consent.state, consent_legal_basis=consent.legal_basis,
        consent_recorded_at=now if data.consent else None,
        created_by_agency_id=actor.agency_id, created_at=now)
    given = sorted(f for f in repo.IDENTITY_FIELDS if getattr(data, f) is not None)
    if given:
        await repo.save_identity(session, party.id, data.model_dump(include=set(given)),
                                 data.role, await load_pepper(session))
    await events.event(session, actor, case.id, "party_added", now, party.id, role=data.role,
                       display_name=party.display_name, consent=consent.state)
    await audit.record(session, actor, "party.add", case_id=case.id, entity="party",
                       entity_id=party.id, fields=given,
                       detail={"role": data.role, "consent": consent.state}, at=now)
    await idempotency.bind_key(session, actor, idempotency_key, party.id)
    return _view(party)


@unit_of_work
async def amend_party(
    session: AsyncSession, actor: Actor, case_id: object, party_id: object,
    data: PartyPatchIn, *, expected_version: int | IfMatch, now: datetime | None = None,
) -> PartyView:
    """Change a party's role or identity (merge patch: `null` clears a detail). A new role
    gives a new label; the last victim or complainant cannot become another role."""
    now = clock.utcnow(now)
    case, party, expected = await _changeable(session, actor, case_id, party_id, "party.amend",
                                              expected_version, required=True)
    changes = data.changes()
    role = changes.get("role", party.role)
    values: dict = {}
    if role != party.role:
        await _keeps_a_caller(session, case, party, role)
        values = {"role": role, "display_name": await repo.next_label(session, case.id, role)}
    touched = sorted(f for f in repo.IDENTITY_FIELDS if f in changes)
    if touched or values:  # the digests follow the role, so a new role rewrites them too
        current = (await repo.identities(session, [party.id])).get(party.id)
        merged = {f: getattr(current, f, None) for f in repo.IDENTITY_FIELDS}
        merged.update({f: changes[f] for f in touched})
        await repo.save_identity(session, party.id, merged, role, await load_pepper(session))
    before = party.role
    party = await repo.change_party(session, party, expected_version=expected, now=now,
                                    **values)
    await events.event(session, actor, case.id, "party_amended", now, party.id, role=role,
                       display_name=party.display_name, fields=sorted(changes))
    await audit.record(session, actor, "party.amend", case_id=case.id, entity="party",
                       entity_id=party.id, fields=touched, at=now,
                       detail={"role": role, "previous_role": before,
                               "version": party.version})
    return _view(party)


@unit_of_work
async def record_consent(
    session: AsyncSession, actor: Actor, case_id: object, party_id: object, data: ConsentIn,
    *, expected_version: int | IfMatch | None = None, now: datetime | None = None,
) -> PartyView:
    """Record the party's consent (given, refused, or not asked yet) and its legal basis."""
    now = clock.utcnow(now)
    case, party, expected = await _changeable(session, actor, case_id, party_id,
                                              "consent.record", expected_version,
                                              required=False)
    party = await repo.change_party(
        session, party, expected_version=expected, now=now, consent_state=data.state,
        consent_recorded_at=now, consent_legal_basis=data.legal_basis)
    await events.event(session, actor, case.id, "consent_recorded", now, party.id,
                       state=data.state, role=party.role, display_name=party.display_name)
    await audit.record(session, actor, "party.consent", case_id=case.id, entity="party",
                       entity_id=party.id, justification=data.legal_basis, at=now,
                       detail={"state": data.state, "role": party.role})
    return _view(party)


@unit_of_work
async def remove_party(
    session: AsyncSession, actor: Actor, case_id: object, party_id: object,
    data: PartyRemovalIn, *, expected_version: int | IfMatch | None = None,
    now: datetime | None = None, idempotency_key: RequestKey | None = None,
) -> PartyView:
    """Mark the party removed (with the reason and who removed it); the row and its identity
    stay for the audit trail. The case's last victim or complainant cannot be removed. With
    `idempotency_key` (its fingerprint covering the party and the body), a retry of a removal
    that went through answers with the removed party, as the first request did."""
    now = clock.utcnow(now)
    if idempotency_key is not None:
        case = await case_repo.load_case(session, actor, case_id, "party.remove", lock=True)
        earlier = await idempotency.replay_of(session, actor, idempotency_key, case_id=case.id,
                                              resource_type="party_removal")
        if earlier is not None:
            return _view(await repo.reload(session, earlier))
    case, party, expected = await _changeable(session, actor, case_id, party_id,
                                              "party.remove", expected_version, required=False)
    await _keeps_a_caller(session, case, party, None)
    party = await repo.change_party(
        session, party, expected_version=expected, now=now, removed_at=now,
        removed_by_agency_id=actor.agency_id, removed_by_principal_id=actor.principal_id,
        removed_reason=data.reason)
    await events.event(session, actor, case.id, "party_removed", now, party.id,
                       role=party.role, display_name=party.display_name)
    await audit.record(session, actor, "party.remove", case_id=case.id, entity="party",
                       entity_id=party.id, justification=data.reason, at=now,
                       detail={"role": party.role})
    await idempotency.bind_key(session, actor, idempotency_key, party.id)
    return _view(party)
