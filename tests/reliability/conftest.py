"""Reliability fixtures: a record of everything logged in-process during the whole run, a shared
`asb serve` subprocess, and `test_zz_final.py` moved to the very end of the run.

The log record: every `LogRecord` any logger hands to its handlers from the moment this conftest
is imported (collection, before any test runs) is formatted (with its traceback) and kept in
`LOGGED`. It hooks `logging.Logger.callHandlers` rather than adding a root handler, because each
Litestar app re-applies its logging config (`dictConfig`), which would remove a root handler.
`test_zz_final.py` greps it, and every server subprocess log, for the planted identity markers.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from tests.reliability.server import ServerProcess, committed_keys, unique_slug

LOGGED: list[str] = []
# Everything a webhook or export sent, collected by tests (webhook receivers, stats bodies).
SENT_PAYLOADS: list[str] = []
_FORMAT = logging.Formatter("%(name)s %(levelname)s %(message)s")
_original_call_handlers = logging.Logger.callHandlers


def _recording_call_handlers(self: logging.Logger, record: logging.LogRecord) -> None:
    try:
        LOGGED.append(_FORMAT.format(record))
    except Exception:  # noqa: BLE001 - a bad format string must not break the code under test
        LOGGED.append(f"{record.name} {record.levelname} {record.msg!r} {record.args!r}")
    _original_call_handlers(self, record)


if logging.Logger.callHandlers is _original_call_handlers:
    logging.Logger.callHandlers = _recording_call_handlers  # type: ignore[method-assign]

FINAL_MODULE = "test_zz_final.py"


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(session, config, items):
    """Run the final checks (audit chain, logs grep) after every other test of the run."""
    final = [i for i in items if Path(str(i.fspath)).name == FINAL_MODULE]
    if final:
        items[:] = [i for i in items if Path(str(i.fspath)).name != FINAL_MODULE] + final


@pytest.fixture
def api(client):
    """The in-process app (rolled-back transaction), every exchange checked against the
    contract (as tests/contract's fixture of the same name)."""
    from tests.contract.openapi_validation import ContractClient

    return ContractClient(client)


@pytest.fixture(scope="session")
def shared_server(database_url):
    """One `asb serve` for the reliability tests that only need a running server."""
    server = ServerProcess(database_url, "shared").start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
async def area(engine):
    """A committed member agency (council) and a non-member one, with a key for every role."""
    from asb_core.agencies.models import ROLES

    member, other = unique_slug("rel-council"), unique_slug("rel-stranger")
    keys = await committed_keys(engine, {
        member: ("council", list(ROLES)),
        other: ("council", list(ROLES)),
    })
    return {"member": member, "other": other, "keys": keys}
