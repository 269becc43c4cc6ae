"""Closing with the victim's view, over HTTP: the view required and checked field by field, one
closure record per closing kept across reopening, and the statistics of the view by area, level
and lead agency kind, suppressed like every other figure and never with identity."""

from __future__ import annotations

import secrets

import pytest

ASKED = {"satisfied": "no", "kept_informed": "yes", "feels_safer": "not_sure",
         "comment": "Better, but it took too long"}
NOT_ASKED = {"satisfied": "not_asked", "not_asked_reason": "Moved away; no contact details"}


async def _case(api, make_key, slug: str, *, kind: str = "council", area: str = "fenland"):
    cw = api.with_key(await make_key(slug, "caseworker", kind=kind, areas=(area,)))
    sv = api.with_key(await make_key(slug, "supervisor", kind=kind, areas=(area,)))
    r = await cw.post("/v1/cases", json={
        "area": area, "answers": {"repeat": True},
        "victim": {"role": "victim", "name": "Closure Victim"}, "consent": {"state": "given"}})
    assert r.status_code == 201, r.text
    return cw, sv, r.json()["id"]


def _close(view: dict | None) -> dict:
    body = {"outcome": "Warning letter served; quiet since", "final_victim_update": "Phoned"}
    if view is not None:
        body["victim_view"] = view
    return body


@pytest.mark.parametrize(("view", "fields"), [
    (None, {"victim_view"}),
    ({"satisfied": "yes"}, {"victim_view.kept_informed", "victim_view.feels_safer"}),
    ({"satisfied": "not_asked"}, {"victim_view.not_asked_reason"}),
    ({"satisfied": "not_asked", "not_asked_reason": "x", "feels_safer": "yes"},
     {"victim_view.feels_safer"}),
    ({**ASKED, "not_asked_reason": "x"}, {"victim_view.not_asked_reason"}),
    ({**ASKED, "satisfied": "maybe"}, {"victim_view.satisfied"}),
])
async def test_the_victims_view_is_required_and_checked(api, make_key, view, fields):
    cw, sv, cid = await _case(api, make_key, "cv-bad")
    r = await sv.post(f"/v1/cases/{cid}/close", json=_close(view), check_request=False)
    assert r.status_code == 422, r.text
    assert fields <= {e["field"] for e in r.json()["errors"]}, r.text
    assert (await sv.get(f"/v1/cases/{cid}")).json()["status"] != "closed"
    assert (await sv.get(f"/v1/cases/{cid}/closures")).json()["items"] == []


async def test_each_closing_is_kept_across_reopening(api, make_key):
    cw, sv, cid = await _case(api, make_key, "cv-hist")
    r = await sv.post(f"/v1/cases/{cid}/close", json=_close(ASKED))
    assert r.status_code == 200, r.text
    r = await sv.post(f"/v1/cases/{cid}/reopen", json={"reason": "It started again"})
    assert r.status_code == 200, r.text
    r = await sv.post(f"/v1/cases/{cid}/close", json=_close(NOT_ASKED))
    assert r.status_code == 200, r.text
    items = (await cw.get(f"/v1/cases/{cid}/closures")).json()["items"]
    assert [c["victim_view"]["satisfied"] for c in items] == ["no", "not_asked"]
    assert items[0]["reopen_reason"] == "It started again" and items[0]["reopened_at"]
    assert items[1]["reopened_at"] is None
    assert items[0]["closed_by_agency"] == "cv-hist"
    assert items[0]["victim_view"]["comment"] == "Better, but it took too long"
    timeline = (await cw.get(f"/v1/cases/{cid}/timeline", params={"limit": 200})).json()
    closed = [i for i in timeline["items"] if i["kind"] == "case_closed"]
    assert [c["summary"]["victim_satisfied"] for c in closed] == ["no", "not_asked"]
    assert "took too long" not in str(timeline)  # the victim's words stay on the closure
    other = api.with_key(await make_key("cv-other", "caseworker"))
    assert (await other.get(f"/v1/cases/{cid}/closures")).status_code == 404


async def test_statistics_of_the_victims_view(api, make_key):
    area = f"cv-{secrets.token_hex(3)}"
    for i in range(6):
        _, sv, cid = await _case(api, make_key, "cv-police" if i % 2 else "cv-council",
                                 kind="police" if i % 2 else "council", area=area)
        r = await sv.post(f"/v1/cases/{cid}/close", json=_close(ASKED if i < 5 else NOT_ASKED))
        assert r.status_code == 200, r.text
    analyst = api.with_key(await make_key("cv-analysts", "analyst"))
    r = await analyst.get("/v1/stats", params={"area": area})
    assert r.status_code == 200, r.text
    tables = r.json()["tables"]
    by_area = tables["victim_satisfied_by_area"]
    assert by_area["rows"] == [area]
    assert by_area["columns"] == ["yes", "no", "not_asked"]
    assert by_area["row_totals"] == [5]  # 6 closings, rounded down to a multiple of 5
    assert by_area["cells"][0][0] == 0  # zeros are shown
    assert all(v in ("1-4", "*") for v in by_area["cells"][0][1:])  # 5 and 1: 1 is suppressed
    kinds = tables["victim_feels_safer_by_lead_agency_kind"]
    assert kinds["rows"] == ["police", "council"]
    assert kinds["total"] == 5
    assert tables["victim_kept_informed_by_level"]["rows"] == ["standard", "medium", "high"]
    assert "Closure Victim" not in r.text and "took too long" not in r.text
