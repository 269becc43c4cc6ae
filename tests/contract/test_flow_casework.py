"""End-to-end through HTTP, every exchange checked against openapi.yaml: a call handler
evaluates and opens a case; a council officer shares it, reassesses, records updates, meets
targets and closes it; a housing system posts diary entries with idempotent retries; an auditor
reads the log; non-members and wrong roles are refused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

# The victim's view at closure, as every closing now records it.
VICTIM_VIEW = {"satisfied": "yes", "kept_informed": "yes", "feels_safer": "yes"}

MARKER = "Zebedee Quartermaine-Marker"

SCREEN_HIGH = {"immediate_danger": False, "threats_or_violence": True, "repeat": True}


def case_body(**over) -> dict:
    body = {
        "area": "fenland",
        "summary": "Noise and verbal abuse from a neighbour",
        "answers": {"repeat": True, "feels_targeted": True, "hostility_perceived": []},
        "victim": {"role": "complainant", "name": MARKER, "phone": "07700 900123"},
        "consent": {"state": "given"},
    }
    body.update(over)
    return body


def entry_body(**over) -> dict:
    body = {
        "started_at": (datetime.now(UTC) - timedelta(hours=3)).isoformat(),
        "duration_minutes": 45,
        "location": "Front garden",
        "what_happened": "Loud music and shouting over the fence until 2am",
        "category": "noise",
        "source_system": "housing-crm",
    }
    body.update(over)
    return body


@pytest.fixture
async def people(api, make_key):
    keys = {
        "handler": await make_key("fen-police", "call_handler", kind="police"),
        "officer": await make_key("fen-council", "caseworker"),
        "supervisor": await make_key("fen-council", "supervisor"),
        "auditor": await make_key("fen-council", "auditor"),
        "analyst": await make_key("fen-council", "analyst"),
        "housing": await make_key("fen-housing", "integration", kind="housing_provider"),
        "housing_worker": await make_key("fen-housing", "caseworker", kind="housing_provider"),
        "police": await make_key("fen-police", "caseworker", kind="police"),
        "stranger": await make_key("far-council", "caseworker"),
    }
    return {name: api.with_key(key) for name, key in keys.items()}


async def test_call_handler_evaluates_then_opens_a_case(people):
    handler = people["handler"]
    r = await handler.get("/v1/assessment-policy")
    assert r.status_code == 200 and r.json()["version"] == "fenland-harm-v1"
    r = await handler.post("/v1/assessments/evaluate", json={"answers": SCREEN_HIGH})
    assert r.status_code == 200
    result = r.json()
    assert result["level"] == "high" and result["policy_version"] == "fenland-harm-v1"
    r = await handler.post("/v1/assessments/evaluate", json={"answers": {"nonsense": True}},
                           check_request=False)
    assert r.status_code == 422 and "answers.nonsense" in r.text

    r = await handler.post("/v1/cases", json=case_body(answers=SCREEN_HIGH))
    assert r.status_code == 201, r.text
    case = r.json()
    assert case["risk_level"] == "high" and case["lead_agency"] == "fen-police"
    assert r.headers["ETag"] == f'"{case["version"]}"'
    assert r.headers["Location"] == f"/v1/cases/{case['id']}"
    # The call handler sees the case it opened, but never the complainant's identity.
    r = await handler.get(f"/v1/cases/{case['id']}")
    assert r.status_code == 200
    r = await handler.get(f"/v1/cases/{case['id']}/parties")
    assert r.status_code in (200, 403, 404)
    assert MARKER not in r.text
    targets = (await people["police"].get(f"/v1/cases/{case['id']}/targets")).json()["items"]
    first = next(t for t in targets if t["kind"] == "first_contact")
    due = datetime.fromisoformat(first["due_at"].replace("Z", "+00:00"))
    opened = datetime.fromisoformat(case["opened_at"].replace("Z", "+00:00"))
    assert abs((due - opened) - timedelta(hours=1)) < timedelta(seconds=5)


async def test_council_officer_works_a_case_end_to_end(people):
    officer, housing = people["officer"], people["housing"]
    r = await officer.post("/v1/cases", json=case_body())
    assert r.status_code == 201, r.text
    case = r.json()
    cid = case["id"]

    # Share with the housing provider (consent given) and the police.
    r = await officer.post(f"/v1/cases/{cid}/members",
                           json={"agency": "fen-housing", "basis": "consent"})
    assert r.status_code == 201, r.text
    r = await officer.post(f"/v1/cases/{cid}/members",
                           json={"agency": "fen-police", "basis": "consent"})
    assert r.status_code == 201
    members = (await officer.get(f"/v1/cases/{cid}/members")).json()["items"]
    assert {m["agency"] for m in members} == {"fen-council", "fen-housing", "fen-police"}

    # The caseworker sees the complainant; the integration role does not.
    r = await officer.get(f"/v1/cases/{cid}/parties")
    assert r.status_code == 200 and MARKER in r.text
    r = await housing.get(f"/v1/cases/{cid}/parties")
    assert MARKER not in r.text

    # The housing system posts a diary entry, retries it, and reuses the key wrongly.
    headers = {"Idempotency-Key": "crm-row-1"}
    first = await housing.post(f"/v1/cases/{cid}/diary-entries", json=entry_body(),
                               headers=headers)
    assert first.status_code == 201, first.text
    again = await housing.post(f"/v1/cases/{cid}/diary-entries", json=entry_body(
        started_at=first.json()["started_at"]), headers=headers)
    assert again.status_code == 201 and again.json()["id"] == first.json()["id"]
    clash = await housing.post(f"/v1/cases/{cid}/diary-entries",
                               json=entry_body(what_happened="different"), headers=headers,
                               check_request=False)
    assert clash.status_code == 422
    assert clash.json()["type"].endswith("/idempotency-key-reused")
    entries = (await officer.get(f"/v1/cases/{cid}/diary-entries")).json()["items"]
    assert len(entries) == 1 and entries[0]["acknowledged_at"]

    # An amendment is a new entry pointing at the one it corrects.
    entry_id = first.json()["id"]
    r = await housing.post(f"/v1/cases/{cid}/diary-entries/{entry_id}/amendments",
                           json=entry_body(what_happened="Music until 3am, not 2am"))
    assert r.status_code == 201 and r.json()["amends"] == entry_id

    # Threats with racial hostility: high at once, hate crime and severity rise flagged.
    r = await housing.post(f"/v1/cases/{cid}/diary-entries", json=entry_body(
        category="threats", what_happened="Threatened to burn the car",
        hostility_perceived=["race"], hostility_perceived_by="victim", hostility_asked=True,
        victim_feels_targeted=True))
    assert r.status_code == 201, r.text
    case = (await officer.get(f"/v1/cases/{cid}")).json()
    assert case["risk_level"] == "high"
    rules = {f["rule_id"] for f in (await officer.get(f"/v1/cases/{cid}/escalations")).json()[
        "items"]}
    assert {"hate-perceived", "hate-crime", "critical-incident"} <= rules

    # Reassess, record an update and an action, meet a target.
    r = await officer.post(f"/v1/cases/{cid}/assessments", json={"answers": SCREEN_HIGH})
    assert r.status_code == 201 and r.json()["level"] == "high"
    assert len((await officer.get(f"/v1/cases/{cid}/assessments")).json()["items"]) == 2
    r = await officer.post(f"/v1/cases/{cid}/updates",
                           json={"kind": "update", "text": "Visited the victim"})
    assert r.status_code == 201
    r = await officer.post(f"/v1/cases/{cid}/updates", json={
        "kind": "action", "text": "Serve a community protection warning",
        "owner_agency": "fen-housing",
        "due_at": (datetime.now(UTC) + timedelta(days=3)).isoformat()})
    assert r.status_code == 201, r.text
    action_id = r.json()["id"]
    r = await officer.post(f"/v1/cases/{cid}/updates/{action_id}/done")
    assert r.status_code == 200 and r.json()["done"] is True
    updates = (await officer.get(f"/v1/cases/{cid}/updates")).json()["items"]
    assert len(updates) >= 2
    targets = (await officer.get(f"/v1/cases/{cid}/targets")).json()["items"]
    first_contact = next(t for t in targets if t["kind"] == "first_contact" and t["state"] == "due")
    r = await officer.post(f"/v1/cases/{cid}/targets/{first_contact['id']}/met", json={})
    assert r.status_code == 200 and r.json()["state"] == "met"
    queue = (await officer.get("/v1/targets", params={"state": "due"})).json()
    assert all(item["case_id"] for item in queue["items"])

    # Timeline in time order; Case Review application.
    r = await officer.get(f"/v1/cases/{cid}/timeline", params={"limit": 200})
    items = r.json()["items"]
    assert [i["at"] for i in items] == sorted(i["at"] for i in items)
    kinds = {i["kind"] for i in items}
    assert {"diary_entry", "assessment", "update", "member_added"} <= kinds
    r = await officer.post(f"/v1/cases/{cid}/case-review",
                           json={"applicant_description": "The victim, by phone"})
    assert r.status_code == 201, r.text
    assert len((await officer.get(f"/v1/cases/{cid}/case-review")).json()["items"]) == 1

    # PATCH needs If-Match: 428 without, 412 when stale, 200 with the current ETag.
    current = await officer.get(f"/v1/cases/{cid}")
    etag = current.headers["ETag"]
    r = await officer.patch(f"/v1/cases/{cid}", json={"status": "active"}, check_request=False)
    assert r.status_code == 428
    r = await officer.patch(f"/v1/cases/{cid}", json={"status": "active"},
                            headers={"If-Match": '"1"'})
    assert r.status_code == 412
    r = await officer.patch(f"/v1/cases/{cid}", json={"status": "active"},
                            headers={"If-Match": etag})
    assert r.status_code == 200 and r.json()["status"] == "active"

    # Only a supervisor closes; closing needs an outcome and a final victim update.
    r = await officer.post(f"/v1/cases/{cid}/close", json={
        "outcome": "Perpetrator moved", "final_victim_update": "Told the victim by phone",
            "victim_view": VICTIM_VIEW})
    assert r.status_code == 403
    supervisor = people["supervisor"]
    r = await supervisor.post(f"/v1/cases/{cid}/close", json={
        "outcome": "Perpetrator moved", "final_victim_update": "Told the victim by phone",
            "victim_view": VICTIM_VIEW})
    assert r.status_code == 200 and r.json()["status"] == "closed"
    r = await supervisor.post(f"/v1/cases/{cid}/reopen", json={"reason": "New incident"})
    assert r.status_code == 200 and r.json()["status"] != "closed"
    r = await supervisor.delete(f"/v1/cases/{cid}/members/fen-police",
                                params={"reason": "No longer involved"})
    assert r.status_code == 204

    # The auditor reads the log; the restricted read above is in it.
    r = await people["auditor"].get("/v1/audit", params={"case_id": cid, "limit": 200})
    assert r.status_code == 200
    actions = {e["action"] for e in r.json()["items"]}
    assert "party.restricted_read" in actions and MARKER not in r.text


async def test_non_member_gets_not_found_everywhere(people):
    officer, stranger = people["officer"], people["stranger"]
    cid = (await officer.post("/v1/cases", json=case_body())).json()["id"]
    for path in ("", "/parties", "/members", "/diary-entries", "/assessments", "/updates",
                 "/timeline", "/targets", "/escalations", "/case-review"):
        r = await stranger.get(f"/v1/cases/{cid}{path}")
        assert r.status_code == 404, path
        assert r.json()["type"].endswith("/not-found")
    r = await stranger.post(f"/v1/cases/{cid}/diary-entries", json=entry_body())
    assert r.status_code == 404
    r = await stranger.patch(f"/v1/cases/{cid}", json={"summary": "x"},
                             headers={"If-Match": '"1"'})
    assert r.status_code == 404


async def test_roles_are_refused_where_they_should_be(people):
    officer = people["officer"]
    cid = (await officer.post("/v1/cases", json=case_body())).json()["id"]
    analyst, auditor = people["analyst"], people["auditor"]
    assert (await analyst.get(f"/v1/cases/{cid}")).status_code in (403, 404)
    assert (await analyst.get("/v1/cases")).status_code == 403
    assert (await auditor.post(f"/v1/cases/{cid}/updates",
                               json={"kind": "update", "text": "x"})).status_code == 403
    assert (await officer.get("/v1/audit")).status_code == 403


async def test_housing_system_retries_an_update_safely(people):
    officer, housing = people["officer"], people["housing"]
    cid = (await officer.post("/v1/cases", json=case_body())).json()["id"]
    await officer.post(f"/v1/cases/{cid}/members",
                       json={"agency": "fen-housing", "basis": "consent"})
    body = {"kind": "update", "text": "Tenancy warning letter sent"}
    key = {"Idempotency-Key": "crm-update-77"}
    first = await housing.post(f"/v1/cases/{cid}/updates", json=body, headers=key)
    again = await housing.post(f"/v1/cases/{cid}/updates", json=body, headers=key)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    clash = await housing.post(f"/v1/cases/{cid}/updates",
                               json={**body, "text": "Something else"}, headers=key)
    assert clash.status_code == 422
    assert clash.json()["type"].endswith("/idempotency-key-reused")
    # A diary entry may not reuse the key of an update either.
    clash = await housing.post(f"/v1/cases/{cid}/diary-entries", json=entry_body(), headers=key)
    assert clash.status_code == 422
    items = (await officer.get(f"/v1/cases/{cid}/updates")).json()["items"]
    assert [u["text"] for u in items].count("Tenancy warning letter sent") == 1
