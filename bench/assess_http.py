"""Benchmark: `POST /v1/assessments/evaluate` over HTTP against two Litestar baselines.

Starts, on 127.0.0.1 free ports and with the same server settings (Granian, workers, event loop):
- `bench/baseline_app.py`: (a) `GET` answering a fixed JSON body, (b) `POST` of the same request
  body decoded to a dict, answering the same fixed body;
- `asb serve`: the real API against a machine-local database, with a fresh call_handler key
  ("evaluate": the key checked against the database per ASB_KEY_CACHE_SECONDS and worker, see
  asb_core/agencies/key_lookup.py) and an embed token exchanged for it
  ("evaluate (embed)": the embedded page's path, verified without the database).

Then drives each with `wrk -t2 -c50 -d10s --latency` (a C load generator, so the client does not
compete with Python for the two cores), in rounds (a, b, evaluate, a, b, evaluate, ...), and prints
requests/s, p50 and p99 (median over rounds), the ratios to (a) and (b), and the acceptance
check (>= 80% of (b), p99 < 20 ms). Any non-2xx answer fails the run.

Usage: ``python bench/assess_http.py [--workers 1 2] [--rounds 3] [--duration 10]``.
`DATABASE_URL` names the database (default: the embedded PostgreSQL, as `asb serve` does). The
API runs with the per-key rate limit raised, since one key sends every request.
Stops only the processes it started, by PID.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.baseline_app import REQUEST_BODY  # noqa: E402
from bench.harness import BIN, asb, free_port, stop, wait_until_up  # noqa: E402

CONNECTIONS = 50
THREADS = 2


def lua_script(directory: Path, method: str, body: str | None, token: str | None) -> Path:
    lines = [f'wrk.method = "{method}"']
    if body is not None:
        lines.append(f"wrk.body = [==[{body}]==]")
        lines.append('wrk.headers["Content-Type"] = "application/json"')
    if token is not None:
        lines.append(f'wrk.headers["Authorization"] = "Bearer {token}"')
    path = directory / f"{method.lower()}_{secrets.token_hex(3)}.lua"
    path.write_text("\n".join(lines) + "\n")
    return path


_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    m = re.fullmatch(r"([\d.]+)(us|ms|s)", text.strip())
    if not m:
        raise ValueError(f"cannot read latency {text!r}")
    return float(m.group(1)) * _UNITS[m.group(2)]


def run_wrk(url: str, script: Path, duration: int) -> dict[str, float]:
    cmd = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{duration}s", "--latency",
           "-s", str(script), url]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors:.*", out)
    if bad or errors:
        raise SystemExit(f"wrk saw failures against {url}:\n{out}")
    return {"rps": rps, "p50": p50, "p99": p99}


def median_of(results: list[dict[str, float]]) -> dict[str, float]:
    return {k: statistics.median(r[k] for r in results) for k in ("rps", "p50", "p99")}


def bench_workers(workers: int, args: argparse.Namespace, env: dict[str, str], key: str,
                  tmp: Path) -> dict[str, dict[str, float]]:
    base_port, api_port = free_port(), free_port()
    server_env = dict(env, ASB_LOG_LEVEL="WARNING", ASB_RATE_LIMIT_PER_MINUTE="100000000")
    baseline = subprocess.Popen(
        [str(BIN / "granian"), "--interface", "asgi", "--loop", "uvloop", "--workers",
         str(workers), "--host", "127.0.0.1", "--port", str(base_port), "--no-ws",
         "--log-level", "warning", "bench.baseline_app:app"],
        cwd=ROOT, env=server_env, start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    api = subprocess.Popen(
        [str(BIN / "asb"), "serve", "--host", "127.0.0.1", "--port", str(api_port),
         "--workers", str(workers)],
        cwd=ROOT, env=server_env, start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_up(f"http://127.0.0.1:{base_port}/baseline", baseline)
        wait_until_up(f"http://127.0.0.1:{api_port}/health", api)
        check_evaluate(api_port, key)
        embed_token = exchange(api_port, key)
        targets = {
            "(a) baseline GET": (f"http://127.0.0.1:{base_port}/baseline",
                                 lua_script(tmp, "GET", None, None)),
            "(b) baseline POST": (f"http://127.0.0.1:{base_port}/baseline",
                                  lua_script(tmp, "POST", REQUEST_BODY, None)),
            "evaluate": (f"http://127.0.0.1:{api_port}/v1/assessments/evaluate",
                         lua_script(tmp, "POST", REQUEST_BODY, key)),
            "evaluate (embed)": (f"http://127.0.0.1:{api_port}/v1/assessments/evaluate",
                                 lua_script(tmp, "POST", REQUEST_BODY, embed_token)),
        }
        for url, script in targets.values():  # warm up every worker and connection pool
            run_wrk(url, script, 2)
        results: dict[str, list[dict[str, float]]] = {name: [] for name in targets}
        for round_no in range(1, args.rounds + 1):
            for name, (url, script) in targets.items():
                print(f"  workers={workers} round {round_no}/{args.rounds}: {name}...",
                      file=sys.stderr, flush=True)
                results[name].append(run_wrk(url, script, args.duration))
        return {name: median_of(rs) for name, rs in results.items()}
    finally:
        stop(api)
        stop(baseline)


def check_evaluate(port: int, key: str) -> None:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/v1/assessments/evaluate", data=REQUEST_BODY.encode(),
        headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=5) as r:  # noqa: S310 (local URL)
        result = json.load(r)
    print(f"  evaluate answers level {result['level']}, hate_flag {result['hate_flag']}",
          file=sys.stderr)


def exchange(port: int, key: str) -> str:
    """An embed token for `key` (what the embedded page authenticates with)."""
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/v1/embed-tokens", data=b"", method="POST",
        headers={"Authorization": f"Bearer {key}"},
    )
    with urllib.request.urlopen(request, timeout=5) as r:  # noqa: S310 (local URL)
        return json.load(r)["token"]


def report(workers: int, figures: dict[str, dict[str, float]]) -> bool:
    print(f"\nGranian, {workers} worker(s), uvloop; wrk -t{THREADS} -c{CONNECTIONS}")
    print(f"{'':<20} {'requests/s':>11} {'p50 ms':>8} {'p99 ms':>8}")
    for name, f in figures.items():
        print(f"{name:<20} {f['rps']:>11.0f} {f['p50']:>8.2f} {f['p99']:>8.2f}")
    a, b = figures["(a) baseline GET"], figures["(b) baseline POST"]
    ok = True
    for name in ("evaluate", "evaluate (embed)"):
        ev = figures[name]
        ratio_a, ratio_b = ev["rps"] / a["rps"], ev["rps"] / b["rps"]
        passed = ratio_b >= 0.8 and ev["p99"] < 20.0
        ok &= passed
        print(f"{name:<17} / (a) = {ratio_a:.2f}   / (b) = {ratio_b:.2f}   acceptance "
              f"(>= 0.80 x (b), p99 < 20 ms): {'PASS' if passed else 'FAIL'}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2],
                        help="server worker counts to measure (default: 1 2)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds; medians are reported")
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (Debian: apt-get install wrk)")

    env = dict(os.environ)
    env.setdefault("ASB_SECRET_KEY", secrets.token_urlsafe(32))
    slug = f"bench-{secrets.token_hex(4)}"
    print("preparing the database and a call_handler key...", file=sys.stderr, flush=True)
    if not env.get("DATABASE_URL"):
        # The embedded server, held by this process for the run (as `asb serve` would start it).
        from asb_core.db import resolve_database_url
        from asb_core.settings import Settings

        env["DATABASE_URL"] = resolve_database_url(Settings())
    asb(["db", "upgrade"], env)
    asb(["agency", "add", slug, "--name", "Benchmark", "--kind", "police",
         "--areas", "fenland"], env)
    key = asb(["key", "issue", "--agency", slug, "--role", "call_handler",
               "--label", "bench/assess_http.py"], env).strip().splitlines()[-1]
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, "
          f"database {env['DATABASE_URL'].split('@')[-1]}")
    all_ok = True
    try:
        with tempfile.TemporaryDirectory(prefix="asb-bench-") as tmp:
            for workers in args.workers:
                all_ok &= report(workers, bench_workers(workers, args, env, key, Path(tmp)))
    finally:
        asb(["key", "revoke", key], env)
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
