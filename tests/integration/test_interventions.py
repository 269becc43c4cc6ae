"""Interventions on a real PostgreSQL, through the slice's services: a warning letter, then a
Community Protection Warning and Notice, then a breach that lands as an incident through the one
write path, raises `severity-rise` and is read by a police member; an injunction's breach as
contempt of court with its power of arrest; a retried breach landing once; nothing written when
a breach is refused; and the toolkit's refusals by agency kind."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select

from asb_core.cases.schemas import CloseIn
from asb_core.cases.service import close_case
from asb_core.errors import Conflict, ValidationFailed
from asb_core.escalation.service import list_flags
from asb_core.idempotency import RequestKey
from asb_core.incidents import service as incidents
from asb_core.incidents.models import Incident
from asb_core.interventions import service as interventions
from asb_core.interventions.models import InterventionBreach
from asb_core.interventions.schemas import BreachIn, InterventionIn, StatusChangeIn
from asb_core.parties.models import Party
from asb_core.sharing.schemas import ShareIn
from asb_core.sharing.service import share_case
from tests.integration.casework_helpers import actor_for, ago, new_case


async def _case(session):
    council = await actor_for(session, "ivi-council")
    police = await actor_for(session, "ivi-police", kind="police")
    case = await new_case(session, council)
    await share_case(session, council, case.id, ShareIn(agency="ivi-police", basis="consent"))
    party = Party(id=uuid.uuid4(), case_id=case.id, role="alleged_perpetrator",
                  display_name="Alleged perpetrator 1", consent_state="not_asked")
    session.add(party)
    await session.flush()
    return council, police, case, party.id


def _issued(tool: str, party, days: int, **kw) -> InterventionIn:
    return InterventionIn(type=tool, against_party_id=party, status="issued",
                          issued_at=ago(days=days), **kw)


async def _count(session, model) -> int:
    return (await session.execute(select(func.count()).select_from(model))).scalar_one()


async def test_warning_letter_then_cpn_then_a_breach_raises_severity_rise(session):
    council, police, case, party = await _case(session)
    await incidents.add_diary_entry(session, council, case.id, data={
        "started_at": ago(days=20).isoformat(), "what_happened": "Shouting on the landing",
        "category": "verbal_abuse"})
    await interventions.record_intervention(
        session, council, case.id, _issued("warning_letter", party, 14))
    with pytest.raises(ValidationFailed) as refused:  # a CPN only after a CPW
        await interventions.record_intervention(
            session, council, case.id, _issued("community_protection_notice", party, 6))
    assert refused.value.errors[0]["field"] == "type"
    await interventions.record_intervention(
        session, council, case.id, _issued("community_protection_warning", party, 10))
    cpn, created = await interventions.record_intervention(
        session, council, case.id, _issued("community_protection_notice", party, 6))
    assert created and cpn.breach_in_law == "criminal_offence"

    row, incident, created = await interventions.record_breach(
        session, council, case.id, cpn.id, BreachIn(
            occurred_at=ago(hours=2), account="Music again until 2am", category="noise"),
        idempotency_key=RequestKey("ivi-breach-1", "f1"))
    assert created and row.status == "breached" and row.breach_count == 1
    assert (incident.category, incident.severity) == ("order_breach", 4)

    # The police member reads the incident and the escalation it raised.
    seen = await incidents.get_incident(session, police, case.id, incident.id)
    assert seen.account.startswith("Breach of Community Protection Notice")
    flags = await list_flags(session, police, case.id)
    rise = [f for f in flags if f.rule_id == "severity-rise"]
    assert rise and str(incident.id) in [str(e) for e in rise[0].evidence]

    # A retry of the same breach lands nothing more.
    before = await _count(session, Incident)
    again, same, created = await interventions.record_breach(
        session, council, case.id, cpn.id, BreachIn(
            occurred_at=ago(hours=2), account="Music again until 2am", category="noise"),
        idempotency_key=RequestKey("ivi-breach-1", "f1"))
    assert not created and same.id == incident.id and again.breach_count == 1
    assert await _count(session, Incident) == before


async def test_injunction_breach_is_contempt_with_power_of_arrest(session):
    council, _police, case, party = await _case(session)
    injunction, _ = await interventions.record_intervention(
        session, council, case.id, _issued("civil_injunction", party, 30, power_of_arrest=True,
                                           court="Cambridge County Court"))
    _row, incident, _ = await interventions.record_breach(
        session, council, case.id, injunction.id,
        BreachIn(occurred_at=ago(hours=1), account="Came within 100 m of the block"))
    assert incident.category == "injunction_breach" and incident.severity == 4
    assert "a power of arrest is attached" in incident.account


async def test_a_refused_breach_writes_nothing(session):
    council, _police, case, party = await _case(session)
    letter, _ = await interventions.record_intervention(
        session, council, case.id, _issued("warning_letter", party, 3))
    incidents_before = await _count(session, Incident)
    with pytest.raises(ValidationFailed) as refused:
        await interventions.record_breach(session, council, case.id, letter.id,
                                          BreachIn(occurred_at=ago(hours=1), account="Again"))
    assert refused.value.errors[0]["field"] == "category"
    proposed, _ = await interventions.record_intervention(
        session, council, case.id, InterventionIn(type="acceptable_behaviour_agreement",
                                                  against_party_id=party))
    with pytest.raises(Conflict):
        await interventions.record_breach(session, council, case.id, proposed.id, BreachIn(
            occurred_at=ago(hours=1), account="Again", category="noise"))
    supervisor = await actor_for(session, "ivi-council", "supervisor")
    await close_case(session, supervisor, case.id, CloseIn(
        outcome="Resolved", final_victim_update="Told the victim",
        victim_view={"satisfied": "yes", "kept_informed": "yes", "feels_safer": "yes"}))
    with pytest.raises(Conflict):
        await interventions.record_breach(session, council, case.id, letter.id, BreachIn(
            occurred_at=ago(hours=1), account="Again", category="noise"))
    assert await _count(session, Incident) == incidents_before
    assert await _count(session, InterventionBreach) == 0


async def test_agency_kinds_and_status_changes(session):
    council, police, case, party = await _case(session)
    victims = await actor_for(session, "ivi-victims", kind="victim_service")
    await share_case(session, council, case.id, ShareIn(agency="ivi-victims", basis="consent"))
    with pytest.raises(ValidationFailed) as refused:
        await interventions.record_intervention(session, victims, case.id, InterventionIn(
            type="civil_injunction", against_party_id=party))
    assert refused.value.errors[0]["field"] == "issuing_agency"
    # Police close premises; a housing provider may not.
    closure, _ = await interventions.record_intervention(session, police, case.id, InterventionIn(
        type="closure_notice", premises="Flat 3, Quarry Court", status="issued",
        issued_at=ago(hours=1), expires_at=ago(hours=-40)))
    assert closure.issuing_agency_slug == "ivi-police" and closure.against_party_id is None
    expired = await interventions.change_status(session, police, case.id, closure.id,
                                                StatusChangeIn(status="expired"))
    assert expired.status == "expired"
    with pytest.raises(Conflict):
        await interventions.change_status(session, police, case.id, closure.id,
                                          StatusChangeIn(status="discharged"))
