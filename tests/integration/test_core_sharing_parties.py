"""Sharing with consent or a legal basis, membership, and restricted identity reads."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from asb_core.audit import chain as audit_chain
from asb_core.cases import service as cases
from asb_core.errors import Conflict, ConsentRequired, Forbidden, NotFound, ValidationFailed
from asb_core.parties import service as parties
from asb_core.parties.schemas import ConsentIn, PartyIn
from asb_core.sharing import service as sharing
from asb_core.sharing.schemas import ShareIn
from asb_core.tables import AuditEvent, CaseEvent
from tests.integration.casework_helpers import VICTIM, actor_for, new_case


async def test_refused_consent_blocks_share_unless_legal_basis(session):
    a = await actor_for(session, "sh-council")
    police = await actor_for(session, "sh-police", kind="police")
    case = await new_case(session, a, consent="refused")
    with pytest.raises(ConsentRequired):
        await sharing.share_case(session, a, case.id, ShareIn(agency="sh-police", basis="consent"))
    with pytest.raises(NotFound):
        await cases.get_case(session, police, case.id)
    with pytest.raises(ValidationFailed):
        await sharing.share_case(session, a, case.id, ShareIn(agency="sh-police",
                                 basis="legal_basis"))
    m = await sharing.share_case(session, a, case.id, ShareIn(
        agency="sh-police", basis="legal_basis",
        legal_basis="Crime and Disorder Act 1998 s115", justification="threats to life",
    ))
    assert m.consent_basis == "legal_basis" and m.agency_slug == "sh-police"
    assert (await cases.get_case(session, police, case.id)).id == case.id
    ev = (await session.execute(select(AuditEvent).where(
        AuditEvent.case_id == case.id, AuditEvent.action == "case.share"))).scalar_one()
    assert await audit_chain.justification_of(session, ev) == "threats to life"
    assert "threats" not in ev.justification  # a commitment to the note, not the words
    assert ev.detail["disclosure_without_consent"] is True


async def test_not_asked_consent_needs_legal_basis(session):
    a = await actor_for(session, "na-council")
    await actor_for(session, "na-housing", kind="housing_provider")
    case = await new_case(session, a, consent="not_asked")
    with pytest.raises(ConsentRequired):
        await sharing.share_case(session, a, case.id, ShareIn(agency="na-housing", basis="consent"))


async def test_share_with_consent_meets_multi_agency_and_remove_member(session):
    a = await actor_for(session, "sc-council")
    sup = await actor_for(session, "sc-council", "supervisor")
    h = await actor_for(session, "sc-housing", kind="housing_provider")
    case = await new_case(session, a)
    await sharing.share_case(session, a, case.id, ShareIn(agency="sc-housing", basis="consent"))
    with pytest.raises(Conflict):
        await sharing.share_case(session, a, case.id, ShareIn(agency="sc-housing", basis="consent"))
    assert sorted((await cases.get_case(session, h, case.id)).member_agencies) == [
        "sc-council", "sc-housing"]
    from asb_core.targets.service import list_case_targets
    ma = [t for t in await list_case_targets(session, a, case.id) if t.kind == "multi_agency"]
    assert ma and ma[0].state == "met"
    with pytest.raises(Forbidden):
        await sharing.remove_member(session, a, case.id, "sc-housing", reason="done")
    with pytest.raises(Conflict):
        await sharing.remove_member(session, sup, case.id, "sc-council", reason="lead")
    await sharing.remove_member(session, sup, case.id, "sc-housing", reason="no longer involved")
    with pytest.raises(NotFound):
        await cases.get_case(session, h, case.id)
    kinds = (await session.execute(select(CaseEvent.kind).where(
        CaseEvent.case_id == case.id))).scalars().all()
    assert "member_added" in kinds and "member_removed" in kinds


async def test_restricted_identity_only_for_caseworker_and_supervisor_and_audited(session):
    a = await actor_for(session, "ri-council")
    case = await new_case(session, a)
    await parties.add_party(session, a, case.id, PartyIn(role="witness", name="Will Witness",
                                                         phone="07700 900000"))
    views = await parties.list_parties(session, a, case.id)
    assert views[0].restricted["name"] == VICTIM["name"]
    assert views[1].display_name == "Witness 1" and views[1].restricted["phone"] == "07700 900000"
    reads = (await session.execute(select(AuditEvent).where(
        AuditEvent.case_id == case.id, AuditEvent.action == "party.restricted_read"))).scalars()
    reads = list(reads)
    assert len(reads) == 1 and reads[0].agency == "ri-council"
    assert reads[0].principal_id == a.principal_id
    assert set(reads[0].fields) == {"name", "phone", "email", "address", "date_of_birth"}
    for role in ("integration", "auditor", "call_handler"):
        other = await actor_for(session, "ri-council", role)
        try:
            views = await parties.list_parties(session, other, case.id)
        except NotFound:
            assert role == "call_handler"  # did not open it
            continue
        assert all(v.restricted is None for v in views)
    count = len(list((await session.execute(select(AuditEvent.seq).where(
        AuditEvent.action == "party.restricted_read", AuditEvent.case_id == case.id))).all()))
    assert count == 1
    # Nothing restricted ever reaches the audit log or the timeline.
    blobs = [str(e.detail) + str(e.justification) for e in (await session.execute(
        select(AuditEvent).where(AuditEvent.case_id == case.id))).scalars()]
    blobs += [str(e.summary) for e in (await session.execute(
        select(CaseEvent).where(CaseEvent.case_id == case.id))).scalars()]
    for secret in (VICTIM["name"], VICTIM["phone"], VICTIM["email"], "Will Witness"):
        assert not any(secret in b for b in blobs)


async def test_record_consent_then_share(session):
    a = await actor_for(session, "rc-council")
    await actor_for(session, "rc-police", kind="police")
    case = await new_case(session, a, consent="not_asked")
    victim = (await parties.list_parties(session, a, case.id))[0]
    await parties.record_consent(session, a, case.id, victim.id, ConsentIn(state="given"))
    await sharing.share_case(session, a, case.id, ShareIn(agency="rc-police", basis="consent"))
