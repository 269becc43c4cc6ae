"""Contract-test fixtures: `api`, a client whose every exchange is checked against openapi.yaml.

At the end of the session the operations exercised (method, path template, statuses seen) are
written to `artifacts/exercised_operations.json`; `test_zz_all_operations_exercised.py` is moved
to the end of the run so that it sees every other test's calls.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.contract.openapi_validation import ContractClient, dump_report

ARTIFACT = Path(__file__).resolve().parents[2] / "artifacts" / "exercised_operations.json"
LAST_MODULE = "test_zz_all_operations_exercised.py"

# Names of the contract test modules collected in this session (to tell a full run from a
# partial one).
COLLECTED_MODULES: set[str] = set()


@pytest.fixture
def api(client) -> ContractClient:
    """The `client` fixture (the real app over ASGI, rolled-back transaction), contract-checked."""
    return ContractClient(client)


def pytest_collection_modifyitems(session, config, items):
    here = Path(__file__).resolve().parent
    for item in items:
        path = Path(str(item.fspath)).resolve()
        if path.parent == here:
            COLLECTED_MODULES.add(path.name)
    last = [i for i in items if Path(str(i.fspath)).name == LAST_MODULE]
    if last:
        items[:] = [i for i in items if Path(str(i.fspath)).name != LAST_MODULE] + last


def pytest_sessionfinish(session, exitstatus):
    if COLLECTED_MODULES:
        dump_report(ARTIFACT)
