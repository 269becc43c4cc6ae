"""schemathesis against a running `asb serve`: every operation in openapi.yaml, a bounded number
of examples, as a caseworker of a member agency with a seeded case (every `{case_id}` is that
case, so the write paths are really exercised). No 5xx, and every response conforms.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.reliability.server import (
    ARTIFACTS,
    ROOT,
    ServerProcess,
    bearer,
    committed_keys,
    unique_slug,
    victim,
)

pytestmark = pytest.mark.slow

ST = str(Path(sys.executable).parent / "st")
MAX_EXAMPLES = 12
MAX_TIME = 120  # seconds for the whole schemathesis run
SEED = 20110101


async def test_schemathesis_finds_no_server_errors_and_no_contract_breaks(
    database_url, engine, tmp_path
):
    slug = unique_slug("st-council")
    other = unique_slug("st-housing")
    keys = await committed_keys(engine, {slug: ("council", ["caseworker"]),
                                         other: ("housing_provider", ["caseworker"])})
    key = keys[(slug, "caseworker")]
    # Limits high enough that fuzzing is not throttled into 429s (those are tested elsewhere).
    server = ServerProcess(database_url, "schemathesis", env={
        "ASB_RATE_LIMIT_PER_MINUTE": "100000", "ASB_BAD_KEY_LIMIT": "100000"}).start()
    try:
        async with httpx.AsyncClient(base_url=server.base_url, headers=bearer(key)) as c:
            r = await c.post("/v1/cases", json={
                "area": "fenland", "answers": {"repeat": True}, "consent": {"state": "given"},
                "victim": victim()})
            assert r.status_code == 201, r.text
            cid = r.json()["id"]
        config = tmp_path / "schemathesis.toml"
        config.write_text(f'[parameters]\n"path.case_id" = "{cid}"\n"path.agency" = "{other}"\n')
        report = ARTIFACTS / "schemathesis-junit.xml"
        cmd = [
            ST, "--config-file", str(config), "run", f"{server.base_url}/openapi.yaml",
            "--checks", "not_a_server_error,response_schema_conformance",
            "--max-examples", str(MAX_EXAMPLES), "--max-time", str(MAX_TIME),
            "--seed", str(SEED), "--workers", "2", "--request-timeout", "20",
            "--header", f"Authorization: Bearer {key}",
            "--report", "junit", "--report-junit-path", str(report),
            "--no-color",
        ]
        done = await asyncio.to_thread(
            subprocess.run, cmd, cwd=ROOT, capture_output=True, text=True,
            timeout=MAX_TIME + 90, check=False)
    finally:
        server.stop()
    output = done.stdout + done.stderr
    (ARTIFACTS / f"schemathesis-{server.port}.txt").write_text(output)  # one per run
    assert done.returncode == 0, output[-6000:] + "\n--- server log ---\n" + server.tail()
