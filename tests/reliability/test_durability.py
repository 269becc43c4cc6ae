"""Crash durability: 500 diary entries posted concurrently, each with its own Idempotency-Key;
the server is killed with SIGKILL part way through and started again; the client retries every
entry it has no 201 for, and also replays a sample of acknowledged ones (a client that lost its
own record of the acknowledgements after the 201s were sent).

Then every acknowledged entry is stored exactly once (under the id the 201 gave), no key is
stored twice, and there are exactly 500 entries.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlalchemy import text

from tests.reliability.server import ServerProcess, bearer, committed_keys, unique_slug, victim

pytestmark = pytest.mark.slow

TOTAL = 500
CASES = 5
CONCURRENCY = 32
KILL_AFTER = 120  # acknowledgements before the kill
REPLAYED = 25
DEADLINE_SECONDS = 240


def _entry(i: int, started_at: str) -> dict:
    return {
        "started_at": started_at,
        "duration_minutes": i % 60,
        "location": "Stairwell, block C",
        "what_happened": f"durability entry {i}: shouting and door banging",
        "category": "noise",
        "source_system": "durability-client",
    }


async def _post(client: httpx.AsyncClient, case_id: str, i: int, body: dict) -> httpx.Response:
    return await client.post(f"/v1/cases/{case_id}/diary-entries", json=body,
                             headers={"Idempotency-Key": f"durability-{i}"})


async def test_kill_9_mid_stream_loses_and_duplicates_nothing(database_url, engine):
    slug = unique_slug("dur-housing")
    keys = await committed_keys(engine, {slug: ("housing_provider", ["caseworker"])})
    key = keys[(slug, "caseworker")]
    server = ServerProcess(database_url, "durability").start()
    started_at = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    bodies = {i: _entry(i, started_at) for i in range(TOTAL)}
    acked: dict[int, str] = {}  # entry number -> id from the 201
    deadline = time.monotonic() + DEADLINE_SECONDS
    try:
        async with httpx.AsyncClient(base_url=server.base_url, headers=bearer(key),
                                     timeout=30) as client:
            case_ids = []
            for n in range(CASES):
                r = await client.post("/v1/cases", json={
                    "area": "fenland", "summary": f"durability case {n}",
                    "victim": victim(), "answers": {}, "consent": {"state": "given"},
                })
                assert r.status_code == 201, r.text
                case_ids.append(r.json()["id"])

            killed = asyncio.Event()
            gate = asyncio.Semaphore(CONCURRENCY)

            async def first_attempt(i: int) -> None:
                async with gate:
                    if killed.is_set():
                        return
                    try:
                        r = await _post(client, case_ids[i % CASES], i, bodies[i])
                    except httpx.TransportError:
                        return  # no acknowledgement: retried after the restart
                    assert r.status_code == 201, r.text
                    acked[i] = r.json()["id"]
                    if len(acked) >= KILL_AFTER and not killed.is_set():
                        killed.set()
                        server.kill()  # SIGKILL, with other requests in flight

            await asyncio.wait_for(
                asyncio.gather(*(first_attempt(i) for i in range(TOTAL))),
                timeout=DEADLINE_SECONDS,
            )
            assert killed.is_set() and KILL_AFTER <= len(acked) < TOTAL
            acked_before_kill = dict(acked)

            await asyncio.to_thread(server.start)
            missing = [i for i in range(TOTAL) if i not in acked]
            replayed = sorted(acked_before_kill)[:REPLAYED]
            replay_ids: dict[int, str] = {}
            retry_gate = asyncio.Semaphore(CONCURRENCY)

            async def retry(i: int, into: dict[int, str]) -> None:
                async with retry_gate:
                    while True:
                        assert time.monotonic() < deadline, f"entry {i} never acknowledged"
                        try:
                            r = await _post(client, case_ids[i % CASES], i, bodies[i])
                        except httpx.TransportError:
                            await asyncio.sleep(0.5)
                            continue
                        if r.status_code == 503:
                            await asyncio.sleep(float(r.headers.get("Retry-After", "1")))
                            continue
                        assert r.status_code == 201, r.text
                        into[i] = r.json()["id"]
                        return

            await asyncio.gather(*(retry(i, acked) for i in missing),
                                 *(retry(i, replay_ids) for i in replayed))
    finally:
        server.stop()

    assert sorted(acked) == list(range(TOTAL))
    # A replay of an acknowledged request answers with the entry it created, not a new one.
    assert {i: replay_ids[i] for i in replayed} == {i: acked_before_kill[i] for i in replayed}
    async with engine.connect() as conn:
        rows = (await conn.execute(text(
            "SELECT id::text, what_happened FROM diary_entries WHERE case_id = ANY(:ids)"
        ), {"ids": [uuid.UUID(c) for c in case_ids]})).all()
        key_rows = (await conn.execute(text(
            "SELECT key, resource_id::text FROM idempotency_keys k JOIN agencies a "
            "ON a.id = k.agency_id WHERE a.slug = :slug"
        ), {"slug": slug})).all()
    stored_ids = [r.id for r in rows]
    assert len(rows) == TOTAL, f"{len(rows)} entries stored for {TOTAL} posted"
    assert len(set(stored_ids)) == TOTAL
    assert len({r.what_happened for r in rows}) == TOTAL, "an entry was stored twice"
    assert set(acked.values()) == set(stored_ids), "an acknowledged entry is missing"
    assert len(key_rows) == TOTAL and len({k.key for k in key_rows}) == TOTAL
    assert {k.key: k.resource_id for k in key_rows} == {
        f"durability-{i}": acked[i] for i in range(TOTAL)
    }
