"""The diary service's lean write path (one locking read, one write statement) against the
general services it falls back to: flag evidence refreshed in place, the audit chain intact
across both paths, the victim-update clock restarted at the level after a raise, and a replay
answering with the first entry."""

from __future__ import annotations

from sqlalchemy import func, select

from asb_core.audit import chain as audit
from asb_core.audit.models import AuditChainHead, AuditEvent
from asb_core.escalation.models import EscalationFlag
from asb_core.incidents import service as diary
from asb_core.tables import CaseEvent, EscalationState, Incident, Target
from tests.integration.casework_helpers import actor_for, ago, new_case


def entry(category="noise", hours=2, **kw):
    return {"started_at": ago(hours=hours).isoformat(), "what_happened": "Shouting on the stairs",
            "category": category, **kw}


async def _flag(session, case_id, rule_id):
    return (await session.execute(
        select(EscalationFlag).where(EscalationFlag.case_id == case_id,
                                     EscalationFlag.rule_id == rule_id,
                                     EscalationFlag.cleared_at.is_(None))
        .execution_options(populate_existing=True)
    )).scalar_one_or_none()


async def test_open_flag_evidence_is_refreshed_by_a_plain_entry(session):
    a = await actor_for(session, "wp-council")
    case = await new_case(session, a)
    for hours in (6, 5, 4):  # repeat-victim at the second, case-review-eligible at the third
        await diary.add_diary_entry(session, a, case.id, data=entry(hours=hours))
    rules = ("repeat-victim", "case-review-eligible")
    raised = {r: await _flag(session, case.id, r) for r in rules}
    assert all(raised.values())
    # A fourth entry raises nothing new: the lean path refreshes the open flags' evidence.
    e4, _ = await diary.add_diary_entry(session, a, case.id, data=entry(hours=3))
    for rule_id, flag in raised.items():
        refreshed = await _flag(session, case.id, rule_id)
        assert refreshed.id == flag.id and str(e4.id) in refreshed.evidence
    state = (await session.execute(
        select(EscalationState).where(EscalationState.case_id == case.id)
        .execution_options(populate_existing=True))).scalar_one()
    assert state.incidents == 4
    incidents = (await session.execute(
        select(func.count()).select_from(Incident).where(Incident.case_id == case.id)
    )).scalar_one()
    assert incidents == 4
    events = (await session.execute(
        select(func.count()).select_from(CaseEvent)
        .where(CaseEvent.case_id == case.id, CaseEvent.kind == "diary_entry"))).scalar_one()
    assert events == 4


async def test_chain_stays_whole_across_lean_and_general_writes(session):
    a = await actor_for(session, "wp-chain")
    case = await new_case(session, a)
    for category in ("noise", "noise", "threats", "noise", "verbal_abuse"):
        await diary.add_diary_entry(session, a, case.id, data=entry(category))
    chain = audit.chain_for(case.id)
    head = (await session.execute(
        select(AuditChainHead).where(AuditChainHead.chain == chain)
        .execution_options(populate_existing=True))).scalar_one()
    rows = (await session.execute(
        select(AuditEvent.chain_seq, AuditEvent.action, AuditEvent.hash)
        .where(AuditEvent.chain == chain).order_by(AuditEvent.chain_seq))).all()
    assert [r.chain_seq for r in rows] == list(range(1, len(rows) + 1))
    assert (head.last_seq, head.last_hash) == (rows[-1].chain_seq, rows[-1].hash)
    assert sum(r.action == "diary.add" for r in rows) == 5
    assert any(r.action == "case.level_change" for r in rows)
    assert (await audit.verify(session)).ok


async def test_critical_entry_restarts_the_victim_clock_at_the_raised_level(session):
    a = await actor_for(session, "wp-raise")
    case = await new_case(session, a)
    assert case.risk_level == "standard"
    e, _ = await diary.add_diary_entry(session, a, case.id, data=entry("threats"))
    clock = (await session.execute(
        select(Target).where(Target.case_id == case.id, Target.kind == "victim_update",
                             Target.state == "due", Target.closed_at.is_(None))
        .execution_options(populate_existing=True))).scalars().all()
    assert clock and all(t.level == "high" and t.started_at == e.recorded_at for t in clock)


async def test_replay_returns_the_first_entry_and_writes_nothing(session):
    a = await actor_for(session, "wp-replay", role="integration")
    owner = await actor_for(session, "wp-replay")
    case = await new_case(session, owner)
    first, created = await diary.add_diary_entry(
        session, a, case.id, data=entry(), idempotency_key="k-1", request_fingerprint="f")
    again, replayed = await diary.add_diary_entry(
        session, a, case.id, data=entry(), idempotency_key="k-1", request_fingerprint="f")
    assert created and not replayed and again.id == first.id
    assert again.acknowledgement_reference == first.acknowledgement_reference
    count = (await session.execute(
        select(func.count()).select_from(Incident).where(Incident.case_id == case.id)
    )).scalar_one()
    assert count == 1
