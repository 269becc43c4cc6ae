"""Soak: mixed traffic at a steady rate from many clients against `asb serve`; prints the count of
5xx answers and the server's memory (RSS) growth after warm-up.

Each of `--clients` clients has its own keys (a call handler, a caseworker and a housing
integration of one area) and its own case, and sends, at a fixed share of `--rate` requests per
second in total: assessments (evaluate), diary entries (with Idempotency-Key), reads (case, diary,
timeline), updates and PATCHes with If-Match. RSS of the server's process group is sampled every
few seconds; growth is the last sample against the first one after `--warmup`.

Usage: ``python bench/soak.py [--duration 300] [--clients 50] [--rate 100] [--warmup 60]``.
`DATABASE_URL` names the database server; by default a throwaway embedded PostgreSQL in a
temporary directory. Exit status 1 when any 5xx was seen or RSS grew by 10% or more.
Not part of the test suite. Talks only to 127.0.0.1; stops only the processes it started.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from tests.reliability.server import ServerProcess, bearer, committed_keys  # noqa: E402

# (operation, weight): the mix of one client's requests.
MIX = [("evaluate", 3), ("diary", 2), ("get_case", 2), ("list_diary", 1), ("timeline", 1),
       ("update", 1), ("patch", 1)]


def _database() -> tuple[str, object | None]:
    from asb_core.embedded_pg import start_embedded, to_asyncpg_url

    if os.environ.get("DATABASE_URL"):
        return to_asyncpg_url(os.environ["DATABASE_URL"]), None
    tmp = tempfile.TemporaryDirectory(prefix="asb-soak-")
    return start_embedded(Path(tmp.name)), tmp


async def _fresh_database(server_url: str) -> str:
    import secrets

    import asyncpg

    from asb_core.migrate import upgrade

    name = f"asb_soak_{secrets.token_hex(3)}"
    conn = await asyncpg.connect(server_url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(server_url)
    url = urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))
    await asyncio.to_thread(upgrade, url)
    return url


async def _keys(url: str, clients: int) -> list[dict[str, str]]:
    from sqlalchemy.ext.asyncio import create_async_engine

    engine = create_async_engine(url)
    try:
        keys = await committed_keys(engine, {
            "soak-police": ("police", []), "soak-council": ("council", []),
            "soak-housing": ("housing_provider", []),
        })
        from sqlalchemy.ext.asyncio import AsyncSession

        from asb_core.actor import Actor
        from asb_core.agencies.service import issue_key

        out = []
        async with AsyncSession(engine, expire_on_commit=False) as s, s.begin():
            for _ in range(clients):
                one = {}
                for name, slug, role in (("handler", "soak-police", "call_handler"),
                                         ("officer", "soak-council", "caseworker"),
                                         ("housing", "soak-housing", "integration")):
                    _, one[name] = await issue_key(s, Actor.system(), slug, role)
                out.append(one)
        assert not keys
        return out
    finally:
        await engine.dispose()


class Stats:
    def __init__(self) -> None:
        self.status: Counter = Counter()
        self.errors: Counter = Counter()
        self.latency: dict[str, list[float]] = {}
        self.server_errors: list[str] = []

    def record(self, op: str, status: int, seconds: float, body: str = "") -> None:
        self.status[(op, status)] += 1
        self.latency.setdefault(op, []).append(seconds)
        if status >= 500:
            self.server_errors.append(f"{op} {status} {body[:200]}")


async def _client(n: int, base: str, keys: dict[str, str], stats: Stats, interval: float,
                  until: float) -> None:
    limits = httpx.Limits(max_connections=2)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as c:
        officer, housing, handler = (bearer(keys[k]) for k in ("officer", "housing", "handler"))
        r = await c.post("/v1/cases", headers=officer, json={
            "area": "fenland", "answers": {"repeat": True}, "consent": {"state": "given"},
            "victim": {"role": "victim", "name": f"Soak Victim {n}"}})
        r.raise_for_status()
        cid = r.json()["id"]
        r = await c.post(f"/v1/cases/{cid}/members", headers=officer,
                         json={"agency": "soak-housing", "basis": "consent"})
        r.raise_for_status()
        schedule = [op for op, weight in MIX for _ in range(weight)]
        i = 0
        next_at = time.monotonic() + (n % 50) * interval / 50  # spread the clients' phases
        while True:
            next_at += interval
            delay = next_at - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            if time.monotonic() >= until:
                return
            op = schedule[i % len(schedule)]
            i += 1
            t0 = time.monotonic()
            try:
                if op == "evaluate":
                    r = await c.post("/v1/assessments/evaluate", headers=handler, json={
                        "answers": {"repeat": bool(i % 2), "feels_targeted": True}})
                elif op == "diary":
                    started = (datetime.now(UTC) - timedelta(minutes=30)).isoformat()
                    r = await c.post(f"/v1/cases/{cid}/diary-entries",
                                     headers={**housing, "Idempotency-Key": f"soak-{n}-{i}"},
                                     json={"started_at": started, "category": "noise",
                                           "what_happened": f"Loud music, night {i}"})
                elif op == "get_case":
                    r = await c.get(f"/v1/cases/{cid}", headers=officer)
                elif op == "list_diary":
                    r = await c.get(f"/v1/cases/{cid}/diary-entries", headers=officer,
                                    params={"limit": 20})
                elif op == "timeline":
                    r = await c.get(f"/v1/cases/{cid}/timeline", headers=housing,
                                    params={"limit": 20})
                elif op == "update":
                    r = await c.post(f"/v1/cases/{cid}/updates", headers=officer,
                                     json={"kind": "update", "text": f"Called the victim ({i})"})
                else:
                    current = await c.get(f"/v1/cases/{cid}", headers=officer)
                    r = await c.patch(f"/v1/cases/{cid}", headers={
                        **officer, "If-Match": current.headers["ETag"],
                        "Content-Type": "application/merge-patch+json"},
                        content=f'{{"summary": "Soak summary {i}"}}')
            except httpx.HTTPError as exc:
                stats.errors[(op, type(exc).__name__)] += 1
                continue
            stats.record(op, r.status_code, time.monotonic() - t0,
                         r.text if r.status_code >= 500 else "")


async def _sample_rss(server: ServerProcess, samples: list[tuple[float, int]], until: float,
                      every: float) -> None:
    start = time.monotonic()
    while time.monotonic() < until:
        samples.append((time.monotonic() - start, server.rss_bytes()))
        await asyncio.sleep(every)
    samples.append((time.monotonic() - start, server.rss_bytes()))


def _pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] * 1000


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=300, help="seconds (default 300)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--rate", type=float, default=100, help="requests per second, in all")
    parser.add_argument("--warmup", type=float, default=60, help="seconds before RSS baseline")
    args = parser.parse_args()

    server_url, tmp = _database()
    url = await _fresh_database(server_url)
    keys = await _keys(url, args.clients)
    server = ServerProcess(url, "soak").start()
    stats = Stats()
    samples: list[tuple[float, int]] = []
    print(f"soak: {args.clients} clients, {args.rate:g} req/s in all, {args.duration:g} s "
          f"(warm-up {args.warmup:g} s) against {server.base_url}; server log {server.log}",
          flush=True)
    try:
        until = time.monotonic() + args.duration
        interval = args.clients / args.rate
        sampler = asyncio.create_task(_sample_rss(server, samples, until, 5.0))
        clients = [asyncio.create_task(_client(n, server.base_url, keys[n], stats, interval,
                                               until)) for n in range(args.clients)]
        last = time.monotonic()
        while not all(t.done() for t in clients):
            await asyncio.sleep(1)
            if time.monotonic() - last >= 30:
                last = time.monotonic()
                done = sum(stats.status.values())
                print(f"  {args.duration - (until - last):5.0f} s: {done} requests, "
                      f"{sum(v for (_, s), v in stats.status.items() if s >= 500)} 5xx, "
                      f"RSS {samples[-1][1] / 2**20:.1f} MiB", flush=True)
        for t in clients:
            t.result()
        await sampler
    finally:
        server.stop()
        if tmp is not None:
            from asb_core.embedded_pg import stop_embedded

            stop_embedded()
            tmp.cleanup()

    total = sum(stats.status.values())
    five = sum(v for (_, s), v in stats.status.items() if s >= 500)
    after = [rss for t, rss in samples if t >= args.warmup]
    base, final = (after[0], after[-1]) if after else (samples[0][1], samples[-1][1])
    growth = (final - base) / base * 100 if base else 0.0
    print(f"\nrequests: {total} in {args.duration:g} s ({total / args.duration:.1f}/s); "
          f"transport errors: {sum(stats.errors.values())}")
    print(f"{'operation':<12} {'count':>7} {'p50 ms':>8} {'p99 ms':>8}  statuses")
    for op, _ in MIX:
        lat = stats.latency.get(op, [])
        statuses = {s: v for (o, s), v in stats.status.items() if o == op}
        print(f"{op:<12} {len(lat):>7} {_pct(lat, .5):>8.1f} {_pct(lat, .99):>8.1f}  "
              f"{dict(sorted(statuses.items()))}")
    print(f"5xx answers: {five}")
    print(f"server RSS: {samples[0][1] / 2**20:.1f} MiB at start, {base / 2**20:.1f} MiB after "
          f"warm-up, {final / 2**20:.1f} MiB at the end: growth after warm-up {growth:+.1f}% "
          f"(median {statistics.median(r for _, r in samples) / 2**20:.1f} MiB)")
    for line in stats.server_errors[:5]:
        print("  ", line)
    ok = five == 0 and growth < 10 and not stats.errors
    print("PASS" if ok else "FAIL", "(zero 5xx, no transport errors, RSS growth < 10%)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
