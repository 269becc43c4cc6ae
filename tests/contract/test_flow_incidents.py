"""Officers' reports and the incident list through HTTP, every exchange checked against
openapi.yaml: a police system records what an officer attended (idempotent retries, a reused
key refused), the case goes high at once for a critical incident, the list pages through both
sources, and wrong roles, non-members, bad bodies and a closed case are refused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

# The victim's view at closure, as every closing now records it.
VICTIM_VIEW = {"satisfied": "yes", "kept_informed": "yes", "feels_safer": "yes"}

MARKER = "Peregrine Ashdown-Marker"


def report(**over) -> dict:
    body = {
        "occurred_at": (datetime.now(UTC) - timedelta(hours=1)).isoformat(),
        "category": "intimidation",
        "account": "Attended after a 101 call; the neighbour was shouting at the door.",
        "officer_reference": "CC-20260101-0042",
        "location": "Front door",
    }
    body.update(over)
    return body


@pytest.fixture
async def people(api, make_key):
    keys = {
        "officer": await make_key("inc-council", "caseworker"),
        "supervisor": await make_key("inc-council", "supervisor"),
        "auditor": await make_key("inc-council", "auditor"),
        "police": await make_key("inc-police", "integration", kind="police"),
        "stranger": await make_key("inc-far", "caseworker"),
    }
    return {name: api.with_key(key) for name, key in keys.items()}


async def _shared_case(people) -> str:
    officer = people["officer"]
    r = await officer.post("/v1/cases", json={
        "area": "fenland", "answers": {"repeat": False},
        "victim": {"role": "victim", "name": MARKER}, "consent": {"state": "given"}})
    assert r.status_code == 201, r.text
    cid = r.json()["id"]
    r = await officer.post(f"/v1/cases/{cid}/members",
                           json={"agency": "inc-police", "basis": "consent"})
    assert r.status_code == 201, r.text
    return cid


async def test_police_system_records_officer_reports(people):
    officer, police = people["officer"], people["police"]
    cid = await _shared_case(people)
    r = await officer.post(f"/v1/cases/{cid}/diary-entries", json={
        "started_at": (datetime.now(UTC) - timedelta(hours=2)).isoformat(),
        "what_happened": "Shouting at my door", "category": "intimidation"})
    assert r.status_code == 201, r.text
    entry_id = r.json()["id"]

    headers = {"Idempotency-Key": "police-log-0042"}
    body = report(same_as=entry_id)
    first = await police.post(f"/v1/cases/{cid}/incidents", json=body, headers=headers)
    assert first.status_code == 201, first.text
    inc = first.json()
    assert first.headers["Location"] == f"/v1/cases/{cid}/incidents/{inc['id']}"
    assert inc["source"] == "officer_report" and inc["reported_by_agency"] == "inc-police"
    assert inc["same_as"] == entry_id and inc["evidence_id"] == inc["id"]
    again = await police.post(f"/v1/cases/{cid}/incidents", json=body, headers=headers)
    assert again.status_code == 201 and again.json() == inc
    clash = await police.post(f"/v1/cases/{cid}/incidents", json=report(category="noise"),
                              headers=headers)
    assert clash.status_code == 422
    assert clash.json()["type"].endswith("/idempotency-key-reused")

    # A weapon seen by the officer: high at once.
    r = await police.post(f"/v1/cases/{cid}/incidents", json=report(
        category="weapon", hostility_perceived=["race"], same_as=None))
    assert r.status_code == 201, r.text
    weapon = r.json()
    assert weapon["hostility_perceived_by"] == "officer"
    case = (await officer.get(f"/v1/cases/{cid}")).json()
    assert case["risk_level"] == "high" and "critical-incident" in case["flags"]
    flags = (await officer.get(f"/v1/cases/{cid}/escalations")).json()["items"]
    assert weapon["id"] in next(f for f in flags if f["rule_id"] == "critical-incident")[
        "evidence"]

    # Both sources, paged; one source; one incident.
    r = await officer.get(f"/v1/cases/{cid}/incidents", params={"limit": 2})
    assert r.status_code == 200
    page = r.json()
    assert [i["source"] for i in page["items"]] == ["diary_entry", "officer_report"]
    assert page["items"][0]["diary_entry_id"] == entry_id and page["next_cursor"]
    r = await officer.get(f"/v1/cases/{cid}/incidents",
                          params={"limit": 2, "cursor": page["next_cursor"]})
    assert [i["id"] for i in r.json()["items"]] == [weapon["id"]]
    assert r.json()["next_cursor"] is None
    r = await people["auditor"].get(f"/v1/cases/{cid}/incidents",
                                    params={"source": "officer_report"})
    assert r.status_code == 200 and {i["id"] for i in r.json()["items"]} == {inc["id"],
                                                                           weapon["id"]}
    r = await police.get(f"/v1/cases/{cid}/incidents/{inc['id']}")
    assert r.status_code == 200 and r.json() == inc

    # On the timeline, without the account.
    items = (await officer.get(f"/v1/cases/{cid}/timeline", params={"limit": 200})).json()[
        "items"]
    reports = [i for i in items if i["kind"] == "officer_report"]
    assert {i["id"] for i in reports} == {inc["id"], weapon["id"]}
    assert all("account" not in i["summary"] for i in reports)


async def test_officer_reports_refused(people):
    officer, police = people["officer"], people["police"]
    cid = await _shared_case(people)
    # Every bad field at once.
    r = await police.post(f"/v1/cases/{cid}/incidents", json={
        "occurred_at": (datetime.now(UTC) + timedelta(days=1)).isoformat(),
        "category": "weapon", "account": " ", "hostility_perceived": ["race"],
        "hostility_perceived_by": "victim", "same_as": "0c5e7d3a-5a4b-4c3d-8e2f-1a0b9c8d7e6f"})
    assert r.status_code == 422
    assert {e["field"] for e in r.json()["errors"]} == {"occurred_at", "account", "same_as"}
    r = await police.post(f"/v1/cases/{cid}/incidents", json={**report(), "severity": 5,
                                                              "category": "gossip"},
                          check_request=False)
    assert r.status_code == 422 and r.json()["errors"]
    r = await police.get(f"/v1/cases/{cid}/incidents", params={"source": "rumour"},
                         check_request=False)
    assert r.status_code == 422
    # Roles and membership.
    r = await people["auditor"].post(f"/v1/cases/{cid}/incidents", json=report())
    assert r.status_code == 403
    stranger = people["stranger"]
    for r in (await stranger.post(f"/v1/cases/{cid}/incidents", json=report()),
              await stranger.get(f"/v1/cases/{cid}/incidents"),
              await stranger.get(f"/v1/cases/{cid}/incidents/"
                                 "0c5e7d3a-5a4b-4c3d-8e2f-1a0b9c8d7e6f")):
        assert r.status_code == 404
    r = await officer.get(f"/v1/cases/{cid}/incidents/0c5e7d3a-5a4b-4c3d-8e2f-1a0b9c8d7e6f")
    assert r.status_code == 404
    # A closed case takes no more reports.
    r = await people["supervisor"].post(f"/v1/cases/{cid}/close", json={
        "outcome": "Resolved", "final_victim_update": "Told the victim",
            "victim_view": VICTIM_VIEW})
    assert r.status_code == 200, r.text
    r = await police.post(f"/v1/cases/{cid}/incidents", json=report())
    assert r.status_code == 409
