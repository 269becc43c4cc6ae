"""The service directory on a real PostgreSQL: an Open Referral UK sample (33 services over 3
areas) imports cleanly, and again with nothing written; a bad file gets a rejects file naming each
bad field; the documented CSV imports the same shape; searching by area, need and open now."""

from __future__ import annotations

import csv
import shutil
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import async_sessionmaker

from asb_core.actor import Actor
from asb_core.agencies.service import add_agency
from asb_core.directory import service as directory
from asb_core.directory.importer import CSV_COLUMNS, import_directory
from asb_core.directory.models import DirectoryService, OpeningHours
from asb_core.errors import Forbidden, ValidationFailed
from tests.integration.casework_helpers import actor_for

DATA = Path(__file__).parent / "data"
LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def maker(connection):
    return async_sessionmaker(bind=connection, expire_on_commit=False,
                              join_transaction_mode="create_savepoint")


async def _receiving_agency(maker) -> None:
    async with maker() as s, s.begin():
        await add_agency(s, Actor.system(), "fenland-mediation", "Fenland Mediation",
                         "victim_service", ["fenland"])


async def _sample(maker, tmp_path: Path):
    await _receiving_agency(maker)
    path = tmp_path / "directory.json"
    shutil.copy(DATA / "directory_sample.json", path)
    return path, await import_directory(maker, path)


async def test_sample_imports_cleanly_twice_and_the_second_run_writes_nothing(maker, tmp_path):
    path, first = await _sample(maker, tmp_path)
    assert (first.records, first.valid, first.invalid) == (33, 33, 0)
    assert first.created == 33 and first.rejects_path is None
    seen = []
    second = await import_directory(maker, path, progress=lambda d, t: seen.append((d, t)))
    assert (second.created, second.updated, second.unchanged) == (0, 0, 33)
    assert second.organizations_created == second.organizations_updated == 0
    assert seen[0] == (0, 33) and seen[-1] == (33, 33)
    async with maker() as s:
        areas = (await s.execute(select(func.unnest(DirectoryService.areas)).distinct()))
        assert set(areas.scalars()) == {"fenland", "peterborough", "huntingdonshire"}
        assert (await s.execute(select(func.count()).select_from(DirectoryService))).scalar() == 33


async def test_a_changed_service_is_updated_and_its_hours_replaced(maker, tmp_path):
    path, _ = await _sample(maker, tmp_path)
    text = path.read_text().replace('"opens_at": "10:00:00"', '"opens_at": "11:00:00"', 1)
    path.write_text(text)
    again = await import_directory(maker, path)
    assert (again.updated, again.unchanged) == (1, 32)
    async with maker() as s:
        starts = (await s.execute(select(OpeningHours.starts))).scalars().all()
        assert 11 * 60 in starts  # Monday 11:00


async def test_bad_file_gets_a_rejects_file_naming_each_bad_field(maker, tmp_path):
    await _receiving_agency(maker)
    path = tmp_path / "bad.json"
    shutil.copy(DATA / "directory_bad.json", path)
    report = await import_directory(maker, path)
    assert (report.valid, report.invalid, report.created) == (1, 3, 1)
    with report.rejects_path.open() as f:
        rows = list(csv.DictReader(f))
    bad = {(r["service_id"], r["field"]) for r in rows}
    assert ("bad-1", "name") in bad
    assert ("bad-1", "service_areas[0].service_area") in bad
    assert ("bad-2", "attributes[0].taxonomy_term.code") in bad
    assert ("bad-2", "schedules[0].byday") in bad
    assert ("bad-2", "schedules[0].opens_at") in bad
    assert ("bad-3", "organization.asb_agency") in bad
    assert ("bad-3", "maximum_age") in bad
    assert all(r["message"] for r in rows)


async def test_documented_csv_imports_and_a_formula_cell_is_defused(maker, tmp_path):
    path = tmp_path / "directory.csv"
    with path.open("w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=CSV_COLUMNS)
        w.writeheader()
        w.writerow({"service_id": "csv-1", "service_name": "Fenland Floating Support",
                    "organization_id": "csv-org", "organization_name": "Clarion Housing",
                    "service_areas": "fenland; peterborough",
                    "needs": "housing_options;befriending",
                    "contact_phone": "01354 111111",
                    "schedules": "MO,TU,WE,TH,FR 09:00-17:00; SA 10:00-12:00"})
        w.writerow({"service_id": "=HYPERLINK(1)", "service_name": "Bad",
                    "organization_id": "csv-org", "organization_name": "Clarion Housing",
                    "service_areas": "fenland", "needs": "palmistry"})
    report = await import_directory(maker, path)
    assert (report.created, report.invalid) == (1, 1)
    rows = list(csv.DictReader(report.rejects_path.open()))
    assert rows[0]["service_id"].startswith("'=")
    assert rows[0]["field"] == "attributes[0].taxonomy_term.code"
    async with maker() as s:
        svc = (await s.execute(select(DirectoryService))).unique().scalar_one()
        assert svc.needs == ["housing_options", "befriending"]
        assert svc.areas == ["fenland", "peterborough"] and svc.out_of_hours
        assert svc.referral_method == "phone" and svc.referral_phone == "01354 111111"


async def test_search_by_area_need_and_open_now(maker, tmp_path, session):
    await _sample(maker, tmp_path)
    officer = await actor_for(session, "dir-council")
    page = await directory.list_services(session, officer, area="fenland", need="mediation")
    assert [s.name for s in page.items] == ["Neighbour Mediation (Fenland)"]
    all_fen = await directory.list_services(session, officer, area="fenland", limit=200)
    assert len(all_fen.items) == 11
    # Saturday 23:00: only the 24-hour, late-evening and Friday-Saturday night services are open.
    saturday_night = datetime(2026, 12, 5, 23, 0, tzinfo=LONDON)
    open_now = await directory.list_services(session, officer, area="fenland", open_now=True,
                                             now=saturday_night)
    assert {s.needs[0] for s in open_now.items} == {"victim_support", "noise_nuisance"}
    first = await directory.list_services(session, officer, limit=5)
    second = await directory.list_services(session, officer, limit=5, cursor=first.next_cursor)
    assert not {s.id for s in first.items} & {s.id for s in second.items}
    with pytest.raises(ValidationFailed):
        await directory.list_services(session, officer, need="astrology")


async def test_every_role_but_admin_reads_the_directory(session):
    for role in ("call_handler", "auditor", "analyst", "integration"):
        reader = await actor_for(session, f"dir-{role.replace('_', '-')}", role)
        await directory.list_services(session, reader)
    admin = await actor_for(session, "dir-admin", "admin")
    with pytest.raises(Forbidden):
        await directory.list_services(session, admin)
