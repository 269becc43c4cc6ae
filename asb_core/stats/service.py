"""Countywide statistics with small-number suppression: no identity, ever.

Every figure is a count of cases, incidents, flags, Case Review applications or targets; nothing
here reads parties or diary text. Each table is protected before it leaves this module:

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

`protect` is pure and unit-tested; the SQL aggregates live in `compute`.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core import access
from asb_core.actor import Actor
from asb_core.errors import ValidationFailed

LONDON = ZoneInfo("Europe/London")
LEVELS = ("standard", "medium", "high")
NSIR = ("personal", "nuisance", "environmental")
REVIEW_OUTCOMES = ("undecided", "threshold_met", "threshold_not_met")
TARGET_OUTCOMES = ("met_on_time", "late_or_breached")
PRIMARY = "1-4"
SECONDARY = "*"
SMALL = range(1, 5)


# --- suppression ---------------------------------------------------------------------------


def _line_needs_help(members: list[int], total: int, values: list[int], hidden: list[str | None]
                     ) -> bool:
    """`members` index into values/hidden; `total` is the index of the line's total."""
    hidden_members = [k for k in [*members, total] if hidden[k]]
    if not hidden_members:
        return False
    if len(hidden_members) == 1:
        return True
    if hidden[total]:
        return False  # the line's sum is itself unknown: nothing to subtract from
    hidden_sum = values[total] - sum(values[k] for k in members if not hidden[k])
    inner = [k for k in members if hidden[k]]
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


def _complement(members: list[int], total: int, values: list[int], hidden: list[str | None]
                ) -> int | None:
    open_inner = [k for k in members if not hidden[k]]
    for pool in ([k for k in open_inner if values[k] > 0], [k for k in open_inner]):
        if pool:
            return min(pool, key=lambda k: (values[k], k))
    return None if hidden[total] else total


def disclosed(values: list[int], hidden: list[str | None], nr: int, nc: int,
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
    inf = float("inf")
    rt0, ct0 = nr * nc, nr * nc + nr
    grand = ct0 + nc

    def flat(i: int, j: int) -> int | None:
        if i < nr and j < nc:
            return i * nc + j
        if i < nr:
            return rt0 + i
        if j < nc:
            return ct0 + j
        return grand

    cells: dict[tuple[int, int], tuple[int, float, float, int]] = {}
    for i in range(nr + 1):
        for j in range(nc + 1):
            k = flat(i, j)
            sign = 1 if (i < nr) == (j < nc) else -1
            if j == nc and i < nr and not row_totals:
                cells[(i, j)] = (sign, values[k], 0, inf)
            elif hidden[k]:
                lo, hi = (1, 4) if hidden[k] == "p" else (0, inf)
                cells[(i, j)] = (sign, values[k], lo, hi)

    def can(cell: tuple[int, float, float, int], up_in_grid: bool) -> bool:
        sign, v, lo, hi = cell
        step = sign if up_in_grid else -sign
        return lo <= v + step <= hi

    adj: dict[str, list[str]] = {}
    for (i, j), cell in cells.items():
        if can(cell, True):
            adj.setdefault(f"R{i}", []).append(f"C{j}")
        if can(cell, False):
            adj.setdefault(f"C{j}", []).append(f"R{i}")

    def path(start: str, goal: str, skip: tuple[str, str]) -> bool:
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

    pinned = []
    for (i, j), cell in cells.items():
        k = flat(i, j)
        free = j == nc and i < nr and not row_totals
        if k is None or free or not hidden[k] or values[k] not in SMALL:
            continue
        edge = (f"R{i}", f"C{j}")
        up = can(cell, True) and path(f"C{j}", f"R{i}", edge)
        down = can(cell, False) and path(f"R{i}", f"C{j}", edge)
        if not up and not down:
            pinned.append(k)
    return pinned


def protect(values: list[int], lines: list[tuple[list[int], int]], nr: int, nc: int,
            row_totals: bool = True) -> list[str | None]:
    """Which cells to hide: "p" (primary, 1..4), "s" (secondary) or None, for a flat list of
    cells (interior and totals) and the additive lines between them (members, total index).

    Fast single-line fixes first, then the exact audit (`disclosed`) over the whole table: while
    it pins any hidden small count to one value, one more cell in a line through that cell is
    hidden, or when there is none left to hide, the "1-4" ranges around it become "*"."""
    hidden: list[str | None] = ["p" if v in SMALL else None for v in values]
    if not row_totals:  # not shown at all
        hidden[nr * nc:nr * nc + nr] = [None] * nr
    for _ in range(2 * len(values) + 1):
        changed = True
        while changed:
            changed = False
            for members, total in lines:
                while _line_needs_help(members, total, values, hidden):
                    pick = _complement(members, total, values, hidden)
                    if pick is None:
                        break
                    hidden[pick] = "s"
                    changed = True
        pinned = disclosed(values, hidden, nr, nc, row_totals)
        if not pinned:
            break
        k = pinned[0]
        through = [(m, t) for m, t in lines if k in m or k == t]
        for members, total in sorted(through, key=lambda mt: sum(
                1 for x in [*mt[0], mt[1]] if hidden[x])):
            pick = _complement(members, total, values, hidden)
            if pick is not None:
                hidden[pick] = "s"
                break
        else:
            # Everything around it is hidden already, and the "1-4" labels themselves give it
            # away (four 1s under a total of "1-4"): withhold the range too.
            upgraded = [x for m, t in through for x in [*m, t] if hidden[x] == "p"]
            if not upgraded:
                break
            for x in upgraded:
                hidden[x] = "s"
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

    def grid(self) -> tuple[list[int], list[tuple[list[int], int]]]:
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
        lines: list[tuple[list[int], int]] = []
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


# --- queries -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    start: datetime | None
    end: datetime | None  # exclusive
    area: str | None

    @property
    def params(self) -> dict:
        return {"start": self.start, "end": self.end, "area": self.area}


def period(from_: date | str | None, to: date | str | None, area: str | None) -> Period:
    """Whole London calendar days: `from` inclusive, `to` inclusive."""

    def day(value: date | str | None, field_name: str) -> date | None:
        if value is None or value == "":
            return None
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            raise ValidationFailed(f"{field_name}: a date (YYYY-MM-DD)", errors=[
                {"field": field_name, "message": "a date (YYYY-MM-DD)"}]) from None

    start, end = day(from_, "from"), day(to, "to")
    if start and end and end < start:
        raise ValidationFailed("to is before from",
                               errors=[{"field": "to", "message": "on or after from"}])
    if area is not None and (not area.strip() or len(area) > 100):
        raise ValidationFailed("bad area", errors=[{"field": "area", "message": "1 to 100"}])

    def at(d: date | None, plus: int = 0) -> datetime | None:
        if d is None:
            return None
        return datetime.combine(date.fromordinal(d.toordinal() + plus), time(), LONDON
                                ).astimezone(UTC)

    return Period(at(start), at(end, 1), area.strip() if area else None)


def _in_period(column: str) -> str:
    return (f"(CAST(:start AS timestamptz) IS NULL OR {column} >= :start) AND "
            f"(CAST(:end AS timestamptz) IS NULL OR {column} < :end) AND "
            "(CAST(:area AS text) IS NULL OR c.area = :area)")


def _month(column: str) -> str:
    return f"to_char({column} AT TIME ZONE 'Europe/London', 'YYYY-MM')"


def _months(found: list[str], p: Period) -> list[str]:
    """Every month from the first to the last (of the period, else of the data)."""
    def ym(d: datetime) -> str:
        return d.astimezone(LONDON).strftime("%Y-%m")

    bounds = sorted(found)
    first = ym(p.start) if p.start else (bounds[0] if bounds else None)
    last = ym(p.end - timedelta(microseconds=1)) if p.end else (bounds[-1] if bounds else None)
    if first is None or last is None:
        return []
    y, m = int(first[:4]), int(first[5:])
    out = []
    while f"{y:04d}-{m:02d}" <= last and len(out) < 1200:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


async def _rows(session: AsyncSession, sql: str, p: Period, **extra) -> list:
    return list((await session.execute(text(sql), {**p.params, **extra})).all())


async def compute(session: AsyncSession, p: Period, now: datetime | None = None) -> dict:
    """Every table, protected. Pure aggregates: no row-level data leaves the database."""
    now = now or datetime.now(UTC)
    cases = await _rows(session, f"""
        SELECT {_month('c.opened_at')} AS month, c.area, c.risk_level, count(*) AS n
        FROM cases c WHERE {_in_period('c.opened_at')}
        GROUP BY 1, 2, 3""", p)  # noqa: S608 (constant SQL fragments only)
    by_month = Table("Cases opened by month and current risk level",
                     _months([r.month for r in cases], p), list(LEVELS))
    by_area = Table("Cases opened by area and current risk level",
                    sorted({r.area for r in cases}), list(LEVELS))
    for r in cases:
        by_month.add(r.month, r.risk_level, r.n)
        by_area.add(r.area, r.risk_level, r.n)

    incidents = await _rows(session, f"""
        SELECT i.category, i.nsir_type, count(*) AS n
        FROM incidents i JOIN cases c ON c.id = i.case_id
        WHERE i.same_as IS NULL AND {_in_period('i.occurred_at')}
        GROUP BY 1, 2""", p)  # noqa: S608 (constant SQL fragments only)
    by_category = Table(
        "Incidents by local category and NSIR type (repeat reports counted once)",
        sorted({r.category for r in incidents}), list(NSIR),
    )
    for r in incidents:
        by_category.add(r.category, r.nsir_type, r.n)

    flags = await _rows(session, f"""
        SELECT f.rule_id, count(*) AS n
        FROM escalation_flags f JOIN cases c ON c.id = f.case_id
        WHERE f.cleared_at IS NULL AND {_in_period('f.raised_at')}
        GROUP BY 1""", p)  # noqa: S608 (constant SQL fragments only)
    open_flags = Table("Open escalation flags by rule", sorted({r.rule_id for r in flags}),
                       ["open"], row_totals=False)
    for r in flags:
        open_flags.add(r.rule_id, "open", r.n)

    reviews = await _rows(session, f"""
        SELECT {_month('v.applied_at')} AS month,
               CASE WHEN v.threshold_met IS NULL THEN 'undecided'
                    WHEN v.threshold_met THEN 'threshold_met'
                    ELSE 'threshold_not_met' END AS outcome,
               count(*) AS n
        FROM case_reviews v JOIN cases c ON c.id = v.case_id
        WHERE {_in_period('v.applied_at')}
        GROUP BY 1, 2""", p)  # noqa: S608 (constant SQL fragments only)
    case_reviews = Table("ASB Case Review applications by month and threshold decision",
                         _months([r.month for r in reviews], p) if reviews else [],
                         list(REVIEW_OUTCOMES))
    for r in reviews:
        case_reviews.add(r.month, r.outcome, r.n)

    # A target counts once it has an outcome: met, or past its due time unmet.
    targets = await _rows(session, f"""
        SELECT a.slug AS agency, COALESCE(t.level, c.risk_level) AS level,
               CASE WHEN t.state = 'met' AND t.met_at <= t.due_at THEN 'met_on_time'
                    ELSE 'late_or_breached' END AS outcome,
               count(*) AS n
        FROM targets t JOIN cases c ON c.id = t.case_id
        JOIN agencies a ON a.id = c.lead_agency_id
        WHERE (t.state = 'met' OR (t.due_at < :now AND t.closed_at IS NULL))
          AND {_in_period('t.due_at')}
        GROUP BY 1, 2, 3""", p, now=now)  # noqa: S608 (constant SQL fragments only)
    pairs = sorted({(r.agency, r.level) for r in targets},
                   key=lambda x: (x[0], LEVELS.index(x[1]) if x[1] in LEVELS else 9))
    performance = Table("Response targets by lead agency and level: met on time or not",
                        [f"{a} / {lv}" for a, lv in pairs], list(TARGET_OUTCOMES))
    for r in targets:
        performance.add(f"{r.agency} / {r.level}", r.outcome, r.n)
    perf = performance.render()
    perf["share_met_on_time"] = [
        round(cells[0] / total, 3) if isinstance(cells[0], int) and isinstance(total, int)
        and isinstance(cells[1], int) and total > 0 else None
        for cells, total in zip(perf["cells"], perf["row_totals"], strict=True)
    ]

    return {
        "generated_at": now.astimezone(UTC).isoformat().replace("+00:00", "Z"),
        "period": {"from": _day(p.start), "to": _day(p.end, -1), "area": p.area},
        "suppression": {
            "primary": PRIMARY,
            "secondary": SECONDARY,
            "rule": "counts of 1 to 4 are shown as '1-4'; '*' marks a count withheld so that "
                    "a '1-4' cell cannot be recovered from the totals",
        },
        "tables": {
            "cases_by_month_level": by_month.render(),
            "cases_by_area_level": by_area.render(),
            "incidents_by_category_nsir": by_category.render(),
            "open_flags_by_rule": open_flags.render(),
            "case_reviews_by_month": case_reviews.render(),
            "target_performance": perf,
        },
    }


def _day(at: datetime | None, plus: int = 0) -> str | None:
    if at is None:
        return None
    d = at.astimezone(LONDON).date()
    return date.fromordinal(d.toordinal() + plus).isoformat()


async def statistics(
    session: AsyncSession,
    actor: Actor,
    *,
    from_: date | str | None = None,
    to: date | str | None = None,
    area: str | None = None,
    now: datetime | None = None,
) -> dict:
    """The statistics for an analyst (or the system, from the CLI)."""
    if actor.role != "system":
        access.require(actor, "stats.read")
    return await compute(session, period(from_, to, area), now)


def to_csv(stats: dict) -> str:
    """Long format: table, row, column, value (totals as row or column "total")."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["table", "row", "column", "value"])
    for name, t in stats["tables"].items():
        for r, cells in zip(t["rows"], t["cells"], strict=True):
            for c, v in zip(t["columns"], cells, strict=True):
                w.writerow([name, r, c, v])
            if "row_totals" in t:
                w.writerow([name, r, "total", t["row_totals"][t["rows"].index(r)]])
        for c, v in zip(t["columns"], t["column_totals"], strict=True):
            w.writerow([name, "total", c, v])
        w.writerow([name, "total", "total", t["total"]])
        for r, share in zip(t["rows"], t.get("share_met_on_time", []), strict=False):
            w.writerow([name, r, "share_met_on_time", "" if share is None else share])
    return out.getvalue()
