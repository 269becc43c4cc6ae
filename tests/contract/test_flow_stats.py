"""Countywide statistics through HTTP, checked against the contract: analysts only, counts
only, small numbers suppressed, never an identity."""

from __future__ import annotations

import secrets

MARKER = "Ottoline Statsmarker"


async def test_analyst_reads_suppressed_statistics_and_chart(api, make_key):
    # An area of its own: other tests commit cases too, and only these three may be counted.
    area = f"st-{secrets.token_hex(4)}"
    officer = api.with_key(await make_key("st-council", "caseworker"))
    analyst = api.with_key(await make_key("st-council", "analyst"))
    for n in range(3):
        r = await officer.post("/v1/cases", json={
            "area": area, "answers": {"repeat": n % 2 == 0},
            "victim": {"role": "complainant", "name": f"{MARKER} {n}", "phone": "07700 900777"},
            "consent": {"state": "given"},
        })
        assert r.status_code == 201
    r = await analyst.get("/v1/stats", params={"area": area})
    assert r.status_code == 200, r.text
    body = r.json()
    table = body["tables"]["cases_by_area_level"]
    # Three cases in one area: the total is a small number, so it is suppressed.
    assert table["total"] in ("1-4", "*")
    assert MARKER not in r.text and "07700 900777" not in r.text
    r = await analyst.get("/v1/stats/chart.svg")
    assert r.status_code == 200 and r.headers["content-type"].startswith("image/svg+xml")
    assert "<svg" in r.text and MARKER not in r.text


async def test_only_analysts_read_statistics(api, make_key):
    officer = api.with_key(await make_key("st-council", "caseworker"))
    assert (await officer.get("/v1/stats")).status_code == 403
    assert (await officer.get("/v1/stats/chart.svg")).status_code == 403
    analyst = api.with_key(await make_key("st-council", "analyst"))
    r = await analyst.get("/v1/stats", params={"from": "2026-13-01"}, check_request=False)
    assert r.status_code in (400, 422)
