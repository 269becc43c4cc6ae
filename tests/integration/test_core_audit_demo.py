"""`asb audit verify` on a scratch database (exit 0, then non-zero after a row is altered in
SQL), and the demo cases loading twice without duplicates."""

from __future__ import annotations

import asyncio
import os
import secrets
import subprocess
import sys
from urllib.parse import urlsplit, urlunsplit

import asyncpg
from sqlalchemy import func, select

from asb_core.actor import Actor
from asb_core.agencies.service import add_agency
from asb_core.demo.cases import load_demo_cases
from asb_core.migrate import upgrade
from asb_core.tables import Case
from tests.integration.casework_helpers import actor_for, new_case


def _dsn(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


async def test_audit_verify_cli_detects_altered_row(database_url):
    name = f"asb_audit_{secrets.token_hex(4)}"
    parts = urlsplit(database_url)
    url = urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))
    admin = await asyncpg.connect(_dsn(database_url))
    await admin.execute(f'CREATE DATABASE "{name}"')
    await admin.close()
    try:
        await asyncio.to_thread(upgrade, url)
        from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine

        eng = create_async_engine(url)
        async with AsyncSession(eng, expire_on_commit=False) as s, s.begin():
            a = await actor_for(s, "av-council")
            await new_case(s, a)
        await eng.dispose()
        env = {**os.environ, "DATABASE_URL": url}

        def verify() -> subprocess.CompletedProcess:
            return subprocess.run([sys.executable, "-m", "asb_api.cli", "audit", "verify"],
                                  env=env, capture_output=True, text=True, timeout=60)

        ok = await asyncio.to_thread(verify)
        assert ok.returncode == 0, ok.stderr
        conn = await asyncpg.connect(_dsn(url))
        await conn.execute("ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only")
        seq = await conn.fetchval("SELECT seq FROM audit_events WHERE action = 'case.share' "
                                  "OR action = 'party.add' ORDER BY seq LIMIT 1")
        await conn.execute("UPDATE audit_events SET agency = 'forged' WHERE seq = $1", seq)
        await conn.close()
        bad = await asyncio.to_thread(verify)
        assert bad.returncode != 0 and f"row {seq}" in bad.stderr
    finally:
        admin = await asyncpg.connect(_dsn(database_url))
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


async def test_demo_cases_load_twice(session):
    for slug, kind in (("demo-police", "police"), ("demo-council", "council"),
                       ("demo-housing", "housing_provider")):
        try:
            async with session.begin_nested():
                await add_agency(session, Actor.system(), slug, slug, kind, ["fenland"])
        except Exception:  # noqa: BLE001 - already there from another test
            pass
    first = await load_demo_cases(session, Actor.system())
    second = await load_demo_cases(session, Actor.system())
    assert first == 4 and second == 0
    high = (await session.execute(select(func.count()).select_from(Case).where(
        Case.summary.like("[demo]%"), Case.risk_level == "high"))).scalar_one()
    assert high >= 2
