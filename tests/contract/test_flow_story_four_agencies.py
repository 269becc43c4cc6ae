"""Working a case end to end, as four agencies do, over HTTP with every exchange checked against
openapi.yaml (issue 14's acceptance story).

A police call handler takes the call and evaluates the answers; the case is opened from the
call; the police hand the lead to the council, which shares it with the housing provider and a
victim service. The council adds the alleged perpetrator and a witness (consent recorded later);
the housing provider sends diary entries; a police officer reports the same incident. The council
climbs the ladder (a warning letter, a Community Protection Warning, then a Notice); the Notice is
breached, which lands as an incident and escalates (`severity-rise`, seen by the police). The
victim service applies for an ASB Case Review; it is acknowledged, the threshold decided, a
meeting makes a recommendation the housing provider owns and carries out, the outcome is sent.
The victim is kept informed; the case is closed with the victim's view, and reopened when the
behaviour starts again. Throughout, the complainant's identity never reaches the timeline, the
statistics or a member without the right to it.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

VICTIM = "Ottilie Fourways-Storyteller"
PHONE = "07700 900414"
PERPETRATOR = "Barnaby Loudmusic-Marker"
NOW = datetime.now(UTC)
ANSWERS = {"repeat": True, "feels_targeted": True, "sleep_affected": True}


def ago(**kw) -> str:
    return (NOW - timedelta(**kw)).isoformat()


@pytest.fixture
async def people(api, make_key):
    keys = {
        "handler": ("st-police", "call_handler", "police"),
        "police": ("st-police", "caseworker", "police"),
        "police_boss": ("st-police", "supervisor", "police"),
        "council": ("st-council", "caseworker", "council"),
        "council_boss": ("st-council", "supervisor", "council"),
        "housing": ("st-housing", "caseworker", "housing_provider"),
        "advocate": ("st-victims", "caseworker", "victim_service"),
        "analyst": ("st-council", "analyst", "council"),
        "stranger": ("st-elsewhere", "caseworker", "council"),
    }
    return {name: api.with_key(await make_key(slug, role, kind=kind))
            for name, (slug, role, kind) in keys.items()}


def _never_identity(text: str, where: str) -> None:
    for marker in (VICTIM, PHONE, PERPETRATOR):
        assert marker not in text, f"{marker!r} in {where}"


async def test_a_case_worked_end_to_end_by_four_agencies(people):
    p = people

    # 1. The call: the handler evaluates the caller's answers, then opens the case from them.
    r = await p["handler"].post("/v1/assessments/evaluate", json={"answers": ANSWERS})
    assert r.status_code == 200, r.text
    evaluated = r.json()
    r = await p["handler"].post("/v1/cases", json={
        "area": "fenland", "summary": "Loud music and intimidation from the flat above",
        "answers": ANSWERS, "consent": {"state": "given"},
        "victim": {"role": "victim", "name": VICTIM, "phone": PHONE}})
    assert r.status_code == 201, r.text
    case = r.json()
    cid, ref = case["id"], case["reference"]
    assert case["risk_level"] == evaluated["level"] and case["lead_agency"] == "st-police"

    # 2. The police share with the council and hand it the lead; the council brings in the
    #    housing provider and the victim service, on the victim's consent.
    r = await p["police"].post(f"/v1/cases/{cid}/members",
                               json={"agency": "st-council", "basis": "consent"})
    assert r.status_code == 201, r.text
    version = (await p["police"].get(f"/v1/cases/{cid}")).json()["version"]
    r = await p["police_boss"].patch(f"/v1/cases/{cid}", json={"lead_agency": "st-council"},
                                     headers={"If-Match": f'"{version}"'})
    assert r.status_code == 200 and r.json()["lead_agency"] == "st-council", r.text
    for agency in ("st-housing", "st-victims"):
        r = await p["council"].post(f"/v1/cases/{cid}/members",
                                    json={"agency": agency, "basis": "consent"})
        assert r.status_code == 201, r.text
    r = await p["housing"].get(f"/v1/cases/by-reference/{ref}")
    assert r.status_code == 200 and r.json()["id"] == cid
    assert (await p["stranger"].get(f"/v1/cases/by-reference/{ref}")).status_code == 404

    # 3. Parties after opening: the alleged perpetrator, and a witness whose consent comes later.
    r = await p["council"].post(f"/v1/cases/{cid}/parties", json={
        "role": "alleged_perpetrator", "name": PERPETRATOR})
    assert r.status_code == 201, r.text
    perpetrator = r.json()["id"]
    r = await p["council"].post(f"/v1/cases/{cid}/parties",
                                json={"role": "witness", "name": "Wendy Witness"})
    assert r.status_code == 201, r.text
    witness = r.json()["id"]
    r = await p["council"].post(f"/v1/cases/{cid}/parties/{witness}/consent",
                                json={"state": "given"})
    assert r.status_code == 200 and r.json()["consent"]["state"] == "given", r.text

    # 4. The housing provider's diary entries; a police officer reports the same incident.
    entries = []
    for days, what in ((12, "Music until 3am again"), (5, "Shouted threats on the stairs")):
        r = await p["housing"].post(f"/v1/cases/{cid}/diary-entries", json={
            "started_at": ago(days=days), "what_happened": what,
            "category": "noise" if days == 12 else "intimidation"})
        assert r.status_code == 201, r.text
        entries.append(r.json())
    r = await p["police"].post(f"/v1/cases/{cid}/incidents", json={
        "occurred_at": entries[1]["started_at"], "category": "intimidation",
        "account": "Attended after a 101 call; threats heard on the stairs",
        "officer_reference": "CC-20261127-0414", "same_as": entries[1]["id"]})
    assert r.status_code == 201, r.text
    assert r.json()["same_as"] == entries[1]["id"]

    # 5. The ladder: a warning letter, a Community Protection Warning, then a Notice.
    base = f"/v1/cases/{cid}/interventions"
    ladder = [
        {"type": "warning_letter", "status": "issued", "issued_at": ago(days=11)},
        {"type": "community_protection_warning", "status": "issued", "issued_at": ago(days=4)},
        {"type": "community_protection_notice", "status": "issued", "issued_at": ago(days=2),
         "served_at": ago(days=2), "expires_at": (NOW + timedelta(days=180)).isoformat(),
         "conditions": ["No amplified music audible outside the flat"]},
    ]
    for step in ladder:
        r = await p["council"].post(base, json={**step, "against_party_id": perpetrator})
        assert r.status_code == 201, r.text
    notice = r.json()
    assert notice["breach_in_law"] == "criminal_offence"

    # 6. The Notice is breached: an incident on the case, escalated, seen by the police member.
    r = await p["council"].post(f"{base}/{notice['id']}/breaches", json={
        "occurred_at": ago(hours=5), "category": "noise",
        "account": "Music until 02:00, in breach of the first condition"})
    assert r.status_code == 201, r.text
    breach = r.json()["incident"]
    assert breach["category"] == "order_breach" and breach["severity"] >= 4
    flags = (await p["police"].get(f"/v1/cases/{cid}/escalations")).json()["items"]
    assert any(f["rule_id"] == "severity-rise" and f["cleared_at"] is None for f in flags)
    assert (await p["police"].get(f"/v1/cases/{cid}/incidents/{breach['id']}")).status_code == 200

    # 7. The victim service applies for an ASB Case Review; the council runs it.
    r = await p["advocate"].post(f"/v1/cases/{cid}/case-review", json={
        "applicant_description": "The victim, through her advocate"})
    assert r.status_code == 201, r.text
    review = f"/v1/cases/{cid}/case-review/{r.json()['id']}"
    assert (await p["council"].post(f"{review}/acknowledgement", json={})).status_code == 201
    r = await p["council_boss"].post(f"{review}/decision", json={
        "threshold_met": True, "decision": "Three reports in six months: threshold met"})
    assert r.status_code == 201, r.text
    today = datetime.now(ZoneInfo("Europe/London")).date().isoformat()
    r = await p["council"].post(f"{review}/meeting", json={
        "held_on": today, "agencies_present": ["st-council", "st-housing", "st-police"],
        "recommendations": [{"text": "Serve notice seeking possession", "owner_agency":
                             "st-housing", "due_at": (NOW + timedelta(days=14)).isoformat()}]})
    assert r.status_code == 201, r.text
    (rec,) = r.json()["recommendations"]
    mine = (await p["housing"].get("/v1/targets")).json()["items"]
    assert rec["target_id"] in {t["id"] for t in mine}  # the housing provider owns it
    r = await p["housing"].post(f"/v1/cases/{cid}/updates/{rec['action_id']}/done")
    assert r.status_code == 200, r.text
    r = await p["council_boss"].post(f"{review}/outcome", json={
        "outcome": "Possession notice served; CPN stays in force"})
    assert r.status_code == 201, r.text

    # 8. The victim is kept informed.
    r = await p["council"].post(f"/v1/cases/{cid}/updates", json={
        "kind": "victim_update", "text": "Told her the review's outcome by phone"})
    assert r.status_code == 201, r.text

    # 9. Closed with the victim's view; reopened when it starts again.
    r = await p["council_boss"].post(f"/v1/cases/{cid}/close", json={
        "outcome": "Quiet since the notice; tenancy action in hand",
        "final_victim_update": "Phoned her to explain the closure",
        "victim_view": {"satisfied": "yes", "kept_informed": "yes", "feels_safer": "yes"}})
    assert r.status_code == 200 and r.json()["status"] == "closed", r.text
    r = await p["council_boss"].post(f"/v1/cases/{cid}/reopen",
                                     json={"reason": "Music started again last night"})
    assert r.status_code == 200 and r.json()["status"] != "closed", r.text
    closures = (await p["council"].get(f"/v1/cases/{cid}/closures")).json()["items"]
    assert [c["victim_view"]["satisfied"] for c in closures] == ["yes"]

    # The whole story on the timeline, in order and without identity.
    r = await p["police"].get(f"/v1/cases/{cid}/timeline", params={"limit": 200})
    assert r.status_code == 200
    kinds = [e["kind"] for e in r.json()["items"]]
    story = ["case_opened", "member_added", "party_added", "consent_recorded",
             "intervention_recorded", "intervention_breached", "case_closed"]
    positions = [kinds.index(k) for k in story]
    assert positions == sorted(positions), kinds
    _never_identity(r.text, "the timeline")
    r = await p["analyst"].get("/v1/stats", params={"area": "fenland"})
    assert r.status_code == 200
    _never_identity(r.text, "the statistics")
    # The housing provider (a caseworker of a member) reads parties; the perpetrator's name is
    # the council's record, never on a perpetrator-facing output such as the timeline above.
    r = await p["housing"].get(f"/v1/cases/{cid}/parties")
    assert r.status_code == 200 and len(r.json()["items"]) == 3
