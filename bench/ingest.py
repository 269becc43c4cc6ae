"""Benchmark: diary entries per second through `POST /v1/cases/{id}/diary-entries` at 50
concurrent clients, against a baseline measured in the same run.

Every request is the full write path: authentication, the case row lock, the Idempotency-Key
claim, the entry and its incident, the fold into the running escalation state, flags, the
level raised on a critical incident (targets recomputed), the victim-update target restarted, the
timeline event (and its webhook trigger) and the audit event on the case's hash chain.

The baseline is `bench/baseline_insert_app.py` `POST /insert`: a minimal Litestar app that
decodes the same JSON body and inserts one row per request through the same driver (asyncpg),
engine and pool settings, served by the same Granian workers with uvloop.

Load: `wrk` (C, so the client does not compete with Python for the cores) with a Lua script:
`-c50` connections, each request to a random open case of the seeded agency (an `integration`
key, as a housing provider's system would push diary sheets), a unique Idempotency-Key per
request and a realistic mix of categories (about 1 in 60 critical, which raises the level).
Rounds alternate baseline, API, baseline, API...; the medians are reported with the ratio.
`--batch N` adds a third kind of round: `POST /v1/cases/{id}/diary-entry-batches` with N entries
per request (each with its own Idempotency-Key, the same bodies and mix), reported in entries per
second against the single-entry API rounds of the same run (the batch rounds at
`--batch-connections`, 8 by default: a syncing system sends a few batches at a time).
`--profile` samples the API workers with py-spy during one extra round and prints where the
time goes.

Needs a database loaded by `bench/seed_scale.py` (any scale):
``DATABASE_URL=postgresql://postgres@127.0.0.1:5432/asb_scale python bench/ingest.py``
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import harness  # noqa: E402

TARGET_RATIO = 0.45
BATCH_TARGET = 3.0
CATEGORIES = ["noise"] * 20 + ["rowdy_behaviour"] * 10 + ["verbal_abuse"] * 6 + \
    ["litter"] * 4 + ["intimidation"] * 4 + ["animal_nuisance"] * 4 + \
    ["vehicle_nuisance"] * 4 + ["drug_or_alcohol"] * 4 + ["harassment"] * 3 + \
    ["criminal_damage"] * 2 + ["threats"]
BODY = ('{"started_at":"%s","duration_minutes":45,"location":"Stairwell",'
        '"what_happened":"Loud music and shouting from the flat above until 3am.",'
        '"effect_on_victim":"Could not sleep","category":"%s","victim_feels_targeted":false,'
        '"source_system":"bench-ingest"}')
LUA = r"""
local cases = {%(cases)s}
local cats = {%(cats)s}
local counter = 0
local nthreads = 0
function setup(thread)
  thread:set("tid", nthreads)
  nthreads = nthreads + 1
end
local run = "r"
function init(args)
  math.randomseed(7919 + tid)
  run = args[1] or "r"
end
local batch = %(batch)d
function request()
  counter = counter + 1
  local case = cases[math.random(#cases)]
  local body = string.format('%(body)s', cats[math.random(#cats)])
  local path = "%(path)s"
  if batch > 0 then
    local items = {}
    for i = 1, batch do
      items[i] = '{"idempotency_key":"%(prefix)s-' .. run .. '-' .. tid .. '-' .. counter ..
        '-' .. i .. '","entry":' .. string.format('%(body)s', cats[math.random(#cats)]) .. '}'
    end
    return wrk.format("POST", "/v1/cases/" .. case .. "/diary-entry-batches", {
      ["Content-Type"] = "application/json",
      ["Authorization"] = "Bearer %(key)s",
    }, '{"items":[' .. table.concat(items, ",") .. ']}')
  end
  if path == "" then path = "/v1/cases/" .. case .. "/diary-entries" end
  return wrk.format("POST", path, {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer %(key)s",
    ["Idempotency-Key"] = "%(prefix)s-" .. run .. "-" .. tid .. "-" .. counter,
  }, body)
end
"""


def lua_script(directory: Path, cases: list[str], key: str, path: str, started: str,
               batch: int = 0) -> Path:
    body = (BODY % (started, "%s")).replace("'", "\\'")
    text = LUA % {
        "cases": ", ".join(f'"{c}"' for c in cases),
        "cats": ", ".join(f'"{c}"' for c in CATEGORIES),
        "body": body, "path": path, "key": key, "prefix": secrets.token_hex(6),
        "batch": batch,
    }
    script = directory / f"ingest_{secrets.token_hex(4)}.lua"
    script.write_text(text)
    return script


class WrkFailed(Exception):
    pass


_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    m = re.fullmatch(r"([\d.]+)(us|ms|s)", text.strip())
    if not m:
        raise ValueError(f"cannot read latency {text!r}")
    return float(m.group(1)) * _UNITS[m.group(2)]


def run_wrk(url: str, script: Path, duration: int, connections: int, threads: int
            ) -> dict[str, float]:
    cmd = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency",
           "--timeout", "10s", "-s", str(script), url, "--", secrets.token_hex(4)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors:.*", out)
    if bad or errors:
        raise WrkFailed(f"wrk saw failures against {url}:\n{out}")
    return {"rps": rps, "p50": p50, "p99": p99, "requests": total}


async def pick_cases(url: str, agency: str, count: int) -> tuple[list[str], str]:
    import asyncpg

    conn = await asyncpg.connect(harness.plain_url(url))
    try:
        rows = await conn.fetch(
            """
            SELECT c.id::text FROM case_members m
            JOIN agencies a ON a.id = m.agency_id AND a.slug = $1
            JOIN cases c ON c.id = m.case_id AND c.status <> 'closed'
            ORDER BY c.id LIMIT $2
            """, agency, count)
        now = await conn.fetchval("SELECT to_char((now() - interval '2 hours') AT TIME ZONE 'UTC', "
                                  "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')")
    finally:
        await conn.close()
    return [r[0] for r in rows], now


async def backend_pids(url: str) -> list[int]:
    """PostgreSQL backends connected to the benchmark database (the servers' pools)."""
    import asyncpg

    conn = await asyncpg.connect(harness.plain_url(url))
    try:
        rows = await conn.fetch("SELECT pid FROM pg_stat_activity WHERE datname = "
                                "current_database() AND pid <> pg_backend_pid()")
    finally:
        await conn.close()
    return [r[0] for r in rows]


def measured_round(name: str, proc, url: str, db_url: str, script: Path,
                   args: argparse.Namespace) -> dict[str, float]:
    """One wrk run, with the CPU the server's processes and the database backends spent."""
    pids = asyncio.run(backend_pids(db_url))
    cpu0, db0 = harness.group_cpu_seconds(proc.pid), harness.pids_cpu_seconds(pids)
    connections = args.batch_connections if name == "batch" else args.connections
    result = run_wrk(url, script, args.duration, connections, args.threads)
    cpu1, db1 = harness.group_cpu_seconds(proc.pid), harness.pids_cpu_seconds(pids)
    n = max(result["requests"], 1)
    result["app_cpu_ms"] = (cpu1 - cpu0) * 1000 / n
    result["db_cpu_ms"] = (db1 - db0) * 1000 / n
    return result


async def counts(url: str) -> dict[str, int]:
    import asyncpg

    conn = await asyncpg.connect(harness.plain_url(url))
    try:
        return {t: await conn.fetchval(f"SELECT count(*) FROM {t}")  # noqa: S608 (fixed names)
                for t in ("diary_entries", "incidents", "audit_events", "case_events")}
    finally:
        await conn.close()


def profile_round(api_pid: int, url: str, script: Path, args: argparse.Namespace) -> None:
    """Sample the API workers with py-spy while wrk runs; print the heaviest frames."""
    spy = shutil.which("py-spy") or str(harness.BIN / "py-spy")
    if not Path(spy).exists():
        print("py-spy not installed (pip install py-spy): no profile")
        return
    with tempfile.NamedTemporaryFile(suffix=".txt", delete=False) as f:
        out = Path(f.name)
    rec = subprocess.Popen([spy, "record", "--pid", str(api_pid), "--subprocesses",
                            "--duration", str(args.duration), "--rate", "200", "--format", "raw",
                            "--output", str(out), "--nonblocking"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    run_wrk(url, script, args.duration, args.connections, args.threads)
    rec.wait()
    inclusive: collections.Counter[str] = collections.Counter()
    leaf: collections.Counter[str] = collections.Counter()
    total = 0
    for line in out.read_text().splitlines():
        stack, _, n = line.rpartition(" ")
        if not n.isdigit():
            continue
        frames = stack.split(";")
        total += int(n)
        leaf[_short(frames[-1])] += int(n)
        for name in {_group(fr) for fr in frames}:
            inclusive[name] += int(n)
    if args.profile_out:
        out.replace(args.profile_out)
    else:
        out.unlink()
    if not total:
        print("py-spy recorded nothing")
        return
    print(f"\npy-spy: {total} samples over the API workers")
    print("  inclusive share by layer/function:")
    for name, n in inclusive.most_common(30):
        if name:
            print(f"    {n / total * 100:5.1f}%  {name}")
    print("  top self (leaf) frames:")
    for name, n in leaf.most_common(15):
        print(f"    {n / total * 100:5.1f}%  {name}")


def _short(frame: str) -> str:
    m = re.match(r"(.*) \((.*):(\d+)\)", frame)
    if not m:
        return frame
    func, path, _ = m.groups()
    return f"{func} ({'/'.join(Path(path).parts[-2:])})"


def _group(frame: str) -> str:
    """Coarse buckets for the inclusive view: our functions by name, libraries by package."""
    m = re.match(r"(.*) \((.*):(\d+)\)", frame)
    if not m:
        return ""
    func, path, _ = m.groups()
    for ours in ("asb_core/", "asb_api/", "harm_model/"):
        if ours in path:
            return f"{ours}{Path(path).name}:{func}"
    for lib in ("sqlalchemy", "asyncpg", "litestar", "pydantic", "msgspec", "uvloop", "json"):
        if f"/{lib}/" in path:
            return f"[{lib}]"
    return ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--pool-size", type=int, default=4)
    parser.add_argument("--max-overflow", type=int, default=0)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--duration", type=int, default=15, help="seconds per wrk run")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--cases", type=int, default=2000,
                        help="how many of the agency's open cases receive entries")
    parser.add_argument("--profile", action="store_true", help="py-spy the API in one more round")
    parser.add_argument("--profile-out", type=Path, default=None,
                        help="keep py-spy's raw (collapsed) stacks in this file")
    parser.add_argument("--batch", type=int, default=0,
                        help="also measure the batch endpoint with this many entries a request")
    # A system syncing diary sheets sends a few batches at a time, not fifty: at -c50 with 100
    # entries each, requests queue for the pool's 8 connections past ASB_DB_TIMEOUT and are
    # (rightly) answered 503, which measures the overload answer rather than the endpoint.
    parser.add_argument("--batch-connections", type=int, default=8,
                        help="wrk connections for the batch rounds")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (Debian: apt-get install wrk)")
    url = os.environ.get("DATABASE_URL")
    if not url:
        raise SystemExit("set DATABASE_URL to the database bench/seed_scale.py loaded")

    info = harness.seed_info(url)
    env = dict(os.environ, **harness.production_env(args.workers, args.pool_size,
                                                    args.max_overflow))
    agency = info["bench_agency"]
    cases, started = asyncio.run(pick_cases(url, agency, args.cases))
    if not cases:
        raise SystemExit(f"no open cases for {agency}")
    key = harness.issue_key(env, agency, "integration", "bench/ingest.py")
    print(harness.machine(url))
    print(f"seed: {info['cases']:,} cases, {info['entries']:,} diary entries; integration key "
          f"of {agency}; entries spread over {len(cases):,} of its open cases")
    print(f"server: Granian, {args.workers} worker(s), uvloop, pool {args.pool_size}+"
          f"{args.max_overflow} per worker; load: wrk -t{args.threads} -c{args.connections} "
          f"-d{args.duration}s x {args.rounds} rounds (same machine)")
    api_port, base_port = harness.free_port(), harness.free_port()
    api = harness.start_api(env, api_port, args.workers)
    base = harness.start_baseline(env, base_port, args.workers)
    try:
        harness.wait_until_up(f"http://127.0.0.1:{api_port}/health", api)
        harness.wait_until_up(f"http://127.0.0.1:{base_port}/select1", base)
        with tempfile.TemporaryDirectory(prefix="asb-ingest-") as tmp:
            api_script = lua_script(Path(tmp), cases, key, "", started)
            base_script = lua_script(Path(tmp), cases, key, "/insert", started)
            batch_script = lua_script(Path(tmp), cases, key, "", started, args.batch)
            api_url, base_url = f"http://127.0.0.1:{api_port}", f"http://127.0.0.1:{base_port}"
            run_wrk(base_url, base_script, 3, args.connections, args.threads)  # warm up
            run_wrk(api_url, api_script, 3, args.connections, args.threads)
            before = asyncio.run(counts(url))
            results: dict[str, list[dict[str, float]]] = {"baseline": [], "api": []}
            kinds = [("baseline", base, base_url, base_script), ("api", api, api_url, api_script)]
            if args.batch:
                results["batch"] = []
                kinds.append(("batch", api, api_url, batch_script))
                run_wrk(api_url, batch_script, 3, args.batch_connections, args.threads)
            for r in range(1, args.rounds + 1):
                for name, proc, u, s in kinds:
                    print(f"  round {r}/{args.rounds}: {name}...", file=sys.stderr, flush=True)
                    results[name].append(measured_round(name, proc, u, url, s, args))
            after = asyncio.run(counts(url))
            sent = sum(x["requests"] for x in results["api"])
            sent_batched = sum(x["requests"] for x in results.get("batch", [])) * args.batch
            keys = ("rps", "p50", "p99", "app_cpu_ms", "db_cpu_ms")
            med = {n: {k: statistics.median(x[k] for x in rs) for k in keys}
                   for n, rs in results.items()}
            print(f"\n{'':<34} {'per s':>8} {'p50 ms':>8} {'p99 ms':>8} {'app CPU':>8} "
                  f"{'DB CPU':>7}   rounds (per s)")
            labels = {"baseline": "baseline: insert one row (POST)",
                      "api": "diary entries (full write path)",
                      "batch": f"batches of {args.batch} (requests)"}
            for n in results:
                m = med[n]
                each = ", ".join(f"{x['rps']:.0f}" for x in results[n])
                print(f"{labels[n]:<34} {m['rps']:>8.0f} {m['p50']:>8.2f} {m['p99']:>8.2f} "
                      f"{m['app_cpu_ms']:>8.2f} {m['db_cpu_ms']:>7.2f}   {each}")
            print("(app CPU / DB CPU: milliseconds of CPU per request spent by the server's "
                  "processes and by the PostgreSQL backends of its pool)")
            ratio = med["api"]["rps"] / med["baseline"]["rps"]
            print(f"ratio diary entries / baseline = {ratio:.2f}  (target >= {TARGET_RATIO:.2f}: "
                  f"{'PASS' if ratio >= TARGET_RATIO else 'MISS'})")
            if args.batch:
                per_s = med["batch"]["rps"] * args.batch
                print(f"batch endpoint: {per_s:.0f} entries/s = {per_s / med['api']['rps']:.2f} x "
                      f"the single-entry entries/s (target >= {BATCH_TARGET:.1f})")
            print(f"rows written during the measured API rounds: "
                  f"{after['diary_entries'] - before['diary_entries']:,} diary entries, "
                  f"{after['incidents'] - before['incidents']:,} incidents, "
                  f"{after['case_events'] - before['case_events']:,} timeline events, "
                  f"{after['audit_events'] - before['audit_events']:,} audit events "
                  f"(wrk counted {sent:,} single answers and {sent_batched:,} batched entries, "
                  "all 2xx; requests in flight when it stopped complete too)")
            if args.profile:
                profile_round(api.pid, api_url, api_script, args)
    except WrkFailed as exc:
        print(exc)
        print("--- API log ---\n" + harness.log_tail(api))
        print("--- baseline log ---\n" + harness.log_tail(base))
        return 2
    finally:
        harness.stop(api)
        harness.stop(base)
        harness.asb(["key", "revoke", key], env)
    return 0 if ratio >= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
