"""Officers' reports of incidents: recorded, folded into the escalation state (flags, level and
targets as for a diary entry), idempotent, refused on a closed case, never restarting the
victim-update clock; the incident list of both sources; not found for non-members and
forbidden for roles that may not record or read incidents."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from asb_core.cases import service as cases
from asb_core.cases.schemas import CloseIn
from asb_core.errors import Conflict, Forbidden, IdempotencyKeyReused, NotFound, ValidationFailed
from asb_core.escalation import service as escalations
from asb_core.incidents import service as diary
from asb_core.incidents import service as incidents
from asb_core.sharing import service as sharing
from asb_core.sharing.schemas import ShareIn
from asb_core.tables import AuditEvent, CaseEvent, EscalationState, Incident
from asb_core.targets import service as targets
from tests.integration.casework_helpers import actor_for, ago, new_case

# The victim's view at closure, as every closing now records it.
VICTIM_VIEW = {"satisfied": "yes", "kept_informed": "yes", "feels_safer": "yes"}

ACCOUNT = "Attended at 23:10. Man at number 14 (Carl Exampleton) shouting at the window."


def report(category="noise", **kw) -> dict:
    return {"occurred_at": ago(hours=1).isoformat(), "category": category,
            "account": ACCOUNT, **kw}


def entry(category="noise", **kw) -> dict:
    return {"started_at": ago(hours=2).isoformat(), "what_happened": "Loud music till 3am",
            "category": category, **kw}


async def _target(session, actor, case_id, kind):
    return next(t for t in await targets.list_case_targets(session, actor, case_id)
                if t.kind == kind and t.state == "due")


async def test_officer_report_recorded_folded_on_timeline_and_audited(session):
    police = await actor_for(session, "or-police", kind="police")
    case = await new_case(session, police)
    before = (await session.get(EscalationState, case.id)).incidents
    inc, created = await incidents.add_officer_report(session, police, case.id, data=report(
        officer_reference="CC-20260101-0042", location="Outside 12 Example Terrace"))
    assert created and inc.source == "officer_report" and inc.diary_entry_id is None
    assert (inc.category, inc.nsir_type, inc.severity) == ("noise", "nuisance", 2)
    assert inc.account == ACCOUNT and inc.officer_reference == "CC-20260101-0042"
    assert inc.reported_by_agency_slug == "or-police" and inc.evidence_id == inc.id
    assert inc.hostility_strands == [] and inc.hostility_perceived_by is None
    state = await session.get(EscalationState, case.id, populate_existing=True)
    assert state.incidents == before + 1
    assert [g[1] for g in state.state["groups"]] == [str(inc.id)]
    event = (await session.execute(select(CaseEvent).where(
        CaseEvent.case_id == case.id, CaseEvent.kind == "officer_report"))).scalar_one()
    assert event.entity_id == inc.id and event.agency == "or-police"
    assert event.summary == {"category": "noise", "severity": 2, "hostility": False,
                             "same_as": None}
    logged = (await session.execute(select(AuditEvent).where(
        AuditEvent.case_id == case.id, AuditEvent.action == "incident.add"))).scalar_one()
    assert logged.entity_id == str(inc.id) and logged.detail["category"] == "noise"
    # Free text never leaves the incident row: not on the timeline, not in the audit log.
    assert "Exampleton" not in str(event.summary) and "Exampleton" not in str(logged.detail)
    assert (await incidents.get_incident(session, police, case.id, inc.id)).id == inc.id


async def test_critical_report_raises_level_at_once_and_recomputes_targets(session):
    council = await actor_for(session, "oc-council")
    case = await new_case(session, council, answers={"repeat": False})
    assert case.risk_level == "standard"
    due_before = (await _target(session, council, case.id, "first_contact")).due_at
    inc, _ = await incidents.add_officer_report(session, council, case.id,
                                                data=report("weapon"))
    case = await cases.get_case(session, council, case.id)
    assert case.risk_level == "high" and "critical-incident" in case.flags
    flag = next(f for f in await escalations.list_flags(session, council, case.id)
                if f.rule_id == "critical-incident")
    assert list(flag.evidence) == [str(inc.id)]
    fc = await _target(session, council, case.id, "first_contact")
    assert fc.level == "high" and fc.due_at < due_before
    assert fc.due_at <= datetime.now(UTC) + timedelta(hours=1, minutes=1)


async def test_hate_strand_raises_hate_flags_perceived_by_officer(session):
    police = await actor_for(session, "oh-police", kind="police")
    case = await new_case(session, police)
    inc, _ = await incidents.add_officer_report(session, police, case.id, data=report(
        "harassment", hostility_perceived=["religion", "race", "race"]))
    assert inc.hostility_strands == ["race", "religion"]
    assert inc.hostility_perceived_by == "officer"
    rules = {f.rule_id: f for f in await escalations.list_flags(session, police, case.id)}
    assert {"hate-perceived", "hate-crime"} <= set(rules)
    assert list(rules["hate-perceived"].evidence) == [str(inc.id)]
    kinds = {t.kind for t in await targets.list_case_targets(session, police, case.id)}
    # The police lead the case: there is no one to share it with the police.
    assert "hate_review" in kinds and "share_with_police" not in kinds


async def test_report_does_not_restart_the_victim_update_clock(session):
    council = await actor_for(session, "ov-council")
    case = await new_case(session, council, now=datetime.now(UTC) - timedelta(days=3))
    t = await _target(session, council, case.id, "victim_update")
    before = (t.id, t.started_at, t.due_at)
    await incidents.add_officer_report(session, council, case.id, data=report("noise"))
    t = await _target(session, council, case.id, "victim_update")
    await session.refresh(t)
    assert (t.id, t.started_at, t.due_at) == before
    # A diary entry, by contrast, is acknowledged and does restart it.
    await diary.add_diary_entry(session, council, case.id, data=entry())
    t = await _target(session, council, case.id, "victim_update")
    await session.refresh(t)
    assert t.due_at > before[2]


async def test_closed_case_refuses_a_report(session):
    council = await actor_for(session, "ox-council")
    sup = await actor_for(session, "ox-council", "supervisor")
    case = await new_case(session, council)
    await cases.close_case(session, sup, case.id, CloseIn(outcome="Resolved",
                           final_victim_update="Told the victim", victim_view=VICTIM_VIEW))
    with pytest.raises(Conflict):
        await incidents.add_officer_report(session, council, case.id, data=report())


async def test_idempotent_replay_and_reused_key(session):
    police = await actor_for(session, "oi-police", "integration", "police")
    owner = await actor_for(session, "oi-council")
    case = await new_case(session, owner)
    await sharing.share_case(session, owner, case.id, ShareIn(agency="oi-police", basis="consent"))
    body = report("threats")
    first, c1 = await incidents.add_officer_report(
        session, police, case.id, data=body, idempotency_key="log-1", request_fingerprint="f1")
    again, c2 = await incidents.add_officer_report(
        session, police, case.id, data=body, idempotency_key="log-1", request_fingerprint="f1")
    assert c1 and not c2 and again.id == first.id and again.account == first.account
    with pytest.raises(IdempotencyKeyReused):
        await incidents.add_officer_report(
            session, police, case.id, data=report("noise"), idempotency_key="log-1",
            request_fingerprint="f2")
    # The same key for a diary entry is another resource: refused too.
    with pytest.raises(IdempotencyKeyReused):
        await diary.add_diary_entry(session, police, case.id, data=entry(),
                                    idempotency_key="log-1", request_fingerprint="f1")
    n = (await session.execute(select(func.count()).select_from(Incident).where(
        Incident.case_id == case.id))).scalar_one()
    state = await session.get(EscalationState, case.id, populate_existing=True)
    assert n == 1 and state.incidents == 1


async def test_validation_lists_every_bad_field(session):
    council = await actor_for(session, "ol-council")
    case = await new_case(session, council)
    bad = {
        "occurred_at": (datetime.now(UTC) + timedelta(hours=1)).isoformat(),
        "category": "shouting",
        "account": "   ",
        "officer_reference": "",
        "location": 12,
        "hostility_perceived": ["race", "accent"],
        "hostility_perceived_by": "neighbour",
        "hostility_asked": "yes",
        "victim_feels_targeted": "maybe",
        "same_as": "not-an-id",
        "severity": 5,
    }
    with pytest.raises(ValidationFailed) as err:
        await incidents.add_officer_report(session, council, case.id, data=bad)
    fields = {e["field"] for e in err.value.errors}
    assert fields == set(bad)
    # A naive time and a missing account and category.
    with pytest.raises(ValidationFailed) as err:
        await incidents.add_officer_report(session, council, case.id,
                                           data={"occurred_at": "2026-01-01T10:00:00"})
    assert {e["field"] for e in err.value.errors} == {"occurred_at", "category", "account"}
    # same_as must name an incident of this very case.
    other = await new_case(session, council)
    foreign, _ = await incidents.add_officer_report(session, council, other.id, data=report())
    with pytest.raises(ValidationFailed) as err:
        await incidents.add_officer_report(session, council, case.id,
                                           data=report(same_as=str(foreign.id), category="x"))
    assert {e["field"] for e in err.value.errors} == {"same_as", "category"}
    n = (await session.execute(select(func.count()).select_from(Incident).where(
        Incident.case_id == case.id))).scalar_one()
    assert n == 0


async def test_same_as_counts_the_incident_once(session):
    council = await actor_for(session, "os-council")
    police = await actor_for(session, "os-police", kind="police")
    case = await new_case(session, council, answers={"repeat": False})
    await sharing.share_case(session, council, case.id, ShareIn(agency="os-police",
                             basis="consent"))
    e, _ = await diary.add_diary_entry(session, council, case.id, data=entry("verbal_abuse"))
    first, _ = await incidents.add_officer_report(session, police, case.id,
                                                  data=report("verbal_abuse", same_as=str(e.id)))
    assert first.same_as == e.id
    # Naming the repeat instead of the original still points at the original.
    second, _ = await incidents.add_officer_report(
        session, police, case.id, data=report("verbal_abuse", same_as=str(first.id)))
    assert second.same_as == e.id
    case = await cases.get_case(session, council, case.id)
    assert "repeat-victim" not in case.flags  # one incident, reported three times
    await incidents.add_officer_report(session, police, case.id, data=report("noise"))
    case = await cases.get_case(session, council, case.id)
    assert "repeat-victim" in case.flags


async def test_list_pages_both_sources(session):
    council = await actor_for(session, "op-council")
    auditor = await actor_for(session, "op-council", "auditor")
    case = await new_case(session, council)
    e, _ = await diary.add_diary_entry(session, council, case.id, data=entry())
    made = []
    for i in range(3):
        inc, _ = await incidents.add_officer_report(
            session, council, case.id, data=report(), now=datetime.now(UTC) + timedelta(
                seconds=i + 1))
        made.append(inc.id)
    page = await incidents.list_incidents(session, auditor, case.id, limit=3)
    seen = list(page.items)
    assert len(seen) == 3 and page.next_cursor
    page = await incidents.list_incidents(session, auditor, case.id, limit=3,
                                          cursor=page.next_cursor)
    seen += page.items
    assert page.next_cursor is None
    assert [i.source for i in seen] == ["diary_entry"] + ["officer_report"] * 3
    assert seen[0].diary_entry_id == e.id and seen[0].evidence_id == e.id
    assert seen[0].account is None and [i.id for i in seen[1:]] == made
    only = await incidents.list_incidents(session, auditor, case.id, source="officer_report")
    assert [i.id for i in only.items] == made
    with pytest.raises(ValidationFailed):
        await incidents.list_incidents(session, auditor, case.id, source="rumour")
    with pytest.raises(NotFound):
        await incidents.get_incident(session, council, case.id, e.id)  # an entry id, not ours


async def test_roles_that_may_not_record_or_read(session):
    handler = await actor_for(session, "ow-police", "call_handler", "police")
    auditor = await actor_for(session, "ow-police", "auditor", "police")
    supervisor = await actor_for(session, "ow-police", "supervisor", "police")
    case = await new_case(session, handler)  # a call handler sees the cases it opened
    inc, _ = await incidents.add_officer_report(session, supervisor, case.id, data=report())
    for actor in (handler, auditor):
        with pytest.raises(Forbidden):
            await incidents.add_officer_report(session, actor, case.id, data=report())
    with pytest.raises(Forbidden):
        await incidents.list_incidents(session, handler, case.id)
    with pytest.raises(Forbidden):
        await incidents.get_incident(session, handler, case.id, inc.id)
    assert (await incidents.get_incident(session, auditor, case.id, inc.id)).id == inc.id
    # Analysts and admins see no case data at all: the case does not exist for them.
    for role in ("analyst", "admin"):
        other = await actor_for(session, "ow-police", role, "police")
        with pytest.raises(NotFound):
            await incidents.add_officer_report(session, other, case.id, data=report())
        with pytest.raises(NotFound):
            await incidents.list_incidents(session, other, case.id)


async def test_non_member_gets_not_found_on_every_incident_path(session):
    council = await actor_for(session, "on-council")
    case = await new_case(session, council)
    inc, _ = await incidents.add_officer_report(session, council, case.id, data=report())
    for role in ("caseworker", "supervisor", "integration", "auditor", "call_handler"):
        x = await actor_for(session, "on-outsider", role)
        for call in (
            incidents.add_officer_report(session, x, case.id, data=report()),
            incidents.add_officer_report(session, x, case.id, data={}),
            incidents.list_incidents(session, x, case.id),
            incidents.get_incident(session, x, case.id, inc.id),
        ):
            with pytest.raises(NotFound):
                await call
