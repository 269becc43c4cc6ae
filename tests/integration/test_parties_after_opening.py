"""Parties after a case is opened, against the real PostgreSQL: every change on the timeline and
the audit chain without identity and nothing forwarded to webhooks; an Idempotency-Key's replay
and reuse; the last victim or complainant kept even when two agencies remove the last two at
once; the perpetrator's and witnesses' contact details never digested for the repeat-caller
lookup; a removed party no longer decides the sharing consent."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import async_sessionmaker

from asb_core.audit import chain as audit
from asb_core.cases.versions import IfMatch
from asb_core.errors import (
    Conflict,
    ConsentRequired,
    Forbidden,
    IdempotencyKeyReused,
    NotFound,
    PreconditionFailed,
    PreconditionRequired,
)
from asb_core.idempotency import RequestKey
from asb_core.parties import service as parties
from asb_core.parties.schemas import ConsentIn, PartyIn, PartyPatchIn, PartyRemovalIn
from asb_core.sharing import service as sharing
from asb_core.sharing.schemas import ShareIn
from asb_core.tables import AuditEvent, CaseEvent, Party, PartyIdentity
from tests.integration.casework_helpers import VICTIM, actor_for, new_case

PERP = {"name": "Percival Marker-Perp", "phone": "07700 900321",
        "address": "14 Marker Terrace, March"}


async def _texts(session, case_id) -> str:
    """Everything the audit log, the timeline and the webhook outbox hold for the case."""
    audit_rows = (await session.execute(select(AuditEvent).where(
        AuditEvent.case_id == case_id))).scalars().all()
    events = (await session.execute(select(CaseEvent).where(
        CaseEvent.case_id == case_id))).scalars().all()
    outbox = (await session.execute(text(
        "SELECT event_type, payload::text FROM outbox_events WHERE case_id = :c"),
        {"c": case_id})).all()
    return " ".join([*(f"{a.detail} {a.justification} {a.fields}" for a in audit_rows),
                     *(str(e.summary) for e in events), *(f"{o[0]} {o[1]}" for o in outbox)])


async def test_every_change_is_audited_and_on_the_timeline_without_identity(session):
    a = await actor_for(session, "pa-council")
    case = await new_case(session, a)
    perp = await parties.add_party(session, a, case.id, PartyIn(role="alleged_perpetrator",
                                                                **PERP))
    assert perp.display_name == "Alleged perpetrator 1" and perp.restricted is None
    changed = await parties.amend_party(session, a, case.id, perp.id,
                                        PartyPatchIn(phone="07700 900654", name=None),
                                        expected_version=1)
    assert changed.version == 2
    await parties.record_consent(session, a, case.id, perp.id, ConsentIn(state="refused"))
    await parties.remove_party(session, a, case.id, perp.id,
                               PartyRemovalIn(reason="Wrong household"))
    shown = await parties.get_party(session, a, case.id, perp.id)
    assert shown.restricted["phone"] == "07700 900654" and shown.restricted["name"] is None
    assert shown.restricted["address"] == PERP["address"] and shown.removed["reason"]

    kinds = (await session.execute(select(CaseEvent.kind).where(
        CaseEvent.case_id == case.id).order_by(CaseEvent.seq))).scalars().all()
    assert [k for k in kinds if k.startswith(("party", "consent"))] == [
        "party_added", "party_amended", "consent_recorded", "party_removed"]
    actions = (await session.execute(select(AuditEvent.action).where(
        AuditEvent.case_id == case.id).order_by(AuditEvent.chain_seq))).scalars().all()
    assert actions[-5:] == ["party.add", "party.amend", "party.consent", "party.remove",
                            "party.restricted_read"]
    amend = (await session.execute(select(AuditEvent).where(
        AuditEvent.case_id == case.id, AuditEvent.action == "party.amend"))).scalar_one()
    assert sorted(amend.fields) == ["name", "phone"]  # the names of the fields, not values
    blob = await _texts(session, case.id)
    for secret in (*PERP.values(), "07700 900654", VICTIM["name"], VICTIM["phone"]):
        assert secret not in blob
    # No party event is forwarded to webhooks: partners learn nothing of who is on a case.
    outbox = (await session.execute(text(
        "SELECT count(*) FROM outbox_events WHERE case_id = :c AND event_type LIKE 'part%'"),
        {"c": case.id})).scalar_one()
    assert outbox == 0
    assert (await audit.verify(session)).ok


async def test_idempotency_key_replays_and_refuses_reuse(session):
    a = await actor_for(session, "pi-council")
    case = await new_case(session, a)
    body = PartyIn(role="witness", name="Wanda Witness")
    first = await parties.add_party(session, a, case.id, body,
                                    idempotency_key=RequestKey("k-1", "fp-1"))
    again = await parties.add_party(session, a, case.id, body,
                                    idempotency_key=RequestKey("k-1", "fp-1"))
    assert again.id == first.id
    with pytest.raises(IdempotencyKeyReused):
        await parties.add_party(session, a, case.id, body,
                                idempotency_key=RequestKey("k-1", "fp-2"))
    other = await new_case(session, a)
    with pytest.raises(IdempotencyKeyReused):
        await parties.add_party(session, a, other.id, body,
                                idempotency_key=RequestKey("k-1", "fp-1"))
    count = (await session.execute(select(func.count()).select_from(Party).where(
        Party.case_id == case.id, Party.role == "witness"))).scalar_one()
    assert count == 1


async def test_who_may_change_parties(session):
    a = await actor_for(session, "pw-council")
    case = await new_case(session, a)
    victim = (await parties.list_parties(session, a, case.id))[0]
    for role in ("auditor", "integration"):
        other = await actor_for(session, "pw-council", role)
        with pytest.raises(Forbidden):
            await parties.add_party(session, other, case.id, PartyIn(role="witness"))
        with pytest.raises(Forbidden):
            await parties.record_consent(session, other, case.id, victim.id,
                                         ConsentIn(state="given"))
    stranger = await actor_for(session, "pw-far")
    with pytest.raises(NotFound):
        await parties.remove_party(session, stranger, case.id, victim.id,
                                   PartyRemovalIn(reason="x"))
    with pytest.raises(NotFound):
        await parties.get_party(session, a, case.id, case.id)  # not a party of the case
    with pytest.raises(PreconditionRequired):
        await parties.amend_party(session, a, case.id, victim.id, PartyPatchIn(phone="1"),
                                  expected_version=IfMatch(None))
    with pytest.raises(PreconditionFailed):
        await parties.amend_party(session, a, case.id, victim.id, PartyPatchIn(phone="1"),
                                  expected_version=IfMatch('"9"'))


async def test_only_victims_and_complainants_are_digested(session):
    a = await actor_for(session, "pd-council")
    case = await new_case(session, a)
    perp = await parties.add_party(session, a, case.id, PartyIn(role="alleged_perpetrator",
                                                                **PERP))
    witness = await parties.add_party(session, a, case.id, PartyIn(role="witness",
                                                                   phone="07700 900111"))

    async def digests(pid):
        row = (await session.execute(select(PartyIdentity).where(
            PartyIdentity.party_id == pid).execution_options(populate_existing=True))
        ).scalar_one()
        return row.phone_digest, row.address_digest

    assert await digests(perp.id) == (None, None)
    assert await digests(witness.id) == (None, None)
    # A witness who turns out to be a victim is found by the lookup from then on, and the
    # other way round.
    await parties.amend_party(session, a, case.id, witness.id, PartyPatchIn(role="victim"),
                              expected_version=1)
    assert (await digests(witness.id))[0] is not None
    shown = await parties.get_party(session, a, case.id, witness.id)
    assert shown.display_name == "Victim 2" and shown.restricted["phone"] == "07700 900111"
    await parties.amend_party(session, a, case.id, witness.id, PartyPatchIn(role="witness"),
                              expected_version=2)
    assert await digests(witness.id) == (None, None)


async def test_a_removed_victim_no_longer_decides_consent(session):
    a = await actor_for(session, "pc-council")
    await actor_for(session, "pc-police", kind="police")
    case = await new_case(session, a)  # the first victim consented
    second = await parties.add_party(session, a, case.id, PartyIn(role="victim"))
    first = (await parties.list_parties(session, a, case.id))[0]
    await parties.remove_party(session, a, case.id, first.id,
                               PartyRemovalIn(reason="Duplicate of Victim 2"))
    with pytest.raises(ConsentRequired):
        await sharing.share_case(session, a, case.id, ShareIn(agency="pc-police",
                                                              basis="consent"))
    await parties.record_consent(session, a, case.id, second.id, ConsentIn(state="given"))
    await sharing.share_case(session, a, case.id, ShareIn(agency="pc-police", basis="consent"))
    with pytest.raises(Conflict):  # the last victim stays
        await parties.remove_party(session, a, case.id, second.id,
                                   PartyRemovalIn(reason="x"))


@pytest.fixture
async def factory(engine):
    """Sessions on their own connections, committing for real (as the API's do)."""
    yield async_sessionmaker(engine, expire_on_commit=False)


async def test_two_agencies_cannot_remove_the_last_two_victims_at_once(factory):
    async with factory() as s, s.begin():
        a = await actor_for(s, "pr-council")
        b = await actor_for(s, "pr-council", "supervisor")
        case = await new_case(s, a)
        second = await parties.add_party(s, a, case.id, PartyIn(role="complainant"))
        first = (await parties.list_parties(s, a, case.id))[0]

    async def remove(actor, party_id):
        async with factory() as s:
            try:
                await parties.remove_party(s, actor, case.id, party_id,
                                           PartyRemovalIn(reason="Not involved"))
                return "removed"
            except Conflict:
                return "refused"

    results = await asyncio.gather(remove(a, first.id), remove(b, second.id))
    assert sorted(results) == ["refused", "removed"]
    async with factory() as s:
        left = await parties.list_parties(s, a, case.id)
        assert len(left) == 1 and left[0].role in ("victim", "complainant")
        assert (await audit.verify(s)).ok
