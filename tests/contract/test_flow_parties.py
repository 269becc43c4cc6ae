"""Parties after a case is opened, through HTTP, every exchange checked against openapi.yaml: a
council officer adds a witness, a second victim and the alleged perpetrator (idempotently),
amends contact details (If-Match), records consent refused with its legal basis and removes a
party added in error; the case keeps a victim or complainant; identity never leaves for roles
that may not see it, nor reaches the timeline; the alleged perpetrator's details are never a
way to find the complainant."""

from __future__ import annotations

import json

import pytest

COMPLAINANT = "Perpetua Quillfeather-Marker"
WITNESS = "Wendell Oakhurst-Marker"
PERP_ADDRESS = "14 Marker Terrace, March, PE15 9ZZ"
MARKERS = (COMPLAINANT, WITNESS, PERP_ADDRESS, "07700 900777", "07700 900888")


# who: (agency, role, agency kind)
KEYS = {"handler": ("pf-police", "call_handler", "police"),
        "officer": ("pf-council", "caseworker", "council"),
        "supervisor": ("pf-council", "supervisor", "council"),
        "auditor": ("pf-council", "auditor", "council"),
        "housing": ("pf-housing", "integration", "housing_provider"),
        "stranger": ("pf-far", "caseworker", "council")}


@pytest.fixture
async def people(api, make_key):
    return {who: api.with_key(await make_key(slug, role, kind=kind))
            for who, (slug, role, kind) in KEYS.items()}


async def _case(officer) -> str:
    r = await officer.post("/v1/cases", json={
        "area": "fenland", "summary": "Intimidation on the shared landing",
        "answers": {"repeat": True},
        "victim": {"role": "complainant", "name": COMPLAINANT, "phone": "07700 900777"},
        "consent": {"state": "given"}})
    assert r.status_code == 201, r.text
    return r.json()["id"]


def _no_markers(text: str, where: str) -> None:
    for marker in MARKERS:
        assert marker not in text, f"identity in {where}"


async def test_add_parties_idempotently_and_read_them_back(people):
    officer = people["officer"]
    cid = await _case(officer)
    witness = {"role": "witness", "name": WITNESS, "phone": "07700 900888",
               "date_of_birth": "1971-04-02", "consent": {"state": "given"}}
    r = await officer.post(f"/v1/cases/{cid}/parties", json=witness,
                           headers={"Idempotency-Key": "pf-witness-1"})
    assert r.status_code == 201, r.text
    added = r.json()
    assert added["display_name"] == "Witness 1" and added["restricted"] is None
    assert added["version"] == 1 and r.headers["ETag"] == '"1"'
    assert added["consent"]["state"] == "given" and added["removed"] is None
    _no_markers(r.text, "the answer to addParty")
    # A retry answers as the first request did; another body with the key is refused.
    again = await officer.post(f"/v1/cases/{cid}/parties", json=witness,
                               headers={"Idempotency-Key": "pf-witness-1"})
    assert again.status_code == 201 and again.json()["id"] == added["id"]
    r = await officer.post(f"/v1/cases/{cid}/parties", json={**witness, "name": "Someone Else"},
                           headers={"Idempotency-Key": "pf-witness-1"})
    assert r.status_code == 422
    assert r.json()["type"].endswith("/idempotency-key-reused")

    # The Location answers 200; the caseworker sees the identity there (audited).
    r = await officer.get(again.headers["Location"])
    assert r.status_code == 200 and r.json()["restricted"]["name"] == WITNESS
    assert r.json()["restricted"]["date_of_birth"] == "1971-04-02"
    # Unchanged since its ETag: 304 with no body (and so no identity).
    r = await officer.get(again.headers["Location"], headers={"If-None-Match": r.headers["ETag"]})
    assert r.status_code == 304 and r.content == b"" and r.headers["ETag"] == '"1"'
    r = await officer.get(again.headers["Location"], headers={"If-None-Match": '"7"'})
    assert r.status_code == 200
    r = await officer.get(f"/v1/cases/{cid}/parties")
    assert [p["display_name"] for p in r.json()["items"]] == ["Complainant 1", "Witness 1"]

    # A second victim and the alleged perpetrator.
    r = await officer.post(f"/v1/cases/{cid}/parties", json={"role": "victim"})
    assert r.status_code == 201 and r.json()["display_name"] == "Victim 1"
    assert r.json()["consent"] == {"state": "not_asked", "recorded_at": None,
                                   "legal_basis": None}
    r = await officer.post(f"/v1/cases/{cid}/parties",
                           json={"role": "alleged_perpetrator", "address": PERP_ADDRESS})
    assert r.status_code == 201 and r.json()["display_name"] == "Alleged perpetrator 1"

    # Roles that may not see identity never do; who may not add parties is refused.
    for who in ("auditor", "housing"):
        r = await people[who].get(f"/v1/cases/{cid}/parties")
        if r.status_code == 200:
            assert all(p["restricted"] is None for p in r.json()["items"])
            _no_markers(r.text, f"listParties as {who}")
    r = await people["auditor"].post(f"/v1/cases/{cid}/parties", json={"role": "witness"})
    assert r.status_code == 403
    r = await people["stranger"].post(f"/v1/cases/{cid}/parties", json={"role": "witness"})
    assert r.status_code == 404
    r = await people["stranger"].get(f"/v1/cases/{cid}/parties/{added['id']}")
    assert r.status_code == 404


async def test_bad_party_bodies_are_field_level_problems(people):
    officer = people["officer"]
    cid = await _case(officer)
    bad = [
        ({"role": "neighbour"}, "role"),
        ({"role": "witness", "nickname": "x"}, "nickname"),
        ({"role": "witness", "date_of_birth": "2999-01-01"}, "date_of_birth"),
        ({"role": "witness", "name": ""}, "name"),
        ({"role": "witness", "consent": {"state": "refused", "legal_basis": "   "}},
         "consent.legal_basis"),
    ]
    for body, field in bad:
        r = await officer.post(f"/v1/cases/{cid}/parties", json=body, check_request=False)
        assert r.status_code == 422, (body, r.text)
        assert field in [e["field"] for e in r.json()["errors"]], (body, r.text)
    r = await officer.get(f"/v1/cases/{cid}/parties")
    assert len(r.json()["items"]) == 1  # nothing half-written


async def test_amend_consent_and_remove(people):
    officer, supervisor = people["officer"], people["supervisor"]
    cid = await _case(officer)
    r = await officer.get(f"/v1/cases/{cid}/parties")
    complainant = r.json()["items"][0]
    url = f"/v1/cases/{cid}/parties/{complainant['id']}"

    # Amending needs the party's ETag: 428 without, 412 when stale.
    change = json.dumps({"phone": "07700 900999", "email": None})
    merge = {"Content-Type": "application/merge-patch+json"}
    r = await officer.patch(url, content=change, headers=merge, check_request=False)
    assert r.status_code == 428
    r = await officer.patch(url, content=change, headers={**merge, "If-Match": '"7"'})
    assert r.status_code == 412
    r = await officer.patch(url, content=change, headers={**merge, "If-Match": '"1"'})
    assert r.status_code == 200, r.text
    assert r.json()["version"] == 2 and r.headers["ETag"] == '"2"'
    r = await officer.get(url)
    assert r.json()["restricted"]["phone"] == "07700 900999"
    assert r.json()["restricted"]["name"] == COMPLAINANT
    r = await officer.patch(url, json={"role": None}, headers={"If-Match": '"2"'},
                            check_request=False)
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "role"
    # The only complainant can neither become a witness nor be removed.
    r = await officer.patch(url, json={"role": "witness"}, headers={"If-Match": '"2"'})
    assert r.status_code == 409
    r = await officer.post(url + "/removal", json={"reason": "Wrong person"})
    assert r.status_code == 409

    # Consent refused later, with its legal basis.
    r = await officer.post(url + "/consent", json={
        "state": "refused", "legal_basis": "Crime and Disorder Act 1998 s115"})
    assert r.status_code == 200, r.text
    assert r.json()["consent"]["state"] == "refused" and r.json()["version"] == 3

    # With a victim on the case, the complainant added in error can go.
    r = await officer.post(f"/v1/cases/{cid}/parties", json={"role": "victim"})
    assert r.status_code == 201
    removal = {"If-Match": '"3"', "Idempotency-Key": "pf-remove-1"}
    r = await supervisor.post(url + "/removal", json={"reason": "Added to the wrong case"},
                              headers=removal)
    assert r.status_code == 200, r.text
    removed = r.json()["removed"]
    assert removed["by_agency"] == "pf-council" and removed["reason"] == "Added to the wrong case"
    # A retry (the answer was lost) answers as the first did; the key cannot be reused.
    again = await supervisor.post(url + "/removal", json={"reason": "Added to the wrong case"},
                                  headers=removal)
    assert again.status_code == 200 and again.json() == r.json()
    reused = await supervisor.post(url + "/removal", json={"reason": "Another reason"},
                                   headers=removal)
    assert reused.status_code == 422
    assert reused.json()["type"].endswith("/idempotency-key-reused")
    r = await officer.post(url + "/removal", json={"reason": "again"})
    assert r.status_code == 409
    r = await officer.post(url + "/consent", json={"state": "given"})
    assert r.status_code == 409
    r = await officer.get(f"/v1/cases/{cid}/parties")
    assert [p["role"] for p in r.json()["items"]] == ["victim"]
    r = await officer.get(f"/v1/cases/{cid}/parties", params={"include_removed": "true"})
    assert [p["removed"] is not None for p in r.json()["items"]] == [True, False]

    # The timeline has each change, never the identity.
    r = await officer.get(f"/v1/cases/{cid}/timeline", params={"limit": 200})
    kinds = [e["kind"] for e in r.json()["items"]]
    for kind in ("party_added", "party_amended", "consent_recorded", "party_removed"):
        assert kind in kinds
    _no_markers(r.text, "the timeline")
    r = await people["auditor"].get("/v1/audit", params={"case_id": cid, "limit": 200})
    assert r.status_code == 200
    actions = {e["action"] for e in r.json()["items"]}
    assert {"party.amend", "party.consent", "party.remove", "party.restricted_read"} <= actions
    _no_markers(r.text, "the audit log")


async def test_closed_case_takes_no_party_changes(people):
    officer, supervisor = people["officer"], people["supervisor"]
    cid = await _case(officer)
    r = await supervisor.post(f"/v1/cases/{cid}/close", json={
        "outcome": "Resolved", "final_victim_update": "Told the complainant",
        "victim_view": {"satisfied": "not_asked", "not_asked_reason": "Could not be reached"}})
    assert r.status_code == 200, r.text
    r = await officer.post(f"/v1/cases/{cid}/parties", json={"role": "witness"})
    assert r.status_code == 409


async def test_the_perpetrators_details_never_find_the_complainant(people):
    """A call from the alleged perpetrator's address (a counter-complaint) must not learn that
    a case names it: only victims' and complainants' details are ever looked up."""
    officer, handler = people["officer"], people["handler"]
    cid = await _case(officer)
    r = await officer.post(f"/v1/cases/{cid}/parties", json={
        "role": "alleged_perpetrator", "address": PERP_ADDRESS, "phone": "07700 900555"})
    assert r.status_code == 201
    for probe in ({"address": PERP_ADDRESS}, {"phone": "07700 900555"}):
        r = await handler.post("/v1/repeat-caller-lookup", json=probe)
        assert r.status_code == 200
        assert r.json() == {"match": False, "level": None, "contact": []}
    # The complainant's own number still matches.
    r = await officer.post("/v1/repeat-caller-lookup", json={"phone": "07700 900777"})
    assert r.json()["match"] is True
