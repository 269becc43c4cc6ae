"""Runs last (the contract conftest moves it to the end of the session): every operation in
openapi.yaml was exercised by this run's contract tests, and answered 2xx at least once.

Only meaningful on a full run of tests/contract; skipped when only some of its modules ran.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.contract import conftest
from tests.contract.openapi_validation import exercised_report

HERE = Path(__file__).resolve().parent


def test_every_operation_in_the_contract_was_exercised():
    modules = {p.name for p in HERE.glob("test_*.py")}
    if not modules <= conftest.COLLECTED_MODULES:
        pytest.skip("partial run: not every contract test module was collected")
    report = exercised_report()
    assert not report["never_exercised"], f"never exercised: {report['never_exercised']}"
    assert not report["exercised_without_success"], (
        f"never answered 2xx: {report['exercised_without_success']}"
    )
