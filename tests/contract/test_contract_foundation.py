"""Contract tests for the foundation: health, readiness, metrics, who-am-I, and 401 problems."""

from __future__ import annotations

from tests.contract.openapi_validation import spec_dict, spec_operations


async def test_health(api):
    r = await api.get("/health")
    assert r.status_code == 200 and r.json() == {"status": "ok"}


async def test_ready(api):
    r = await api.get("/ready")
    assert r.status_code == 200 and r.json() == {"status": "ready"}


async def test_metrics_is_prometheus_text(api):
    r = await api.get("/metrics")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/plain")


async def test_me_with_a_key(api, make_key):
    key = await make_key("fen-housing", "integration", kind="housing_provider")
    r = await api.with_key(key).get("/v1/me")
    assert r.status_code == 200
    body = r.json()
    assert body["agency"] == "fen-housing"
    assert body["agency_kind"] == "housing_provider"
    assert body["role"] == "integration"


async def test_me_without_or_with_a_bad_key_is_a_401_problem(api, make_key):
    key = await make_key("fen-council", "caseworker")
    for headers in (
        {},
        {"Authorization": "Bearer asb_nope_" + "x" * 40},
        {"Authorization": f"Basic {key}"},
        {"Authorization": key},
    ):
        r = await api.get("/v1/me", headers=headers)
        assert r.status_code == 401, headers
        assert r.json()["type"] == "https://asb.example.org/problems/unauthenticated"
        assert r.headers["www-authenticate"].startswith("Bearer")


async def test_an_unknown_path_is_a_404_problem(api):
    r = await api.get("/v1/no-such-thing", check_request=False)
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("application/problem+json")


def test_docs_and_the_contract_itself_are_not_operations():
    ops = {path for _, path in spec_operations()}
    assert "/docs" not in ops and "/openapi.yaml" not in ops
    # ... but the contract says where they are.
    assert "/openapi.yaml" in spec_dict()["info"]["description"]


async def test_docs_render_every_operation(client):
    r = await client.get("/docs")
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    for path_item in spec_dict()["paths"].values():
        for op in path_item.values():
            if isinstance(op, dict) and "operationId" in op:
                assert f"id='{op['operationId']}'" in r.text
    r = await client.get("/openapi.yaml")
    assert r.status_code == 200 and r.text.startswith("openapi: 3.1.0")
