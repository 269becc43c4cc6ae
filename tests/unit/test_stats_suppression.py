"""Small-number suppression holds against differencing: no "1-4" cell of a table can be pinned
to one value from the visible cells and the row, column and grand totals.

The attacker here is independent of the code under test: it enumerates every assignment of the
hidden interior cells (a "1-4" cell in 1..4, a "*" cell any count) consistent with everything
shown, and a primary cell is disclosed when all those assignments agree on its value.
"""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from asb_core.stats.service import PRIMARY, SECONDARY, Table


def _table(grid: list[list[int]], row_totals: bool = True) -> Table:
    t = Table("t", [f"r{i}" for i in range(len(grid))], [f"c{j}" for j in range(len(grid[0]))],
              row_totals=row_totals)
    for i, row in enumerate(grid):
        for j, v in enumerate(row):
            t.add(f"r{i}", f"c{j}", v)
    return t


def _feasible_values(view: dict, cap: int, strict: bool) -> dict[tuple[int, int], set[int]]:
    """Every value each hidden interior cell takes in some assignment consistent with `view`."""
    cells = view["cells"]
    nr, nc = len(cells), len(cells[0])

    def dom(v):
        if v == PRIMARY:
            return range(1, 5)
        if v == SECONDARY:
            return range(0, cap + 1)
        return (v,)

    def known(v):
        return v if isinstance(v, int) else None

    row_t = [known(v) for v in view.get("row_totals", [None] * nr)]
    col_t = [known(v) for v in view["column_totals"]]
    grand = known(view["total"])

    def total_ok(total_view, value):
        if total_view == PRIMARY:
            return 1 <= value <= 4
        return total_view == SECONDARY or total_view == value

    row_options = []
    for i in range(nr):
        opts = []
        for combo in itertools.product(*(dom(v) for v in cells[i])):
            if "row_totals" in view and not total_ok(view["row_totals"][i], sum(combo)):
                continue
            if row_t[i] is not None and sum(combo) != row_t[i]:
                continue
            opts.append(combo)
        row_options.append(opts)
    small_enough = all(row_options) and len(
        list(itertools.islice(itertools.product(*row_options), 300_001))) <= 300_000
    if strict:
        assert small_enough
    else:
        assume(small_enough)
    seen: dict[tuple[int, int], set[int]] = {
        (i, j): set() for i in range(nr) for j in range(nc) if not isinstance(cells[i][j], int)
    }
    for rows in itertools.product(*row_options):
        cols = [sum(r[j] for r in rows) for j in range(nc)]
        if not all(total_ok(view["column_totals"][j], cols[j]) for j in range(nc)):
            continue
        if any(col_t[j] is not None and cols[j] != col_t[j] for j in range(nc)):
            continue
        if not total_ok(view["total"], sum(cols)) or (grand is not None and sum(cols) != grand):
            continue
        for (i, j), values in seen.items():
            values.add(rows[i][j])
    return seen


def _assert_protected(grid, row_totals=True, strict=True):
    view = _table(grid, row_totals).render()
    true_total = sum(map(sum, grid))
    feasible = _feasible_values(view, cap=true_total, strict=strict)
    for (i, j), values in feasible.items():
        assert grid[i][j] in values, "the true table must be consistent with what is shown"
        if 1 <= grid[i][j] <= 4:
            assert len(values) >= 2, (grid, view, (i, j), values)
    for i, row in enumerate(grid):
        for j, v in enumerate(row):
            assert (view["cells"][i][j] == v) or (view["cells"][i][j] in (PRIMARY, SECONDARY))
            if 1 <= v <= 4:
                assert view["cells"][i][j] in (PRIMARY, SECONDARY)
    # And the simple rule: no line of the table has exactly one hidden member.
    lines = [row + [t] for row, t in zip(view["cells"], view.get("row_totals", []),
                                          strict=False)] if row_totals else []
    lines += [[r[j] for r in view["cells"]] + [view["column_totals"][j]]
              for j in range(len(grid[0]))]
    lines.append(view["column_totals"] + [view["total"]])
    if row_totals:
        lines.append(view["row_totals"] + [view["total"]])
    for line in lines:
        assert sum(1 for v in line if not isinstance(v, int)) != 1, (grid, view, line)
    return view


def test_a_single_small_cell_gets_a_complement_in_its_row_and_column():
    view = _assert_protected([[3, 10, 20], [7, 12, 30], [9, 15, 40]])
    assert view["cells"][0][0] == PRIMARY
    assert view["cells"][0][1] == SECONDARY  # the smallest other cell of its row
    assert view["cells"][1][0] == SECONDARY  # and of its column
    assert view["total"] == 146  # totals are true sums, shown when not small


def test_zeros_are_shown_and_large_counts_untouched():
    view = _assert_protected([[0, 10], [12, 30]])
    assert view["cells"] == [[0, 10], [12, 30]]
    assert view["row_totals"] == [10, 42] and view["column_totals"] == [12, 40]


def test_small_totals_are_suppressed_too():
    view = _assert_protected([[1, 0, 0], [20, 30, 40]])
    assert view["row_totals"][0] == PRIMARY and view["cells"][0][0] == PRIMARY


def test_two_small_ones_in_a_row_cannot_be_pinned():
    # 1 + 1 = row total 2 would pin both; a complement must join them.
    _assert_protected([[1, 1, 50], [20, 30, 40]])


def test_one_dimensional_table_with_a_total():
    view = _assert_protected([[2], [30], [25]], row_totals=False)
    assert view["cells"][0] == [PRIMARY] and view["cells"][2] == [SECONDARY]
    assert "row_totals" not in view


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.filter_too_much,
                                                                   HealthCheck.too_slow])
@given(st.integers(1, 3).flatmap(lambda nc: st.lists(
    st.lists(st.one_of(st.integers(0, 6), st.integers(5, 12)), min_size=nc, max_size=nc),
    min_size=1, max_size=3)))
def test_no_small_cell_can_be_recovered_by_differencing(grid):
    _assert_protected(grid, strict=False)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.filter_too_much,
                                                                   HealthCheck.too_slow])
@given(st.lists(st.lists(st.integers(0, 9), min_size=1, max_size=1), min_size=1, max_size=5))
def test_one_dimensional_tables_hold_too(grid):
    _assert_protected(grid, row_totals=False, strict=False)


def test_all_ones_under_a_small_total_withhold_the_ranges():
    view = _assert_protected([[1, 1], [1, 1]])
    assert view["total"] in (PRIMARY, SECONDARY)
