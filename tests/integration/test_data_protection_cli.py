"""`asb retention run [--dry-run]`, `asb audit verify` after it and `asb sar export`, on a scratch
database of their own (the commands commit; the shared test database must not see their cases):
a case closed seven years ago is reported by the dry run, left as it was, then anonymised by the
run, after which the audit log still verifies."""

from __future__ import annotations

import asyncio
import json
import secrets
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from asb_core.migrate import upgrade


def _dsn(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


@pytest.fixture
def scratch(database_url):
    name = f"asb_dp_cli_{secrets.token_hex(4)}"
    parts = urlsplit(database_url)
    url = urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))

    async def sql(statement: str) -> None:
        conn = await asyncpg.connect(_dsn(database_url))
        try:
            await conn.execute(statement)
        finally:
            await conn.close()

    asyncio.run(sql(f'CREATE DATABASE "{name}"'))
    try:
        upgrade(url)
        yield url
    finally:
        asyncio.run(sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


async def _old_closed_case(url: str, marker: str) -> tuple[str, str]:
    from sqlalchemy.ext.asyncio import async_sessionmaker

    from asb_core.cases import service as cases
    from asb_core.cases.schemas import CloseIn
    from asb_core.incidents import service as diary
    from tests.integration.casework_helpers import actor_for, new_case

    engine = create_async_engine(url)
    try:
        async with async_sessionmaker(engine, expire_on_commit=False)() as s, s.begin():
            sv = await actor_for(s, "cli-council", "supervisor")
            opened = datetime.now(UTC) - timedelta(days=7 * 365 + 10)
            case = await new_case(s, sv, now=opened)
            await diary.add_diary_entry(s, sv, case.id, now=opened, data={
                "started_at": (opened - timedelta(days=1)).isoformat(), "category": "noise",
                "what_happened": f"{marker} banged on the wall"})
            await cases.close_case(s, sv, case.id, CloseIn(
                outcome="Resolved", final_victim_update="Told the victim",
                victim_view={"satisfied": "yes", "kept_informed": "yes", "feels_safer": "yes"}),
                now=opened + timedelta(days=10))
            party = (await s.execute(text("SELECT id FROM parties WHERE case_id = :c"),
                                     {"c": case.id})).scalar_one()
            return case.reference, str(party)
    finally:
        await engine.dispose()


async def _diary_text(url: str) -> list[str]:
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            return list((await conn.execute(text("SELECT what_happened FROM diary_entries")))
                        .scalars())
    finally:
        await engine.dispose()


def test_retention_cli_dry_run_then_run_then_verify(scratch, monkeypatch, capsys):
    from asb_api.cli import main
    from asb_core.settings import get_settings

    marker = f"Neighbour-{secrets.token_hex(3)}"
    reference, party = asyncio.run(_old_closed_case(scratch, marker))
    monkeypatch.setenv("DATABASE_URL", scratch)
    get_settings.cache_clear()
    try:
        assert main(["sar", "export", "--party", party, "--agency", "cli-council"]) == 0
        doc = json.loads(capsys.readouterr().out)
        assert [c["case_reference"] for c in doc["cases"]] == [reference]
        assert doc["subject"]["identity"]["name"] == "Ada Example"

        assert main(["retention", "run", "--dry-run"]) == 0
        dry = capsys.readouterr().out
        assert "would anonymise 1 case(s)" in dry and reference in dry
        assert "diary_entries: 1" in dry and "party_identities: 1" in dry
        assert asyncio.run(_diary_text(scratch)) == [f"{marker} banged on the wall"]

        assert main(["retention", "run"]) == 0
        done = capsys.readouterr().out
        assert "anonymised 1 case(s)" in done and "vacuumed:" in done
        assert asyncio.run(_diary_text(scratch)) == ["[redacted]"]

        assert main(["audit", "verify"]) == 0
        assert "audit log intact" in capsys.readouterr().out
        assert main(["retention", "run"]) == 0
        assert "anonymised 0 case(s)" in capsys.readouterr().out

        # `asb worker` applies the schedules too (here at once: ASB_RETENTION_SECONDS is short).
        second, _ = asyncio.run(_old_closed_case(scratch, marker))
        monkeypatch.setenv("ASB_RETENTION_SECONDS", "0.001")
        assert main(["worker", "--once"]) == 0
        assert "retention: 1 case(s) anonymised" in capsys.readouterr().out
        assert asyncio.run(_diary_text(scratch)) == ["[redacted]", "[redacted]"]
        assert main(["audit", "verify"]) == 0
    finally:
        get_settings.cache_clear()
