"""Characterisation of the small-number suppression: the exact protected view of 400 tables.

`test_stats_suppression.py` proves that what is shown is safe; this pins down which cells are
hidden, so a refactoring of `protect` / `disclosed` cannot change the published figures
unnoticed. The tables (seeded random grids, 1-5 rows by 1-4 columns, mostly small counts, some
without row totals) and their views were recorded from the implementation of June 2024. If the
suppression rule is changed on purpose, re-record the file and say why in the commit.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from asb_core.stats.service import Table

GOLDEN = json.loads((Path(__file__).parent / "data" / "stats_suppression_golden.json").read_text())


def _view(grid: list[list[int]], row_totals: bool) -> dict:
    t = Table("t", [f"r{i}" for i in range(len(grid))], [f"c{j}" for j in range(len(grid[0]))],
              row_totals=row_totals)
    for i, row in enumerate(grid):
        for j, v in enumerate(row):
            t.add(f"r{i}", f"c{j}", v)
    return t.render()


@pytest.mark.parametrize("case", GOLDEN, ids=[str(n) for n in range(len(GOLDEN))])
def test_protected_view_is_unchanged(case):
    view = _view(case["grid"], case["row_totals"])
    assert view["cells"] == case["cells"]
    assert view.get("row_totals") == case["row_totals_shown"]
    assert view["column_totals"] == case["column_totals"]
    assert view["total"] == case["total"]
