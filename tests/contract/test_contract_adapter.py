"""The contract checker itself: it must accept conforming exchanges and reject wrong ones.

These feed hand-made `httpx` exchanges to the adapter (no server), so a checker that silently
accepts everything (e.g. one that never parses `application/problem+json`) fails here.
"""

from __future__ import annotations

import copy
import json

import httpx
import pytest

from tests.contract.openapi_validation import (
    EXERCISED,
    ContractViolation,
    assert_conforms,
    spec_dict,
)

BASE = "http://testserver"
CASE_ID = "5b1f0c7e-3c1a-4a8e-9a55-0d2f6b7c9e14"
AUTH = {"Authorization": "Bearer asb_test_key"}


def exchange(
    method: str,
    path: str,
    status: int,
    *,
    body: object = None,
    content_type: str = "application/json",
    headers: dict[str, str] | None = None,
    request_json: object = None,
    request_headers: dict[str, str] | None = None,
) -> httpx.Response:
    req_headers = dict(AUTH if request_headers is None else request_headers)
    content = None
    if request_json is not None:
        content = json.dumps(request_json).encode()
        req_headers["Content-Type"] = "application/json"
    request = httpx.Request(method, BASE + path, headers=req_headers, content=content)
    resp_headers = dict(headers or {})
    raw = b""
    if body is not None:
        raw = body.encode() if isinstance(body, str) else json.dumps(body).encode()
        resp_headers["Content-Type"] = content_type
    return httpx.Response(status, headers=resp_headers, content=raw, request=request)


def case_example() -> dict:
    return copy.deepcopy(spec_dict()["components"]["schemas"]["Case"]["example"])


def problem(status: int, kind: str) -> dict:
    return {
        "type": f"https://asb.example.org/problems/{kind}",
        "title": kind,
        "status": status,
        "detail": "x",
    }


@pytest.fixture(autouse=True)
def _keep_registry_clean():
    """These fake exchanges must not count as exercising the real server."""
    before = copy.deepcopy(EXERCISED)
    yield
    EXERCISED.clear()
    EXERCISED.update(before)


# ----- conforming exchanges pass (positive controls) -----------------------------------------


def test_conforming_exchanges_pass():
    assert_conforms(exchange("GET", "/health", 200, body={"status": "ok"}, request_headers={}))
    assert_conforms(
        exchange("GET", f"/v1/cases/{CASE_ID}", 200, body=case_example(), headers={"ETag": '"3"'})
    )
    assert_conforms(
        exchange(
            "GET", "/v1/me", 401, body=problem(401, "unauthenticated"),
            content_type="application/problem+json",
            headers={"WWW-Authenticate": 'Bearer realm="asb"'}, request_headers={},
        )
    )
    assert_conforms(
        exchange("DELETE", f"/v1/cases/{CASE_ID}/members/fen-housing?reason=done", 204)
    )
    assert_conforms(
        exchange(
            "POST", "/v1/assessments/evaluate", 422,
            body={**problem(422, "validation-error"),
                  "errors": [{"field": "answers.noisy_dog", "message": "unknown question id"}]},
            content_type="application/problem+json",
            request_json={"answers": {"noisy_dog": True}},
        ),
        check_request=False,
    )


# ----- wrong responses fail ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("what", "response"),
    [
        ("undocumented field",
         exchange("GET", "/health", 200, body={"status": "ok", "uptime": 3}, request_headers={})),
        ("wrong constant",
         exchange("GET", "/health", 200, body={"status": "fine"}, request_headers={})),
        ("undeclared status",
         exchange("GET", "/health", 418, body={"status": "ok"}, request_headers={})),
        ("error as plain JSON, not problem+json",
         exchange("GET", "/v1/me", 401, body=problem(401, "unauthenticated"),
                  headers={"WWW-Authenticate": "Bearer"}, request_headers={})),
        ("problem without its required type",
         exchange("GET", "/v1/me", 429,
                  body={k: v for k, v in problem(429, "rate-limited").items() if k != "type"},
                  content_type="application/problem+json", headers={"Retry-After": "2"})),
        ("problem status differs from HTTP status",
         exchange("GET", "/v1/me", 429, body=problem(400, "rate-limited"),
                  content_type="application/problem+json", headers={"Retry-After": "2"})),
        ("429 without Retry-After",
         exchange("GET", "/v1/me", 429, body=problem(429, "rate-limited"),
                  content_type="application/problem+json")),
        ("401 without WWW-Authenticate",
         exchange("GET", "/v1/me", 401, body=problem(401, "unauthenticated"),
                  content_type="application/problem+json", request_headers={})),
        ("case without ETag",
         exchange("GET", f"/v1/cases/{CASE_ID}", 200, body=case_example())),
        ("case with an extra field",
         exchange("GET", f"/v1/cases/{CASE_ID}", 200, body={**case_example(), "victim": "A R"},
                  headers={"ETag": '"3"'})),
        ("case missing a field",
         exchange("GET", f"/v1/cases/{CASE_ID}", 200,
                  body={k: v for k, v in case_example().items() if k != "flags"},
                  headers={"ETag": '"3"'})),
        ("case with a bad timestamp",
         exchange("GET", f"/v1/cases/{CASE_ID}", 200,
                  body={**case_example(), "opened_at": "last Tuesday"}, headers={"ETag": '"3"'})),
        ("case with an unknown level",
         exchange("GET", f"/v1/cases/{CASE_ID}", 200,
                  body={**case_example(), "risk_level": "critical"}, headers={"ETag": '"3"'})),
        ("204 with a body",
         exchange("DELETE", f"/v1/cases/{CASE_ID}/members/fen-housing?reason=done", 204,
                  body={"ok": True})),
        ("metrics as JSON",
         exchange("GET", "/metrics", 200, body={"requests": 1}, request_headers={})),
    ],
)
def test_wrong_responses_are_rejected(what, response):
    with pytest.raises(ContractViolation):
        assert_conforms(response)


# ----- wrong requests fail -------------------------------------------------------------------


def test_a_request_outside_the_contract_is_rejected():
    with pytest.raises(ContractViolation, match="not an operation"):
        assert_conforms(exchange("GET", "/v1/widgets", 200, body={}))


def test_a_request_without_credentials_is_only_fine_when_answered_401():
    with pytest.raises(ContractViolation, match="(?i)security|authori"):
        assert_conforms(
            exchange("GET", f"/v1/cases/{CASE_ID}", 200, body=case_example(),
                     headers={"ETag": '"3"'}, request_headers={})
        )


def test_an_unknown_question_in_the_request_is_rejected():
    response = exchange(
        "POST", "/v1/assessments/evaluate", 422,
        body=problem(422, "validation-error"), content_type="application/problem+json",
        request_json={"answers": {"noisy_dog": True}},
    )
    with pytest.raises(ContractViolation, match="request"):
        assert_conforms(response)


def test_an_invalid_request_must_not_succeed():
    """With check_request=False the request may be wrong, but then the answer must be a 4xx."""
    response = exchange(
        "PATCH", f"/v1/cases/{CASE_ID}", 200, body=case_example(), headers={"ETag": '"4"'},
        request_json={"status": "closed"}, request_headers={**AUTH, "If-Match": '"3"'},
    )
    with pytest.raises(ContractViolation, match="not a 4xx"):
        assert_conforms(response, check_request=False)
