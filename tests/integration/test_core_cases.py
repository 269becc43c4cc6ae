"""Cases: open from an assessment, visibility, optimistic concurrency, close and reopen."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from pydantic import ValidationError
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core.actor import Actor
from asb_core.cases import service as cases
from asb_core.cases.schemas import CasePatchIn, CloseIn, ReopenIn
from asb_core.errors import Conflict, Forbidden, NotFound, PreconditionFailed, ValidationFailed
from asb_core.sharing import service as sharing
from asb_core.sharing.schemas import ShareIn
from asb_core.tables import AuditEvent, Target
from asb_core.targets import service as targets
from tests.integration.casework_helpers import MEDIUM_ANSWERS, actor_for, new_case

# The victim's view at closure, as every closing now records it.
VICTIM_VIEW = {"satisfied": "yes", "kept_informed": "yes", "feels_safer": "yes"}


async def test_open_case_sets_level_targets_membership_and_audit(session):
    a = await actor_for(session, "oc-council")
    case = await new_case(session, a, answers={"immediate_danger": True})
    assert case.risk_level == "high" and case.version == 1 and case.status == "open"
    assert case.reference.startswith("ASB-") and case.member_agencies == ["oc-council"]
    assert "critical-incident" in case.flags
    ts = {t.kind: t for t in await targets.list_case_targets(session, a, case.id)}
    assert set(ts) >= {"first_contact", "multi_agency", "victim_update", "case_review"}
    assert ts["first_contact"].due_at - ts["first_contact"].started_at == timedelta(hours=1)
    actions = (await session.execute(
        select(AuditEvent.action).where(AuditEvent.case_id == case.id))).scalars().all()
    assert {"case.open", "party.add", "assessment.add"} <= set(actions)


async def test_standard_case_gets_standard_targets(session):
    a = await actor_for(session, "oc2-council")
    case = await new_case(session, a, answers={"repeat": False})
    assert case.risk_level == "standard"
    ts = {t.kind: t for t in await targets.list_case_targets(session, a, case.id)}
    assert ts["first_contact"].level == "standard"
    assert ts["first_contact"].due_at - ts["first_contact"].started_at > timedelta(days=4)


async def test_call_handler_sees_only_cases_it_opened(session):
    h1 = await actor_for(session, "ch-police", "call_handler", "police")
    h2 = await actor_for(session, "ch-police", "call_handler", "police")
    case = await new_case(session, h1)
    assert (await cases.get_case(session, h1, case.id)).id == case.id
    with pytest.raises(NotFound):
        await cases.get_case(session, h2, case.id)
    assert [c.id for c in (await cases.list_cases(session, h2)).items] == []
    with pytest.raises(Forbidden):
        await cases.update_case(session, h1, case.id, CasePatchIn(area="x"),
                                expected_version=1)


async def test_roles_without_case_access_get_not_found(session):
    a = await actor_for(session, "ro-council")
    case = await new_case(session, a)
    for role in ("analyst", "admin"):
        other = await actor_for(session, "ro-council", role)
        with pytest.raises(NotFound):
            await cases.get_case(session, other, case.id)
    auditor = await actor_for(session, "ro-council", "auditor")
    assert (await cases.get_case(session, auditor, case.id)).id == case.id
    with pytest.raises(Forbidden):
        await cases.update_case(session, auditor, case.id, CasePatchIn(summary="x"),
                                expected_version=1)


async def test_update_case_checks_version(session):
    a = await actor_for(session, "uc-council")
    case = await new_case(session, a)
    updated = await cases.update_case(session, a, case.id, CasePatchIn(summary="noise",
                                      status="active"), expected_version=1)
    assert updated.version == 2 and updated.summary == "noise" and updated.status == "active"
    with pytest.raises(PreconditionFailed):
        await cases.update_case(session, a, case.id, CasePatchIn(summary="stale"),
                                expected_version=1)
    with pytest.raises(ValidationError):  # closing is the close action's
        CasePatchIn(status="closed")
    with pytest.raises(ValidationFailed):
        await cases.update_case(session, a, case.id, CasePatchIn(status=None),
                                expected_version=2)


async def test_reassign_lead_needs_supervisor_and_member(session):
    a = await actor_for(session, "rl-council")
    sup = await actor_for(session, "rl-council", "supervisor")
    await actor_for(session, "rl-police", kind="police")
    case = await new_case(session, a)
    with pytest.raises(Forbidden):
        await cases.update_case(session, a, case.id, CasePatchIn(lead_agency="rl-council"),
                                expected_version=1)
    with pytest.raises(ValidationFailed):
        await cases.update_case(session, sup, case.id, CasePatchIn(lead_agency="rl-police"),
                                expected_version=1)
    await sharing.share_case(session, a, case.id, ShareIn(agency="rl-police", basis="consent"))
    moved = await cases.update_case(session, sup, case.id,
                                    CasePatchIn(lead_agency="rl-police"), expected_version=1)
    assert moved.lead_agency_slug == "rl-police" and moved.version == 2


async def test_close_requires_outcome_and_final_update_then_reopen(session):
    a = await actor_for(session, "cl-council")
    sup = await actor_for(session, "cl-council", "supervisor")
    case = await new_case(session, a, answers=MEDIUM_ANSWERS)
    with pytest.raises(Forbidden):
        await cases.close_case(session, a, case.id, CloseIn(outcome="x", final_victim_update="y",
            victim_view=VICTIM_VIEW))
    with pytest.raises(ValidationFailed) as err:
        await cases.close_case(session, sup, case.id, CloseIn(outcome=" ", final_victim_update=" ",
            victim_view=VICTIM_VIEW))
    assert {e["field"] for e in err.value.errors} == {"outcome", "final_victim_update"}
    with pytest.raises(ValidationError):
        CloseIn(outcome="", final_victim_update="y", victim_view=VICTIM_VIEW)
    closed = await cases.close_case(session, sup, case.id, CloseIn(outcome="resolved",
                                    final_victim_update="We told Ada the case is closing",
                                        victim_view=VICTIM_VIEW))
    assert closed.status == "closed" and closed.closed_at and closed.version == 2
    rows = (await session.execute(select(Target).where(Target.case_id == case.id))).scalars()
    rows = list(rows)
    assert any(t.kind == "victim_update" and t.state == "met" for t in rows)
    assert all(t.state == "met" or t.closed_at is not None for t in rows)
    assert (await targets.work_queue(session, a, state="due_soon", within_hours=24 * 60)).items \
        == []
    with pytest.raises(Conflict):
        await cases.close_case(session, sup, case.id, CloseIn(outcome="x", final_victim_update="y",
            victim_view=VICTIM_VIEW))
    with pytest.raises(Forbidden):
        await cases.reopen_case(session, a, case.id, ReopenIn(reason="new incident"))
    reopened = await cases.reopen_case(session, sup, case.id, ReopenIn(reason="new incident"))
    assert reopened.status == "open" and reopened.closed_at is None and reopened.version == 3
    open_now = await targets.list_case_targets(session, a, case.id)
    assert {t.kind for t in open_now if t.state == "due"} >= {"first_contact", "victim_update"}


async def test_list_cases_filters_and_keyset(session):
    a = await actor_for(session, "lc-council")
    made = [await new_case(session, a) for _ in range(5)]
    high = await new_case(session, a, answers={"threats_or_violence": True})
    page = await cases.list_cases(session, a, limit=2)
    seen = [c.id for c in page.items]
    while page.next_cursor:
        page = await cases.list_cases(session, a, limit=2, cursor=page.next_cursor)
        seen += [c.id for c in page.items]
    assert len(seen) == len(set(seen)) == 6
    assert set(seen) == {c.id for c in made} | {high.id}
    assert [c.id for c in (await cases.list_cases(session, a, level="high")).items] == [high.id]
    flagged = await cases.list_cases(session, a, flag="critical-incident")
    assert [c.id for c in flagged.items] == [high.id]


async def test_two_agencies_concurrent_updates_no_lost_update(engine):
    """Both read version 1; both PATCH; exactly one wins, the stale one is refused."""
    async with AsyncSession(engine, expire_on_commit=False) as s:
        async with s.begin():
            a = await actor_for(s, "cc-council-x")
            b = await actor_for(s, "cc-police-x", kind="police")
            case = await new_case(s, a)
            await sharing.share_case(s, a, case.id, ShareIn(agency="cc-police-x", basis="consent"))

    both_read = asyncio.Barrier(2)

    async def patch(actor: Actor, summary: str):
        async with AsyncSession(engine, expire_on_commit=False) as s:
            async with s.begin():
                got = await cases.get_case(s, actor, case.id)
                assert got.version == 1
            await both_read.wait()  # both hold version 1 before either writes
            async with s.begin():
                return await cases.update_case(s, actor, case.id,
                                               CasePatchIn(summary=summary),
                                               expected_version=1)

    results = await asyncio.gather(patch(a, "council"), patch(b, "police"),
                                   return_exceptions=True)
    ok = [r for r in results if not isinstance(r, Exception)]
    refused = [r for r in results if isinstance(r, PreconditionFailed)]
    assert len(ok) == 1 and len(refused) == 1, results
    async with AsyncSession(engine) as s:
        row = (await s.execute(text("SELECT version, summary FROM cases WHERE id = :i"),
                               {"i": case.id})).one()
    assert row.version == 2 and row.summary == ok[0].summary
