"""Owned work, finding a case and the acceptance fixes, through HTTP against openapi.yaml: a case
found by its reference (a non-member learns nothing); unknown query parameters refused on every
kind of operation; targets owned by the lead agency, the work queue by owner, a target
reassigned (audited, on the timeline); the version and ETag moving with flags, If-None-Match
answered 304; Idempotency-Key on opening a case, sharing, reassessing and a Case Review
application; no share-with-police target while a police agency is a member, and an open one met
when a police agency joins."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest


def case_body(**over) -> dict:
    body = {
        "area": "fenland",
        "summary": "Abuse on the landing",
        "answers": {"repeat": True, "feels_targeted": True},
        "victim": {"role": "victim", "name": "Owen Workqueue"},
        "consent": {"state": "given"},
    }
    body.update(over)
    return body


def hate_threats(**over) -> dict:
    body = {
        "started_at": (datetime.now(UTC) - timedelta(hours=2)).isoformat(),
        "what_happened": "Threatened to burn the car, with racial abuse",
        "category": "threats", "hostility_perceived": ["race"],
        "hostility_perceived_by": "victim", "hostility_asked": True,
    }
    body.update(over)
    return body


@pytest.fixture
async def people(api, make_key):
    keys = {
        "officer": await make_key("ow-council", "caseworker"),
        "handler": await make_key("ow-council", "call_handler"),
        "housing": await make_key("ow-housing", "caseworker", kind="housing_provider"),
        "police": await make_key("ow-police", "caseworker", kind="police"),
        "stranger": await make_key("ow-far-council", "caseworker"),
        "auditor": await make_key("ow-council", "auditor"),
    }
    return {name: api.with_key(key) for name, key in keys.items()}


async def _open(officer, **over) -> dict:
    r = await officer.post("/v1/cases", json=case_body(**over))
    assert r.status_code == 201, r.text
    return r.json()


async def test_a_case_is_found_by_its_reference_only_by_those_who_may_see_it(people):
    officer, stranger = people["officer"], people["stranger"]
    case = await _open(officer)
    r = await officer.get("/v1/cases", params={"reference": case["reference"]})
    assert r.status_code == 200
    assert [c["id"] for c in r.json()["items"]] == [case["id"]]
    r = await officer.get(f"/v1/cases/by-reference/{case['reference']}")
    assert r.status_code == 200 and r.json()["id"] == case["id"]
    assert r.headers["ETag"] == f'"{case["version"]}"'
    # A non-member learns nothing: an empty list, and 404 exactly as for no such case.
    r = await stranger.get("/v1/cases", params={"reference": case["reference"]})
    assert r.status_code == 200 and r.json()["items"] == []
    r = await stranger.get(f"/v1/cases/by-reference/{case['reference']}")
    missing = await stranger.get("/v1/cases/by-reference/ASB-1999-000001")
    assert r.status_code == missing.status_code == 404
    assert r.json()["type"] == missing.json()["type"]
    # A malformed reference is a 422 naming it.
    r = await officer.get("/v1/cases", params={"reference": "case 123"}, check_request=False)
    assert r.status_code == 422 and "reference" in r.text


async def test_unknown_query_parameters_are_refused_naming_them(people):
    officer = people["officer"]
    case = await _open(officer)
    for path in ("/v1/cases", f"/v1/cases/{case['id']}", "/v1/targets", "/v1/me",
                 f"/v1/cases/{case['id']}/timeline"):
        r = await officer.get(path, params={"risk_levl": "high"}, check_request=False)
        assert r.status_code == 422, (path, r.text)
        assert r.json()["errors"] == [{"field": "risk_levl",
                                       "message": "unknown query parameter"}]
    # The raw evaluate endpoint too, and every unknown name is listed.
    r = await people["handler"].post("/v1/assessments/evaluate?debug=1&verbose",
                                     json={"answers": {"repeat": True}}, check_request=False)
    assert r.status_code == 422
    assert [e["field"] for e in r.json()["errors"]] == ["debug", "verbose"]
    # Declared parameters, including those read by hand (`state`), still pass.
    r = await officer.get("/v1/targets", params={"state": "due", "scope": "owned"})
    assert r.status_code == 200


async def test_targets_are_owned_and_queued_by_owner_and_reassigned(people):
    officer, housing = people["officer"], people["housing"]
    case = await _open(officer)
    cid = case["id"]
    r = await officer.post(f"/v1/cases/{cid}/members",
                           json={"agency": "ow-housing", "basis": "consent"})
    assert r.status_code == 201
    targets = (await officer.get(f"/v1/cases/{cid}/targets")).json()["items"]
    assert targets and {t["owner_agency"] for t in targets} == {"ow-council"}
    due = next(t for t in targets if t["state"] == "due")

    async def queue(client, **params) -> set[str]:
        r = await client.get("/v1/targets", params={"limit": 200, **params})
        assert r.status_code == 200, r.text
        return {t["id"] for t in r.json()["items"] if t["case_id"] == cid}

    assert due["id"] in await queue(officer)
    assert due["id"] not in await queue(housing)
    assert due["id"] in await queue(housing, scope="all_member_cases")

    r = await officer.post(f"/v1/cases/{cid}/targets/{due['id']}/reassign",
                           json={"owner_agency": "ow-housing",
                                 "reason": "The housing officer visits the victim weekly"})
    assert r.status_code == 200, r.text
    assert r.json()["owner_agency"] == "ow-housing"
    assert due["id"] in await queue(housing)
    assert due["id"] not in await queue(officer)
    timeline = (await officer.get(f"/v1/cases/{cid}/timeline", params={"limit": 200})).json()
    moved = [e for e in timeline["items"] if e["kind"] == "target_reassigned"]
    assert moved and moved[0]["summary"]["to_agency"] == "ow-housing"
    audit = (await people["auditor"].get("/v1/audit", params={"case_id": cid})).json()
    assert "target.reassign" in {e["action"] for e in audit["items"]}

    # Not a member: 422 on the field; a stranger: 404; no body: 422.
    r = await officer.post(f"/v1/cases/{cid}/targets/{due['id']}/reassign",
                           json={"owner_agency": "ow-far-council", "reason": "x"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "owner_agency"
    r = await people["stranger"].post(f"/v1/cases/{cid}/targets/{due['id']}/reassign",
                                      json={"owner_agency": "ow-council", "reason": "x"})
    assert r.status_code == 404
    r = await officer.post(f"/v1/cases/{cid}/targets/{due['id']}/reassign",
                           json={"owner_agency": "ow-council"}, check_request=False)
    assert r.status_code == 422 and "reason" in r.text


async def test_version_moves_with_flags_and_if_none_match_answers_304(people):
    officer = people["officer"]
    case = await _open(officer)
    cid = case["id"]
    r = await officer.get(f"/v1/cases/{cid}", headers={"If-None-Match": f'"{case["version"]}"'})
    assert r.status_code == 304 and r.content == b""
    assert r.headers["ETag"] == f'"{case["version"]}"'
    r = await officer.get(f"/v1/cases/{cid}", headers={"If-None-Match": '"999", "998"'})
    assert r.status_code == 200
    # Noise then a second nuisance: the repeat-victim flag is raised, the level holds.
    for category in ("noise", "rowdy_behaviour"):
        r = await officer.post(f"/v1/cases/{cid}/diary-entries", json={
            "started_at": (datetime.now(UTC) - timedelta(hours=1)).isoformat(),
            "what_happened": "Shouting", "category": category})
        assert r.status_code == 201, r.text
    after = await officer.get(f"/v1/cases/{cid}")
    body = after.json()
    assert "repeat-victim" in body["flags"] and body["risk_level"] == case["risk_level"]
    assert body["version"] > case["version"] and body["updated_at"] > case["updated_at"]
    r = await officer.get(f"/v1/cases/{cid}", headers={"If-None-Match": f'"{case["version"]}"'})
    assert r.status_code == 200 and r.headers["ETag"] == after.headers["ETag"]


async def test_idempotent_creates_never_make_two(people):
    officer = people["officer"]
    key = {"Idempotency-Key": "crm-case-000123"}
    first = await officer.post("/v1/cases", json=case_body(), headers=key)
    again = await officer.post("/v1/cases", json=case_body(), headers=key)
    assert first.status_code == again.status_code == 201
    assert again.json()["id"] == first.json()["id"]
    assert again.headers["Location"] == first.headers["Location"]
    clash = await officer.post("/v1/cases", json=case_body(summary="another"), headers=key,
                               check_request=False)
    assert clash.status_code == 422 and clash.json()["type"].endswith("/idempotency-key-reused")
    ref = first.json()["reference"]
    found = (await officer.get("/v1/cases", params={"reference": ref})).json()["items"]
    assert len(found) == 1
    cid = first.json()["id"]

    share = {"agency": "ow-housing", "basis": "consent"}
    a = await officer.post(f"/v1/cases/{cid}/members", json=share,
                           headers={"Idempotency-Key": "share-1"})
    b = await officer.post(f"/v1/cases/{cid}/members", json=share,
                           headers={"Idempotency-Key": "share-1"})
    assert a.status_code == b.status_code == 201 and a.json() == b.json()

    answers = {"answers": {"repeat": True, "sleep_affected": True}}
    a = await officer.post(f"/v1/cases/{cid}/assessments", json=answers,
                           headers={"Idempotency-Key": "assess-1"})
    b = await officer.post(f"/v1/cases/{cid}/assessments", json=answers,
                           headers={"Idempotency-Key": "assess-1"})
    assert a.status_code == b.status_code == 201 and a.json()["id"] == b.json()["id"]
    listed = (await officer.get(f"/v1/cases/{cid}/assessments")).json()["items"]
    assert len(listed) == 2  # the first contact and this one, once

    review = {"applicant_description": "The victim, by phone"}
    a = await officer.post(f"/v1/cases/{cid}/case-review", json=review,
                           headers={"Idempotency-Key": "review-1"})
    b = await officer.post(f"/v1/cases/{cid}/case-review", json=review,
                           headers={"Idempotency-Key": "review-1"})
    assert a.status_code == b.status_code == 201 and a.json()["id"] == b.json()["id"]
    assert len((await officer.get(f"/v1/cases/{cid}/case-review")).json()["items"]) == 1
    # The same key on another kind of request is refused.
    r = await officer.post(f"/v1/cases/{cid}/case-review", json=review,
                           headers={"Idempotency-Key": "assess-1"})
    assert r.status_code == 422 and r.json()["type"].endswith("/idempotency-key-reused")


async def test_share_with_police_target_only_while_no_police_member(people):
    officer = people["officer"]
    # No police member: hate crime sets a share-with-police target, met when police joins.
    case = await _open(officer)
    cid = case["id"]
    r = await officer.post(f"/v1/cases/{cid}/diary-entries", json=hate_threats())
    assert r.status_code == 201, r.text
    share = [t for t in (await officer.get(f"/v1/cases/{cid}/targets")).json()["items"]
             if t["kind"] == "share_with_police"]
    assert len(share) == 1 and share[0]["state"] == "due"
    assert share[0]["owner_agency"] == "ow-council"
    r = await officer.post(f"/v1/cases/{cid}/members",
                           json={"agency": "ow-police", "basis": "consent"})
    assert r.status_code == 201
    share = [t for t in (await officer.get(f"/v1/cases/{cid}/targets")).json()["items"]
             if t["kind"] == "share_with_police"]
    assert share[0]["state"] == "met" and share[0]["met_by_agency"] == "ow-council"

    # Police already a member: the same entry raises the flag but sets no such target.
    case = await _open(officer)
    cid = case["id"]
    r = await officer.post(f"/v1/cases/{cid}/members",
                           json={"agency": "ow-police", "basis": "consent"})
    assert r.status_code == 201
    r = await officer.post(f"/v1/cases/{cid}/diary-entries", json=hate_threats())
    assert r.status_code == 201
    flags = (await officer.get(f"/v1/cases/{cid}")).json()["flags"]
    kinds = {t["kind"] for t in (await officer.get(f"/v1/cases/{cid}/targets")).json()["items"]}
    assert "hate-crime" in flags and "share_with_police" not in kinds
    assert "hate_review" in kinds
