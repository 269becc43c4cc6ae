"""A frozen database (every PostgreSQL process stopped with SIGSTOP, as a hung host or a stalled
storage volume would leave it): each request that needs the database answers 503 with
Retry-After within a bound derived from ASB_DB_TIMEOUT, instead of hanging for the whole freeze;
the evaluate endpoint, which needs no database for its answer, answers 200 from the key cache
window or 503 just as quickly. The database is this test's own embedded PostgreSQL
(`dedicated_pg`), frozen and resumed by its own PIDs only.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import time
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from tests.reliability.server import ServerProcess, bearer, open_case
from tests.reliability.test_db_outage import _setup_database, dedicated_pg  # noqa: F401

pytestmark = pytest.mark.slow

DB_TIMEOUT = 1.0
# Generous: a request may wait for a connection, then for one statement, then be answered; it
# must not wait for the freeze to end. The freeze lasts several times longer than this.
BOUND = DB_TIMEOUT * 4 + 2
FREEZE_SECONDS = BOUND * 2 + 4


def _postgres_pids(pg) -> list[int]:
    """The postmaster of the test's own server and its children (the backends)."""
    postmaster = int(pg.get_pid())
    out = subprocess.run(["pgrep", "-P", str(postmaster)], capture_output=True, text=True,
                         check=False).stdout
    return [postmaster, *(int(p) for p in out.split())]


def _signal(pids: list[int], sig: int) -> None:
    for pid in pids:
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            pass


async def test_a_frozen_database_answers_503_within_the_db_timeout(dedicated_pg):  # noqa: F811
    url, pg = dedicated_pg
    db_url, key = await _setup_database(url)
    server = ServerProcess(db_url, "db-freeze", env={
        "ASB_DB_TIMEOUT": str(DB_TIMEOUT), "ASB_KEY_CACHE_SECONDS": "1"}).start()
    frozen: list[int] = []
    results: list[tuple[str, int, float, str, str | None]] = []
    try:
        async with httpx.AsyncClient(base_url=server.base_url, headers=bearer(key),
                                     timeout=FREEZE_SECONDS + 30) as client:
            cid = await open_case(client)
            started_at = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
            requests = {
                "case": ("GET", f"/v1/cases/{cid}", {}),
                "me": ("GET", "/v1/me", {}),
                "diary": ("POST", f"/v1/cases/{cid}/diary-entries", {
                    "headers": {"Idempotency-Key": "freeze-1"},
                    "json": {"started_at": started_at, "category": "noise",
                             "what_happened": "during the freeze"}}),
                "evaluate": ("POST", "/v1/assessments/evaluate",
                             {"json": {"answers": {"repeat": True}}}),
                "ready": ("GET", "/ready", {}),
            }
            for what, (method, path, kw) in requests.items():
                if what != "diary":
                    assert (await client.request(method, path, **kw)).status_code == 200, what

            async def one(what: str) -> None:
                method, path, kw = requests[what]
                t0 = time.monotonic()
                r = await client.request(method, path, **kw)
                results.append((what, r.status_code, time.monotonic() - t0,
                                r.headers.get("content-type", ""), r.headers.get("retry-after")))

            frozen = _postgres_pids(pg)
            _signal(frozen, signal.SIGSTOP)
            freeze_start = time.monotonic()
            # Twice: at once (the key still in its cache window) and after the window.
            await asyncio.gather(*(one(w) for w in requests))
            await asyncio.sleep(1.5)
            await asyncio.gather(*(one(w) for w in requests))
            still_frozen = time.monotonic() - freeze_start < FREEZE_SECONDS
            await asyncio.sleep(max(0.0, FREEZE_SECONDS - (time.monotonic() - freeze_start)))
            _signal(frozen, signal.SIGCONT)
            frozen = []
            deadline = time.monotonic() + 60
            while (await client.get("/ready")).status_code != 200:
                assert time.monotonic() < deadline, "the API did not recover after the freeze"
                await asyncio.sleep(0.2)
            assert (await client.get(f"/v1/cases/{cid}")).status_code == 200
    finally:
        _signal(frozen, signal.SIGCONT)
        server.stop()
    print("during the freeze (what, status, seconds):",
          [(w, s, round(e, 2)) for w, s, e, _, _ in results])
    slow = [(w, s, round(e, 2)) for w, s, e, _, _ in results if e > BOUND]
    assert not slow, f"held longer than {BOUND}s by a frozen database: {slow}"
    for what, status, _, content_type, retry_after in results:
        if status == 503:
            assert content_type.startswith("application/problem+json"), what
            assert retry_after and int(retry_after) >= 1, what
        else:
            # Answered from the key cache window: these need no other database read.
            assert what in ("evaluate", "me") and status == 200, (what, status)
    assert all(s == 503 for w, s, *_ in results if w in ("case", "diary", "ready"))
    assert still_frozen, "the requests outlasted the freeze: nothing was measured"
