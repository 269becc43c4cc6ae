"""Regressions for what schemathesis found, as contract-checked in-process tests."""

from __future__ import annotations


async def test_flags_raised_by_an_assessment_cite_the_assessment_id(api, make_key):
    officer = api.with_key(await make_key("st-findings", "caseworker"))
    r = await officer.post("/v1/cases", json={
        "area": "fenland",
        "answers": {"threats_or_violence": True, "hostility_perceived": ["race"]},
        "consent": {"state": "given"}, "victim": {"role": "victim", "name": "Finding Victim"}})
    assert r.status_code == 201, r.text
    cid = r.json()["id"]
    r = await officer.post(f"/v1/cases/{cid}/assessments",
                           json={"answers": {"threats_or_violence": True}})
    assert r.status_code == 201, r.text
    assessments = {a["id"] for a in (await officer.get(
        f"/v1/cases/{cid}/assessments")).json()["items"]}
    flags = (await officer.get(f"/v1/cases/{cid}/escalations")).json()["items"]  # conforms
    assert {"critical-incident", "hate-perceived"} <= {f["rule_id"] for f in flags}
    for flag in flags:
        assert set(flag["evidence"]) <= assessments, flag


async def test_an_area_the_contract_would_not_return_is_refused(api, make_key):
    """An area outside the contract's pattern was stored, then broke every case list."""
    officer = api.with_key(await make_key("st-findings-area", "caseworker"))
    body = {"area": "r*", "answers": {}, "consent": {"state": "given"},
            "victim": {"role": "victim", "name": "Area Victim"}}
    r = await officer.post("/v1/cases", json=body, check_request=False)
    assert r.status_code == 422 and "area" in r.text
    r = await officer.post("/v1/cases", json={**body, "area": "fenland"})
    assert r.status_code == 201
    r = await officer.patch(f"/v1/cases/{r.json()['id']}", json={"area": "Fen Land"},
                            headers={"If-Match": r.headers["ETag"]}, check_request=False)
    assert r.status_code == 422 and "area" in r.text
    assert (await officer.get("/v1/cases")).status_code == 200  # conforms
