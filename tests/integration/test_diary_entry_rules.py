"""Diary entries as the acceptance run asked (issue 14): an entry may name the incident it repeats
(`same_as`) so it counts once, and carry when the victim reported it (`reported_at`) so a sheet
posted late still counts as reported in time; acknowledgement references read as the case
reference plus the entry's number; flag texts follow their evidence."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from asb_core.cases import service as cases
from asb_core.errors import ValidationFailed
from asb_core.escalation.models import EscalationFlag
from asb_core.incidents import service as incidents
from asb_core.incidents.models import Incident
from asb_core.sharing import service as sharing
from asb_core.sharing.schemas import ShareIn
from tests.integration.casework_helpers import actor_for, ago, new_case


def entry(category="noise", **kw) -> dict:
    return {"started_at": ago(hours=2).isoformat(), "what_happened": "Loud music till 3am",
            "category": category, **kw}


async def test_acknowledgement_reference_is_the_case_reference_and_a_number(session):
    a = await actor_for(session, "dr-council")
    case = await new_case(session, a)
    first, _ = await incidents.add_diary_entry(session, a, case.id, data=entry())
    second, _ = await incidents.add_diary_entry(session, a, case.id, data=entry())
    assert first.acknowledgement_reference == f"{case.reference}-D1"
    assert second.acknowledgement_reference == f"{case.reference}-D2"
    fetched = await incidents.get_diary_entry(session, a, case.id, second.id)
    assert fetched.acknowledgement_reference == second.acknowledgement_reference


async def test_a_diary_entry_repeating_an_officer_report_counts_once(session):
    council = await actor_for(session, "dr-council2")
    police = await actor_for(session, "dr-police", kind="police")
    case = await new_case(session, council, answers={"repeat": False})
    await sharing.share_case(session, council, case.id, ShareIn(agency="dr-police",
                                                                basis="consent"))
    report, _ = await incidents.add_officer_report(session, police, case.id, data={
        "occurred_at": ago(hours=3).isoformat(), "category": "verbal_abuse",
        "account": "Attended; shouting over the fence"})
    e, _ = await incidents.add_diary_entry(session, council, case.id,
                                           data=entry("verbal_abuse", same_as=str(report.id)))
    assert e.same_as == report.id
    inc = (await session.execute(select(Incident).where(Incident.diary_entry_id == e.id))
           ).scalar_one()
    assert inc.same_as == report.id
    again = await cases.get_case(session, council, case.id)
    assert "repeat-victim" not in again.flags  # one incident, reported twice
    with pytest.raises(ValidationFailed) as err:
        await incidents.add_diary_entry(session, council, case.id, data=entry(
            same_as="00000000-0000-0000-0000-000000000000"))
    assert {e["field"] for e in err.value.errors} == {"same_as"}
    with pytest.raises(ValidationFailed) as err:
        await incidents.add_diary_entry(session, council, case.id, data=entry(
            same_as=str(report.id), amends=str(e.id)))
    assert "same_as" in {e["field"] for e in err.value.errors}


async def test_reported_at_is_kept_and_checked(session):
    a = await actor_for(session, "dr-council3")
    case = await new_case(session, a)
    when = ago(hours=1)
    e, _ = await incidents.add_diary_entry(session, a, case.id,
                                           data=entry(reported_at=when.isoformat()))
    assert e.reported_at == when.astimezone(UTC)
    for bad in (ago(hours=5), datetime.now(UTC) + timedelta(days=1)):
        with pytest.raises(ValidationFailed) as err:
            await incidents.add_diary_entry(session, a, case.id,
                                            data=entry(reported_at=bad.isoformat()))
        assert {x["field"] for x in err.value.errors} == {"reported_at"}


async def test_flag_text_follows_its_evidence(session):
    a = await actor_for(session, "dr-council4")
    case = await new_case(session, a, answers={"repeat": False})
    for hours in (9, 8, 7):
        await incidents.add_diary_entry(session, a, case.id, data=entry(
            started_at=ago(hours=hours).isoformat()))
    flag = (await session.execute(select(EscalationFlag).where(
        EscalationFlag.case_id == case.id, EscalationFlag.rule_id == "repeat-victim",
        EscalationFlag.cleared_at.is_(None)))).scalar_one()
    text_before, evidence_before = flag.text, list(flag.evidence)
    await incidents.add_diary_entry(session, a, case.id, data=entry())
    await session.refresh(flag)
    assert list(flag.evidence) != evidence_before
    assert flag.text != text_before  # it names the evidence, so it moved with it
