"""Audit anchors: `asb audit anchor` and the worker make them, `asb audit verify` checks them.

The attack they answer: a superuser cuts rows off the end of a chain and rewrites its head to
match, which the chain walk alone cannot see. Tampering is done as a superuser with the
append-only triggers off (`session_replication_role = replica` for the transaction, or
`ALTER TABLE ... DISABLE TRIGGER` on a scratch database).
"""

from __future__ import annotations

import asyncio
import os
import secrets
import subprocess
import sys
from datetime import timedelta
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

from asb_core.audit import chain as audit
from asb_core.audit.anchors import anchor_now, create_anchor, verify_anchors
from asb_core.incidents import service as diary
from asb_core.migrate import upgrade
from asb_core.tables import AuditAnchor, AuditAnchorHead, AuditChainHead
from asb_core.worker import WorkerConfig, _anchor_if_due
from tests.integration.casework_helpers import actor_for, ago, new_case


def _dsn(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


def entry() -> dict:
    return {"started_at": ago(hours=1).isoformat(), "what_happened": "Shouting",
            "category": "noise"}


async def _cut_tail(conn_execute, chain: str, keep: int) -> None:
    """Remove a chain's rows after `keep` and point its head at the new last row."""
    await conn_execute(f"DELETE FROM audit_events WHERE chain = '{chain}' AND chain_seq > {keep}")
    await conn_execute(
        "UPDATE audit_chain_heads h SET last_seq = e.chain_seq, last_hash = e.hash "
        f"FROM audit_events e WHERE h.chain = '{chain}' AND e.chain = h.chain "
        f"AND e.chain_seq = {keep}")


# ----- in the test's rolled-back transaction -----------------------------------------------------


async def test_anchors_hold_on_a_good_log_and_store_only_moved_heads(session):
    a = await actor_for(session, "an-council")
    case = await new_case(session, a)
    first = await create_anchor(session)
    heads = (await session.execute(
        select(func.count()).select_from(AuditChainHead).where(AuditChainHead.last_seq > 0)
    )).scalar_one()
    assert first.chains == heads and first.events >= 1
    again = await create_anchor(session)  # nothing moved: no rows, but linked and counted
    assert again.seq == first.seq + 1 and again.prev_hash == first.hash
    assert again.changed == 0 and (again.chains, again.events) == (first.chains, first.events)
    await diary.add_diary_entry(session, a, case.id, data=entry())
    third = await create_anchor(session)
    moved = (await session.execute(select(AuditAnchorHead.chain).where(
        AuditAnchorHead.anchor_seq == third.seq))).scalars().all()
    assert moved == [f"case:{case.id}"] and third.changed == 1
    assert third.events == first.events + 1  # the diary entry's one audit event
    check = await verify_anchors(session, published=[first.hash, third.hash.upper()])
    assert check.ok, check.problem
    assert check.anchors >= 3 and check.latest_hash == third.hash


async def test_cut_tail_with_rewritten_head_is_caught_by_the_anchor(session):
    a = await actor_for(session, "ac-council")
    case = await new_case(session, a)
    await diary.add_diary_entry(session, a, case.id, data=entry())
    anchor = await create_anchor(session)
    chain = f"case:{case.id}"
    last = (await session.get(AuditChainHead, chain)).last_seq
    await session.execute(text("SET LOCAL session_replication_role = replica"))

    async def run(sql: str) -> None:
        await session.execute(text(sql))

    await _cut_tail(run, chain, last - 1)
    await session.execute(text("SET LOCAL session_replication_role = origin"))
    session.expunge_all()
    assert (await audit.verify(session)).ok  # the chain walk alone cannot see it
    check = await verify_anchors(session)
    assert not check.ok and check.anchor_seq == anchor.seq and check.chain == chain
    assert f"anchor {anchor.seq}" in check.problem and chain in check.problem
    assert "missing" in check.problem


async def test_rewritten_rows_and_altered_anchors_are_caught(session):
    a = await actor_for(session, "ar-council-x")
    case = await new_case(session, a)
    anchor = await create_anchor(session)
    chain = f"case:{case.id}"
    await session.execute(text("SET LOCAL session_replication_role = replica"))
    # 1. The anchored last row rewritten (its hash recomputed, the head following it).
    async with session.begin_nested() as sp:
        await session.execute(text(
            "UPDATE audit_events SET hash = repeat('a', 64) WHERE chain = :c AND chain_seq = "
            "(SELECT last_seq FROM audit_chain_heads WHERE chain = :c)"), {"c": chain})
        await session.execute(text(
            "UPDATE audit_chain_heads SET last_hash = repeat('a', 64) WHERE chain = :c"),
            {"c": chain})
        check = await verify_anchors(session)
        assert not check.ok and check.chain == chain and "rewritten" in check.problem
        await sp.rollback()
    # 2. The anchor's counts altered.
    async with session.begin_nested() as sp:
        await session.execute(text("UPDATE audit_anchors SET events = events + 1 WHERE seq = :s"),
                              {"s": anchor.seq})
        session.expunge_all()
        check = await verify_anchors(session)
        assert not check.ok and check.anchor_seq == anchor.seq and "hash" in check.problem
        await sp.rollback()
    # 3. An anchored head removed from the side table.
    async with session.begin_nested() as sp:
        await session.execute(text(
            "DELETE FROM audit_anchor_heads WHERE anchor_seq = :s AND chain = :c"),
            {"s": anchor.seq, "c": chain})
        session.expunge_all()
        check = await verify_anchors(session)
        assert not check.ok and "digest" in check.problem
        await sp.rollback()
    # 4. The latest anchor removed: a hash published from it is no longer in the log.
    async with session.begin_nested() as sp:
        await session.execute(text("DELETE FROM audit_anchor_heads WHERE anchor_seq = :s"),
                              {"s": anchor.seq})
        await session.execute(text("DELETE FROM audit_anchors WHERE seq = :s"),
                              {"s": anchor.seq})
        session.expunge_all()
        assert (await verify_anchors(session)).ok
        check = await verify_anchors(session, published=[anchor.hash])
        assert not check.ok and anchor.hash in check.problem
        await sp.rollback()
    await session.execute(text("SET LOCAL session_replication_role = origin"))
    session.expunge_all()
    assert (await verify_anchors(session, published=[anchor.hash])).ok


async def test_tips_cache_lost_heals_and_a_forged_tip_is_reported(session):
    a = await actor_for(session, "at-council")
    case = await new_case(session, a)
    await create_anchor(session)
    # The cache emptied: the next anchor simply stores every head again.
    await session.execute(text("DELETE FROM audit_anchor_tips"))
    again = await create_anchor(session)
    assert again.changed == again.chains
    assert (await verify_anchors(session)).ok
    # A forged tip makes the next anchor skip a head that moved: its counts no longer add up.
    await diary.add_diary_entry(session, a, case.id, data=entry())
    head = await session.get(AuditChainHead, f"case:{case.id}", populate_existing=True)
    await session.execute(text(
        "UPDATE audit_anchor_tips SET last_seq = :s, last_hash = :h WHERE chain = :c"),
        {"s": head.last_seq, "h": head.last_hash, "c": head.chain})
    skipped = await create_anchor(session)
    assert skipped.changed == 0
    check = await verify_anchors(session)
    assert not check.ok and check.anchor_seq == skipped.seq and "add up" in check.problem


async def test_anchor_tables_are_append_only(session):
    a = await actor_for(session, "ao-council")
    await new_case(session, a)
    await create_anchor(session)
    # Fire the deferred foreign-key checks now: TRUNCATE refuses a table with pending ones.
    await session.execute(text("SET CONSTRAINTS ALL IMMEDIATE"))
    for statement in ("UPDATE audit_anchors SET events = 0", "DELETE FROM audit_anchor_heads",
                      "TRUNCATE audit_anchors CASCADE", "TRUNCATE audit_anchor_heads"):
        with pytest.raises(Exception, match="append-only"):
            async with session.begin_nested():
                await session.execute(text(statement))


# ----- committed: the worker, concurrent anchors, and the CLI on a scratch database -----------


async def test_worker_anchors_when_due_and_racing_anchors_never_fork(engine):
    maker = async_sessionmaker(engine, expire_on_commit=False)
    async with maker() as s, s.begin():
        a = await actor_for(s, f"aw-{secrets.token_hex(3)}")
        await new_case(s, a)
    # What each worker pass does first (run_once, before the sweep and the deliveries, which
    # are left out here so as not to deliver other tests' webhooks).
    config = WorkerConfig(audit_anchor_seconds=3600)
    first = await _anchor_if_due(maker, config)
    second = await _anchor_if_due(maker, config)
    async with maker() as s:
        latest = (await s.execute(
            select(AuditAnchor).order_by(AuditAnchor.seq.desc()).limit(1))).scalar_one()
    # Due at once unless another test anchored in the last hour; then not again.
    assert first in (None, latest.hash) and second is None
    assert await _anchor_if_due(maker, WorkerConfig(audit_anchor_seconds=0.001)) is not None
    made = await asyncio.gather(*(anchor_now(maker) for _ in range(3)))
    seqs = [m.seq for m in made if m is not None]
    assert seqs and len(seqs) == len(set(seqs))
    assert (await anchor_now(maker, every=timedelta(hours=1))) is None
    async with maker() as s, s.begin():
        await s.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"))
        check = await verify_anchors(s)
    assert check.ok, check.problem


async def test_cli_anchor_then_cut_tail_fails_verify(database_url):
    name = f"asb_anchor_{secrets.token_hex(4)}"
    parts = urlsplit(database_url)
    url = urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))
    admin = await asyncpg.connect(_dsn(database_url))
    await admin.execute(f'CREATE DATABASE "{name}"')
    await admin.close()
    try:
        await asyncio.to_thread(upgrade, url)
        eng = create_async_engine(url)
        async with AsyncSession(eng, expire_on_commit=False) as s, s.begin():
            a = await actor_for(s, "acl-council")
            case = await new_case(s, a)
            await diary.add_diary_entry(s, a, case.id, data=entry())
        await eng.dispose()
        env = {**os.environ, "DATABASE_URL": url}

        def cli(*args: str) -> subprocess.CompletedProcess:
            return subprocess.run([sys.executable, "-m", "asb_api.cli", "audit", *args],
                                  env=env, capture_output=True, text=True, timeout=120)

        made = await asyncio.to_thread(cli, "anchor")
        assert made.returncode == 0, made.stderr
        published = made.stdout.strip().splitlines()[-1]
        assert len(published) == 64 and int(published, 16) >= 0
        ok = await asyncio.to_thread(cli, "verify", "--anchor", published)
        assert ok.returncode == 0, ok.stderr
        assert "1 anchors hold" in ok.stdout and f"published anchor {published} found" in ok.stdout
        unknown = await asyncio.to_thread(cli, "verify", "--anchor", "0" * 64)
        assert unknown.returncode != 0 and "0" * 64 in unknown.stderr

        chain = f"case:{case.id}"
        conn = await asyncpg.connect(_dsn(url))
        try:
            await conn.execute(
                "ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only")
            keep = await conn.fetchval(
                "SELECT last_seq - 2 FROM audit_chain_heads WHERE chain = $1", chain)
            await _cut_tail(conn.execute, chain, keep)
            await conn.execute("ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only")
        finally:
            await conn.close()
        bad = await asyncio.to_thread(cli, "verify")
        assert bad.returncode != 0
        assert "anchor 1" in bad.stderr and chain in bad.stderr, bad.stderr
        # A later anchor of the cut chain does not hide the cut from the earlier one.
        again = await asyncio.to_thread(cli, "anchor")
        assert again.returncode == 0, again.stderr
        bad = await asyncio.to_thread(cli, "verify", "--anchor", published)
        assert bad.returncode != 0 and "anchor 1" in bad.stderr and chain in bad.stderr
    finally:
        admin = await asyncpg.connect(_dsn(database_url))
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()
