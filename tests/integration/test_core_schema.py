"""The casework schema: the ORM models match the migrations, and downgrade-to-base then upgrade
again works on a scratch database."""

from __future__ import annotations

import asyncio
import secrets
from urllib.parse import urlsplit, urlunsplit

import asyncpg
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from asb_core.migrate import alembic_config, downgrade, upgrade
from asb_core.tables import Base


async def test_models_match_migrated_schema(engine):
    async with engine.connect() as conn:

        def diff(sync_conn):
            ctx = MigrationContext.configure(sync_conn, opts={"compare_type": True})
            return compare_metadata(ctx, Base.metadata)

        diffs = await conn.run_sync(diff)
    assert diffs == []


def _scratch(url: str) -> tuple[str, str]:
    name = f"asb_scratch_{secrets.token_hex(4)}"
    parts = urlsplit(url)
    return name, urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))


async def test_downgrade_to_base_and_upgrade_again(server_url, database_url):
    name, url = _scratch(database_url)
    dsn = database_url.replace("postgresql+asyncpg://", "postgresql://", 1)
    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    try:
        await asyncio.to_thread(upgrade, url)
        await asyncio.to_thread(downgrade, url, "base")
        await asyncio.to_thread(upgrade, url)
        scratch = await asyncpg.connect(url.replace("postgresql+asyncpg://", "postgresql://", 1))
        try:
            tables = {r[0] for r in await scratch.fetch(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
            version = await scratch.fetchval("SELECT version_num FROM alembic_version")
        finally:
            await scratch.close()
        assert {"cases", "case_members", "party_identities", "targets", "audit_events"} <= tables
        assert version == ScriptDirectory.from_config(alembic_config(url)).get_current_head()
    finally:
        conn = await asyncpg.connect(dsn)
        try:
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await conn.close()


async def test_diary_entries_refuse_update(session):
    # No rows needed: the trigger exists and is enabled.
    found = (await session.execute(text(
        "SELECT tgenabled FROM pg_trigger WHERE tgname = 'diary_entries_immutable'"
    ))).scalar()
    assert found in ("O", b"O")


async def test_outbox_trigger_fires_for_exactly_the_kinds_its_function_maps(session):
    """Migration 0008 skips the outbox function for timeline kinds it ignores; a kind added to
    the function but not to the trigger's WHEN list would silently never reach a webhook."""
    import importlib
    import re

    when_list = importlib.import_module(
        "asb_core.migrations.versions.0008_outbox_trigger_when").WEBHOOK_KINDS
    source = (await session.execute(text(
        "SELECT pg_get_functiondef('webhook_outbox_from_case_event'::regproc)"))).scalar_one()
    mapped = set(re.findall(r"WHEN '([a-z_]+)' THEN", source))
    assert mapped == set(when_list)
    trigger = (await session.execute(text(
        "SELECT pg_get_triggerdef(oid) FROM pg_trigger "
        "WHERE tgname = 'case_events_webhook_outbox'"))).scalar_one()
    assert all(f"'{kind}'" in trigger for kind in when_list)
