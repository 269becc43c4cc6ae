"""Helpers for reliability tests that need a real server process: `asb serve` on a free
127.0.0.1 port against the per-run database, its output kept under `artifacts/reliability/` (the
identity-leak check reads every such log at the end of the suite), stopped by its PID only.

Also: committed agencies and keys for those tests (the server is another process, so the
rolled-back `session` fixture cannot be used), and the `asb` CLI run as a subprocess.
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "reliability"
ASB = str(Path(sys.executable).parent / "asb")
# Every server log written during this run (read by the identity-leak log check).
SERVER_LOGS: list[Path] = []
SERVERS: list[ServerProcess] = []
# Restricted identity planted in complainants by the reliability tests: it must never appear
# in any log (tests/reliability/test_zz_final.py). Tests add the markers they plant.
_TAG = secrets.token_hex(4)
MARKER_NAME = f"Quenby Marchbanks-{_TAG}"
MARKER_PHONE = f"07700 8{int(_TAG, 16) % 100000:05d}"
PLANTED: set[str] = {MARKER_NAME, MARKER_PHONE}


def victim(role: str = "complainant") -> dict:
    """A victim body carrying this run's identity markers."""
    return {"role": role, "name": MARKER_NAME, "phone": MARKER_PHONE}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_env(database_url: str, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    env.update(
        DATABASE_URL=database_url,
        ASB_WORKERS="1",
        ASB_SECRET_KEY=secrets.token_urlsafe(32),
        ASB_LOG_LEVEL="INFO",
        # This checkout's packages, whichever checkout the tests run from.
        PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p),
    )
    env.update(extra)
    return env


def run_cli(database_url: str, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    """`asb ARGS` against `database_url`; output captured."""
    return subprocess.run(
        [ASB, *args], env=server_env(database_url), cwd=ROOT, capture_output=True, text=True,
        timeout=timeout, check=False,
    )


class ServerProcess:
    """One `asb serve` process group. `start()` waits for /ready; `kill()` is `kill -9`."""

    def __init__(self, database_url: str, name: str, *, port: int | None = None,
                 env: dict[str, str] | None = None, workers: int = 1) -> None:
        self.database_url = database_url
        self.port = port or free_port()
        self.env = server_env(database_url, **(env or {}))
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.log = ARTIFACTS / f"{name}-{os.getpid()}-{self.port}.log"
        SERVER_LOGS.append(self.log)
        SERVERS.append(self)
        self.proc: subprocess.Popen | None = None
        self.workers = workers

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60) -> ServerProcess:
        with open(self.log, "ab") as out:
            self.proc = subprocess.Popen(
                [ASB, "serve", "--host", "127.0.0.1", "--port", str(self.port),
                 "--workers", str(self.workers)],
                env=self.env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.wait_ready(timeout)
        return self

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while True:
            assert self.proc is not None
            if self.proc.poll() is not None:
                raise RuntimeError(f"asb serve exited {self.proc.returncode}:\n{self.tail()}")
            try:
                if httpx.get(f"{self.base_url}/ready", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"asb serve did not become ready:\n{self.tail()}")
            time.sleep(0.1)

    def tail(self, chars: int = 3000) -> str:
        try:
            return self.log.read_text(errors="replace")[-chars:]
        except OSError:
            return ""

    def pids(self) -> list[int]:
        """The server's process and its children (granian workers)."""
        if self.proc is None:
            return []
        pids = [self.proc.pid]
        try:
            out = subprocess.run(["pgrep", "-g", str(self.proc.pid)], capture_output=True,
                                 text=True, check=False).stdout
            pids += [int(p) for p in out.split() if int(p) != self.proc.pid]
        except (OSError, ValueError):
            pass
        return pids

    def rss_bytes(self) -> int:
        """Resident memory of the whole process group, from /proc."""
        total = 0
        for pid in self.pids():
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            except OSError:
                continue
        return total

    def kill(self) -> None:
        """`kill -9` the whole process group (our own: started with a new session)."""
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=30)

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        os.killpg(self.proc.pid, signal.SIGINT)
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=30)

    def __enter__(self) -> ServerProcess:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


async def committed_keys(engine, roles_by_agency: dict[str, tuple[str, list[str]]]) -> dict:
    """Create agencies (slug -> (kind, roles)) and one key per role, committed.

    Returns {(slug, role): key}. Slugs should be unique per test (use `unique_slug`).
    """
    from sqlalchemy.ext.asyncio import AsyncSession

    from asb_core.actor import Actor
    from asb_core.agencies.service import add_agency, issue_key

    keys: dict[tuple[str, str], str] = {}
    async with AsyncSession(engine, expire_on_commit=False) as session, session.begin():
        for slug, (kind, roles) in roles_by_agency.items():
            await add_agency(session, Actor.system(), slug, slug.title(), kind, ["fenland"])
            for role in roles:
                _, keys[(slug, role)] = await issue_key(session, Actor.system(), slug, role)
    return keys


def unique_slug(prefix: str) -> str:
    return f"{prefix}-{secrets.token_hex(3)}"


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


async def open_case(client: httpx.AsyncClient, **headers: str) -> str:
    """Open a case (fenland, consent given, a victim with this run's markers); its id."""
    r = await client.post("/v1/cases", headers=headers, json={
        "area": "fenland", "answers": {"repeat": True}, "consent": {"state": "given"},
        "victim": victim()})
    assert r.status_code == 201, r.text
    return r.json()["id"]
