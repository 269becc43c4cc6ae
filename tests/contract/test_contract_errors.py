"""The contract's promises about errors and protocol headers, checked through HTTP.

Every exchange goes through `api` (checked against openapi.yaml). Requests that are wrong on
purpose are sent with `check_request=False`: the checker then insists that the answer is a 4xx
problem that the contract declares for the operation.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

# The victim's view at closure, as every closing now records it.
VICTIM_VIEW = {"satisfied": "yes", "kept_informed": "yes", "feels_safer": "yes"}

PROBLEMS = "https://asb.example.org/problems/"


CASE = {
    "area": "fenland",
    "summary": "Loud music late at night from next door; shouting over the fence.",
    "answers": {"repeat": True, "feels_targeted": True, "hostility_perceived": []},
    "victim": {"role": "victim", "name": "Contract Test Victim", "phone": "01354 000 000"},
    "consent": {"state": "given"},
}


def entry(**over) -> dict:
    body = {
        "started_at": (datetime.now(UTC) - timedelta(hours=2)).isoformat(),
        "duration_minutes": 90,
        "location": "Back garden",
        "what_happened": "Music from number 14 until 2am; shouting over the fence.",
        "category": "noise",
        "hostility_perceived": [],
        "hostility_asked": True,
        "source_system": "fen-housing-hms",
    }
    body.update(over)
    return body


def kind(response) -> str:
    assert response.headers["content-type"].startswith("application/problem+json")
    return response.json()["type"].removeprefix(PROBLEMS)


def fields(response) -> set[str]:
    return {e["field"] for e in response.json().get("errors", [])}


@pytest.fixture
async def who(api, make_key):
    await make_key("fen-housing", "caseworker", kind="housing_provider")
    return {
        "officer": api.with_key(await make_key("fen-council", "caseworker")),
        "supervisor": api.with_key(await make_key("fen-council", "supervisor")),
        "auditor": api.with_key(await make_key("fen-council", "auditor")),
        "handler": api.with_key(await make_key("fen-police", "call_handler", kind="police")),
    }


@pytest.fixture
async def case(who):
    r = await who["officer"].post("/v1/cases", json=CASE)
    assert r.status_code == 201, r.text
    return r


# ----- assessment ----------------------------------------------------------------------------


async def test_evaluate_names_the_bad_fields(who):
    api = who["handler"]
    r = await api.post(
        "/v1/assessments/evaluate",
        json={"answers": {"noisy_dog": True, "repeat": "often"}},
        check_request=False,
    )
    assert r.status_code == 422 and kind(r) == "validation-error"
    assert {"answers.noisy_dog", "answers.repeat"} <= fields(r)


async def test_evaluate_unknown_policy_version_is_422(who):
    r = await who["handler"].post(
        "/v1/assessments/evaluate", json={"answers": {}, "policy_version": "no-such-policy"}
    )
    assert r.status_code == 422 and "policy_version" in fields(r)


async def test_evaluate_without_answers_is_422(who):
    r = await who["handler"].post("/v1/assessments/evaluate", json={}, check_request=False)
    assert r.status_code == 422 and "answers" in fields(r)


async def test_malformed_json_is_a_400_problem(who):
    r = await who["handler"].post(
        "/v1/assessments/evaluate",
        content=b"{not json",
        headers={"Content-Type": "application/json"},
        check_request=False,
    )
    assert r.status_code == 400 and kind(r) == "bad-request"


async def test_unknown_fields_are_rejected(who):
    r = await who["handler"].post(
        "/v1/assessments/evaluate", json={"answers": {}, "colour": "red"}, check_request=False
    )
    assert r.status_code == 422 and kind(r) == "validation-error"


async def test_oversized_body_is_413(who):
    big = b'{"answers": {}, "pad": "' + b"a" * 3_000_000 + b'"}'
    r = await who["handler"].post(
        "/v1/assessments/evaluate", content=big, headers={"Content-Type": "application/json"},
        check_request=False,
    )
    assert r.status_code == 413 and kind(r) == "payload-too-large"


# ----- cases: ETag / If-Match -----------------------------------------------------------------


async def test_open_case_gives_location_and_etag(who, case):
    body = case.json()
    assert case.headers["location"].endswith(f"/v1/cases/{body['id']}")
    assert case.headers["etag"] == f'"{body["version"]}"'
    r = await who["officer"].get(case.headers["location"])
    assert r.status_code == 200 and r.headers["etag"] == case.headers["etag"]


async def test_patch_needs_if_match_and_refuses_a_stale_one(who, case):
    api, cid = who["officer"], case.json()["id"]
    r = await api.patch(f"/v1/cases/{cid}", json={"status": "active"}, check_request=False)
    assert r.status_code == 428 and kind(r) == "precondition-required"
    r = await api.patch(
        f"/v1/cases/{cid}", json={"status": "active"}, headers={"If-Match": '"999"'}
    )
    assert r.status_code == 412 and kind(r) == "precondition-failed"
    r = await api.patch(
        f"/v1/cases/{cid}",
        content=json.dumps({"status": "active"}),
        headers={"If-Match": case.headers["etag"], "Content-Type": "application/merge-patch+json"},
    )
    assert r.status_code == 200 and r.json()["status"] == "active"
    assert r.headers["etag"] == f'"{r.json()["version"]}"' != case.headers["etag"]


async def test_an_empty_patch_is_422(who, case):
    r = await who["officer"].patch(
        f"/v1/cases/{case.json()['id']}", json={}, headers={"If-Match": case.headers["etag"]},
        check_request=False,
    )
    assert r.status_code == 422


async def test_close_and_reopen_are_state_transitions(who, case):
    sup, cid = who["supervisor"], case.json()["id"]
    body = {"outcome": "Warning letter served; no incidents since.", "final_victim_update": "Told",
        "victim_view": VICTIM_VIEW}
    r = await who["officer"].post(f"/v1/cases/{cid}/close", json=body)
    assert r.status_code in (403, 404)
    r = await sup.post(f"/v1/cases/{cid}/close", json=body)
    assert r.status_code == 200 and r.json()["status"] == "closed" and r.json()["closed_at"]
    assert (await sup.post(f"/v1/cases/{cid}/close", json=body)).status_code == 409
    r = await sup.post(f"/v1/cases/{cid}/reopen", json={"reason": "Music started again."})
    assert r.status_code == 200 and r.json()["status"] != "closed"
    r = await sup.post(f"/v1/cases/{cid}/reopen", json={"reason": "again"})
    assert r.status_code == 409 and kind(r) == "conflict"


# ----- lists and pagination ------------------------------------------------------------------


async def test_list_cases_filters_and_pages(who, case):
    api = who["officer"]
    await api.post("/v1/cases", json=CASE)
    r = await api.get("/v1/cases", params={"area": "fenland", "limit": 1})
    assert r.status_code == 200 and len(r.json()["items"]) == 1
    cursor = r.json()["next_cursor"]
    assert cursor
    r2 = await api.get("/v1/cases", params={"area": "fenland", "limit": 1, "cursor": cursor})
    assert r2.status_code == 200 and r2.json()["items"][0]["id"] != r.json()["items"][0]["id"]
    r = await api.get(
        "/v1/cases",
        params={"risk_level": "high", "status": "open", "flag": "hate-crime",
                "target_state": "breached"},
    )
    assert r.status_code == 200


async def test_bad_paging_parameters_are_422(who):
    api = who["officer"]
    r = await api.get("/v1/cases", params={"limit": 0}, check_request=False)
    assert r.status_code == 422 and "limit" in fields(r)
    r = await api.get("/v1/cases", params={"cursor": "bm90LWEtY3Vyc29y"})
    assert r.status_code == 422 and "cursor" in fields(r)


async def test_work_queue_states(who, case):
    api = who["officer"]
    for params in ({}, {"state": "breached"}, {"state": "due_soon", "within_hours": 48}):
        r = await api.get("/v1/targets", params=params)
        assert r.status_code == 200, params
    r = await api.get("/v1/targets", params={"state": "late"}, check_request=False)
    assert r.status_code == 422


# ----- idempotent diary entries ---------------------------------------------------------------


async def test_diary_idempotency(who, case):
    api, cid = who["officer"], case.json()["id"]
    headers = {"Idempotency-Key": "fen-housing-diary-1"}
    body = entry()
    first = await api.post(f"/v1/cases/{cid}/diary-entries", json=body, headers=headers)
    assert first.status_code == 201
    again = await api.post(f"/v1/cases/{cid}/diary-entries", json=body, headers=headers)
    assert again.status_code == 201 and again.json() == first.json()
    other = await api.post(
        f"/v1/cases/{cid}/diary-entries", json={**body, "what_happened": "Different"},
        headers=headers,
    )
    assert other.status_code == 422 and kind(other) == "idempotency-key-reused"
    r = await api.get(f"/v1/cases/{cid}/diary-entries")
    assert [e["id"] for e in r.json()["items"]].count(first.json()["id"]) == 1
    # The Location of the entry answers with the entry itself.
    located = await api.get(first.headers["Location"])
    assert located.status_code == 200 and located.json() == first.json()
    reference = case.json()["reference"]
    assert first.json()["acknowledgement_reference"].startswith(f"{reference}-D")


async def test_diary_batch_lands_each_item_on_its_own(who, case):
    api, cid = who["officer"], case.json()["id"]
    first = entry()
    single = await api.post(f"/v1/cases/{cid}/diary-entries", json=first,
                            headers={"Idempotency-Key": "batch-0"})
    items = [
        {"idempotency_key": "batch-0", "entry": first},  # sent alone before: a replay
        {"idempotency_key": "batch-1", "entry": entry()},
        {"idempotency_key": "batch-2", "entry": {**entry(), "category": "no-such"}},
        {"idempotency_key": "batch-3", "entry": {**entry(), "what_happened": "Other"}},
    ]
    r = await api.post(f"/v1/cases/{cid}/diary-entry-batches", json={"items": items})
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["created"], body["replayed"], body["failed"]) == (2, 1, 1)
    results = body["results"]
    assert results[0]["entry"]["id"] == single.json()["id"] and results[0]["created"] is False
    assert results[1]["status"] == 201 and results[1]["entry"]["acknowledgement_reference"]
    assert results[2]["status"] == 422 and results[2]["entry"] is None
    assert results[2]["problem"]["errors"][0]["field"] == "items.2.entry.category"
    again = await api.post(f"/v1/cases/{cid}/diary-entry-batches", json={"items": items[1:2]})
    assert again.json()["results"][0]["entry"]["id"] == results[1]["entry"]["id"]
    listed = await api.get(f"/v1/cases/{cid}/diary-entries")
    ids = [e["id"] for e in listed.json()["items"]]
    assert ids.count(results[1]["entry"]["id"]) == 1 and ids.count(results[3]["entry"]["id"]) == 1


# ----- sharing -------------------------------------------------------------------------------


async def test_sharing_and_unsharing(who, case):
    off, sup, cid = who["officer"], who["supervisor"], case.json()["id"]
    share = {"agency": "fen-housing", "basis": "consent", "justification": "Both are tenants"}
    assert (await off.post(f"/v1/cases/{cid}/members", json=share)).status_code == 201
    r = await off.post(f"/v1/cases/{cid}/members", json=share)
    assert r.status_code == 409 and kind(r) == "conflict"
    r = await sup.delete(
        f"/v1/cases/{cid}/members/fen-council", params={"reason": "lead cannot go"}
    )
    assert r.status_code == 409
    r = await sup.delete(f"/v1/cases/{cid}/members/fen-housing", params={"reason": "Moved away"})
    assert r.status_code == 204 and r.content == b""


async def test_a_missing_required_parameter_is_422(who, case):
    r = await who["supervisor"].delete(
        f"/v1/cases/{case.json()['id']}/members/fen-housing", check_request=False
    )
    assert r.status_code == 422 and "reason" in fields(r)


# ----- the rest: audit, case review, embed, escalations --------------------------------------


async def test_audit_is_for_auditors(who, case):
    r = await who["auditor"].get("/v1/audit", params={"case_id": case.json()["id"], "limit": 5})
    assert r.status_code == 200 and r.json()["items"]
    r = await who["officer"].get("/v1/audit")
    assert r.status_code == 403 and kind(r) == "forbidden"


async def test_case_review_and_escalations(who, case):
    api, cid = who["officer"], case.json()["id"]
    r = await api.post(f"/v1/cases/{cid}/case-review", json={"applicant_description": "the victim"})
    assert r.status_code == 201
    r = await api.get(f"/v1/cases/{cid}/case-review")
    assert r.status_code == 200 and len(r.json()["items"]) == 1
    r = await api.get(f"/v1/cases/{cid}/escalations", params={"include_cleared": "true"})
    assert r.status_code == 200


async def test_embed_token_and_page(who, api):
    r = await who["handler"].post("/v1/embed-tokens")
    assert r.status_code == 201 and r.headers["cache-control"] == "no-store"
    token = r.json()["token"]
    r = await api.with_key(token).post("/v1/assessments/evaluate", json={"answers": {}})
    assert r.status_code == 200
    r = await api.with_key(token).post("/v1/embed-tokens")
    assert r.status_code == 403
    r = await api.get("/embed/assessment")
    assert r.status_code == 200 and "frame-ancestors" in r.headers["content-security-policy"]


async def test_a_case_nobody_may_see_is_404(who):
    r = await who["officer"].get("/v1/cases/00000000-0000-4000-8000-000000000000")
    assert r.status_code == 404 and kind(r) == "not-found"
