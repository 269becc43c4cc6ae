"""Differencing attacks on `/v1/stats` (issue 15, break 6): for a fixed data set, every pair of
queries the API offers (all areas or one, and every period whose bounds fall on the data's
days or are open), subtracted cell by cell as an attacker would, must never pin a small count.

The attacker knows the published rule (the response's `suppression`): "1-4" is 1 to 4, "*" is
any count, 0 is none, and a shown count v is exactly v, or v to v+base-1 when counts are
rounded to a base. For a query Q2 whose cases all lie in Q1 (the same area or all areas, a
period inside the other's), Q1 - Q2 is the count of what Q1 has and Q2 has not; when that
difference is itself a query (a period cut at one end), what that query shows is known too.
A difference the attacker can pin to one value from 1 to 4 is a disclosure.
"""

from __future__ import annotations

import itertools
import secrets
from datetime import UTC, datetime

from sqlalchemy import text

from asb_core.cases.schemas import OpenCaseIn
from asb_core.cases.service import open_case
from tests.integration.casework_helpers import actor_for

INF = float("inf")
LEVEL_ANSWERS = {"standard": {"repeat": True}, "medium": {"hostility_perceived": ["race"]},
                 "high": {"immediate_danger": True}}
DAYS = ["2019-03-04", "2019-03-05", "2019-03-06"]
# area key -> day -> level -> cases opened: a village with one high-risk hate-crime case.
PLAN = {
    "fen": {DAYS[0]: {"standard": 6, "high": 2}, DAYS[1]: {"medium": 3, "high": 5},
            DAYS[2]: {"standard": 7, "high": 1}},
    "village": {DAYS[1]: {"high": 1}, DAYS[2]: {"standard": 5}},
}


async def _seed(session) -> dict[str, str]:
    council = await actor_for(session, f"sdc-{secrets.token_hex(3)}", "caseworker", "council")
    names = {}
    for key, days in PLAN.items():
        seed_area, names[key] = f"seed-{secrets.token_hex(4)}", f"{key}-{secrets.token_hex(3)}"
        for day, levels in days.items():
            y, m, d = map(int, day.split("-"))
            for level, n in levels.items():
                for _ in range(n):
                    await open_case(session, council, OpenCaseIn(
                        area=seed_area, answers=LEVEL_ANSWERS[level],
                        victim={"role": "complainant", "name": "V"}, consent={"state": "given"},
                    ), now=datetime(y, m, d, 12, tzinfo=UTC))
        await session.execute(text("UPDATE cases SET area = :a WHERE area = :s"),
                              {"a": names[key], "s": seed_area})
    await session.commit()
    return names


def _interval(value, base: int) -> tuple[float, float]:
    if value == "1-4":
        return 1, 4
    if value == "*":
        return 0, INF
    return (value, value) if value == 0 else (value, value + base - 1)


def _cells(body: dict) -> dict[tuple[str, str, str], tuple[float, float]]:
    """Every shown figure of a response (cells and totals) as the interval it stands for."""
    base = body["suppression"].get("rounding_base", 1)
    out = {}
    for name, t in body["tables"].items():
        for r, row in zip(t["rows"], t["cells"], strict=True):
            for c, v in zip(t["columns"], row, strict=True):
                out[(name, r, c)] = _interval(v, base)
        for r, v in zip(t["rows"], t.get("row_totals", []), strict=False):
            out[(name, r, "total")] = _interval(v, base)
        for c, v in zip(t["columns"], t["column_totals"], strict=True):
            out[(name, "total", c)] = _interval(v, base)
        out[(name, "total", "total")] = _interval(t["total"], base)
    return out


def _within(inner: tuple, outer: tuple) -> bool:
    (a1, f1, t1), (a2, f2, t2) = outer, inner
    return ((a1 is None or a1 == a2) and (f1 is None or (f2 is not None and f2 >= f1))
            and (t1 is None or (t2 is not None and t2 <= t1)))


def _difference_query(outer: tuple, inner: tuple) -> tuple | None:
    """The query whose cases are exactly outer minus inner, when the API offers one."""
    (a1, f1, t1), (a2, f2, t2) = outer, inner
    if a1 != a2 or (f1 != f2 and t1 != t2):
        return None
    if f1 == f2 and t2 is not None:  # cut at the end: the days after t2 up to t1
        after = [d for d in DAYS if d > t2]
        return (a1, after[0], t1) if after and (t1 is None or after[0] <= t1) else None
    if t1 == t2 and f2 is not None:  # cut at the start: the days before f2 from f1
        before = [d for d in DAYS if d < f2]
        return (a1, f1, before[-1]) if before and (f1 is None or before[-1] >= f1) else None
    return None


def _pinned(outer: dict, inner: dict, third: dict | None) -> list[tuple]:
    found = []
    for key in set(outer) | set(inner):
        lo1, hi1 = outer.get(key, (0, 0))
        lo2, hi2 = inner.get(key, (0, 0))
        lo, hi = max(lo1 - hi2, 0), hi1 - lo2
        if third is not None:
            lo3, hi3 = third.get(key, (0, 0))
            lo, hi = max(lo, lo3), min(hi, hi3)
        if lo == hi and 1 <= lo <= 4:
            found.append((key, lo))
    return found


async def test_no_pair_of_published_queries_pins_a_small_count(client, session, make_key):
    names = await _seed(session)
    analyst = await make_key(f"sda-{secrets.token_hex(3)}", "analyst")
    bounds = [None, *DAYS]
    queries = [(area, f, t) for area in (None, *names.values()) for f in bounds for t in bounds
               if f is None or t is None or f <= t]
    shown = {}
    for area, f, t in queries:
        params = {k: v for k, v in (("area", area), ("from", f), ("to", t)) if v is not None}
        r = await client.get("/v1/stats", params=params,
                             headers={"Authorization": f"Bearer {analyst}"})
        assert r.status_code == 200, r.text
        shown[(area, f, t)] = _cells(r.json())
    # The attack is among the pairs: all areas minus the town leaves the village.
    assert any(q[0] == names["village"] for q in queries)
    disclosures = []
    for outer, inner in itertools.permutations(queries, 2):
        if not _within(inner, outer):
            continue
        third = _difference_query(outer, inner)
        found = _pinned(shown[outer], shown[inner], shown.get(third) if third else None)
        disclosures += [(outer, inner, key, value) for key, value in found]
    assert not disclosures, disclosures[:5]
