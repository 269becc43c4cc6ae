"""Small-number suppression of a table of counts: what may be shown without identifying anyone.

- primary suppression: a count from 1 to 4 is shown as the range "1-4" (zeros are shown: a zero
  says nobody in that cell, which identifies no one, and many zeros are structural, e.g. a
  category outside its NSIR type);
- secondary suppression: totals are computed from the true counts, so in every line of a table
  (a row with its row total, a column with its column total, the totals with the grand total) a
  single hidden cell could be recovered by subtraction. A line with exactly one hidden member,
  or whose hidden "1-4" cell its visible total pins to one value, has one more member hidden
  ("*"): its smallest non-zero interior cell, else its total. Then the whole table is attacked
  exactly as an attacker would (`disclosed`: rows, columns and totals together, knowing a "1-4"
  cell lies in 1..4 and a "*" cell is >= 0), and while any hidden small count is pinned another
  cell in one of its lines is hidden.

Across queries (`published`): each query is protected on its own, so two queries whose shown
counts differ by a region could give that region's exact count away (`/v1/stats` minus
`/v1/stats?area=fenland` is every other area; a period minus a shorter one is the days between)
even where that region's own query shows "1-4". So every count shown is also rounded DOWN to a
multiple of `BASE` (5): a shown 10 means 10 to 14, a "1-4" means 1 to 4, 0 means none. The
difference of any two shown figures then lies in an interval [5m+1, 5m+9] (or wider), whose
intersection with 1..4 is never a single value: no pair of published queries pins a small count.
(Rounding down rather than to the nearest 5 matters: a nearest-5 "10" is 8 to 12, and 8 minus a
"1-4" of 4 would pin a "1-4" difference of 4.)

Everything here is pure: `Table` holds true counts and `render` gives the protected view.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PRIMARY = "1-4"
SECONDARY = "*"
SMALL = range(1, 5)
BASE = 5

# A cell's hidden mark: "p" (primary, shown as "1-4"), "s" (secondary, "*") or None (shown).
Hidden = list[str | None]
# An additive line of a table: the indexes of its members and the index of their total.
Line = tuple[list[int], int]

_INF = float("inf")


# --- single lines ----------------------------------------------------------------------------


def _primary_pinned_in_line(inner: list[int], hidden: Hidden, hidden_sum: int) -> bool:
    """Whether the visible total pins one of the line's hidden "1-4" cells (`inner`, whose true
    values add up to `hidden_sum`) to a single value, the others ranging over what is known."""
    for k in inner:
        if hidden[k] != "p":
            continue
        others = [o for o in inner if o != k]
        upper_others = sum(4 if hidden[o] == "p" else hidden_sum for o in others)
        lower_others = sum(1 if hidden[o] == "p" else 0 for o in others)
        lo = max(1, hidden_sum - upper_others)
        hi = min(4, hidden_sum - lower_others)
        if lo >= hi:
            return True
    return False


def _line_needs_help(members: list[int], total: int, values: list[int], hidden: Hidden) -> bool:
    """`members` index into values/hidden; `total` is the index of the line's total."""
    hidden_members = [k for k in [*members, total] if hidden[k]]
    if not hidden_members:
        return False
    if len(hidden_members) == 1:
        return True
    if hidden[total]:
        return False  # the line's sum is itself unknown: nothing to subtract from
    hidden_sum = values[total] - sum(values[k] for k in members if not hidden[k])
    return _primary_pinned_in_line([k for k in members if hidden[k]], hidden, hidden_sum)


def _complement(members: list[int], total: int, values: list[int], hidden: Hidden) -> int | None:
    """The cell to hide next in a line: its smallest shown non-zero member, else its smallest
    shown member, else its total (None when everything in the line is hidden already)."""
    open_inner = [k for k in members if not hidden[k]]
    for pool in ([k for k in open_inner if values[k] > 0], open_inner):
        if pool:
            return min(pool, key=lambda k: (values[k], k))
    return None if hidden[total] else total


def _help_line(members: list[int], total: int, values: list[int], hidden: Hidden) -> bool:
    """Hide complements in one line until its hidden cells hold; whether any was hidden."""
    helped = False
    while _line_needs_help(members, total, values, hidden):
        pick = _complement(members, total, values, hidden)
        if pick is None:
            break
        hidden[pick] = "s"
        helped = True
    return helped


def _help_every_line(values: list[int], lines: list[Line], hidden: Hidden) -> None:
    changed = True
    while changed:
        changed = False
        for members, total in lines:
            changed |= _help_line(members, total, values, hidden)


# --- the whole table, as an attacker sees it ------------------------------------------------

# A hidden (or free) cell as the attacker knows it: (sign in the circulation, true value,
# lowest possible value, highest possible value).
_Cell = tuple[int, float, float, float]
_Cells = dict[tuple[int, int], _Cell]


@dataclass(frozen=True)
class _Shape:
    """The (nr+1) x (nc+1) grid of a table with its margins, and the flat index of each cell:
    interior row-major, then row totals, then column totals, then the grand total."""

    nr: int
    nc: int
    row_totals: bool

    def flat(self, i: int, j: int) -> int:
        nr, nc = self.nr, self.nc
        if i < nr and j < nc:
            return i * nc + j
        if i < nr:
            return nr * nc + i
        if j < nc:
            return nr * nc + nr + j
        return nr * nc + nr + nc

    def is_free(self, i: int, j: int) -> bool:
        """A row total that is not shown: without row totals the rows are unconstrained."""
        return j == self.nc and i < self.nr and not self.row_totals

    def sign(self, i: int, j: int) -> int:
        """Interior cells and the grand total count +1, the margins -1."""
        return 1 if (i < self.nr) == (j < self.nc) else -1


def _unknown_cells(shape: _Shape, values: list[int], hidden: Hidden) -> _Cells:
    """The cells an attacker does not see, with what the attacker knows of each."""
    cells: _Cells = {}
    for i in range(shape.nr + 1):
        for j in range(shape.nc + 1):
            k = shape.flat(i, j)
            if shape.is_free(i, j):
                cells[(i, j)] = (shape.sign(i, j), values[k], 0, _INF)
            elif hidden[k]:
                lo, hi = (1, 4) if hidden[k] == "p" else (0, _INF)
                cells[(i, j)] = (shape.sign(i, j), values[k], lo, hi)
    return cells


def _can_step(cell: _Cell, up_in_grid: bool) -> bool:
    sign, v, lo, hi = cell
    step = sign if up_in_grid else -sign
    return lo <= v + step <= hi


def _moves(cells: _Cells) -> dict[str, list[str]]:
    """The directed graph of unit moves: row node to column node through a cell that can go up,
    column node to row node through one that can go down."""
    adj: dict[str, list[str]] = {}
    for (i, j), cell in cells.items():
        if _can_step(cell, True):
            adj.setdefault(f"R{i}", []).append(f"C{j}")
        if _can_step(cell, False):
            adj.setdefault(f"C{j}", []).append(f"R{i}")
    return adj


def _has_path(adj: dict[str, list[str]], start: str, goal: str, skip: tuple[str, str]) -> bool:
    """A directed path avoiding the cell itself (the one edge between its row and column)."""
    seen, todo = {start}, [start]
    while todo:
        node = todo.pop()
        if node == goal:
            return True
        for nxt in adj.get(node, ()):
            if nxt not in seen and {node, nxt} != set(skip):
                seen.add(nxt)
                todo.append(nxt)
    return False


def _is_pinned(adj: dict[str, list[str]], i: int, j: int, cell: _Cell) -> bool:
    """No cycle of hidden cells through (i, j) can move it up or down by one."""
    edge = (f"R{i}", f"C{j}")
    up = _can_step(cell, True) and _has_path(adj, f"C{j}", f"R{i}", edge)
    down = _can_step(cell, False) and _has_path(adj, f"R{i}", f"C{j}", edge)
    return not up and not down


def disclosed(values: list[int], hidden: Hidden, nr: int, nc: int,
              row_totals: bool = True) -> list[int]:
    """Hidden small counts an attacker can pin to one value, exactly.

    The cells of a table with its margins are an (nr+1) x (nc+1) grid in which, with the totals
    negated, every row and every column sums to zero: a circulation. Another table consistent
    with everything shown differs from the true one by circulations through hidden cells only,
    and one exists that moves a given cell exactly when a cycle of hidden cells through it can
    shift by one, each cell staying within what the attacker knows (a "1-4" cell in 1..4, a "*"
    cell >= 0). So a cell is pinned when no such cycle exists, which a graph search decides.
    (The constraint matrix is totally unimodular, so no fractional or longer reasoning does
    better.) Without row totals the rows are unconstrained: their totals act as free cells.
    """
    shape = _Shape(nr, nc, row_totals)
    cells = _unknown_cells(shape, values, hidden)
    adj = _moves(cells)
    pinned = []
    for (i, j), cell in cells.items():
        k = shape.flat(i, j)
        if shape.is_free(i, j) or not hidden[k] or values[k] not in SMALL:
            continue
        if _is_pinned(adj, i, j, cell):
            pinned.append(k)
    return pinned


# --- protection ------------------------------------------------------------------------------


def _primary_marks(values: list[int], nr: int, nc: int, row_totals: bool) -> Hidden:
    hidden: Hidden = ["p" if v in SMALL else None for v in values]
    if not row_totals:  # not shown at all
        hidden[nr * nc:nr * nc + nr] = [None] * nr
    return hidden


def _hide_around(k: int, values: list[int], lines: list[Line], hidden: Hidden) -> bool:
    """Hide one more cell in a line through the pinned cell `k` (the line with the fewest hidden
    cells first); when every such line is hidden already, withhold the "1-4" ranges around it.
    False when nothing more can be hidden."""
    through = [(m, t) for m, t in lines if k in m or k == t]
    for members, total in sorted(through, key=lambda mt: sum(
            1 for x in [*mt[0], mt[1]] if hidden[x])):
        pick = _complement(members, total, values, hidden)
        if pick is not None:
            hidden[pick] = "s"
            return True
    # Everything around it is hidden already, and the "1-4" labels themselves give it away
    # (four 1s under a total of "1-4"): withhold the range too.
    upgraded = [x for m, t in through for x in [*m, t] if hidden[x] == "p"]
    for x in upgraded:
        hidden[x] = "s"
    return bool(upgraded)


def protect(values: list[int], lines: list[Line], nr: int, nc: int,
            row_totals: bool = True) -> Hidden:
    """Which cells to hide: "p" (primary, 1..4), "s" (secondary) or None, for a flat list of
    cells (interior and totals) and the additive lines between them (members, total index).

    Fast single-line fixes first, then the exact audit (`disclosed`) over the whole table: while
    it pins any hidden small count to one value, one more cell in a line through that cell is
    hidden, or when there is none left to hide, the "1-4" ranges around it become "*"."""
    hidden = _primary_marks(values, nr, nc, row_totals)
    for _ in range(2 * len(values) + 1):
        _help_every_line(values, lines, hidden)
        pinned = disclosed(values, hidden, nr, nc, row_totals)
        if not pinned or not _hide_around(pinned[0], values, lines, hidden):
            break
    return hidden


@dataclass
class Table:
    """A table of true counts; `render` gives the protected view."""

    title: str
    rows: list[str]
    columns: list[str]
    cells: dict[tuple[str, str], int] = field(default_factory=dict)
    row_totals: bool = True

    def add(self, row: str, column: str, n: int) -> None:
        self.cells[(row, column)] = self.cells.get((row, column), 0) + int(n)

    def grid(self) -> tuple[list[int], list[Line]]:
        """Flat values: interior row-major, then row totals, then column totals, then grand."""
        nr, nc = len(self.rows), len(self.columns)
        values = [self.cells.get((r, c), 0) for r in self.rows for c in self.columns]
        row_tot = [sum(values[i * nc:(i + 1) * nc]) for i in range(nr)]
        col_tot = [sum(values[i * nc + j] for i in range(nr)) for j in range(nc)]
        grand = sum(values)
        rt0 = nr * nc
        ct0 = rt0 + nr
        g = ct0 + nc
        values = values + row_tot + col_tot + [grand]
        lines: list[Line] = []
        for j in range(nc):
            lines.append(([i * nc + j for i in range(nr)], ct0 + j))
        lines.append(([ct0 + j for j in range(nc)], g))
        if self.row_totals:
            for i in range(nr):
                lines.append(([i * nc + j for j in range(nc)], rt0 + i))
            lines.append(([rt0 + i for i in range(nr)], g))
        return values, lines

    def render(self) -> dict:
        nr, nc = len(self.rows), len(self.columns)
        values, lines = self.grid()
        hidden = protect(values, lines, nr, nc, self.row_totals)

        def show(k: int) -> int | str:
            return {"p": PRIMARY, "s": SECONDARY}.get(hidden[k], values[k])  # type: ignore[arg-type]

        out = {
            "title": self.title,
            "rows": list(self.rows),
            "columns": list(self.columns),
            "cells": [[show(i * nc + j) for j in range(nc)] for i in range(nr)],
            "column_totals": [show(nr * nc + nr + j) for j in range(nc)],
            "total": show(len(values) - 1),
        }
        if self.row_totals:
            out["row_totals"] = [show(nr * nc + i) for i in range(nr)]
        return out


def rounded(value: int | str) -> int | str:
    """A shown count rounded down to a multiple of BASE; "1-4", "*" and 0 as they are."""
    return value - value % BASE if isinstance(value, int) else value


def published(view: dict) -> dict:
    """A protected view (`Table.render`) as it is published: every shown count rounded down."""
    out = dict(view)
    out["cells"] = [[rounded(v) for v in row] for row in view["cells"]]
    out["column_totals"] = [rounded(v) for v in view["column_totals"]]
    out["total"] = rounded(view["total"])
    if "row_totals" in view:
        out["row_totals"] = [rounded(v) for v in view["row_totals"]]
    return out
