"""Referral pathways on a real PostgreSQL, through the slice's services: a standard-level noise
case suggests mediation first with its reason; a referral without consent is refused; what the
service is told is only what was consented to; the handover target breaches when nobody answers;
the service's own key accepts it and the target is met; a receiving service sees only its own
referrals; the referring officer records the answer of a service without a key."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import async_sessionmaker

from asb_core.actor import Actor
from asb_core.agencies.service import add_agency
from asb_core.audit.models import AuditEvent
from asb_core.cases.models import CaseEvent
from asb_core.cases.service import get_case
from asb_core.directory.importer import import_directory
from asb_core.directory.models import DirectoryService
from asb_core.errors import ConsentRequired, Forbidden, NotFound, ValidationFailed
from asb_core.incidents import service as incidents
from asb_core.referrals import service as referrals
from asb_core.referrals.repository import disclosure
from asb_core.referrals.schemas import ReferralIn, ReferralStateIn
from asb_core.targets.models import Target
from asb_core.targets.service import sweep_breaches
from tests.integration.casework_helpers import actor_for, ago, new_case

DATA = Path(__file__).parent / "data"


@pytest.fixture
async def world(connection, session, tmp_path):
    """The sample directory imported, a council officer, the mediation service's key (an agency
    of kind victim_service) and a standard-level case with noise in Fenland."""
    maker = async_sessionmaker(bind=connection, expire_on_commit=False,
                               join_transaction_mode="create_savepoint")
    async with maker() as s, s.begin():
        await add_agency(s, Actor.system(), "fenland-mediation", "Fenland Mediation",
                         "victim_service", ["fenland"])
    shutil.copy(DATA / "directory_sample.json", tmp_path / "d.json")
    report = await import_directory(maker, tmp_path / "d.json")
    assert report.invalid == 0
    officer = await actor_for(session, "ref-council")
    mediation = await actor_for(session, "fenland-mediation", "integration",
                                kind="victim_service")
    case = await new_case(session, officer, answers={"repeat": True, "sleep_affected": True})
    await incidents.add_diary_entry(session, officer, case.id, data={
        "started_at": ago(days=2).isoformat(), "what_happened": "Loud music until 3am",
        "category": "noise"})
    services = {s.name: s for s in (await session.execute(
        select(DirectoryService))).unique().scalars()}
    return officer, mediation, case, services


def _referral(service, need="mediation", **kw) -> ReferralIn:
    body = {"service_id": str(service.id), "need": need, "consent": {"state": "given"}} | kw
    return ReferralIn.model_validate(body)


async def test_standard_noise_case_suggests_mediation_first_with_its_reason(session, world):
    officer, _, case, _ = world
    result = await referrals.suggested_services(session, officer, case.id)
    assert result.level == "standard" and result.policy_version == "fenland-harm-v1"
    first = result.items[0]
    assert first.service.name == "Neighbour Mediation (Fenland)" and first.rank == 1
    assert first.reasons[0]["rule"] == "standard-neighbour-dispute"
    assert "noise" in first.reasons[0]["matched"]
    assert all("fenland" in s.service.areas for s in result.items)
    names = [s.service.name for s in result.items]
    assert names.index("Noise Nuisance Team (Fenland)") < names.index("Victim Support (Fenland)")


async def test_a_referral_without_consent_or_legal_basis_is_refused(session, world):
    officer, _, case, services = world
    svc = services["Neighbour Mediation (Fenland)"]
    with pytest.raises(ConsentRequired):
        await referrals.make_referral(session, officer, case.id,
                                      _referral(svc, consent={"state": "refused"}))
    with pytest.raises(ConsentRequired):  # a legal basis allows only the minimum
        await referrals.make_referral(session, officer, case.id, _referral(
            svc, consent={"state": "not_asked", "legal_basis": "s115 prevention of harm"},
            share=["first_name", "contact_route", "address"]))
    assert (await referrals.list_case_referrals(session, officer, case.id)).items == []


async def test_the_service_is_told_only_what_was_consented(session, world):
    officer, mediation, case, services = world
    svc = services["Neighbour Mediation (Fenland)"]
    view, _ = await referrals.make_referral(session, officer, case.id, _referral(svc))
    seen = await referrals.get_referral(session, mediation, view.referral.id)
    assert seen.shared == {"need": "mediation", "level": "standard", "first_name": "Ada",
                           "contact_route": {"by": "phone", "value": "01234 567890"}}
    view2, _ = await referrals.make_referral(session, officer, case.id, _referral(
        services["Victim Support (Fenland)"], need="victim_support",
        share=["full_name", "email"], contact_route="email"))
    assert view2.shared is None  # the referring officer reads the parties instead
    assert await disclosure(session, view2.referral.id) == {
        "need": "victim_support", "level": "standard", "full_name": "Ada Example",
        "email": "ada@example.org"}
    officers_view = await referrals.get_referral(session, officer, view.referral.id)
    assert officers_view.shared is None
    # Nothing identifying on the timeline or in the audit detail.
    rows = (await session.execute(select(CaseEvent.summary).where(
        CaseEvent.case_id == case.id, CaseEvent.kind.like("referral%")))).scalars().all()
    assert rows and not any("Ada" in str(r) or "01234" in str(r) for r in rows)
    audit = (await session.execute(select(AuditEvent).where(
        AuditEvent.action == "referral.restricted_read"))).scalars().all()
    assert any(a.agency == "fenland-mediation" for a in audit)


async def test_the_handover_target_breaches_when_nobody_answers(session, world):
    officer, mediation, case, services = world
    view, _ = await referrals.make_referral(
        session, officer, case.id, _referral(services["Neighbour Mediation (Fenland)"]))
    target = view.handover
    assert target.kind == "referral_handover" and target.owner_agency_id == officer.agency_id
    assert timedelta(days=5) <= target.due_at - view.referral.sent_at <= timedelta(days=11)
    await sweep_breaches(session, target.due_at + timedelta(minutes=1))
    await session.refresh(target)
    assert target.state == "breached"
    with pytest.raises(Forbidden):  # the service has a key: it answers, not the officer
        await referrals.change_state(session, officer, view.referral.id,
                                     ReferralStateIn(state="accepted"))
    done = await referrals.change_state(session, officer, view.referral.id,
                                        ReferralStateIn(state="no_response"))
    assert done.referral.state == "no_response" and done.handover.state == "breached"
    closed = await referrals.change_state(session, officer, view.referral.id,
                                          ReferralStateIn(state="closed",
                                                          outcome="did_not_engage"))
    assert closed.referral.outcome == "did_not_engage"
    assert closed.handover.closed_at is not None


async def test_the_services_key_accepts_and_the_target_is_met(session, world):
    officer, mediation, case, services = world
    view, _ = await referrals.make_referral(
        session, officer, case.id, _referral(services["Neighbour Mediation (Fenland)"]))
    inbox = await referrals.list_received(session, mediation, state="sent")
    assert [v.referral.id for v in inbox.items] == [view.referral.id]
    done = await referrals.change_state(session, mediation, view.referral.id,
                                        ReferralStateIn(state="accepted"))
    assert done.referral.state == "accepted" and done.referral.accepted_at is not None
    assert done.handover.state == "met" and done.handover.met_by_agency_id == mediation.agency_id
    with pytest.raises(ValidationFailed):
        await referrals.change_state(session, mediation, view.referral.id,
                                     ReferralStateIn(state="closed"))
    closed = await referrals.change_state(session, mediation, view.referral.id,
                                          ReferralStateIn(state="closed", outcome="engaged"))
    assert closed.referral.state == "closed"
    events = (await session.execute(select(CaseEvent.kind, CaseEvent.entity_id).where(
        CaseEvent.case_id == case.id).order_by(CaseEvent.seq))).all()
    assert [k for k, _ in events if k.startswith("referral")] == [
        "referral_sent", "referral_state_changed", "referral_state_changed"]
    assert ("target_met", done.handover.id) in events


async def test_a_receiving_service_sees_only_its_own_referrals(session, world):
    officer, mediation, case, services = world
    other = await referrals.make_referral(
        session, officer, case.id, _referral(services["Victim Support (Fenland)"],
                                             need="victim_support"))
    with pytest.raises(NotFound):
        await referrals.get_referral(session, mediation, other[0].referral.id)
    with pytest.raises(NotFound):
        await get_case(session, mediation, case.id)
    with pytest.raises(NotFound):
        await referrals.suggested_services(session, mediation, case.id)
    with pytest.raises(NotFound):
        await referrals.change_state(session, mediation, other[0].referral.id,
                                     ReferralStateIn(state="accepted"))
    assert (await referrals.list_received(session, mediation)).items == []
    council_inbox = await referrals.list_received(session, officer)
    assert council_inbox.items == []


async def test_the_officer_records_the_answer_of_a_service_without_a_key(session, world):
    officer, _, case, services = world
    view, _ = await referrals.make_referral(
        session, officer, case.id, _referral(services["Victim Support (Fenland)"],
                                             need="victim_support"))
    declined = await referrals.change_state(
        session, officer, view.referral.id,
        ReferralStateIn(state="declined", reason="outside our catchment"))
    assert declined.referral.reason == "outside our catchment"
    assert declined.handover.state == "met"
    with pytest.raises(ValidationFailed):
        await referrals.make_referral(session, officer, case.id, _referral(
            services["Victim Support (Peterborough)"], need="victim_support"))
    with pytest.raises(ValidationFailed):
        await referrals.make_referral(session, officer, case.id, _referral(
            services["Victim Support (Fenland)"], need="mediation"))
    targets = (await session.execute(select(Target).where(
        Target.case_id == case.id, Target.kind == "referral_handover"))).scalars().all()
    assert len(targets) == 1


async def test_statistics_count_referrals_by_need_area_and_service_and_suppress(session, world):
    from asb_core.stats.service import compute, period, true_tables

    officer, mediation, case, services = world
    med = services["Neighbour Mediation (Fenland)"]
    made = []
    for _ in range(6):
        made.append((await referrals.make_referral(session, officer, case.id,
                                                   _referral(med)))[0].referral.id)
    for rid in made[:5]:
        await referrals.change_state(session, mediation, rid, ReferralStateIn(state="accepted"))
    await referrals.make_referral(session, officer, case.id, _referral(
        services["Victim Support (Fenland)"], need="victim_support"))
    p = period(None, None, "fenland")
    tables = await true_tables(session, p, ago(days=-1))
    by_need = tables["referrals_by_need"]
    assert by_need.rows == ["mediation", "victim_support"]
    assert by_need.cells == {("mediation", "accepted"): 5, ("mediation", "awaiting"): 1,
                             ("victim_support", "awaiting"): 1}
    assert tables["referral_acceptance_time_by_need"].cells == {
        ("mediation", "within_2_days"): 5}
    assert tables["referrals_by_service"].rows == [
        "Neighbour Mediation (Fenland)", "Victim Support (Fenland)"]
    assert tables["referrals_by_area"].cells[("fenland", "accepted")] == 5
    shown = (await compute(session, p))["tables"]["referrals_by_need"]
    # The small counts are suppressed as in every other table.
    assert shown["cells"][1][3] == "1-4" and "1-4" in str(shown["cells"][0])


async def test_a_referral_reaches_member_webhooks_without_identity(session, world):
    from asb_core.webhooks.models import OutboxEvent, WebhookDelivery
    from asb_core.webhooks.schemas import WebhookIn
    from asb_core.webhooks.service import create_subscription

    officer, mediation, case, services = world
    await create_subscription(session, officer, WebhookIn(
        url="https://hooks.example.org/asb", event_types=["referral.changed"]))
    view, _ = await referrals.make_referral(
        session, officer, case.id, _referral(services["Neighbour Mediation (Fenland)"],
                                             share=["full_name", "contact_route"]))
    await referrals.change_state(session, mediation, view.referral.id,
                                 ReferralStateIn(state="accepted"))
    events = (await session.execute(select(OutboxEvent).where(
        OutboxEvent.case_id == case.id, OutboxEvent.event_type == "referral.changed")
        .order_by(OutboxEvent.seq))).scalars().all()
    assert [(e.payload["referral"]["previous_state"], e.payload["referral"]["state"])
            for e in events] == [(None, "sent"), ("sent", "accepted")]
    assert events[0].payload["case"]["id"] == str(case.id)
    assert events[1].payload["by_agency"] == "fenland-mediation"
    assert not any(m in str(e.payload) for e in events
                   for m in ("Ada", "Example", "01234", "ada@example.org"))
    deliveries = (await session.execute(select(WebhookDelivery).where(
        WebhookDelivery.event_id.in_([e.id for e in events])))).scalars().all()
    assert len(deliveries) == 2


async def test_a_high_risk_victim_is_offered_an_advocate_first(session, world):
    officer, _, _, _ = world
    case = await new_case(session, officer, answers={"threats_or_violence": True,
                                                     "mental_health_affected": True})
    result = await referrals.suggested_services(session, officer, case.id)
    assert result.level == "high"
    assert [n["need"] for n in result.needs][:2] == ["victim_advocate", "mental_health"]
    assert result.items[0].service.name == "Victims' Champion (Fenland)"
    assert result.items[0].reasons[0]["rule"] == "high-risk-advocate"


async def test_a_complainants_identity_goes_only_to_a_service_the_case_names(session, world):
    from asb_core.cases.schemas import OpenCaseIn
    from asb_core.cases.service import open_case
    from asb_core.sharing.schemas import ShareIn
    from asb_core.sharing.service import share_case
    from tests.integration.casework_helpers import VICTIM

    officer, mediation, _, services = world
    case = await open_case(session, officer, OpenCaseIn(
        area="fenland", answers={"repeat": True}, consent={"state": "given"},
        victim=VICTIM | {"role": "complainant", "name": "Cora Complainant"}))
    support, _ = await referrals.make_referral(session, officer, case.id, _referral(
        services["Victim Support (Fenland)"], need="victim_support"))
    assert support.referral.shared_fields == []
    assert await disclosure(session, support.referral.id) == {
        "need": "victim_support", "level": "standard"}
    await share_case(session, officer, case.id, ShareIn(agency="fenland-mediation",
                                                        basis="consent"))
    named, _ = await referrals.make_referral(session, officer, case.id, _referral(
        services["Neighbour Mediation (Fenland)"]))
    assert named.referral.shared_fields == ["first_name", "contact_route"]
    assert (await referrals.get_referral(session, mediation, named.referral.id)
            ).shared["first_name"] == "Cora"


async def test_at_standard_level_a_referral_meets_the_multi_agency_target(session, world):
    officer, _, case, services = world
    await referrals.make_referral(session, officer, case.id,
                                  _referral(services["Victim Support (Fenland)"],
                                            need="victim_support"))
    (multi,) = (await session.execute(select(Target).where(
        Target.case_id == case.id, Target.kind == "multi_agency"))).scalars().all()
    assert multi.state == "met" and multi.met_by_agency_id == officer.agency_id
    high = await new_case(session, officer, answers={"threats_or_violence": True})
    await referrals.make_referral(session, officer, high.id,
                                  _referral(services["Victim Support (Fenland)"],
                                            need="victim_support"))
    (still,) = (await session.execute(select(Target).where(
        Target.case_id == high.id, Target.kind == "multi_agency"))).scalars().all()
    assert still.state == "due"  # at high, multi-agency action is more than a referral


async def test_erasure_and_retention_remove_what_referrals_shared(session, world):
    from asb_core.dataprotection import rules

    officer, mediation, case, services = world
    view, _ = await referrals.make_referral(
        session, officer, case.id, _referral(services["Neighbour Mediation (Fenland)"]))
    await referrals.change_state(session, mediation, view.referral.id, ReferralStateIn(
        state="declined", reason="Ada Example is outside our catchment"))
    by_table = {r.table: r for r in rules.ANONYMISE}
    for table in ("referral_disclosures", "referrals"):
        sql = rules.apply_sql(by_table[table])
        await session.execute(text(sql), {"case_ids": [case.id], "now": ago(seconds=0)})
    assert await disclosure(session, view.referral.id) is None
    seen = await referrals.get_referral(session, mediation, view.referral.id)
    assert seen.shared is None and seen.referral.reason == "[redacted]"
    assert seen.referral.need == "mediation" and seen.referral.state == "declined"


async def test_erasing_the_party_erases_what_its_referrals_shared(session, world):
    from asb_core.dataprotection.erasure import erase_party
    from asb_core.dataprotection.schemas import ErasureIn

    officer, mediation, case, services = world
    view, _ = await referrals.make_referral(
        session, officer, case.id, _referral(services["Neighbour Mediation (Fenland)"]))
    dpo = await actor_for(session, "ref-council", "dpo")
    result = await erase_party(session, dpo, case.id, view.referral.party_id, ErasureIn(
        request_reference="ER-1", reason="UK GDPR Art. 17(1)(a)", free_text=True))
    assert result.changed["referral_disclosures"] == 1
    seen = await referrals.get_referral(session, mediation, view.referral.id)
    assert seen.shared is None and seen.referral.shared_fields == ["first_name", "contact_route"]


async def test_a_subject_access_export_names_the_services_told_and_what(session, world):
    from asb_core.dataprotection.sar import export

    officer, mediation, case, services = world
    view, _ = await referrals.make_referral(
        session, officer, case.id, _referral(services["Neighbour Mediation (Fenland)"]))
    dpo = await actor_for(session, "ref-council", "dpo")
    doc = await export(session, dpo, case.id, view.referral.party_id)
    (part,) = [c for c in doc["cases"] if c["case_reference"] == case.reference]
    (told,) = part["referrals_of_you"]
    assert told["service"] == "Neighbour Mediation (Fenland)" and told["need"] == "mediation"
    assert told["shared"]["first_name"] == "Ada" and told["consent_basis"] == "consent"
