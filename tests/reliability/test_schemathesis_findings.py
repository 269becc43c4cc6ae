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
