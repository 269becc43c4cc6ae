"""OpenTelemetry tracing (the `otel` extra) with the SDK's in-memory exporter: a request sent
with a `traceparent` is a SERVER span whose parent is the caller's span; the database
statements it runs are its children; the webhook delivery it causes is a CLIENT span under it,
and the receiver's `traceparent` names that delivery span. The request's log lines carry the
span's trace and span ids. Off (no OTEL_EXPORTER_OTLP_ENDPOINT), nothing is traced.
"""

from __future__ import annotations

import io
import json
import secrets

import httpx
import pytest
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import async_sessionmaker

pytest.importorskip("opentelemetry.sdk")
from opentelemetry.sdk.trace.export.in_memory_span_exporter import (  # noqa: E402
    InMemorySpanExporter,
)
from opentelemetry.trace import SpanKind  # noqa: E402

from asb_core import logs, telemetry  # noqa: E402
from asb_core.actor import Actor  # noqa: E402
from asb_core.agencies.models import Agency  # noqa: E402
from asb_core.agencies.service import add_agency, issue_key  # noqa: E402
from asb_core.db import create_engine  # noqa: E402
from asb_core.webhooks.egress import webhook_client  # noqa: E402
from asb_core.worker import WorkerConfig, run_once  # noqa: E402
from tests.integration.webhook_receiver import Receiver  # noqa: E402


@pytest.fixture
def exporter(monkeypatch):
    from asb_core.settings import get_settings

    monkeypatch.setenv("ASB_WEBHOOK_ALLOWED_NETWORKS", "127.0.0.0/8")
    get_settings.cache_clear()
    memory = InMemorySpanExporter()
    assert telemetry.configure(exporter=memory)
    yield memory
    telemetry.shutdown()
    get_settings.cache_clear()


@pytest.fixture
async def traced_engine(database_url, exporter):
    """An engine of its own, instrumented (the suite's shared engine stays untraced)."""
    from asb_core.settings import get_settings

    engine = create_engine(database_url.replace("postgresql://", "postgresql+asyncpg://", 1)
                           if database_url.startswith("postgresql://") else database_url,
                           get_settings())
    yield engine
    await engine.dispose()


async def _key(maker, slug: str, role: str, kind: str) -> str:
    async with maker() as s, s.begin():
        if (await s.execute(select(Agency).where(Agency.slug == slug))).scalar() is None:
            await add_agency(s, Actor.system(), slug, slug.title(), kind, ["fenland"])
        _, key = await issue_key(s, Actor.system(), slug, role)
    return key


def test_off_without_an_endpoint(monkeypatch):
    monkeypatch.delenv("OTEL_EXPORTER_OTLP_ENDPOINT", raising=False)
    telemetry.shutdown()
    assert telemetry.configure() is False and not telemetry.enabled()
    with telemetry.span("x", "internal") as span:
        assert span is None


async def test_request_statements_and_delivery_are_one_trace(traced_engine, exporter):
    from asb_api.app import create_app
    from asb_core.settings import get_settings

    maker = async_sessionmaker(traced_engine, expire_on_commit=False)
    async with maker() as s, s.begin():  # what earlier tests left pending is not ours
        await s.execute(text("UPDATE webhook_deliveries SET state = 'dead' "
                             "WHERE state = 'pending'"))
    tag = secrets.token_hex(3)
    council, housing = f"otc-{tag}", f"oth-{tag}"
    lead = {"Authorization": f"Bearer {await _key(maker, council, 'caseworker', 'council')}"}
    hms = {"Authorization": "Bearer "
           + await _key(maker, housing, "integration", "housing_provider")}
    receiver = await Receiver().start()
    buffer = io.StringIO()
    app = create_app(get_settings(), engine=traced_engine)
    logs.configure("INFO", "json", stream=buffer)
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                     base_url="http://testserver") as api:
            r = await api.post("/v1/webhooks", headers=hms, json={
                "url": receiver.url("/otel"), "event_types": ["case.shared"]})
            assert r.status_code == 201, r.text
            r = await api.post("/v1/cases", headers=lead, json={
                "area": "fenland", "answers": {"repeat": True}, "consent": {"state": "given"},
                "victim": {"role": "victim", "name": "Traced Victim"}})
            assert r.status_code == 201, r.text
            case_id = r.json()["id"]
            exporter.clear()
            buffer.seek(0)
            buffer.truncate()
            caller_trace, caller_span = secrets.token_hex(16), secrets.token_hex(8)
            r = await api.post(f"/v1/cases/{case_id}/members", json={
                "agency": housing, "basis": "consent"},
                headers={**lead, "traceparent": f"00-{caller_trace}-{caller_span}-01"})
            assert r.status_code == 201, r.text
        async with webhook_client() as client:
            stats = await run_once(maker, http_client=client, sweep=False, anchor=False,
                                   config=WorkerConfig(timeout_seconds=2))
        assert stats.delivered == 1
    finally:
        await receiver.stop()
        logs.configure("INFO", "json")

    spans = exporter.get_finished_spans()
    (server,) = [s for s in spans if s.kind == SpanKind.SERVER]
    assert server.name == "POST /v1/cases/{case_id}/members"
    assert f"{server.context.trace_id:032x}" == caller_trace
    assert f"{server.parent.span_id:016x}" == caller_span
    # The request's statements (not the API key's read, made on a raw connection).
    statements = [s for s in spans if s.parent is not None
                  and s.parent.span_id == server.context.span_id
                  and s.kind == SpanKind.CLIENT and not s.name.startswith("webhook ")]
    assert len(statements) >= 3, [s.name for s in spans]
    assert {s.context.trace_id for s in statements} == {server.context.trace_id}
    (delivery,) = [s for s in spans if s.name == "webhook case.shared"]
    assert delivery.kind == SpanKind.CLIENT
    assert delivery.context.trace_id == server.context.trace_id
    assert delivery.parent.span_id == server.context.span_id
    (got,) = receiver.accepted("/otel")
    assert got.headers["traceparent"] == (
        f"00-{caller_trace}-{delivery.context.span_id:016x}-01")

    lines = [json.loads(x) for x in buffer.getvalue().splitlines() if x]
    request_lines = [x for x in lines if x.get("logger") == "asb_api.access"
                     and x.get("route") == "/v1/cases/{case_id}/members"]
    assert request_lines and all(
        (x["trace_id"], x["span_id"]) == (caller_trace, f"{server.context.span_id:016x}")
        for x in request_lines)
