"""Run last (moved to the end of the run by tests/reliability/conftest.py): the audit chain of
this run's database verifies with `asb audit verify`, and no restricted identity planted by the
reliability tests appears in anything logged during the whole run, in process or by any server
subprocess.
"""

from __future__ import annotations

from tests.reliability import conftest
from tests.reliability.server import PLANTED, SERVER_LOGS, SERVERS, run_cli


def test_audit_chain_verifies_at_the_end_of_the_suite(database_url):
    done = run_cli(database_url, "audit", "verify", timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "intact" in done.stdout


def test_no_planted_identity_in_any_log_of_the_run():
    for server in SERVERS:
        server.stop()  # flush and close every server's output before reading it
    sources = {"in-process logging": "\n".join(conftest.LOGGED)}
    for log in SERVER_LOGS:
        if log.exists():
            sources[f"server log {log.name}"] = log.read_text(errors="replace")
    assert conftest.LOGGED, "nothing was recorded: the logging hook is not installed"
    leaks = [f"{marker!r} in {where}" for where, body in sources.items()
             for marker in PLANTED if marker in body]
    assert not leaks, "restricted identity in the logs:\n" + "\n".join(leaks)
