"""The ASB Case Review after the application, over HTTP: acknowledgement, threshold decision,
meeting with recommendations (owned actions with targets), outcome, escalation and its result;
the statutory clock on the case's targets, idempotent retries, refusals, timeline and audit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

LONDON = ZoneInfo("Europe/London")


async def _world(api, make_key, tag: str):
    cw = api.with_key(await make_key(f"crd-{tag}", "caseworker"))
    sv = api.with_key(await make_key(f"crd-{tag}", "supervisor"))
    r = await cw.post("/v1/cases", json={
        "area": "fenland", "answers": {"repeat": True},
        "victim": {"role": "victim", "name": "Review Applicant"}, "consent": {"state": "given"}})
    assert r.status_code == 201, r.text
    cid = r.json()["id"]
    r = await cw.post(f"/v1/cases/{cid}/case-review",
                      json={"applicant_description": "The victim, by phone"})
    assert r.status_code == 201, r.text
    return cw, sv, cid, r.json()["id"]


def _today() -> str:
    return datetime.now(LONDON).date().isoformat()


async def _targets(client, cid: str) -> dict[str, list[dict]]:
    items = (await client.get(f"/v1/cases/{cid}/targets")).json()["items"]
    out: dict[str, list[dict]] = {}
    for t in items:
        out.setdefault(t["kind"], []).append(t)
    return out


async def test_the_review_decided_end_to_end(api, make_key, connection):
    cw, sv, cid, rid = await _world(api, make_key, "e2e")
    base = f"/v1/cases/{cid}/case-review/{rid}"
    r = await cw.post(f"{base}/acknowledgement", json={})
    assert r.status_code == 201, r.text
    assert r.json()["acknowledged_at"] and r.headers["Location"] == base
    assert (await cw.get(base)).status_code == 200
    t = await _targets(cw, cid)
    assert t["case_review_acknowledge"][0]["state"] == "met"

    r = await cw.post(f"{base}/decision", json={"threshold_met": True, "decision": "Met"})
    assert r.status_code == 403  # the review body's decision: supervisors
    r = await sv.post(f"{base}/decision", json={"threshold_met": True, "decision": "Met: 3"},
                      headers={"Idempotency-Key": "dec-1"})
    assert r.status_code == 201, r.text
    decided = r.json()
    assert decided["threshold_met"] is True and decided["outcome_by"]
    again = await sv.post(f"{base}/decision", json={"threshold_met": True, "decision": "Met: 3"},
                          headers={"Idempotency-Key": "dec-1"})
    assert again.status_code == 201 and again.json() == decided
    reused = await sv.post(f"{base}/decision", json={"threshold_met": False, "decision": "No"},
                           headers={"Idempotency-Key": "dec-1"})
    assert reused.status_code == 422
    assert reused.json()["type"].endswith("idempotency-key-reused")
    twice = await sv.post(f"{base}/decision", json={"threshold_met": True, "decision": "Met"})
    assert twice.status_code == 409
    t = await _targets(cw, cid)
    assert t["case_review_decision"][0]["state"] == "met"
    assert t["case_review_outcome"][0]["state"] == "due"

    # Outcome before the meeting is refused; the meeting makes owned actions with targets.
    assert (await sv.post(f"{base}/outcome", json={"outcome": "x"})).status_code == 409
    slug = "crd-e2e"
    due = (datetime.now(UTC) + timedelta(days=10)).isoformat()
    r = await cw.post(f"{base}/meeting", json={
        "held_on": _today(), "agencies_present": [slug],
        "recommendations": [{"text": "Serve a CPW", "owner_agency": slug, "due_at": due}]})
    assert r.status_code == 201, r.text
    review = r.json()
    assert review["meeting"] == {"held_on": _today(), "agencies_present": [slug]}
    (rec,) = review["recommendations"]
    assert rec["owner_agency"] == slug
    updates = (await cw.get(f"/v1/cases/{cid}/updates")).json()["items"]
    action = next(u for u in updates if u["id"] == rec["action_id"])
    assert action["kind"] == "action" and action["owner_agency"] == slug
    t = await _targets(cw, cid)
    assert t["case_review_recommendation"][0]["id"] == rec["target_id"]
    r = await cw.post(f"/v1/cases/{cid}/updates/{rec['action_id']}/done")
    assert r.status_code == 200, r.text
    t = await _targets(cw, cid)
    assert t["case_review_recommendation"][0]["state"] == "met"

    r = await sv.post(f"{base}/outcome", json={"outcome": "A CPW will be served"})
    assert r.status_code == 201, r.text
    assert r.json()["outcome_sent_at"]
    assert (await _targets(cw, cid))["case_review_outcome"][0]["state"] == "met"

    assert (await sv.post(f"{base}/escalation/result", json={
        "result": "review_upheld", "detail": "x"})).status_code == 409
    r = await cw.post(f"{base}/escalation", json={"grounds": "Noise at night not addressed"})
    assert r.status_code == 201, r.text
    assert r.json()["escalation"]["escalated_to"] == "police_and_crime_commissioner"
    r = await sv.post(f"{base}/escalation/result", json={
        "result": "further_action_required", "detail": "Add noise monitoring"})
    assert r.status_code == 201, r.text
    assert r.json()["escalation"]["result"] == "further_action_required"

    timeline = (await cw.get(f"/v1/cases/{cid}/timeline", params={"limit": 200})).json()
    kinds = [i["kind"] for i in timeline["items"]]
    for kind in ("case_review_acknowledged", "case_review_decided", "case_review_meeting",
                 "case_review_outcome_sent", "case_review_escalated",
                 "case_review_escalation_result"):
        assert kind in kinds
    assert "Review Applicant" not in str(timeline)
    actions = set((await connection.execute(text(
        "SELECT action FROM audit_events WHERE case_id = :c"), {"c": cid})).scalars())
    assert {"case_review.acknowledge", "case_review.decide", "case_review.meeting",
            "case_review.outcome", "case_review.escalate",
            "case_review.escalation_result"} <= actions


async def test_threshold_not_met_has_no_meeting_and_acknowledges(api, make_key):
    cw, sv, cid, rid = await _world(api, make_key, "nm")
    base = f"/v1/cases/{cid}/case-review/{rid}"
    r = await sv.post(f"{base}/decision", json={"threshold_met": False,
                                                "decision": "Two complaints, not three"})
    assert r.status_code == 201, r.text
    assert r.json()["acknowledged_at"] and r.json()["outcome_by"] is None
    t = await _targets(cw, cid)
    assert t["case_review_acknowledge"][0]["state"] == "met"
    assert "case_review_outcome" not in t
    r = await cw.post(f"{base}/meeting", json={"held_on": _today(), "agencies_present": ["crd-nm"]})
    assert r.status_code == 409
    r = await cw.post(f"{base}/escalation", json={"grounds": "Disagree with the decision"})
    assert r.status_code == 201


@pytest.mark.parametrize(("step", "body", "field"), [
    ("acknowledgement", {"acknowledged_at": "2999-01-01T00:00:00Z"}, "acknowledged_at"),
    ("acknowledgement", {"acknowledged_at": "2020-01-01T00:00:00"}, "acknowledged_at"),
    ("decision", {"threshold_met": "maybe", "decision": "x"}, "threshold_met"),
    ("decision", {"threshold_met": True, "decision": "   "}, "decision"),
    ("escalation/result", {"result": "upheld", "detail": "x"}, "result"),
])
async def test_bad_step_bodies_name_the_field(api, make_key, step, body, field):
    cw, sv, cid, rid = await _world(api, make_key, "bad")
    r = await sv.post(f"/v1/cases/{cid}/case-review/{rid}/{step}", json=body,
                      check_request=False)
    assert r.status_code == 422, r.text
    assert field in {e["field"] for e in r.json()["errors"]}


async def test_meeting_refusals_name_the_field_and_write_nothing(api, make_key, connection):
    cw, sv, cid, rid = await _world(api, make_key, "mt")
    base = f"/v1/cases/{cid}/case-review/{rid}"
    await sv.post(f"{base}/decision", json={"threshold_met": True, "decision": "Met"})
    due = (datetime.now(UTC) + timedelta(days=3)).isoformat()
    cases = [
        ({"held_on": _today(), "agencies_present": ["no-such-agency"]},
         "agencies_present.0"),
        ({"held_on": _today(), "agencies_present": ["crd-mt", "crd-mt"]}, "agencies_present"),
        ({"held_on": "2999-01-01", "agencies_present": ["crd-mt"]}, "held_on"),
        ({"held_on": _today(), "agencies_present": ["crd-mt"], "recommendations": [
            {"text": "ok", "owner_agency": "crd-mt", "due_at": due},
            {"text": "x", "owner_agency": "crd-nobody", "due_at": due}]},
         "recommendations.1.owner_agency"),
    ]
    for body, field in cases:
        r = await cw.post(f"{base}/meeting", json=body, check_request=False)
        assert r.status_code == 422, r.text
        assert field in {e["field"] for e in r.json()["errors"]}, r.text
    n = (await connection.execute(text(
        "SELECT count(*) FROM updates WHERE case_id = :c AND kind = 'action'"),
        {"c": cid})).scalar()
    assert n == 0  # nothing half-written


async def test_non_members_and_unknown_reviews_are_not_found(api, make_key):
    cw, sv, cid, rid = await _world(api, make_key, "nf")
    other = api.with_key(await make_key("crd-other", "supervisor"))
    base = f"/v1/cases/{cid}/case-review/{rid}"
    assert (await other.get(base)).status_code == 404
    assert (await other.post(f"{base}/decision", json={
        "threshold_met": True, "decision": "x"})).status_code == 404
    missing = f"/v1/cases/{cid}/case-review/00000000-0000-4000-8000-000000000000"
    assert (await sv.post(f"{missing}/decision", json={
        "threshold_met": True, "decision": "x"})).status_code == 404
