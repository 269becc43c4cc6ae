"""Interventions through HTTP, every exchange checked against openapi.yaml: the ladder on one
case (a warning letter, a Community Protection Warning, then a Notice, then a breach that lands as
an incident, raises `severity-rise` and is read by the police member), idempotent recording, the
toolkit's refusals (the issuing agency's kind, a CPN with no warning before it, a term too long),
status changes, the timeline without identity, and the statistics."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from asb_core.parties.models import Party

VICTIM = "Philippa Quernmore-Marker"
NOW = datetime.now(UTC)


def ago(**kw) -> str:
    return (NOW - timedelta(**kw)).isoformat()


@pytest.fixture
async def people(api, make_key):
    keys = {
        "council": await make_key("iv-council", "caseworker"),
        "police": await make_key("iv-police", "caseworker", kind="police"),
        "victims": await make_key("iv-victims", "caseworker", kind="victim_service"),
        "auditor": await make_key("iv-council", "auditor"),
        "analyst": await make_key("iv-council", "analyst"),
        "stranger": await make_key("iv-far", "caseworker"),
    }
    return {name: api.with_key(key) for name, key in keys.items()}


async def perpetrator(session, case_id: str) -> str:
    """An alleged perpetrator party on the case (parties are added by the parties slice)."""
    party = Party(id=uuid.uuid4(), case_id=uuid.UUID(case_id), role="alleged_perpetrator",
                  display_name="Alleged perpetrator 1", consent_state="not_asked")
    session.add(party)
    await session.flush()
    return str(party.id)


async def shared_case(people, session) -> tuple[str, str]:
    council = people["council"]
    r = await council.post("/v1/cases", json={
        "area": "fenland", "answers": {"repeat": True},
        "victim": {"role": "victim", "name": VICTIM}, "consent": {"state": "given"}})
    assert r.status_code == 201, r.text
    cid = r.json()["id"]
    for agency in ("iv-police", "iv-victims"):
        r = await council.post(f"/v1/cases/{cid}/members",
                               json={"agency": agency, "basis": "consent"})
        assert r.status_code == 201, r.text
    return cid, await perpetrator(session, cid)


async def test_the_ladder_warning_cpw_cpn_then_a_breach(people, session):
    council, police = people["council"], people["police"]
    cid, party = await shared_case(people, session)
    r = await council.post(f"/v1/cases/{cid}/diary-entries", json={
        "started_at": ago(days=20), "what_happened": "Music until 3am", "category": "noise"})
    assert r.status_code == 201, r.text

    letter = {"type": "warning_letter", "against_party_id": party, "status": "issued",
              "issued_at": ago(days=14), "conditions": ["No loud music after 23:00"],
              "documents": ["edrms-44120"]}
    key = {"Idempotency-Key": "council-iv-0001"}
    first = await council.post(f"/v1/cases/{cid}/interventions", json=letter, headers=key)
    assert first.status_code == 201, first.text
    body = first.json()
    assert first.headers["Location"] == f"/v1/cases/{cid}/interventions/{body['id']}"
    assert body["issuing_agency"] == "iv-council" and body["breach_in_law"] == "none_in_law"
    again = await council.post(f"/v1/cases/{cid}/interventions", json=letter, headers=key)
    assert again.status_code == 201 and again.json() == body
    reused = await council.post(f"/v1/cases/{cid}/interventions",
                                json={**letter, "documents": []}, headers=key)
    assert reused.status_code == 422
    assert reused.json()["type"].endswith("/idempotency-key-reused")

    cpn = {"type": "community_protection_notice", "against_party_id": party,
           "status": "issued", "issued_at": ago(days=6), "served_at": ago(days=6),
           "expires_at": (NOW + timedelta(days=180)).isoformat(),
           "conditions": ["No amplified music audible outside the flat"]}
    r = await council.post(f"/v1/cases/{cid}/interventions", json=cpn)
    assert r.status_code == 422, r.text
    assert r.json()["errors"][0]["field"] == "type"  # a CPN only after a CPW (s43(5))

    r = await council.post(f"/v1/cases/{cid}/interventions", json={
        "type": "community_protection_warning", "against_party_id": party,
        "issued_at": ago(days=10)})
    assert r.status_code == 201 and r.json()["status"] == "proposed", r.text
    cpw = r.json()["id"]
    r = await council.post(f"/v1/cases/{cid}/interventions/{cpw}/status",
                           json={"status": "issued"})
    assert r.status_code == 200 and r.json()["status"] == "issued", r.text
    r = await council.post(f"/v1/cases/{cid}/interventions/{cpw}/status",
                           json={"status": "issued"})
    assert r.status_code == 409  # issued cannot be issued again

    r = await council.post(f"/v1/cases/{cid}/interventions", json=cpn)
    assert r.status_code == 201, r.text
    notice = r.json()
    assert notice["breach_in_law"] == "criminal_offence"

    r = await council.post(f"/v1/cases/{cid}/interventions/{notice['id']}/breaches", json={
        "occurred_at": ago(hours=3), "category": "noise",
        "account": "Loud music until 02:00, in breach of the first condition"},
        headers={"Idempotency-Key": "council-iv-breach-1"})
    assert r.status_code == 201, r.text
    breach = r.json()
    incident = breach["incident"]
    assert breach["intervention"]["status"] == "breached"
    assert breach["intervention"]["breach_count"] == 1
    assert breach["intervention"]["last_breach_incident_id"] == incident["id"]
    assert incident["category"] == "order_breach" and incident["severity"] == 4
    assert incident["source"] == "officer_report"
    assert r.headers["Location"] == f"/v1/cases/{cid}/incidents/{incident['id']}"

    # Visible to the police member, with the escalation it raised.
    r = await police.get(f"/v1/cases/{cid}/incidents/{incident['id']}")
    assert r.status_code == 200 and r.json()["account"].startswith("Breach of Community")
    flags = (await police.get(f"/v1/cases/{cid}/escalations")).json()["items"]
    rise = [f for f in flags if f["rule_id"] == "severity-rise" and f["cleared_at"] is None]
    assert rise and incident["evidence_id"] in rise[0]["evidence"]

    # The ladder on the timeline, without identity.
    r = await police.get(f"/v1/cases/{cid}/timeline", params={"limit": 200})
    kinds = [e["kind"] for e in r.json()["items"]]
    for kind in ("intervention_recorded", "intervention_status_changed",
                 "intervention_breached"):
        assert kind in kinds
    assert VICTIM not in r.text and "amplified" not in r.text

    r = await council.get(f"/v1/cases/{cid}/interventions", params={"limit": 2})
    assert r.status_code == 200 and len(r.json()["items"]) == 2 and r.json()["next_cursor"]
    r = await council.get(f"/v1/cases/{cid}/interventions",
                          params={"cursor": r.json()["next_cursor"]})
    assert [i["type"] for i in r.json()["items"]] == ["community_protection_notice"]
    r = await people["auditor"].get(f"/v1/cases/{cid}/interventions/{notice['id']}")
    assert r.status_code == 200 and r.json()["status"] == "breached"

    r = await council.post(f"/v1/cases/{cid}/interventions/{notice['id']}/status",
                           json={"status": "discharged", "reason": "Complied since"})
    assert r.status_code == 200 and r.json()["status_reason"] == "Complied since"

    r = await people["analyst"].get("/v1/stats", params={"area": "fenland"})
    table = r.json()["tables"]["interventions_by_area_type"]
    assert "fenland" in table["rows"] and "warning_letter" in table["columns"]
    assert VICTIM not in r.text


async def test_refusals(people, session):
    council, victims = people["council"], people["victims"]
    cid, party = await shared_case(people, session)
    base = f"/v1/cases/{cid}/interventions"

    # A victim service may not issue a Community Protection Warning: 422 naming the field.
    r = await victims.post(base, json={"type": "community_protection_warning",
                                       "against_party_id": party})
    assert r.status_code == 422
    assert {"field": "issuing_agency"} .items() <= r.json()["errors"][0].items()
    r = await council.post(base, json={"type": "civil_injunction", "against_party_id": party,
                                       "issuing_agency": "iv-victims"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "issuing_agency"
    r = await council.post(base, json={"type": "warning_letter", "against_party_id": party,
                                       "issuing_agency": "iv-far"})
    assert r.json()["errors"] == [{"field": "issuing_agency",
                                   "message": "must be a member agency"}]

    r = await council.post(base, json={
        "type": "closure_notice", "premises": "Flat 3, Quarry Court", "status": "issued",
        "issued_at": ago(hours=2), "expires_at": (NOW + timedelta(hours=70)).isoformat(),
        "power_of_arrest": True})
    fields = {e["field"] for e in r.json()["errors"]}
    assert r.status_code == 422 and fields == {"expires_at", "power_of_arrest"}
    r = await council.post(base, json={"type": "warning_letter", "status": "issued"})
    fields = {e["field"] for e in r.json()["errors"]}
    assert r.status_code == 422 and fields == {"against_party_id", "issued_at"}
    r = await council.post(base, json={"type": "warning_letter",
                                       "against_party_id": str(uuid.uuid4())})
    assert r.json()["errors"] == [{"field": "against_party_id",
                                   "message": "not a party of this case"}]
    r = await council.post(base, json={"type": "dispersal", "against_party_id": party},
                           check_request=False)
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "type"
    assert (await people["stranger"].get(base)).status_code == 404
    assert (await people["analyst"].get(base)).status_code == 404

    # Breaches: a warning needs the behaviour; a mediation cannot be breached.
    r = await council.post(base, json={"type": "warning_letter", "against_party_id": party,
                                       "status": "issued", "issued_at": ago(days=2)})
    letter = r.json()["id"]
    r = await council.post(f"{base}/{letter}/breaches",
                           json={"occurred_at": ago(hours=1), "account": "Music again"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "category"
    r = await council.post(f"{base}/{letter}/breaches", json={
        "occurred_at": ago(days=5), "account": "Music", "category": "noise"})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "occurred_at"
    r = await council.post(f"{base}/{letter}/breaches", json={
        "occurred_at": ago(hours=1), "account": "Music again", "category": "noise"})
    assert r.status_code == 201 and r.json()["incident"]["category"] == "noise"
    r = await council.post(base, json={"type": "mediation", "against_party_id": party,
                                       "status": "issued", "issued_at": ago(days=1)})
    r = await council.post(f"{base}/{r.json()['id']}/breaches", json={
        "occurred_at": ago(hours=1), "account": "Walked out", "category": "noise"})
    assert r.status_code == 409
    r = await council.get(f"{base}/{uuid.uuid4()}")
    assert r.status_code == 404
