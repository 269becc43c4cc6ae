"""Owned work and the acceptance fixes, in the services on a real PostgreSQL: every target has an
owner (the lead agency, from every path that makes one: opening, a level change, an incident's
follow-up, a Case Review application), reassigning is audited and on the timeline, a removed
member's work returns to the lead; no share-with-police target while a police agency is a member
(incidents and assessments); flags move the case's version; Idempotency-Key on opening a case."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from asb_core.assessments import service as assessments
from asb_core.assessments.schemas import ReassessIn
from asb_core.audit import chain as audit_chain
from asb_core.case_review import service as case_review
from asb_core.case_review.schemas import CaseReviewIn
from asb_core.cases import service as cases
from asb_core.cases.schemas import OpenCaseIn
from asb_core.errors import Conflict, Forbidden, IdempotencyKeyReused, NotFound, ValidationFailed
from asb_core.idempotency import RequestKey
from asb_core.incidents import service as diary
from asb_core.incidents.schemas import DiaryEntryIn
from asb_core.sharing import service as sharing
from asb_core.sharing.schemas import ShareIn
from asb_core.tables import AuditEvent, CaseEvent
from asb_core.targets import service as targets
from asb_core.targets.schemas import TargetOwnerIn
from tests.integration.casework_helpers import VICTIM, actor_for, ago, new_case

HATE_THREATS = {"category": "threats", "what_happened": "Threatened to burn the car",
                "hostility_perceived": ["race"], "hostility_perceived_by": "victim",
                "hostility_asked": True}


def entry(**over) -> DiaryEntryIn:
    body = {"started_at": ago(hours=1), "what_happened": "Shouting", "category": "noise"}
    body.update(over)
    return DiaryEntryIn(**body)


async def _targets(session, actor, case_id):
    return await targets.list_case_targets(session, actor, case_id)


async def test_every_new_target_is_owned_by_the_lead_agency(session):
    lead = await actor_for(session, "ow1-council")
    await actor_for(session, "ow1-housing", kind="housing_provider")
    case = await new_case(session, lead)
    await sharing.share_case(session, lead, case.id, ShareIn(agency="ow1-housing",
                                                             basis="consent"))
    # A critical incident from the incidents write: level raised, follow-ups set.
    await diary.add_diary_entry(session, lead, case.id, data=entry(**HATE_THREATS))
    await case_review.log_application(session, lead, case.id,
                                      CaseReviewIn(applicant_description="The victim"))
    rows = await _targets(session, lead, case.id)
    kinds = {t.kind for t in rows}
    assert {"hate_review", "share_with_police", "case_review_acknowledge"} <= kinds
    assert {t.owner_agency_id for t in rows} == {lead.agency_id}
    assert any(t.level == "high" for t in rows)


async def test_reassigning_a_target_is_audited_and_on_the_timeline(session):
    lead = await actor_for(session, "ow2-council")
    housing = await actor_for(session, "ow2-housing", kind="housing_provider")
    auditor = await actor_for(session, "ow2-council", role="auditor")
    case = await new_case(session, lead)
    await sharing.share_case(session, lead, case.id, ShareIn(agency="ow2-housing",
                                                             basis="consent"))
    target = next(t for t in await _targets(session, lead, case.id) if t.state == "due")
    with pytest.raises(Forbidden):
        await targets.reassign_target(session, auditor, case.id, target.id, TargetOwnerIn(
            owner_agency="ow2-housing", reason="x"))
    with pytest.raises(ValidationFailed) as bad:
        await targets.reassign_target(session, lead, case.id, target.id, TargetOwnerIn(
            owner_agency="nobody-here", reason="x"))
    assert bad.value.errors[0]["field"] == "owner_agency"
    moved = await targets.reassign_target(session, lead, case.id, target.id, TargetOwnerIn(
        owner_agency="ow2-housing", reason="Visits weekly"))
    assert moved.owner_agency_slug == "ow2-housing"
    owned = await targets.work_queue(session, housing, state="due")
    assert [t.id for t in owned.items if t.case_id == case.id] == [target.id]
    ev = (await session.execute(select(AuditEvent).where(
        AuditEvent.case_id == case.id, AuditEvent.action == "target.reassign"))).scalar_one()
    # The reason is an erasable note; the chained row holds only its commitment.
    assert ev.justification.startswith("note:") and "Visits" not in ev.justification
    assert await audit_chain.justification_of(session, ev) == "Visits weekly"
    assert ev.detail["from"] == "ow2-council" and ev.detail["to"] == "ow2-housing"
    assert (await session.execute(select(CaseEvent).where(
        CaseEvent.case_id == case.id, CaseEvent.kind == "target_reassigned"))).scalar_one()
    # Reassigning to the owner changes nothing; a met target has no work left to own.
    again = await targets.reassign_target(session, lead, case.id, target.id, TargetOwnerIn(
        owner_agency="ow2-housing", reason="again"))
    assert again.owner_agency_id == housing.agency_id
    await targets.mark_target_met(session, housing, case.id, target.id)
    with pytest.raises(Conflict):
        await targets.reassign_target(session, lead, case.id, target.id, TargetOwnerIn(
            owner_agency="ow2-council", reason="back"))


async def test_a_removed_member_hands_its_open_targets_back_to_the_lead(session):
    lead = await actor_for(session, "ow3-council")
    supervisor = await actor_for(session, "ow3-council", role="supervisor")
    await actor_for(session, "ow3-housing", kind="housing_provider")
    case = await new_case(session, lead)
    await sharing.share_case(session, lead, case.id, ShareIn(agency="ow3-housing",
                                                             basis="consent"))
    open_ids = [t.id for t in await _targets(session, lead, case.id) if t.state == "due"]
    for tid in open_ids:
        await targets.reassign_target(session, lead, case.id, tid, TargetOwnerIn(
            owner_agency="ow3-housing", reason="theirs"))
    await sharing.remove_member(session, supervisor, case.id, "ow3-housing", reason="Left")
    rows = {t.id: t for t in await _targets(session, lead, case.id)}
    assert {rows[t].owner_agency_id for t in open_ids} == {lead.agency_id}


async def test_no_share_with_police_target_while_police_is_a_member(session):
    lead = await actor_for(session, "ow4-council")
    await actor_for(session, "ow4-police", kind="police")
    hate_crime = {"hostility_perceived": ["race"], "threats_or_violence": True}
    # The assessment path: a police member already, so the hate-crime flag sets no target.
    with_police = await new_case(session, lead)
    await sharing.share_case(session, lead, with_police.id, ShareIn(agency="ow4-police",
                                                                    basis="consent"))
    await assessments.reassess(session, lead, with_police.id, ReassessIn(answers=hate_crime))
    got = await cases.get_case(session, lead, with_police.id)
    assert "hate-crime" in got.flags
    assert "share_with_police" not in {t.kind for t in await _targets(session, lead, got.id)}
    # The incidents path, likewise.
    await diary.add_diary_entry(session, lead, with_police.id, data=entry(**HATE_THREATS))
    assert "share_with_police" not in {
        t.kind for t in await _targets(session, lead, with_police.id)}
    # Without police: the target is set, and met by the share that brings police in.
    alone = await new_case(session, lead)
    await assessments.reassess(session, lead, alone.id, ReassessIn(answers=hate_crime))
    share = [t for t in await _targets(session, lead, alone.id) if t.kind == "share_with_police"]
    assert len(share) == 1 and share[0].state == "due"
    await sharing.share_case(session, lead, alone.id, ShareIn(agency="ow4-police",
                                                              basis="consent"))
    share = [t for t in await _targets(session, lead, alone.id) if t.kind == "share_with_police"]
    assert share[0].state == "met"


async def test_flags_raised_by_an_assessment_move_the_version(session):
    lead = await actor_for(session, "ow5-council")
    case = await new_case(session, lead, answers={"threats_or_violence": True})
    assert case.risk_level == "high"
    seen = await cases.get_case(session, lead, case.id)
    version, updated_at = seen.version, seen.updated_at
    await assessments.reassess(session, lead, case.id, ReassessIn(
        answers={"threats_or_violence": True, "hostility_perceived": ["religion"]}))
    after = await cases.get_case(session, lead, case.id)
    assert after.risk_level == "high" and "hate-perceived" in after.flags
    assert after.version == version + 1 and after.updated_at > updated_at


async def test_opening_a_case_twice_with_one_key_opens_one(session):
    lead = await actor_for(session, "ow6-council")
    data = OpenCaseIn(area="fenland", answers={"repeat": True}, victim=dict(VICTIM),
                      consent={"state": "given"})
    key = RequestKey("crm-42", "digest-of-the-body")
    first = await cases.open_case(session, lead, data, idempotency_key=key)
    again = await cases.open_case(session, lead, data, idempotency_key=key)
    assert again.id == first.id and again.reference == first.reference
    with pytest.raises(IdempotencyKeyReused):
        await cases.open_case(session, lead, data,
                              idempotency_key=RequestKey("crm-42", "another body"))
    found = await cases.find_case(session, lead, first.reference)
    assert found.id == first.id
    stranger = await actor_for(session, "ow6-far")
    with pytest.raises(NotFound):
        await cases.find_case(session, stranger, first.reference)
    page = await cases.list_cases(session, stranger, reference=first.reference)
    assert page.items == []
