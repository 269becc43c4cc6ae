"""Shared plumbing for the scale benchmarks (`queries.py`, `ingest.py`): the production server
settings, starting and stopping `asb serve` and the baseline app (by PID, in their own process
groups), issuing a key, reading what `seed_scale.py` recorded, describing the machine.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import platform
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def production_env(workers: int, pool_size: int, max_overflow: int) -> dict[str, str]:
    """What README "Deployment" recommends; one key sends every request, so its rate limit is
    raised (the limit is per key and per worker: a real client would have its own budget)."""
    return {
        "ASB_WORKERS": str(workers),
        "ASB_DB_POOL_SIZE": str(pool_size),
        "ASB_DB_MAX_OVERFLOW": str(max_overflow),
        "ASB_LOG_LEVEL": "WARNING",
        "ASB_RATE_LIMIT_PER_MINUTE": "100000000",
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, proc: subprocess.Popen, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode} before answering {url}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:  # noqa: S310 (local URL)
                if r.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        time.sleep(0.2)
    raise SystemExit(f"{url} did not come up in {timeout:.0f} s")


def stop(proc: subprocess.Popen) -> None:
    """Stop a server this script started (its own process group, by PID)."""
    if proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGINT)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def asb(args: list[str], env: dict[str, str]) -> str:
    out = subprocess.run([str(BIN / "asb"), *args], env=env, cwd=ROOT, check=True,
                         capture_output=True, text=True)
    return out.stdout


def issue_key(env: dict[str, str], agency: str, role: str, label: str) -> str:
    return asb(["key", "issue", "--agency", agency, "--role", role, "--label", label],
               env).strip().splitlines()[-1]


def _log(name: str, port: int):
    """Servers log to a file in the temp dir (printed by `log_tail` when something fails)."""
    path = Path(tempfile.gettempdir()) / f"asb-bench-{name}-{port}.log"
    return path.open("w")


def log_tail(proc: subprocess.Popen, lines: int = 40) -> str:
    path = getattr(proc, "log_path", None)
    if path is None or not Path(path).exists():
        return ""
    return "\n".join(Path(path).read_text(errors="replace").splitlines()[-lines:])


def start_api(env: dict[str, str], port: int, workers: int) -> subprocess.Popen:
    log = _log("api", port)
    proc = subprocess.Popen(
        [str(BIN / "asb"), "serve", "--host", "127.0.0.1", "--port", str(port),
         "--workers", str(workers)],
        cwd=ROOT, env=env, start_new_session=True, stdout=log, stderr=subprocess.STDOUT,
    )
    proc.log_path = log.name  # type: ignore[attr-defined]
    return proc


def start_baseline(env: dict[str, str], port: int, workers: int) -> subprocess.Popen:
    """`bench/baseline_insert_app.py` on the same server, workers and event loop as the API."""
    log = _log("baseline", port)
    proc = subprocess.Popen(
        [str(BIN / "granian"), "--interface", "asgi", "--loop", "uvloop", "--workers",
         str(workers), "--host", "127.0.0.1", "--port", str(port), "--no-ws",
         "--log-level", "warning", "--factory", "bench.baseline_insert_app:create_app"],
        cwd=ROOT, env=env, start_new_session=True, stdout=log, stderr=subprocess.STDOUT,
    )
    proc.log_path = log.name  # type: ignore[attr-defined]
    return proc


def plain_url(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


def seed_info(url: str) -> dict:
    import json

    import asyncpg

    async def fetch() -> dict:
        conn = await asyncpg.connect(plain_url(url))
        try:
            if not await conn.fetchval("SELECT to_regclass('bench_seed') IS NOT NULL"):
                raise SystemExit("no bench_seed table: run bench/seed_scale.py on this database")
            return json.loads(await conn.fetchval("SELECT value FROM bench_seed WHERE key='info'"))
        finally:
            await conn.close()

    return asyncio.run(fetch())


def machine(url: str) -> str:
    import asyncpg

    async def pg() -> tuple[str, str]:
        conn = await asyncpg.connect(plain_url(url))
        try:
            return (await conn.fetchval("SHOW server_version"),
                    await conn.fetchval("SHOW shared_buffers"))
        finally:
            await conn.close()

    version, buffers = asyncio.run(pg())
    mem = "?"
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB"
    cpu = "?"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return (f"{os.cpu_count()} CPUs ({cpu}), {mem} RAM, Python {platform.python_version()}, "
            f"PostgreSQL {version} (shared_buffers {buffers}) on the same machine")


def group_cpu_seconds(pgid: int) -> float:
    """User + system CPU seconds of every live process in process group `pgid` (Linux)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # After the command: state ppid pgrp ... utime(12) stime(13), counted from state = 0.
        if int(fields[2]) == pgid:
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def pids_cpu_seconds(pids: list[int]) -> float:
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick
    return total


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]
