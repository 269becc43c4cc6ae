"""/metrics: served to an operator only (the bearer of ASB_METRICS_TOKEN, or a client on this
machine; anyone else gets the 404 of a path that does not exist), with the business metrics
counted in PostgreSQL beside the HTTP ones."""

from __future__ import annotations

import re

import httpx
import pytest

from asb_core.networks import parse_networks

TOKEN = "metrics-token-for-the-scraper-7731"


@pytest.fixture
def settings():
    from asb_core.settings import Settings

    return Settings(ASB_METRICS_TOKEN=TOKEN)


def _from(app, address: str) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app, client=(address, 5000)),
                             base_url="http://testserver")


def _value(body: str, name: str, label: str, value: str) -> float:
    m = re.search(rf'^{name}{{{label}="{value}"}} (\S+)$', body, re.MULTILINE)
    return float(m.group(1)) if m else 0.0


async def test_metrics_only_to_an_operator(app):
    async with _from(app, "203.0.113.9") as world:
        r = await world.get("/metrics")
        assert r.status_code == 404 and "asb_" not in r.text
        r = await world.get("/metrics", headers={"Authorization": "Bearer not-the-token"})
        assert r.status_code == 404
        r = await world.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 200 and "asb_http_requests_total" in r.text
    async with _from(app, "127.0.0.1") as local:
        assert (await local.get("/metrics")).status_code == 200
    # Behind a proxy on this machine, the world is still the world.
    app.state["trusted_proxies"] = parse_networks("127.0.0.0/8", "ASB_TRUSTED_PROXIES")
    async with _from(app, "127.0.0.1") as proxied:
        r = await proxied.get("/metrics", headers={"X-Forwarded-For": "198.51.100.4"})
        assert r.status_code == 404


async def test_business_metrics_count_what_happened(app, make_key):
    async with _from(app, "127.0.0.1") as c:
        before = (await c.get("/metrics")).text
        key = await make_key("fen-council", "caseworker")
        r = await c.post("/v1/cases", headers={"Authorization": f"Bearer {key}"}, json={
            "area": "fenland", "consent": {"state": "given"},
            "answers": {"hostility_perceived": ["race"], "feels_targeted": True,
                        "repeat": True},
            "victim": {"role": "victim", "name": "Metrics Victim"}})
        assert r.status_code == 201, r.text
        level = r.json()["risk_level"]
        after = (await c.get("/metrics")).text
    assert "# TYPE asb_cases_opened_total counter" in after
    assert _value(after, "asb_cases_opened_total", "level", level) == \
        _value(before, "asb_cases_opened_total", "level", level) + 1
    assert _value(after, "asb_cases_open", "level", level) == \
        _value(before, "asb_cases_open", "level", level) + 1
    assert _value(after, "asb_escalation_flags_raised_total", "rule", "hate-perceived") == \
        _value(before, "asb_escalation_flags_raised_total", "rule", "hate-perceived") + 1
    assert "# TYPE asb_webhook_deliveries gauge" in after
    assert "Metrics Victim" not in after
