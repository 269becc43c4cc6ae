"""Data protection through HTTP, every exchange checked against openapi.yaml: the data
protection officer reads the retention report, a supervisor holds and releases a case, the
officer exports what is held about the alleged perpetrator (JSON and HTML, no complainant in
either) and then erases his identity; the officer does no case work."""

from __future__ import annotations

import pytest

COMPLAINANT = {"name": "Abdul Quaresma-Marker", "phone": "07700 900 461",
               "email": "aqm@example.org", "address": "3 Gull Way, Wisbech"}
PERPETRATOR = "Wayne Kettering-Marker"

KEYS = {"officer": ("dpf-council", "caseworker"), "supervisor": ("dpf-council", "supervisor"),
        "dpo": ("dpf-council", "dpo"), "auditor": ("dpf-council", "auditor"),
        "stranger": ("dpf-far", "dpo")}


@pytest.fixture
async def people(api, make_key):
    return {who: api.with_key(await make_key(slug, role)) for who, (slug, role) in KEYS.items()}


async def _case(officer) -> tuple[str, str]:
    r = await officer.post("/v1/cases", json={
        "area": "fenland", "answers": {"repeat": True, "feels_targeted": True},
        "victim": {"role": "complainant", **COMPLAINANT}, "consent": {"state": "given"}})
    assert r.status_code == 201, r.text
    cid = r.json()["id"]
    r = await officer.post(f"/v1/cases/{cid}/parties", json={
        "role": "alleged_perpetrator", "name": PERPETRATOR, "date_of_birth": "1988-04-01"})
    assert r.status_code == 201, r.text
    perp = r.json()["id"]
    r = await officer.post(f"/v1/cases/{cid}/diary-entries", json={
        "started_at": "2026-11-20T23:15:00Z", "category": "verbal_abuse",
        "what_happened": f"{PERPETRATOR} shouted at {COMPLAINANT['name']} outside "
                         f"{COMPLAINANT['address']}",
        "responsible": PERPETRATOR, "hostility_perceived": ["race"],
        "hostility_perceived_by": "victim", "hostility_asked": True})
    assert r.status_code == 201, r.text
    return cid, perp


async def test_holds_exports_and_erasure(people):
    officer, sv, dpo = people["officer"], people["supervisor"], people["dpo"]
    cid, perp = await _case(officer)

    r = await dpo.get("/v1/retention/report")
    assert r.status_code == 200, r.text
    report = r.json()
    assert report["dry_run"] is True
    assert {s["agency_kind"] for s in report["schedules"]} >= {"default", "council", "police"}
    assert all(d["case_id"] != cid for d in report["due"])  # an open case is never due
    assert (await officer.get("/v1/retention/report")).status_code == 403

    # The officer does no case work and reads no case.
    assert (await dpo.get(f"/v1/cases/{cid}")).status_code == 404
    assert (await dpo.get(f"/v1/cases/{cid}/parties")).status_code == 404

    r = await sv.post(f"/v1/cases/{cid}/legal-holds", json={"reason": "Claim 4QZ1 pending"})
    assert r.status_code == 201, r.text
    hold = r.json()
    assert hold["placed_by_agency"] == "dpf-council" and hold["released_at"] is None
    assert r.headers["Location"].endswith(hold["id"])
    r = await sv.post(f"/v1/cases/{cid}/legal-holds", json={
        "reason": "x", "until": "2020-01-01T00:00:00Z"})  # valid in form, refused in time
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "until"
    assert (await officer.post(f"/v1/cases/{cid}/legal-holds",
                               json={"reason": "x"})).status_code == 403
    assert (await people["stranger"].post(f"/v1/cases/{cid}/legal-holds",
                                          json={"reason": "x"})).status_code == 404
    r = await people["auditor"].get(f"/v1/cases/{cid}/legal-holds")
    assert r.status_code == 200 and [h["id"] for h in r.json()["items"]] == [hold["id"]]

    # Held: erasure waits.
    erase = {"request_reference": "DPO-2026-0142", "reason": "UK GDPR Art 17(1)(a)",
             "free_text": True}
    r = await dpo.post(f"/v1/cases/{cid}/parties/{perp}/erasure", json=erase)
    assert r.status_code == 409, r.text
    r = await dpo.post(f"/v1/cases/{cid}/legal-holds/{hold['id']}/release",
                       json={"reason": "Claim settled"})
    assert r.status_code == 200 and r.json()["released_by_agency"] == "dpf-council"
    r = await dpo.post(f"/v1/cases/{cid}/legal-holds/{hold['id']}/release",
                       json={"reason": "again"})
    assert r.status_code == 409

    # The perpetrator's subject access export: his incident, none of the complainant.
    r = await dpo.get(f"/v1/cases/{cid}/parties/{perp}/subject-access-export")
    assert r.status_code == 200, r.text
    assert r.headers["cache-control"] == "no-store"
    doc = r.json()
    assert doc["subject"]["identity"]["name"] == PERPETRATOR
    assert [i["category"] for i in doc["cases"][0]["incidents"]] == ["verbal_abuse"]
    page = await dpo.get(f"/v1/cases/{cid}/parties/{perp}/subject-access-export",
                         params={"format": "html"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert PERPETRATOR in page.text
    for value in COMPLAINANT.values():
        assert value not in r.text and value not in page.text
    assert (await sv.get(f"/v1/cases/{cid}/parties/{perp}/subject-access-export")
            ).status_code == 403
    bad = await dpo.get(f"/v1/cases/{cid}/parties/{perp}/subject-access-export",
                        params={"format": "pdf"}, check_request=False)
    assert bad.status_code == 422

    # Erasure: names and counts only in the answer; the diary entry keeps its facts.
    assert (await sv.post(f"/v1/cases/{cid}/parties/{perp}/erasure",
                          json=erase)).status_code == 403
    r = await dpo.post(f"/v1/cases/{cid}/parties/{perp}/erasure", json=erase)
    assert r.status_code == 200, r.text
    assert r.json()["fields"] == ["date_of_birth", "name"]
    assert r.json()["changed"]["diary_entries"] == 1 and PERPETRATOR not in r.text
    party = (await officer.get(f"/v1/cases/{cid}/parties/{perp}")).json()
    assert party["erased"]["by_agency"] == "dpf-council"
    assert party["restricted"] == dict.fromkeys(party["restricted"])  # nothing left to show
    entry = (await officer.get(f"/v1/cases/{cid}/diary-entries")).json()["items"][0]
    assert PERPETRATOR not in entry["what_happened"] and entry["category"] == "verbal_abuse"
    assert entry["what_happened"].startswith("[erased] shouted at")
    assert (await dpo.post(f"/v1/cases/{cid}/parties/{perp}/erasure",
                           json=erase)).status_code == 409
    r = await dpo.post(f"/v1/cases/{cid}/parties/{perp}/erasure", json={"reason": "x"},
                       check_request=False)
    assert r.status_code == 422
