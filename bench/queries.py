"""Benchmark: read latency at scale through the HTTP API, with a caseworker's key.

On a database loaded by `bench/seed_scale.py` (1M cases by default), as the caseworker of the
agency the seed chose (a member of about 1/30 of cases), sequential requests (one keep-alive
httpx client, so the client never starves the server) interleaved round-robin over:

- the agency's case list filtered by level, first page (`GET /v1/cases?level=high`);
- a deep page of the same list (the cursor after `--deep-page` pages, found by walking them);
- the breached-targets work queue (`GET /v1/targets?state=breached`);
- the timeline (first page) of a case with 10,000 diary entries;
- the escalation flags of that case;
- baselines in the same run: `GET /health` on the API, and `GET /select1` on
  `bench/baseline_insert_app.py` (a pooled session and `SELECT 1`, same driver and pool).

Prints p50/p95/p99 over `--requests` (>= 200) requests each, the ratio of each p50 to the
`SELECT 1` baseline's, and the target check (p95 < 50 ms). `--explain` also runs each query's
SQL in-process (the same service calls the routes make, statements captured from SQLAlchemy) under
`EXPLAIN (ANALYZE, BUFFERS)` and prints the plans.

Usage: ``DATABASE_URL=postgresql://postgres@127.0.0.1:5432/asb_scale
python bench/queries.py [--workers N] [--requests 300] [--explain]``
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from bench import harness  # noqa: E402

TARGET_P95_MS = 50.0


def walk_cursor(client: httpx.Client, path: str, pages: int) -> tuple[str | None, int]:
    """The cursor of page `pages` (1-based) of a listing, and how many pages were walked."""
    cursor, walked = None, 1
    for _ in range(pages - 1):
        params = {"cursor": cursor} if cursor else {}
        r = client.get(path, params=params)
        r.raise_for_status()
        nxt = r.json()["next_cursor"]
        if nxt is None:
            break
        cursor, walked = nxt, walked + 1
    return cursor, walked


def measure(requests: dict[str, tuple[httpx.Client, str]], n: int, warmup: int
            ) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name in requests}
    total = (n + warmup) * len(requests)
    done = 0
    for i in range(n + warmup):
        for name, (client, url) in requests.items():
            start = time.perf_counter()
            r = client.get(url)
            elapsed = (time.perf_counter() - start) * 1000
            if r.status_code != 200:
                raise SystemExit(f"{name}: {url} answered {r.status_code}: {r.text[:300]}")
            if i >= warmup:
                times[name].append(elapsed)
            done += 1
        if i % 10 == 0 or i == n + warmup - 1:
            sys.stderr.write(f"\r  requests {done:,}/{total:,}")
            sys.stderr.flush()
    sys.stderr.write("\n")
    return times


async def explain(url: str, key: str, level: str, deep_cursor: str | None,
                  case_id: str) -> None:
    """EXPLAIN (ANALYZE, BUFFERS) of every statement the five reads issue, in-process."""
    from sqlalchemy import event

    from asb_core.agencies.service import authenticate
    from asb_core.cases import references, timeline
    from asb_core.cases import service as cases
    from asb_core.db import create_engine, session_factory
    from asb_core.escalation import service as escalations
    from asb_core.settings import Settings
    from asb_core.targets import service as targets

    engine = create_engine(url, Settings())
    captured: list[tuple[str, object]] = []

    def capture(conn, cursor, statement, parameters, context, executemany) -> None:
        captured.append((statement, parameters))

    event.listen(engine.sync_engine, "before_cursor_execute", capture)
    sm = session_factory(engine)

    async def queue(s, actor):
        page = await targets.work_queue(s, actor, state="breached", limit=50)
        await references.case_labels(s, (t.case_id for t in page.items))

    reads = {
        f"case list, level={level}, first page":
            lambda s, a: cases.list_cases(s, a, level=level, limit=50),
        f"case list, level={level}, deep page":
            lambda s, a: cases.list_cases(s, a, level=level, limit=50, cursor=deep_cursor),
        "breached work queue": queue,
        "timeline, first page": lambda s, a: timeline.timeline(s, a, case_id, limit=50),
        "escalation flags": lambda s, a: escalations.list_flags(s, a, case_id),
    }
    try:
        for name, read in reads.items():
            async with sm() as session, session.begin():
                actor = await authenticate(session, key)
                captured.clear()
                await read(session, actor)
                statements = list(captured)
            print(f"\n=== {name}: {len(statements)} statement(s) ===")
            async with engine.connect() as conn:
                raw = (await conn.get_raw_connection()).driver_connection
                for sql, params in statements:
                    params = tuple(params or ())
                    rows = await raw.fetch("EXPLAIN (ANALYZE, BUFFERS) " + sql, *params)
                    print(f"--- {' '.join(sql.split())[:400]}")
                    for r in rows:
                        print("    " + r[0])
    finally:
        await engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--pool-size", type=int, default=4)
    parser.add_argument("--max-overflow", type=int, default=0)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--level", default="high", choices=("standard", "medium", "high"))
    parser.add_argument("--deep-page", type=int, default=100,
                        help="which page of the case list is the deep one (50 per page)")
    parser.add_argument("--explain", action="store_true",
                        help="print EXPLAIN (ANALYZE, BUFFERS) of every statement")
    args = parser.parse_args()
    if args.requests < 200:
        raise SystemExit("--requests must be at least 200")
    url = os.environ.get("DATABASE_URL")
    if not url:
        raise SystemExit("set DATABASE_URL to the database bench/seed_scale.py loaded")

    info = harness.seed_info(url)
    env = dict(os.environ, **harness.production_env(args.workers, args.pool_size,
                                                    args.max_overflow))
    key = harness.issue_key(env, info["bench_agency"], "caseworker", "bench/queries.py")
    case_id = info["heavy_case_ids"][0]
    print(harness.machine(url))
    print(f"seed: {info['cases']:,} cases, {info['entries']:,} diary entries; caseworker of "
          f"{info['bench_agency']} (member of {info['bench_agency_cases']:,} cases); "
          f"heavy case {case_id} ({info['heavy_entries']:,} entries)")
    print(f"server: asb serve, Granian, {args.workers} worker(s), uvloop, pool "
          f"{args.pool_size}+{args.max_overflow} per worker; client: sequential httpx keep-alive")
    api_port, base_port = harness.free_port(), harness.free_port()
    api = harness.start_api(env, api_port, args.workers)
    base = harness.start_baseline(env, base_port, args.workers)
    ok = True
    try:
        harness.wait_until_up(f"http://127.0.0.1:{api_port}/health", api)
        harness.wait_until_up(f"http://127.0.0.1:{base_port}/select1", base)
        headers = {"Authorization": f"Bearer {key}"}
        api_c = httpx.Client(base_url=f"http://127.0.0.1:{api_port}", headers=headers,
                             timeout=30)
        base_c = httpx.Client(base_url=f"http://127.0.0.1:{base_port}", timeout=30)
        list_path = f"/v1/cases?level={args.level}&limit=50"
        deep_cursor, walked = walk_cursor(api_c, list_path, args.deep_page)
        print(f"deep page: page {walked} of the level={args.level} list "
              f"(items {(walked - 1) * 50 + 1}-{walked * 50})")
        deep = f"{list_path}&cursor={deep_cursor}" if deep_cursor else list_path
        reads = {
            f"cases level={args.level} page 1": (api_c, list_path),
            f"cases level={args.level} page {walked}": (api_c, deep),
            "targets state=breached": (api_c, "/v1/targets?state=breached&limit=50"),
            "timeline (10k-entry case)": (api_c, f"/v1/cases/{case_id}/timeline?limit=50"),
            "escalations (same case)": (api_c, f"/v1/cases/{case_id}/escalations"),
            "baseline GET /health (API)": (api_c, "/health"),
            "baseline SELECT 1 (pool)": (base_c, "/select1"),
        }
        times = measure(reads, args.requests, args.warmup)
        base_p50 = harness.percentile(times["baseline SELECT 1 (pool)"], 50)
        print(f"\n{'':<30} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'p50/SELECT1':>12}  "
              f"target p95<{TARGET_P95_MS:.0f}ms")
        for name, ts in times.items():
            p50, p95, p99 = (harness.percentile(ts, q) for q in (50, 95, 99))
            verdict = ""
            if not name.startswith("baseline"):
                verdict = "PASS" if p95 < TARGET_P95_MS else "MISS"
                ok &= p95 < TARGET_P95_MS
            print(f"{name:<30} {p50:>8.2f} {p95:>8.2f} {p99:>8.2f} {p50 / base_p50:>11.1f}x  "
                  f"{verdict}")
        print(f"({args.requests} requests each after {args.warmup} warm-up, interleaved)")
        if args.explain:
            from asb_core.embedded_pg import to_asyncpg_url

            asyncio.run(explain(to_asyncpg_url(url), key, args.level, deep_cursor, case_id))
    finally:
        harness.stop(api)
        harness.stop(base)
        harness.asb(["key", "revoke", key], env)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
