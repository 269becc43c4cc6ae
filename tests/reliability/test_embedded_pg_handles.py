"""Issue 15, break 9: after a `kill -9`, the embedded PostgreSQL no longer outlives every later
clean shutdown.

The wheel keeps the PIDs of the processes using the server in `.handle_pids.json` and stops the
server when the last of them exits cleanly. A process killed with SIGKILL never took itself off,
so its dead PID stayed for ever and no clean shutdown ever stopped the server again. Here, as
it happened: an `asb` process with the embedded server is killed with SIGKILL; a later process
starts on the same data directory and exits cleanly; the server must be stopped and the list
empty. The server is this test's own (a temporary data directory), stopped by its own PID.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
HOLD = ("import sys, time\nfrom asb_core.embedded_pg import start_embedded\n"
        "print(start_embedded(sys.argv[1]), flush=True)\ntime.sleep(600)\n")
START_AND_STOP = ("import sys\nfrom asb_core.embedded_pg import start_embedded, stop_embedded\n"
                  "start_embedded(sys.argv[1])\nstop_embedded()\n")


def _postmaster(pgdata: Path) -> int | None:
    pid_file = pgdata / "postmaster.pid"
    return int(pid_file.read_text().split()[0]) if pid_file.exists() else None


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])}


def test_a_killed_process_does_not_keep_the_embedded_server_alive(tmp_path):
    pgdata = tmp_path / "pg"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(tmp_path)], env=_env(),
                              stdout=subprocess.PIPE, text=True)
    postmaster = None
    try:
        assert holder.stdout.readline().startswith("postgresql+asyncpg://")
        postmaster = _postmaster(pgdata)
        assert postmaster is not None and psutil.pid_exists(postmaster)
        assert json.loads((pgdata / ".handle_pids.json").read_text()) == [holder.pid]

        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=30)
        assert psutil.pid_exists(postmaster), "the server went with the killed process"

        done = subprocess.run([sys.executable, "-c", START_AND_STOP, str(tmp_path)],
                              env=_env(), capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        deadline = time.monotonic() + 30
        while psutil.pid_exists(postmaster) and \
                psutil.Process(postmaster).status() != psutil.STATUS_ZOMBIE:
            assert time.monotonic() < deadline, "the server outlived the last clean shutdown"
            time.sleep(0.1)
        assert json.loads((pgdata / ".handle_pids.json").read_text()) == []
        postmaster = None
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
        if postmaster is not None and psutil.pid_exists(postmaster):
            os.kill(postmaster, signal.SIGINT)  # PostgreSQL's fast shutdown, our own server
