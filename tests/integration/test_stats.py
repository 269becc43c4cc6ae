"""Countywide statistics against real data: counts by month, area and level, suppression that
holds against differencing, no identity anywhere, analysts only, CSV and the SVG chart."""

from __future__ import annotations

import json
import secrets
import xml.etree.ElementTree as ET
from datetime import UTC, datetime

from sqlalchemy import text

from asb_core.actor import Actor
from asb_core.cases.schemas import OpenCaseIn
from asb_core.cases.service import open_case
from asb_core.stats.service import PRIMARY, SECONDARY, period, statistics, to_csv, true_tables
from tests.integration.casework_helpers import actor_for
from tests.unit.test_stats_suppression import _feasible_values

VIEW_TABLES = [f"victim_{q}_by_{b}" for q in ("satisfied", "kept_informed", "feels_safer")
               for b in ("area", "level", "lead_agency_kind")]
REFERRAL_TABLES = ["referrals_by_need", "referrals_by_area", "referrals_by_service",
                   "referral_acceptance_time_by_need"]

MARKER = "Philomena Statmarker-5521"
LEVEL_ANSWERS = {
    "standard": {"repeat": True},
    "medium": {"hostility_perceived": ["race"]},
    "high": {"immediate_danger": True},
}
# month -> level -> cases opened
PLAN = {"2024-01": {"standard": 12, "medium": 3, "high": 7},
        "2024-02": {"standard": 6, "medium": 0, "high": 9},
        "2024-03": {"standard": 8, "medium": 11, "high": 2}}


async def _seed(session, area: str) -> Actor:
    council = await actor_for(session, f"stc-{secrets.token_hex(3)}", "caseworker", "council")
    # Opened under a contract-shaped area, then renamed: `area` may be any stored name (the
    # chart test wants one with markup characters, which no request could carry).
    seed_area = f"seed-{secrets.token_hex(4)}"
    for month, levels in PLAN.items():
        y, m = map(int, month.split("-"))
        for level, n in levels.items():
            for k in range(n):
                case = await open_case(session, council, OpenCaseIn(
                    area=seed_area, answers=LEVEL_ANSWERS[level],
                    victim={"role": "complainant", "name": MARKER, "phone": "07700 905521"},
                    consent={"state": "given"},
                ), now=datetime(y, m, 3 + k % 20, 10, tzinfo=UTC))
                assert case.risk_level == level
    await session.execute(text("UPDATE cases SET area = :a WHERE area = :s"),
                          {"a": area, "s": seed_area})
    # Some first-contact targets met on time.
    await session.execute(text(
        "UPDATE targets SET state = 'met', met_at = started_at WHERE kind = 'first_contact' "
        "AND level = 'standard' AND case_id IN (SELECT id FROM cases WHERE area = :a)"),
        {"a": area})
    await session.flush()
    return council


async def test_statistics_tables_and_suppression(session):
    area = f"statsville-{secrets.token_hex(3)}"
    council = await _seed(session, area)
    result = await statistics(session, Actor.system(), from_="2024-01-01", to="2024-03-31",
                              area=area, now=datetime(2024, 6, 1, tzinfo=UTC))
    months = result["tables"]["cases_by_month_level"]
    assert months["rows"] == ["2024-01", "2024-02", "2024-03"]
    assert months["columns"] == ["standard", "medium", "high"]
    # 3 medium in January and 2 high in March are small; totals are true sums rounded down to
    # a multiple of 5.
    assert months["cells"][0][1] == PRIMARY and months["cells"][2][2] == PRIMARY
    assert months["cells"][1][1] == 0  # zeros are shown
    assert months["total"] == 55 == sum(sum(v.values()) for v in PLAN.values()) // 5 * 5
    hidden = sum(1 for row in months["cells"] for v in row if v in (PRIMARY, SECONDARY))
    assert hidden >= 4
    # Differencing within the table, even before rounding: every hidden small cell admits at
    # least two values given all that the unrounded protected view shows.
    tables = await true_tables(session, period("2024-01-01", "2024-03-31", area),
                               datetime(2024, 6, 1, tzinfo=UTC))
    exact = tables["cases_by_month_level"].render()
    truth = [[PLAN[m][lv] for lv in months["columns"]] for m in months["rows"]]
    feasible = _feasible_values(exact, cap=exact["total"], strict=True)
    for (i, j), values in feasible.items():
        assert truth[i][j] in values
        if 1 <= truth[i][j] <= 4:
            assert len(values) >= 2, ((i, j), values)

    areas = result["tables"]["cases_by_area_level"]
    assert areas["rows"] == [area] and areas["row_totals"] == [months["total"]]
    perf = result["tables"]["target_performance"]
    assert perf["columns"] == ["met_on_time", "late_or_breached"]
    row = perf["rows"].index(f"{council.agency_slug} / standard")
    assert perf["share_met_on_time"][row] is not None and 0 < perf["share_met_on_time"][row] < 1
    dumped = json.dumps(result)
    assert MARKER not in dumped and "905521" not in dumped
    csv_text = to_csv(result)
    assert csv_text.splitlines()[0] == "table,row,column,value"
    assert f"cases_by_month_level,2024-01,medium,{PRIMARY}" in csv_text
    assert MARKER not in csv_text


async def test_stats_api_for_analysts_only(client, session, make_key):
    area = f"fen & <marsh> {secrets.token_hex(2)}"
    await _seed(session, area)
    await session.commit()
    analyst = await make_key(f"sta-{secrets.token_hex(3)}", "analyst")
    worker = await make_key(f"stw-{secrets.token_hex(3)}", "caseworker")
    a, w = {"Authorization": f"Bearer {analyst}"}, {"Authorization": f"Bearer {worker}"}
    q = {"from": "2024-01-01", "to": "2024-03-31", "area": area}

    r = await client.get("/v1/stats", params=q, headers=a)
    assert r.status_code == 200, r.text
    body = r.json()
    assert set(body["tables"]) == {"cases_by_month_level", "cases_by_area_level",
                                   "incidents_by_category_nsir", "open_flags_by_rule",
                                   "case_reviews_by_month", "target_performance",
                                   "interventions_by_area_type", *VIEW_TABLES,
                                   *REFERRAL_TABLES}
    assert body["period"] == {"from": "2024-01-01", "to": "2024-03-31", "area": area}
    assert MARKER not in r.text
    assert (await client.get("/v1/stats", headers=w)).status_code == 403
    assert (await client.get("/v1/stats", params={"from": "2024-13-01"},
                             headers=a)).status_code in (400, 422)
    r = await client.get("/v1/stats", params={"from": "2024-03-01", "to": "2024-01-01"},
                         headers=a)
    assert r.status_code == 422
    # Statistics and nothing else.
    for path in ("/v1/cases", "/v1/webhooks", "/v1/targets", "/v1/audit"):
        assert (await client.get(path, headers=a)).status_code in (403, 404), path

    r = await client.get("/v1/stats/chart.svg", params=q, headers=a)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("image/svg+xml")
    root = ET.fromstring(r.text)  # well-formed: the area's '&' and '<' are escaped
    ns = "{http://www.w3.org/2000/svg}"
    assert root.find(f"{ns}title") is not None and root.find(f"{ns}desc") is not None
    assert area in "".join(root.itertext())
    assert MARKER not in r.text
    assert (await client.get("/v1/stats/chart.svg", headers=w)).status_code == 403
