"""Diary entries (fold, flags, level, clocks, idempotency), reassessment, targets and work queues,
case reviews, the timeline, and 'not found' for non-members on every case path."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core.assessments import service as assessments
from asb_core.assessments.schemas import ReassessIn
from asb_core.audit import service as audit_read
from asb_core.case_review import service as case_review
from asb_core.case_review import steps as case_review_steps
from asb_core.case_review.schemas import CaseReviewIn, DecisionIn
from asb_core.cases import service as cases
from asb_core.cases import timeline
from asb_core.cases.schemas import CasePatchIn, CloseIn, ReopenIn
from asb_core.errors import Forbidden, IdempotencyKeyReused, NotFound, ValidationFailed
from asb_core.escalation import service as escalations
from asb_core.incidents import service as diary
from asb_core.parties import service as parties
from asb_core.parties.schemas import PartyIn
from asb_core.sharing import service as sharing
from asb_core.sharing.schemas import ShareIn
from asb_core.tables import CaseEvent, EscalationState, Incident, Target
from asb_core.targets import service as targets
from asb_core.targets.schemas import TargetMetIn
from asb_core.updates import service as updates
from asb_core.updates.schemas import UpdateIn
from tests.integration.casework_helpers import actor_for, ago, new_case

# The victim's view at closure, as every closing now records it.
VICTIM_VIEW = {"satisfied": "yes", "kept_informed": "yes", "feels_safer": "yes"}


def entry(category="noise", **kw):
    return {"started_at": ago(hours=2).isoformat(), "what_happened": "Loud music till 3am",
            "category": category, **kw}


async def test_diary_entry_acknowledged_folded_and_clock_restarted(session):
    a = await actor_for(session, "de-council")
    case = await new_case(session, a)
    before = next(t for t in await targets.list_case_targets(session, a, case.id)
                  if t.kind == "victim_update")
    before_due = before.due_at
    e, created = await diary.add_diary_entry(session, a, case.id, data=entry())
    assert created and e.acknowledged_at
    assert e.acknowledgement_reference == f"{case.reference}-D1"  # case reference + number
    assert e.nsir_type == "nuisance" and e.severity == 2
    inc = (await session.execute(
        select(Incident).where(Incident.diary_entry_id == e.id))).scalar_one()
    assert inc.category == "noise"
    st = await session.get(EscalationState, case.id)
    assert st.incidents == 1
    after = next(t for t in await targets.list_case_targets(session, a, case.id)
                 if t.kind == "victim_update")
    assert after.started_at >= e.recorded_at and after.due_at > before_due


async def test_escalation_noise_to_racial_threats_raises_level_and_flags(session):
    a = await actor_for(session, "es-council")
    case = await new_case(session, a, answers={"repeat": False})
    assert case.risk_level == "standard"
    await diary.add_diary_entry(session, a, case.id, data=entry("noise"))
    await diary.add_diary_entry(session, a, case.id, data=entry(
        "verbal_abuse", hostility_perceived=["race"], hostility_perceived_by="victim",
        victim_feels_targeted=True))
    e3, _ = await diary.add_diary_entry(session, a, case.id, data=entry(
        "threats", hostility_perceived=["race"], hostility_perceived_by="victim"))
    case = await cases.get_case(session, a, case.id)
    # The second entry raised flags, the third the level and more flags: each a new version.
    assert case.risk_level == "high" and case.version == 3
    assert {"hate-perceived", "hate-crime", "critical-incident", "repeat-victim"} <= set(case.flags)
    flags = await escalations.list_flags(session, a, case.id)
    assert len(flags) == len({f.rule_id for f in flags})  # never the same rule open twice
    kinds = {t.kind for t in await targets.list_case_targets(session, a, case.id)}
    assert {"hate_review", "share_with_police"} <= kinds
    fc = [t for t in await targets.list_case_targets(session, a, case.id)
          if t.kind == "first_contact" and t.state == "due"]
    assert fc and fc[0].due_at <= datetime.now(UTC) + timedelta(hours=1, minutes=1)
    items = (await timeline.timeline(session, a, case.id, limit=200)).items
    assert any(i.kind == "level_change" and i.summary["to"] == "high" for i in items)


async def test_diary_validation(session):
    a = await actor_for(session, "dv-council")
    case = await new_case(session, a)
    other = await new_case(session, a)
    foreign, _ = await diary.add_diary_entry(session, a, other.id, data=entry())
    bad = [
        entry(category="not-a-category"),
        {**entry(), "started_at": (datetime.now(UTC) + timedelta(hours=1)).isoformat()},
        {**entry(), "started_at": "1899-12-31T00:00:00+00:00"},
        entry(amends=str(foreign.id)),
    ]
    fields = []
    for data in bad:
        with pytest.raises(ValidationFailed) as err:
            await diary.add_diary_entry(session, a, case.id, data=data)
        fields.append(err.value.errors[0]["field"])
    assert fields == ["category", "started_at", "started_at", "amends"]
    first, _ = await diary.add_diary_entry(session, a, case.id, data=entry())
    fix, _ = await diary.add_diary_entry(session, a, case.id, data=entry(amends=str(first.id)))
    assert fix.amends == first.id


async def test_idempotency_key(session):
    a = await actor_for(session, "ik-housing", "integration", "housing_provider")
    owner = await actor_for(session, "ik-council")
    case = await new_case(session, owner)
    await sharing.share_case(session, owner, case.id, ShareIn(agency="ik-housing", basis="consent"))
    e1, c1 = await diary.add_diary_entry(session, a, case.id, data=entry(),
                                         idempotency_key="k1", request_fingerprint="f1")
    e2, c2 = await diary.add_diary_entry(session, a, case.id, data=entry(),
                                         idempotency_key="k1", request_fingerprint="f1")
    assert c1 and not c2 and e1.id == e2.id
    with pytest.raises(IdempotencyKeyReused):
        await diary.add_diary_entry(session, a, case.id, data=entry(),
                                    idempotency_key="k1", request_fingerprint="other")
    n = (await session.execute(select(func.count()).select_from(Incident).where(
        Incident.case_id == case.id))).scalar_one()
    assert n == 1


async def test_concurrent_diary_posts_both_folded(engine):
    async with AsyncSession(engine, expire_on_commit=False) as s:
        async with s.begin():
            a = await actor_for(s, "cd-council-x")
            case = await new_case(s, a)

    async def post(i: int):
        async with AsyncSession(engine, expire_on_commit=False) as s:
            async with s.begin():
                await diary.add_diary_entry(s, a, case.id, data=entry())

    await asyncio.gather(*(post(i) for i in range(4)))
    async with AsyncSession(engine) as s:
        st = await s.get(EscalationState, case.id)
        assert st.incidents == 4 and len(st.state["groups"]) == 4


async def test_reassess_lowering_needs_supervisor(session):
    a = await actor_for(session, "rs-council")
    sup = await actor_for(session, "rs-council", "supervisor")
    case = await new_case(session, a, answers={"repeat": False})
    answers = {"threats_or_violence": False, "repeat": True, "feels_targeted": True,
               "disability_or_illness": True, "mental_health_affected": True}
    row = await assessments.reassess(session, a, case.id, ReassessIn(answers=answers))
    case = await cases.get_case(session, a, case.id)
    assert case.risk_level == row.level and case.version == 2
    with pytest.raises(Forbidden):
        await assessments.reassess(session, a, case.id, ReassessIn(answers=answers,
                                   judgement={"level": "standard", "reason": "x"}))
    low = await assessments.reassess(session, sup, case.id, ReassessIn(answers=answers,
                                     judgement={"level": "standard", "reason": "moved away"}))
    assert low.level == "standard" and low.judgement["supervisor"] is True
    assert (await cases.get_case(session, a, case.id)).risk_level == "standard"
    raised = await assessments.reassess(session, a, case.id, ReassessIn(answers={"repeat": False},
                                        judgement={"level": "high", "reason": "officer view"}))
    assert raised.level == "high"
    page = await assessments.list_assessments(session, a, case.id)
    assert len(page.items) == 4


async def test_mark_met_late_reason_recurring_and_work_queue(session):
    a = await actor_for(session, "tm-council")
    stranger = await actor_for(session, "tm-other")
    old = datetime.now(UTC) - timedelta(days=40)
    case = await new_case(session, a, now=old)
    breached = await targets.work_queue(session, a, state="breached")
    assert {t.case_id for t in breached.items} == {case.id}
    assert (await targets.work_queue(session, stranger, state="breached")).items == []
    vu = next(t for t in breached.items if t.kind == "victim_update")
    with pytest.raises(ValidationFailed) as err:
        await targets.mark_target_met(session, a, case.id, vu.id)
    assert err.value.errors[0]["field"] == "late_reason"
    met = await targets.mark_target_met(session, a, case.id, vu.id,
                                        TargetMetIn(late_reason="staff sick"))
    assert met.state == "met" and met.late_reason == "staff sick"
    nxt = [t for t in await targets.list_case_targets(session, a, case.id)
           if t.kind == "victim_update" and t.state == "due"]
    assert len(nxt) == 1 and nxt[0].started_at == met.met_at
    swept = await targets.sweep_breaches(session)
    assert swept >= 1
    states = {t.state for t in await targets.list_case_targets(session, a, case.id)
              if t.kind == "first_contact"}
    assert states == {"breached"}
    soon = await targets.work_queue(session, a, state="due_soon", within_hours=24 * 60)
    assert nxt[0].id in {t.id for t in soon.items}


async def test_victim_update_meets_target_and_action_owner_must_be_member(session):
    a = await actor_for(session, "vu-council")
    await actor_for(session, "vu-police", kind="police")
    case = await new_case(session, a)
    u = await updates.add_update(session, a, case.id, UpdateIn(kind="victim_update",
                                 text="Rang Ada"))
    assert u.author_agency_slug == "vu-council"
    vus = [t for t in await targets.list_case_targets(session, a, case.id)
           if t.kind == "victim_update"]
    assert sorted(t.state for t in vus) == ["due", "met"]
    with pytest.raises(ValidationFailed):
        await updates.add_update(session, a, case.id, UpdateIn(kind="action", text="Visit"))
    with pytest.raises(ValidationFailed):
        await updates.add_update(session, a, case.id, UpdateIn(kind="action", text="Visit",
                                 owner_agency="vu-police"))
    act = await updates.add_update(session, a, case.id, UpdateIn(kind="action", text="Visit",
                                   owner_agency="vu-council",
                                   due_at=datetime.now(UTC) + timedelta(days=2)))
    done = await updates.complete_action(session, a, case.id, act.id)
    assert done.done and done.done_at


async def test_case_review_application(session):
    a = await actor_for(session, "cr-council")
    case = await new_case(session, a)
    for _ in range(3):
        await diary.add_diary_entry(session, a, case.id, data=entry())
    review = await case_review.log_application(session, a, case.id,
                                               CaseReviewIn(applicant_description="the victim"))
    assert review.qualifying is True
    assert review.applied_at < review.acknowledge_by < review.decide_by
    kinds = {t.kind for t in await targets.list_case_targets(session, a, case.id)}
    assert {"case_review_acknowledge", "case_review_decision"} <= kinds
    sup = await actor_for(session, "cr-council", "supervisor")
    decided = await case_review_steps.decide(
        session, sup, case.id, review.id, DecisionIn(threshold_met=True, decision="review held"))
    assert decided.threshold_met
    assert len(await case_review.list_applications(session, a, case.id)) == 1


async def test_timeline_pages_in_time_order(session):
    a = await actor_for(session, "tl-council")
    case = await new_case(session, a)
    for _ in range(4):
        await diary.add_diary_entry(session, a, case.id, data=entry())
    page = await timeline.timeline(session, a, case.id, limit=3)
    seen = list(page.items)
    while page.next_cursor:
        page = await timeline.timeline(session, a, case.id, limit=3, cursor=page.next_cursor)
        seen += page.items
    total = (await session.execute(select(func.count()).select_from(CaseEvent).where(
        CaseEvent.case_id == case.id))).scalar_one()
    assert len(seen) == total and [i.at for i in seen] == sorted(i.at for i in seen)
    assert seen[0].kind == "case_opened"


async def test_audit_read_is_for_auditors_of_member_agencies(session):
    a = await actor_for(session, "ar-council")
    aud = await actor_for(session, "ar-council", "auditor")
    other_aud = await actor_for(session, "ar-other", "auditor")
    case = await new_case(session, a)
    with pytest.raises(Forbidden):
        await audit_read.list_audit(session, a)
    page = await audit_read.list_audit(session, aud, case_id=case.id)
    assert page.items and all(e.case_id == case.id for e in page.items)
    with pytest.raises(NotFound):
        await audit_read.list_audit(session, other_aud, case_id=case.id)
    mine = await audit_read.list_audit(session, other_aud, limit=200)
    assert all(e.case_id != case.id for e in mine.items)


async def test_non_member_gets_not_found_on_every_case_path(session):
    a = await actor_for(session, "nm-council")
    case = await new_case(session, a)
    e, _ = await diary.add_diary_entry(session, a, case.id, data=entry())
    t = (await session.execute(select(Target).where(Target.case_id == case.id))).scalars().first()
    for role in ("caseworker", "supervisor", "integration", "auditor", "call_handler"):
        x = await actor_for(session, "nm-outsider", role)
        calls = [
            cases.get_case(session, x, case.id),
            cases.update_case(session, x, case.id, CasePatchIn(**{"summary": "x"}),
                              expected_version=1),
            cases.close_case(session, x, case.id, CloseIn(outcome="x", final_victim_update="y",
                victim_view=VICTIM_VIEW)),
            cases.reopen_case(session, x, case.id, ReopenIn(reason="x")),
            sharing.share_case(session, x, case.id, ShareIn(agency="nm-outsider",
                               basis="legal_basis", legal_basis="s115")),
            sharing.remove_member(session, x, case.id, "nm-council", reason="x"),
            sharing.list_members(session, x, case.id),
            parties.list_parties(session, x, case.id),
            parties.add_party(session, x, case.id, PartyIn(role="witness")),
            diary.add_diary_entry(session, x, case.id, data=entry()),
            diary.list_diary_entries(session, x, case.id),
            diary.get_diary_entry(session, x, case.id, e.id),
            assessments.reassess(session, x, case.id, ReassessIn(answers={})),
            assessments.list_assessments(session, x, case.id),
            updates.add_update(session, x, case.id, UpdateIn(kind="update", text="x")),
            updates.list_updates(session, x, case.id),
            targets.list_case_targets(session, x, case.id),
            targets.mark_target_met(session, x, case.id, t.id, TargetMetIn(late_reason="x")),
            escalations.list_flags(session, x, case.id),
            timeline.timeline(session, x, case.id),
            case_review.log_application(session, x, case.id,
                                        CaseReviewIn(applicant_description="x")),
            case_review.list_applications(session, x, case.id),
        ]
        for call in calls:
            with pytest.raises(NotFound):
                await call
    assert (await cases.list_cases(session, x)).items == []
