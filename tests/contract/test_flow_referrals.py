"""Referral pathways through HTTP, every exchange checked against openapi.yaml: the directory
(filters, one service, every role but admin), the services suggested for a standard-level noise
case (mediation first, with its reason), a referral refused without consent (`consent-required`),
one referral's life (sent, read by the service's own key with only the consented fields,
accepted, closed) with its handover target met, the service seeing only its own referrals, and
the referring officer recording a keyless service's answer."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import async_sessionmaker

from asb_core.directory.importer import import_directory

DATA = Path(__file__).resolve().parents[1] / "integration" / "data"
NOW = datetime.now(UTC)


@pytest.fixture
async def people(api, make_key, connection, tmp_path):
    keys = {
        "council": await make_key("rf-council", "caseworker"),
        "handler": await make_key("rf-council", "call_handler"),
        "analyst": await make_key("rf-council", "analyst"),
        "admin": await make_key("rf-council", "admin"),
        "mediation": await make_key("fenland-mediation", "integration", kind="victim_service"),
        "stranger": await make_key("rf-far", "caseworker"),
    }
    maker = async_sessionmaker(bind=connection, expire_on_commit=False,
                               join_transaction_mode="create_savepoint")
    shutil.copy(DATA / "directory_sample.json", tmp_path / "d.json")
    report = await import_directory(maker, tmp_path / "d.json")
    assert report.invalid == 0, report.rejects
    return {name: api.with_key(key) for name, key in keys.items()}


async def noise_case(council) -> str:
    r = await council.post("/v1/cases", json={
        "area": "fenland", "answers": {"repeat": True, "sleep_affected": True},
        "victim": {"role": "victim", "name": "Ada Example", "phone": "01234 567890",
                   "email": "ada@example.org"},
        "consent": {"state": "given"}})
    assert r.status_code == 201, r.text
    cid = r.json()["id"]
    r = await council.post(f"/v1/cases/{cid}/diary-entries", json={
        "started_at": (NOW - timedelta(days=2)).isoformat(),
        "what_happened": "Loud music until 3am", "category": "noise"})
    assert r.status_code == 201, r.text
    return cid


async def test_the_directory_by_area_need_and_open_now(people):
    council = people["council"]
    r = await council.get("/v1/services", params={"area": "fenland", "need": "mediation"})
    assert r.status_code == 200, r.text
    (svc,) = r.json()["items"]
    assert svc["name"] == "Neighbour Mediation (Fenland)"
    assert svc["attributes"][0]["taxonomy_term"]["code"] == "mediation"
    assert svc["referral"] == {"method": "api", "email": svc["email"], "phone": "01354 000000",
                               "answered_through_api": True}
    r = await people["handler"].get("/v1/services", params={"open_now": "true", "limit": 200})
    assert r.status_code == 200
    assert {"Victim Support (Fenland)"} <= {s["name"] for s in r.json()["items"]}
    one = await people["analyst"].get(f"/v1/services/{svc['id']}")
    assert one.status_code == 200 and one.json() == svc
    assert (await people["admin"].get("/v1/services")).status_code == 403
    r = await council.get("/v1/services", params={"need": "astrology"})
    assert r.status_code == 422
    missing = await council.get("/v1/services/6c2b1a0f-0000-4000-8000-000000000000")
    assert missing.status_code == 404


async def test_one_referrals_life(people):
    council, mediation = people["council"], people["mediation"]
    cid = await noise_case(council)
    r = await council.get(f"/v1/cases/{cid}/suggested-services")
    assert r.status_code == 200, r.text
    body = r.json()
    first = body["items"][0]
    assert first["service"]["name"] == "Neighbour Mediation (Fenland)" and first["rank"] == 1
    assert first["reasons"][0]["rule"] == "standard-neighbour-dispute"
    sid = first["service"]["id"]

    refused = await council.post(f"/v1/cases/{cid}/referrals", json={
        "service_id": sid, "need": "mediation", "consent": {"state": "refused"}})
    assert refused.status_code == 422
    assert refused.json()["type"].endswith("/consent-required")

    key = {"Idempotency-Key": "rf-council-0001"}
    body = {"service_id": sid, "need": "mediation", "consent": {"state": "given"}}
    sent = await council.post(f"/v1/cases/{cid}/referrals", json=body, headers=key)
    assert sent.status_code == 201, sent.text
    referral = sent.json()
    assert sent.headers["Location"] == f"/v1/referrals/{referral['id']}"
    assert referral["state"] == "sent" and referral["handover_target"]["state"] == "due"
    again = await council.post(f"/v1/cases/{cid}/referrals", json=body, headers=key)
    assert again.status_code == 201 and again.json()["id"] == referral["id"]

    inbox = await mediation.get("/v1/referrals", params={"state": "sent"})
    assert [i["id"] for i in inbox.json()["items"]] == [referral["id"]]
    assert inbox.json()["items"][0]["shared"] is None
    seen = await mediation.get(f"/v1/referrals/{referral['id']}")
    assert seen.status_code == 200
    assert {k: v for k, v in seen.json()["shared"].items() if v is not None} == {
        "need": "mediation", "level": "standard", "first_name": "Ada",
        "contact_route": {"by": "phone", "value": "01234 567890"}}
    assert (await mediation.get(f"/v1/cases/{cid}")).status_code == 404

    accepted = await mediation.post(f"/v1/referrals/{referral['id']}/state",
                                    json={"state": "accepted"})
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["handover_target"]["state"] == "met"
    closed = await mediation.post(f"/v1/referrals/{referral['id']}/state",
                                  json={"state": "closed", "outcome": "engaged"})
    assert closed.status_code == 200 and closed.json()["outcome"] == "engaged"
    late = await mediation.post(f"/v1/referrals/{referral['id']}/state",
                                json={"state": "accepted"})
    assert late.status_code == 409

    listed = await council.get(f"/v1/cases/{cid}/referrals")
    assert [i["state"] for i in listed.json()["items"]] == ["closed"]
    timeline = await council.get(f"/v1/cases/{cid}/timeline")
    kinds = [e["kind"] for e in timeline.json()["items"]]
    assert "referral_sent" in kinds and "referral_state_changed" in kinds
    assert "Ada" not in timeline.text


async def test_a_service_sees_only_its_own_referrals_and_404_for_the_rest(people):
    council, mediation, stranger = people["council"], people["mediation"], people["stranger"]
    cid = await noise_case(council)
    support = (await council.get("/v1/services", params={
        "area": "fenland", "need": "victim_support"})).json()["items"][0]
    r = await council.post(f"/v1/cases/{cid}/referrals", json={
        "service_id": support["id"], "need": "victim_support",
        "consent": {"state": "not_asked", "legal_basis": "s115 prevention of harm"}})
    assert r.status_code == 201, r.text
    rid = r.json()["id"]
    assert r.json()["answered_by"] == "referring_officer"
    for path in (f"/v1/referrals/{rid}", f"/v1/cases/{cid}/referrals",
                 f"/v1/cases/{cid}/suggested-services"):
        assert (await mediation.get(path)).status_code == 404
        assert (await stranger.get(path)).status_code == 404
    nope = await mediation.post(f"/v1/referrals/{rid}/state", json={"state": "accepted"})
    assert nope.status_code == 404
    bad = await council.post(f"/v1/referrals/{rid}/state", json={"state": "declined"})
    assert bad.status_code == 422
    declined = await council.post(f"/v1/referrals/{rid}/state", json={
        "state": "declined", "reason": "Already supported by another service"})
    assert declined.status_code == 200
    assert declined.json()["decline_reason"] == "Already supported by another service"
    wrong = await council.post(f"/v1/cases/{cid}/referrals", json={
        "service_id": support["id"], "need": "mediation", "consent": {"state": "given"}})
    assert wrong.status_code == 422
