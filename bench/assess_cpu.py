"""Benchmark: server CPU per request of `POST /v1/assessments/evaluate`, in process.

`assess_http.py` measures throughput over HTTP, which on a shared 2-core machine also measures
whoever else is using the cores. This script measures what the application itself spends: it
drives the ASGI apps directly (no server, no sockets) with a minimal ASGI call loop, under the
production event loop (uvloop), for

- (b) `bench/baseline_app.py`'s `POST /baseline` (the same body decoded to a dict, a fixed answer);
- evaluate with an API key (`Authorization: Bearer asb_...`, verified against the database as
  configured: ASB_KEY_CACHE_SECONDS, default 1 s, see `asb_core/agencies/key_lookup.py`);
- evaluate with an embed token (verified by its signature, no database).

Each is run with `--concurrency` requests in flight (default 50, as `assess_http.py`'s wrk
clients), `--requests` per round (default 20,000), in rounds (b, key, embed, b, key, ...). It
prints `time.process_time()` per request (median and minimum over rounds) and the ratios
(b) / evaluate: the in-process estimate of evaluate's throughput relative to (b) when the server
is CPU bound. The server's own work per request (Granian's HTTP parsing and socket calls, the
same for every app) is not in these figures, so these ratios are stricter than the HTTP ones.

`--instructions N` measures instead, once per app, the instructions executed per request over N
requests (after a warm-up) with valgrind's callgrind, which a busy machine does not disturb:
each app runs in its own `valgrind --tool=callgrind --instr-atstart=no` process, which counts only
between `callgrind_control --instr=on` and `--instr=off` around the measured requests. Under
valgrind the process runs about 50 times slower, so the key path's database reads (one per key
and ASB_KEY_CACHE_SECONDS of wall time) weigh a little more than in production.

Every answer is checked (status 200, the same body every time) and evaluate's must equal (b)'s
fixed body. For the API key the script also reports the key reads sent to the database per
request and, when PostgreSQL runs on this machine, the CPU its auth-pool backends spent on them
(from /proc): CPU the HTTP benchmark's server also competes with.

Metrics run as with `asb serve --workers 2` (prometheus_client in multiprocess mode, files in a
temporary `PROMETHEUS_MULTIPROC_DIR`) unless `--single-process-metrics`.

Usage: ``python bench/assess_cpu.py [--requests 20000] [--rounds 7] [--concurrency 50]
[--instructions 2000]``. `DATABASE_URL` names the database (default: the embedded PostgreSQL);
an agency and a call_handler key are added to it, and the key is revoked at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PATH_B = "/baseline"
PATH_EVALUATE = "/v1/assessments/evaluate"
TARGETS = ("(b) baseline POST", "evaluate (key)", "evaluate (embed)")


def scope_for(path: str, body: bytes, token: str | None) -> dict:
    headers = [
        (b"host", b"127.0.0.1:8000"),
        (b"user-agent", b"wrk"),
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
    ]
    if token is not None:
        headers.append((b"authorization", f"Bearer {token}".encode()))
    return {
        "type": "http", "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": "1.1", "method": "POST", "scheme": "http", "path": path,
        "raw_path": path.encode(), "query_string": b"", "root_path": "", "headers": headers,
        "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 8000),
    }


async def call(app, template: dict, body: bytes) -> tuple[int, bytes]:
    """One request through the ASGI app, as a server would make it; (status, body)."""
    sent = False
    status = 0
    chunks: list[bytes] = []

    async def receive() -> dict:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(dict(template), receive, send)
    return status, b"".join(chunks)


async def drive(app, template: dict, body: bytes, requests: int, concurrency: int,
                expected: bytes | None) -> bytes:
    """`requests` calls, `concurrency` at a time; every answer must be 200 and identical."""
    first: list[bytes] = []

    async def client(n: int) -> None:
        for _ in range(n):
            status, answer = await call(app, template, body)
            if status != 200:
                raise SystemExit(f"{template['path']} answered {status}: {answer[:300]!r}")
            if not first:
                first.append(answer)
            elif answer != first[0]:
                raise SystemExit(f"{template['path']} answered differently: {answer[:300]!r}")

    per, extra = divmod(requests, concurrency)
    await asyncio.gather(*(client(per + (i < extra)) for i in range(concurrency)))
    if expected is not None and first[0] != expected:
        raise SystemExit(f"{template['path']}: {first[0][:300]!r} is not (b)'s {expected[:300]!r}")
    return first[0]


class KeyReads:
    """Counts the key lookups that reach the database (a wrapper around the one function that
    sends them; it only counts) and the CPU of the auth pool's PostgreSQL backends."""

    def __init__(self, url: str) -> None:
        from asb_core.agencies import key_lookup

        self.url = url.replace("postgresql+asyncpg://", "postgresql://", 1)
        self.count = 0
        original = key_lookup._fetch_row

        async def counted(engine, digest, *sql):
            self.count += 1
            return await original(engine, digest, *sql)

        key_lookup._fetch_row = counted

    async def backend_seconds(self) -> dict[int, float] | None:
        import asyncpg

        conn = await asyncpg.connect(self.url)
        try:
            rows = await conn.fetch(
                "SELECT pid FROM pg_stat_activity WHERE application_name = 'asb-casework-auth'"
                " AND datname = current_database()")
        finally:
            await conn.close()
        return _proc_seconds([r[0] for r in rows])

    @staticmethod
    def spent(before: dict[int, float] | None, after: dict[int, float] | None) -> float | None:
        """CPU seconds between two readings (a backend started meanwhile counts in full)."""
        if before is None or after is None:
            return None
        return sum(s - before.get(pid, 0.0) for pid, s in after.items())


def _proc_seconds(pids: list[int]) -> dict[int, float] | None:
    """utime + stime of each process, in seconds; None when /proc cannot tell (remote server)."""
    ticks = os.sysconf("SC_CLK_TCK")
    out = {}
    try:
        for pid in pids:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            out[pid] = (int(fields[11]) + int(fields[12])) / ticks
    except (OSError, IndexError, ValueError):
        return None
    return out


async def prepare_key(url: str) -> str:
    from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine

    from asb_core.actor import Actor
    from asb_core.agencies.service import add_agency, issue_key

    slug = f"bench-cpu-{secrets.token_hex(4)}"
    engine = create_async_engine(url)
    try:
        async with AsyncSession(engine, expire_on_commit=False) as s, s.begin():
            await add_agency(s, Actor.system(), slug, "Benchmark", "police", ["fenland"])
            _, key = await issue_key(s, Actor.system(), slug, "call_handler",
                                     label="bench/assess_cpu.py")
    finally:
        await engine.dispose()
    return key


async def revoke(url: str, key: str) -> None:
    from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine

    from asb_core.actor import Actor
    from asb_core.agencies.service import revoke_key

    engine = create_async_engine(url)
    try:
        async with AsyncSession(engine) as s, s.begin():
            await revoke_key(s, Actor.system(), key)
    finally:
        await engine.dispose()


class Apps:
    """The baseline app and the API (production settings, the per-key limit raised: one key
    sends every request), started, with each target's request and the expected answer."""

    def __init__(self, url: str, key: str) -> None:
        from asb_api.app import create_app
        from asb_core.settings import Settings
        from bench.baseline_app import REQUEST_BODY
        from bench.baseline_app import app as baseline

        self.url, self.key = url, key
        self.body = REQUEST_BODY.encode()
        self.baseline = baseline
        self.api = create_app(Settings(
            DATABASE_URL=url, ASB_LOG_LEVEL="WARNING", ASB_RATE_LIMIT_PER_MINUTE=100_000_000,
            ASB_SECRET_KEY=secrets.token_urlsafe(32)))
        self.targets: dict[str, tuple] = {}
        self.expected = b""

    async def __aenter__(self) -> Apps:
        from asb_api import embed_tokens

        self._b = self.baseline.lifespan()
        self._api = self.api.lifespan()
        await self._b.__aenter__()
        await self._api.__aenter__()
        body = self.body
        b_scope = scope_for(PATH_B, body, None)
        self.expected = await drive(self.baseline, b_scope, body, 100, 10, None)
        key_scope = scope_for(PATH_EVALUATE, body, self.key)
        await drive(self.api, key_scope, body, 100, 10, self.expected)  # opens the auth pool
        state = self.api.state
        actor = await state.authenticator(state.sessionmaker, self.key)
        token, _ = embed_tokens.issue(actor, embed_tokens.signing_key(state))
        self.targets = {
            "(b) baseline POST": (self.baseline, b_scope),
            "evaluate (key)": (self.api, key_scope),
            "evaluate (embed)": (self.api, scope_for(PATH_EVALUATE, body, token)),
        }
        return self

    async def __aexit__(self, *exc) -> None:
        await self._api.__aexit__(*exc)
        await self._b.__aexit__(*exc)

    async def run(self, name: str, requests: int, concurrency: int) -> None:
        app, scope = self.targets[name]
        await drive(app, scope, self.body, requests, concurrency, self.expected)


async def measure_cpu(args: argparse.Namespace, url: str, key: str) -> dict[str, list[float]]:
    reads = KeyReads(url)
    results: dict[str, list[float]] = {name: [] for name in TARGETS}
    db_cpu: list[float] = []
    lookups: list[float] = []
    async with Apps(url, key) as apps:
        for name in TARGETS:  # warm up
            await apps.run(name, min(args.requests, 5000), args.concurrency)
        for round_no in range(1, args.rounds + 1):
            for name in TARGETS:
                print(f"  round {round_no}/{args.rounds}: {name}...", file=sys.stderr,
                      flush=True)
                is_key = name == "evaluate (key)"
                before_db = await reads.backend_seconds() if is_key else None
                before_reads = reads.count
                start = time.process_time()
                await apps.run(name, args.requests, args.concurrency)
                results[name].append((time.process_time() - start) / args.requests * 1e6)
                if is_key:
                    lookups.append((reads.count - before_reads) / args.requests)
                    spent = reads.spent(before_db, await reads.backend_seconds())
                    if spent is not None:
                        db_cpu.append(spent / args.requests * 1e6)
    if db_cpu:
        results["database CPU per key request"] = db_cpu
    results["key reads per request"] = lookups
    return results


def report_cpu(args: argparse.Namespace, results: dict[str, list[float]]) -> None:
    med = {name: statistics.median(v) for name, v in results.items()}
    low = {name: min(v) for name, v in results.items()}
    print(f"{'':<20} {'CPU us/request: median':>23} {'min':>7} {'max':>7}")
    for name in TARGETS:
        v = results[name]
        print(f"{name:<20} {med[name]:>23.1f} {low[name]:>7.1f} {max(v):>7.1f}")
    b, b_low = med[TARGETS[0]], low[TARGETS[0]]
    for name in TARGETS[1:]:
        print(f"(b) / {name:<16} = {b / med[name]:.2f} (medians), {b_low / low[name]:.2f} "
              f"(minima)")
    print(f"key reads sent to the database per key-authenticated request: "
          f"{med['key reads per request']:.4f}")
    if "database CPU per key request" in med:
        print(f"PostgreSQL CPU (auth pool backends) per key-authenticated request: "
              f"{med['database CPU per key request']:.1f} us")


def measure_instructions(args: argparse.Namespace, key: str) -> dict[str, float]:
    """Instructions per request of each target, each in its own callgrind process."""
    if shutil.which("valgrind") is None or shutil.which("callgrind_control") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="asb-callgrind-") as tmp:
        for i, name in enumerate(TARGETS):
            print(f"  callgrind: {name} ({args.instructions} requests)...", file=sys.stderr,
                  flush=True)
            done = subprocess.run(
                ["valgrind", "--tool=callgrind", "--instr-atstart=no",
                 f"--callgrind-out-file={tmp}/callgrind.{i}.out", sys.executable, __file__,
                 "--child", name, "--key", key, "--requests", str(args.instructions),
                 "--concurrency", str(args.concurrency)],
                cwd=ROOT, capture_output=True, text=True, check=False,
            )
            found = re.search(r"Collected\s*:\s*(\d+)", done.stderr)
            if done.returncode != 0 or not found:
                raise SystemExit(f"callgrind run of {name} failed:\n{done.stderr[-3000:]}")
            out[name] = int(found.group(1)) / args.instructions
    return out


async def child(args: argparse.Namespace, url: str) -> None:
    """Under callgrind: count instructions only around the measured requests."""

    def instrument(on: bool) -> None:
        subprocess.run(["callgrind_control", f"--instr={'on' if on else 'off'}",
                        str(os.getpid())], check=True, capture_output=True)

    async with Apps(url, args.key) as apps:
        await apps.run(args.child, 500, args.concurrency)  # warm up
        await asyncio.to_thread(instrument, True)
        await apps.run(args.child, args.requests, args.concurrency)
        await asyncio.to_thread(instrument, False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20_000, help="requests per round")
    parser.add_argument("--rounds", type=int, default=7, help="rounds; medians are reported")
    parser.add_argument("--concurrency", type=int, default=50, help="requests in flight")
    parser.add_argument("--single-process-metrics", action="store_true",
                        help="prometheus_client in its single-process mode (as with 1 worker)")
    parser.add_argument("--instructions", type=int, default=0, metavar="N",
                        help="count instructions per request over N requests with callgrind")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--key", help=argparse.SUPPRESS)
    args = parser.parse_args()

    metrics_dir = None
    if not args.single_process_metrics and not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        # As `asb serve --workers 2` does; must be set before prometheus_client is imported.
        metrics_dir = tempfile.TemporaryDirectory(prefix="asb-bench-metrics-")
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = metrics_dir.name

    import uvloop

    from asb_core.db import resolve_database_url
    from asb_core.migrate import upgrade
    from asb_core.settings import Settings

    url = resolve_database_url(Settings())
    if args.child:
        uvloop.run(child(args, url))
        return 0
    upgrade(url)
    key = asyncio.run(prepare_key(url))
    mode = "single-process" if args.single_process_metrics else "multiprocess"
    try:
        if args.instructions:
            counts = measure_instructions(args, key)
        else:
            results = uvloop.run(measure_cpu(args, url, key))
    finally:
        asyncio.run(revoke(url, key))
        if metrics_dir is not None:
            metrics_dir.cleanup()

    print(f"python {platform.python_version()}, {os.cpu_count()} cores, uvloop, "
          f"{args.concurrency} requests in flight, prometheus_client {mode}, "
          f"database {url.split('@')[-1]}")
    if args.instructions:
        print(f"callgrind, {args.instructions} requests each after a warm-up of 500:")
        for name in TARGETS:
            print(f"{name:<20} {counts[name] / 1000:>8.0f} k instructions/request")
        for name in TARGETS[1:]:
            print(f"(b) / {name:<16} = {counts[TARGETS[0]] / counts[name]:.2f}")
    else:
        print(f"{args.requests} requests x {args.rounds} rounds")
        report_cpu(args, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
