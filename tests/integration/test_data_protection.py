"""Data protection over a case's life (issue 17), on a real PostgreSQL with a stepped clock:
retention anonymises exactly what the schedule says (a dry run changes nothing), held cases are
skipped, erasure removes one party's identity (and the free text naming them) so that the value
is in no table or log while the audit chain still verifies, and a subject access export of an
alleged perpetrator holds the incidents and none of the complainant's identity."""

from __future__ import annotations

import logging
import secrets
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, text

from asb_core.actor import Actor
from asb_core.audit import chain as audit_chain
from asb_core.audit.models import AuditEvent
from asb_core.cases import service as cases
from asb_core.cases.models import Case
from asb_core.cases.schemas import CloseIn
from asb_core.dataprotection import erasure, holds, retention, sar
from asb_core.dataprotection.schemas import ErasureIn, HoldReleaseIn, LegalHoldIn
from asb_core.errors import Conflict, Forbidden, NotFound, ValidationFailed
from asb_core.incidents import service as diary
from asb_core.interventions import service as interventions
from asb_core.interventions.schemas import InterventionIn
from asb_core.parties import service as parties
from asb_core.parties.schemas import PartyIn, PartyRemovalIn
from asb_core.stats.service import statistics
from asb_core.updates import service as updates
from asb_core.updates.schemas import UpdateIn
from tests.integration.casework_helpers import actor_for, new_case

SIX_YEARS = timedelta(days=6 * 365 + 2)
VIEW = {"satisfied": "yes", "kept_informed": "yes", "feels_safer": "yes"}


def _entry(what: str, category: str = "noise", hours: int = 30, **over) -> dict:
    body = {"started_at": (datetime.now(UTC) - timedelta(hours=hours)).isoformat(),
            "what_happened": what, "category": category, "location": "Outside the flats"}
    body.update(over)
    return body


async def _tables_holding(session, value: str) -> list[str]:
    """Every table of the schema with a row whose text (any column: text, arrays, JSON, the
    audit notes' salt in hex) contains `value`, ignoring case. Indexes are built from these
    columns, so a value in no live row is in no live index entry either."""
    tables = (await session.execute(text(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))).scalars().all()
    found = []
    for t in tables:
        n = (await session.execute(text(
            f'SELECT count(*) FROM "{t}" AS r WHERE strpos(lower(r::text), lower(:v)) > 0'),  # noqa: S608
            {"v": value})).scalar_one()
        if n:
            found.append(t)
    return found


async def _counts(session) -> dict:
    """The raw counts statistics are made of (unsuppressed): incidents by category, severity
    and strand, cases by status and level, flags by rule, targets by kind and state."""
    out = {}
    for name, sql in {
        "incidents": "SELECT category, severity, hostility_strands::text, count(*) "
                     "FROM incidents GROUP BY 1, 2, 3",
        "cases": "SELECT status, risk_level, area, count(*) FROM cases GROUP BY 1, 2, 3",
        "flags": "SELECT rule_id, count(*) FROM escalation_flags GROUP BY 1",
        "targets": "SELECT kind, state, count(*) FROM targets GROUP BY 1, 2",
        "closures": "SELECT victim_satisfied, risk_level, count(*) FROM case_closures "
                    "GROUP BY 1, 2",
    }.items():
        out[name] = sorted(tuple(r) for r in (await session.execute(text(sql))).all())
    return out


async def _world(session, tag: str):
    sv = await actor_for(session, f"dp-council-{tag}", "supervisor")
    dpo = await actor_for(session, f"dp-council-{tag}", "dpo")
    return sv, dpo


async def _closed_case(session, sv: Actor, tag: str, *, closed_at: datetime):
    """A case with a complainant, an alleged perpetrator named in the free text, diary entries,
    an officer report, an update and a closing, closed at `closed_at`."""
    case = await new_case(session, sv, answers={"repeat": True, "feels_targeted": True})
    perp = await parties.add_party(session, sv, case.id, PartyIn(
        role="alleged_perpetrator", name=f"Gideon Marchbanks{tag}", phone="07700 955 311",
        address=f"14 Sluice Row {tag}, March"))
    await diary.add_diary_entry(session, sv, case.id, data=_entry(
        f"Gideon Marchbanks{tag} played music until 3am", responsible=f"Marchbanks{tag}"))
    await diary.add_diary_entry(session, sv, case.id, data=_entry(
        f"Secret words {tag}: he shouted at me on the landing", category="verbal_abuse",
        hours=20, hostility_perceived=["race"], hostility_perceived_by="victim",
        hostility_asked=True))
    await diary.add_officer_report(session, sv, case.id, data={
        "occurred_at": (datetime.now(UTC) - timedelta(hours=10)).isoformat(),
        "category": "intimidation", "account": f"Officer account {tag} of the threats"})
    await updates.add_update(session, sv, case.id, UpdateIn(
        kind="update", text=f"Update text {tag}: spoke to the neighbour"))
    await cases.close_case(session, sv, case.id, CloseIn(
        outcome=f"Outcome {tag}: warning given", final_victim_update=f"Told the victim {tag}",
        victim_view=VIEW), now=closed_at)
    return case, perp


async def test_retention_dry_run_then_run_anonymises_what_the_schedule_says(session, caplog):
    caplog.set_level(logging.DEBUG)
    tag = secrets.token_hex(3)
    sv, dpo = await _world(session, tag)
    closed = datetime.now(UTC)
    case, _ = await _closed_case(session, sv, tag, closed_at=closed)
    stats_at = datetime.now(UTC)
    before_stats = await statistics(session, Actor.system(), now=stats_at)
    before_counts = await _counts(session)
    system = Actor.system()
    # A day before the schedule runs out: nothing is due.
    early = await retention.run(session, system, now=closed + SIX_YEARS - timedelta(days=1))
    assert case.reference not in early.anonymised
    # Past it: a dry run says what would change and changes nothing.
    later = closed + SIX_YEARS + timedelta(days=1)
    dry = await retention.run(session, system, now=later, dry_run=True)
    assert case.reference in dry.anonymised
    assert dry.changes["party_identities"] >= 2 and dry.changes["diary_entries"] >= 2
    assert dry.changes["incidents"] >= 1 and dry.changes["updates"] >= 2
    assert "would anonymise" in retention.report_lines(dry)[0]
    assert await _tables_holding(session, f"Secret words {tag}") == ["diary_entries"]
    assert (await session.get(Case, case.id, populate_existing=True)).anonymised_at is None
    # The officer's retention report (its member cases only) says the same.
    report = await retention.plan(session, dpo, now=later)
    assert [d.reference for d in report.due] == [case.reference]
    with pytest.raises(Forbidden):
        await retention.plan(session, sv, now=later)
    with pytest.raises(Forbidden):  # the officer reads the report; only the operator runs it
        await retention.anonymise_case(session, dpo, report.due[0], now=later)
    closed_version = (await session.get(Case, case.id, populate_existing=True)).version
    run = await retention.run(session, system, now=later)
    assert case.reference in run.anonymised
    for table, n in dry.changes.items():  # the dry run counted exactly what the run changed
        assert run.changes[table] >= n if table == "audit_notes" else run.changes[table] == n
    # Removed: identity and free text. Kept: categories, severities, dates, levels, flags.
    rows = (await session.execute(text(
        "SELECT what_happened, location, responsible, category, severity, started_at "
        "FROM diary_entries WHERE case_id = :c"), {"c": case.id})).all()
    assert {r.what_happened for r in rows} == {"[redacted]"}
    assert {r.location for r in rows} == {None} and {r.responsible for r in rows} == {None}
    assert {r.category for r in rows} == {"noise", "verbal_abuse"}
    assert all(r.severity and r.started_at for r in rows)
    assert (await session.execute(text(
        "SELECT count(*) FROM party_identities i JOIN parties p ON p.id = i.party_id "
        "WHERE p.case_id = :c"), {"c": case.id})).scalar_one() == 0
    assert (await session.execute(text(
        "SELECT count(*) FROM parties WHERE case_id = :c AND erased_at IS NULL"),
        {"c": case.id})).scalar_one() == 0
    again = await session.get(Case, case.id, populate_existing=True)
    assert again.anonymised_at == later and again.status == "closed"
    assert again.version == closed_version + 1 and again.summary is None
    assert again.risk_level in ("standard", "medium", "high") and again.flags
    # Statistics count the same after anonymising.
    assert await statistics(session, Actor.system(), now=stats_at) == before_stats
    assert await _counts(session) == before_counts
    # Nothing removed is anywhere: tables (and so their indexes), audit rows, logs.
    for value in (f"Secret words {tag}", f"Gideon Marchbanks{tag}", f"Officer account {tag}",
                  f"Update text {tag}", f"Outcome {tag}", f"Told the victim {tag}",
                  f"14 Sluice Row {tag}"):
        assert await _tables_holding(session, value) == [], value
        assert value.lower() not in caplog.text.lower()
    verified = await audit_chain.verify(session)
    assert verified.ok, verified.problem
    ev = (await session.execute(select(AuditEvent).where(
        AuditEvent.case_id == case.id, AuditEvent.action == "retention.anonymise"))).scalar_one()
    assert ev.detail["schedule"] == "council" and ev.detail["changed"]["diary_entries"] == 2
    # An anonymised case cannot be reopened: its people and words are gone.
    from asb_core.cases.schemas import ReopenIn
    with pytest.raises(Conflict):
        await cases.reopen_case(session, sv, case.id, ReopenIn(reason="New incident"))
    # Run again: nothing left to do.
    assert case.reference not in (await retention.run(session, system, now=later)).anonymised


async def test_a_legal_hold_keeps_a_case_from_retention_until_released(session):
    tag = secrets.token_hex(3)
    sv, dpo = await _world(session, tag)
    caseworker = await actor_for(session, f"dp-council-{tag}", "caseworker")
    closed = datetime.now(UTC)
    case, _ = await _closed_case(session, sv, tag, closed_at=closed)
    with pytest.raises(Forbidden):
        await holds.place_hold(session, caseworker, case.id, LegalHoldIn(reason="x"))
    stranger = await actor_for(session, f"dp-other-{tag}", "dpo")
    with pytest.raises(NotFound):
        await holds.place_hold(session, stranger, case.id, LegalHoldIn(reason="x"))
    with pytest.raises(ValidationFailed):
        await holds.place_hold(session, dpo, case.id, LegalHoldIn(
            reason="x", until=closed - timedelta(days=1)))
    hold = await holds.place_hold(session, dpo, case.id, LegalHoldIn(
        reason=f"Claim {tag} in the county court", until=closed + SIX_YEARS * 2))
    later = closed + SIX_YEARS + timedelta(days=1)
    run = await retention.run(session, Actor.system(), now=later)
    assert case.reference not in run.anonymised
    assert [h.reference for h in run.held] == [case.reference]
    assert "HELD" in "\n".join(retention.report_lines(run))
    with pytest.raises(Conflict):  # erasure waits for the hold too
        await erasure.erase_party(session, dpo, case.id, (await parties.list_parties(
            session, sv, case.id))[0].id, ErasureIn(request_reference="R1", reason="Art 17"))
    listed = await holds.list_holds(session, sv, case.id)
    assert [h.id for h in listed] == [hold.id]
    await holds.release_hold(session, sv, case.id, hold.id, HoldReleaseIn(reason="Settled"))
    with pytest.raises(Conflict):
        await holds.release_hold(session, sv, case.id, hold.id, HoldReleaseIn(reason="again"))
    run = await retention.run(session, Actor.system(), now=later)
    assert case.reference in run.anonymised
    actions = (await session.execute(select(AuditEvent.action).where(
        AuditEvent.case_id == case.id, AuditEvent.action.like("legal_hold.%"))
        .order_by(AuditEvent.seq))).scalars().all()
    assert actions == ["legal_hold.place", "legal_hold.release"]
    # The hold's reason (on the hold and in its audit note) went with the case's other free
    # text; when, until when and by whom stay. The chain still verifies.
    assert await _tables_holding(session, f"Claim {tag}") == []
    kept = (await holds.list_holds(session, sv, case.id))[0]
    assert kept.reason == "[redacted]" and kept.released_at is not None
    assert (await audit_chain.verify(session)).ok


async def test_erasure_removes_one_party_everywhere_and_the_audit_still_verifies(session, caplog):
    caplog.set_level(logging.DEBUG)
    tag = secrets.token_hex(3)
    sv, dpo = await _world(session, tag)
    case = await new_case(session, sv)
    perp = await parties.add_party(session, sv, case.id, PartyIn(
        role="alleged_perpetrator", name=f"Gideon Marchbanks{tag}", phone="07700 955 311",
        email=f"gideon{tag}@example.net", address=f"14 Sluice Row {tag}, March"))
    await diary.add_diary_entry(session, sv, case.id, data=_entry(
        f"Gideon Marchbanks{tag} kicked the door; later Marchbanks{tag} rang from 07700955311",
        responsible=f"Gideon Marchbanks{tag} of 14 Sluice Row {tag}, March"))
    await updates.add_update(session, sv, case.id, UpdateIn(
        kind="update", text=f"Warned Mr Marchbanks{tag} by phone"))
    await interventions.record_intervention(session, sv, case.id, InterventionIn(
        type="warning_letter", against_party_id=perp.id,
        conditions=[f"Gideon Marchbanks{tag} must not play amplified music"]))
    # A witness removed with a reason that names him: the reason is an audit note.
    witness = await parties.add_party(session, sv, case.id, PartyIn(role="witness"))
    await parties.remove_party(session, sv, case.id, witness.id, PartyRemovalIn(
        reason=f"Is Gideon Marchbanks{tag}'s brother"))
    note_before = (await session.execute(text(
        "SELECT salt FROM audit_notes WHERE case_id = :c AND text LIKE '%brother'"),
        {"c": case.id})).scalar_one()
    assert note_before is not None
    # The parties were read (audited) before: the restricted read stays in the audit log
    # without any value.
    await parties.list_parties(session, sv, case.id)
    with pytest.raises(Forbidden):
        await erasure.erase_party(session, sv, case.id, perp.id, ErasureIn(
            request_reference="R1", reason="Art 17"))
    done = await erasure.erase_party(session, dpo, case.id, perp.id, ErasureIn(
        request_reference=f"DPO-{tag}", reason="UK GDPR Art 17(1)(a): no longer necessary",
        free_text=True))
    assert done.fields == ["address", "email", "name", "phone"]
    assert done.changed["diary_entries"] == 1 and done.changed["updates"] == 1
    assert done.changed["interventions"] == 1 and done.changed["party_identities"] == 1
    with pytest.raises(Conflict):
        await erasure.erase_party(session, dpo, case.id, perp.id, ErasureIn(
            request_reference="again", reason="again"))
    what = (await session.execute(text(
        "SELECT what_happened, responsible, category FROM diary_entries WHERE case_id = :c"),
        {"c": case.id})).one()
    assert what.what_happened == "[erased] kicked the door; later [erased] rang from [erased]"
    assert what.responsible == "[erased] of [erased]" and what.category == "noise"
    # The note's words lost the name and its salt (a guess can no longer be checked).
    note = (await session.execute(text(
        "SELECT text, salt FROM audit_notes WHERE case_id = :c AND text LIKE '%brother'"),
        {"c": case.id})).one()
    assert note.text == "Is [erased]'s brother" and note.salt is None
    views = await parties.list_parties(session, sv, case.id)
    erased = next(v for v in views if v.id == perp.id)
    assert erased.restricted == {f: None for f in erased.restricted}
    for value in (f"Marchbanks{tag}", f"gideon{tag}@example.net", f"Sluice Row {tag}",
                  "07700 955 311", "07700955311"):
        assert await _tables_holding(session, value) == [], value
        assert value.lower() not in caplog.text.lower()
    # Audited: the request, who authorised it, the fields and counts, never a value.
    ev = (await session.execute(select(AuditEvent).where(
        AuditEvent.case_id == case.id, AuditEvent.action == "party.erase"))).scalar_one()
    assert ev.role == "dpo" and ev.fields == ["address", "email", "name", "phone"]
    assert ev.detail["authorised_by"]["role"] == "dpo" and ev.detail["free_text"] is True
    assert (await audit_chain.justification_of(session, ev)).startswith(f"request DPO-{tag}")
    verified = await audit_chain.verify(session)
    assert verified.ok, verified.problem
    # The complainant is untouched.
    victim = next(v for v in views if v.role == "victim")
    assert victim.restricted["name"] == "Ada Example"


async def test_subject_access_export_of_a_perpetrator_never_names_the_complainant(session):
    """Abdul's kind of case: months of diary sheets from noise to racial abuse, threats and
    damage to his car. The alleged perpetrator asks what is held about him."""
    tag = secrets.token_hex(3)
    sv, dpo = await _world(session, tag)
    complainant = {"name": f"Abdul Rahman{tag}", "phone": "07700 900 461",
                   "email": f"abdul{tag}@example.org", "address": f"3 Gull Way {tag}, Wisbech"}
    from asb_core.cases.schemas import OpenCaseIn
    case = await cases.open_case(session, sv, OpenCaseIn(
        area="fenland", answers={"repeat": True, "feels_targeted": True},
        victim={"role": "complainant", **complainant}, consent={"state": "given"}))
    perp = await parties.add_party(session, sv, case.id, PartyIn(
        role="alleged_perpetrator", name=f"Wayne Kettering{tag}", date_of_birth="1988-04-01",
        address=f"5 Gull Way {tag}, Wisbech"))
    sheets = [("noise", "Music through the wall at 2am", 400),
              ("verbal_abuse", f"Called me names outside 3 Gull Way {tag}", 300),
              ("threats", f"Said he would burn Abdul Rahman{tag}'s car", 200),
              ("criminal_damage", "Car tyres slashed", 100)]
    for category, what, hours in sheets:
        await diary.add_diary_entry(session, sv, case.id, data=_entry(
            what, category, hours, hostility_perceived=["race"],
            hostility_perceived_by="victim", hostility_asked=True,
            location=f"Outside 3 Gull Way {tag}",
            responsible=f"Wayne Kettering{tag}"))
    await interventions.record_intervention(session, sv, case.id, InterventionIn(
        type="warning_letter", against_party_id=perp.id,
        conditions=[f"Not to approach Abdul Rahman{tag} or 3 Gull Way {tag}, Wisbech",
                    "Not to speak to Abdul or his family"]))
    # The same man on a second case of the agency (same name and date of birth).
    other = await new_case(session, sv)
    await parties.add_party(session, sv, other.id, PartyIn(
        role="alleged_perpetrator", name=f"wayne  kettering{tag}", date_of_birth="1988-04-01"))
    with pytest.raises(Forbidden):
        await sar.export(session, sv, case.id, perp.id)
    doc = await sar.export(session, dpo, case.id, perp.id)
    page = sar.to_html(doc)
    assert [c["case_reference"] for c in doc["cases"]] == [case.reference, other.reference]
    mine = doc["cases"][0]
    assert [i["category"] for i in mine["incidents"]] == [c for c, _, _ in sheets]
    assert all(i["hostility_perceived"] == ["race"] for i in mine["incidents"])
    assert mine["interventions_against_you"][0]["type"] == "warning_letter"
    assert doc["subject"]["identity"]["name"] == f"Wayne Kettering{tag}"
    import json
    blob = json.dumps(doc)
    for what, value in complainant.items():
        for out, where in ((blob, "json"), (page, "html")):
            assert value.lower() not in out.lower(), f"{what} in the {where} export"
    assert "Abdul" not in blob and "3 Gull Way" not in blob and "3 Gull Way" not in page
    assert mine["risk_level"] is None and mine["diary_entries"] is None
    assert "risk level" not in page  # what the role does not give is left out of the page
    assert "<h1>Subject access export</h1>" in page and f"Wayne Kettering{tag}" in page
    # The complainant's own export: their words, the perpetrator's identity redacted.
    victim_id = next(p.id for p in await parties.list_parties(session, sv, case.id)
                     if p.role == "complainant")
    own = await sar.export(session, dpo, case.id, victim_id)
    entries = own["cases"][0]["diary_entries"]
    assert [e["category"] for e in entries] == [c for c, _, _ in sheets]
    assert all(e["responsible"] == "[third party]" for e in entries)
    assert f"Kettering{tag}" not in json.dumps(own)
    # With a second complainant on the case, whose words the sheets may be, they are withheld.
    await parties.add_party(session, sv, case.id, PartyIn(role="complainant", name="Second"))
    shared = (await sar.export(session, dpo, case.id, victim_id))["cases"][0]
    assert shared["diary_entries"] is None and "another victim" in shared["withheld"]
    # Every export is audited, on each case's chain and the agency's.
    exported = (await session.execute(select(AuditEvent).where(
        AuditEvent.action == "sar.export", AuditEvent.agency == dpo.agency_slug))).scalars().all()
    assert {e.case_id for e in exported} == {case.id, other.id, None}
    assert (await audit_chain.verify(session)).ok


async def test_no_index_holds_a_column_that_retention_or_erasure_clears(session):
    """Indexes are where a value could outlive its row version unseen by a table scan, so no
    index may be built on a column that can hold what retention or erasure removes (identity
    values, free text): then a value in no row is in no index (and VACUUM, which `asb
    retention run` does, clears the dead row versions)."""
    import re as regex

    from asb_core.dataprotection import rules

    cleared: dict[str, set[str]] = {
        "party_identities": {"name", "phone", "email", "address", "date_of_birth"}}
    for rule in rules.ANONYMISE:
        cleared.setdefault(rule.table, set()).update(
            c for c, _ in rule.columns if c not in ("erased_at",))
    for table, _, texts, arrays, documents in rules.FREE_TEXT:
        cleared.setdefault(table, set()).update(texts, arrays, documents)
    checked = 0
    for table, columns in cleared.items():
        defs = (await session.execute(text(
            "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = :t"),
            {"t": table})).scalars().all()
        for indexdef in defs:
            keys = indexdef[indexdef.index(" USING "):]
            for column in columns:
                assert not regex.search(rf"\b{column}\b", keys), f"{table}: {indexdef}"
                checked += 1
    assert checked > 50  # the rules name many columns, and the tables have indexes
