"""Issue 18's acceptance, end to end: a receiver on 127.0.0.1 gets real deliveries from
`asb worker --once` (a process of its own) and verifies every one with the `standardwebhooks`
package unchanged; a ping and a redelivery go through the API; the request that caused an event
(sent with X-Request-ID and traceparent) has both on each of its JSON log lines, on the
delivery's headers and on the worker's log line for that delivery; every body matches its
event's schema in openapi.yaml's `webhooks` section.
"""

from __future__ import annotations

import asyncio
import io
import json
import logging
import os
import secrets
import sys
from pathlib import Path

import httpx
import jsonschema
import pytest
import yaml
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import async_sessionmaker
from standardwebhooks.webhooks import Webhook

from asb_core import logs
from asb_core.actor import Actor
from asb_core.agencies.models import Agency
from asb_core.agencies.service import add_agency, issue_key
from tests.integration.webhook_receiver import Receiver

REPO = Path(__file__).resolve().parents[2]
SPEC = yaml.safe_load((REPO / "openapi.yaml").read_text())
TRACE_ID = secrets.token_hex(16)
TRACEPARENT = f"00-{TRACE_ID}-{secrets.token_hex(8)}-01"
MARKER = "Philippa Quernstone-5521"  # a complainant's name: never in a log line or a webhook


@pytest.fixture(autouse=True)
def loopback_allowed(monkeypatch):
    from asb_core.settings import get_settings

    monkeypatch.setenv("ASB_WEBHOOK_ALLOWED_NETWORKS", "127.0.0.0/8")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
async def receiver():
    r = await Receiver().start()
    yield r
    await r.stop()


@pytest.fixture
async def quiet_outbox(engine):
    """Committed tests share one database: retire what earlier tests left pending."""
    maker = async_sessionmaker(engine)

    async def retire() -> None:
        async with maker() as s, s.begin():
            await s.execute(text("UPDATE webhook_deliveries SET state = 'dead' "
                                 "WHERE state = 'pending'"))
            await s.execute(text("UPDATE webhook_subscriptions SET active = false"))
    await retire()
    yield
    await retire()


@pytest.fixture
async def live_api(engine):
    from asb_api.app import create_app
    from asb_core.settings import get_settings

    app = create_app(get_settings(), engine=engine)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://testserver") as c:
        yield c


@pytest.fixture
def log_lines():
    """The JSON log lines written from now on (the test's own HTTP client's lines left out)."""
    buffer = io.StringIO()
    logs.configure("INFO", "json", stream=buffer)
    quiet = logging.getLogger("httpx")
    level = quiet.level
    quiet.setLevel(logging.WARNING)

    def read() -> list[dict]:
        lines = [json.loads(line) for line in buffer.getvalue().splitlines() if line]
        buffer.seek(0)
        buffer.truncate()
        return lines

    yield read
    quiet.setLevel(level)
    logs.configure("INFO", "json")


async def _key(engine, slug: str, role: str, kind: str) -> str:
    async with async_sessionmaker(engine)() as s, s.begin():
        if (await s.execute(select(Agency).where(Agency.slug == slug))).scalar() is None:
            await add_agency(s, Actor.system(), slug, slug.title(), kind, ["fenland"])
        _, key = await issue_key(s, Actor.system(), slug, role)
    return key


async def _council_and_housing(engine, council: str, housing: str) -> tuple[dict, dict]:
    """A council caseworker's and a housing provider's integration headers (agencies made)."""
    lead = {"Authorization": f"Bearer {await _key(engine, council, 'caseworker', 'council')}"}
    hms = {"Authorization": "Bearer "
           + await _key(engine, housing, "integration", "housing_provider")}
    return lead, hms


async def _worker_once(database_url: str) -> str:
    env = {**os.environ, "DATABASE_URL": database_url, "ASB_LOG_FORMAT": "json",
           "ASB_WEBHOOK_ALLOWED_NETWORKS": "127.0.0.0/8", "ASB_AUDIT_ANCHOR_SECONDS": "0"}
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "asb_api.cli", "worker", "--once", env=env, cwd=REPO,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await proc.communicate()
    assert proc.returncode == 0, err.decode()[-2000:]
    return err.decode()


def _schema_of(event_type: str) -> dict:
    ref = SPEC["webhooks"][event_type]["post"]["requestBody"]["content"]["application/json"]
    return {"$ref": ref["schema"]["$ref"], "components": SPEC["components"]}


async def test_worker_deliveries_verify_with_standardwebhooks_and_carry_the_request(
    engine, database_url, live_api, receiver, quiet_outbox, log_lines
):
    tag = secrets.token_hex(3)
    council, housing = f"swc-{tag}", f"swh-{tag}"
    lead, hms = await _council_and_housing(engine, council, housing)

    r = await live_api.post("/v1/webhooks", headers=hms, json={
        "url": receiver.url("/hms"), "event_types": ["case.shared", "case.level_changed"]})
    assert r.status_code == 201, r.text
    sub = r.json()
    assert sub["secret"].startswith("whsec_")
    r = await live_api.post(f"/v1/webhooks/{sub['id']}/ping", headers=hms)
    assert r.status_code == 202, r.text

    r = await live_api.post("/v1/cases", headers=lead, json={
        "area": "fenland", "answers": {"repeat": True}, "consent": {"state": "given"},
        "victim": {"role": "complainant", "name": MARKER, "phone": "07700 905521"}})
    assert r.status_code == 201, r.text
    case_id = r.json()["id"]

    log_lines()  # only the sharing request's lines from here
    share = {**lead, "X-Request-ID": f"share-{tag}", "traceparent": TRACEPARENT}
    r = await live_api.post(f"/v1/cases/{case_id}/members", headers=share,
                            json={"agency": housing, "basis": "consent"})
    assert r.status_code == 201, r.text
    assert r.headers["x-request-id"] == f"share-{tag}"
    lines = log_lines()
    assert lines, "the request wrote no log line"
    for line in lines:
        assert line["request_id"] == f"share-{tag}" and line["trace_id"] == TRACE_ID, line
    (access,) = [x for x in lines if x["logger"] == "asb_api.access"]
    assert (access["method"], access["route"], access["status"], access["agency"]) == (
        "POST", "/v1/cases/{case_id}/members", 201, council)

    worker_log = await _worker_once(database_url)
    got = receiver.accepted("/hms")
    assert sorted(r.json["type"] for r in got) == ["case.shared", "webhook.ping"]
    for delivery in got:
        # The receiver's side, exactly as the package's README has it.
        body = Webhook(sub["secret"]).verify(delivery.body, delivery.headers)
        assert body["id"] == delivery.headers["webhook-id"]
        assert delivery.headers["webhook-signature"].startswith("v1,")
        jsonschema.validate(body, _schema_of(body["type"]))
        assert MARKER.encode() not in delivery.body
    (shared,) = [d for d in got if d.json["type"] == "case.shared"]
    assert shared.headers["x-request-id"] == f"share-{tag}"
    assert shared.headers["traceparent"].split("-")[1] == TRACE_ID
    (ping,) = [d for d in got if d.json["type"] == "webhook.ping"]
    assert "traceparent" in ping.headers  # the ping request's own trace

    worker_lines = [json.loads(x) for x in worker_log.splitlines() if x.startswith("{")]
    (attempt,) = [x for x in worker_lines if x.get("event_id") == shared.json["id"]]
    assert (attempt["request_id"], attempt["trace_id"], attempt["result"]) == (
        f"share-{tag}", TRACE_ID, "delivered")

    # Redeliver the case event: the same webhook-id and body, signed afresh.
    deliveries = (await live_api.get(f"/v1/webhooks/{sub['id']}/deliveries",
                                     headers=hms)).json()["items"]
    assert {(d["event_type"], d["state"], d["attempts"]) for d in deliveries} == {
        ("case.shared", "delivered", 1), ("webhook.ping", "delivered", 1)}
    (first,) = [d for d in deliveries if d["event_type"] == "case.shared"]
    r = await live_api.post(
        f"/v1/webhooks/{sub['id']}/deliveries/{first['id']}/redeliver", headers=hms)
    assert r.status_code == 202 and r.json()["state"] == "pending", r.text
    await _worker_once(database_url)
    again = receiver.accepted("/hms")[len(got):]
    assert [d.headers["webhook-id"] for d in again] == [shared.headers["webhook-id"]]
    assert again[0].body == shared.body
    assert Webhook(sub["secret"]).verify(again[0].body, again[0].headers)["type"] == "case.shared"

    assert all(MARKER not in json.dumps(line) for line in log_lines())


async def test_a_ping_to_a_disabled_agency_is_withheld(engine, receiver, quiet_outbox):
    """A ping carries no case data, but it still goes only where a key in good standing
    stands behind the subscription: queued before its agency was disabled, it is withheld."""
    from asb_core.agencies.service import set_disabled
    from asb_core.webhooks import service as webhooks
    from asb_core.webhooks.egress import webhook_client
    from asb_core.webhooks.schemas import WebhookIn
    from asb_core.worker import WorkerConfig, run_once

    maker = async_sessionmaker(engine, expire_on_commit=False)
    slug = f"swd-{secrets.token_hex(3)}"
    await _key(engine, slug, "integration", "housing_provider")
    async with maker() as s, s.begin():
        agency = (await s.execute(select(Agency).where(Agency.slug == slug))).scalar_one()
        from asb_core.agencies.models import Principal

        principal = (await s.execute(
            select(Principal).where(Principal.agency_id == agency.id))).scalars().first()
        actor = Actor(principal.id, agency.id, slug, agency.kind, "integration")
        sub = await webhooks.create_subscription(s, actor, WebhookIn(
            url=receiver.url("/disabled"), event_types=["case.shared"]))
        delivery, _ = await webhooks.ping(s, actor, sub.id)
        await set_disabled(s, Actor.system(), slug, disabled=True, reason="test")
    async with webhook_client() as client:
        await run_once(maker, http_client=client, sweep=False, anchor=False,
                       config=WorkerConfig(timeout_seconds=2))
    assert receiver.accepted("/disabled") == []
    async with maker() as s:
        row = (await s.execute(text("SELECT state, last_error FROM webhook_deliveries "
                                    "WHERE id = :id"), {"id": delivery.id})).one()
    assert tuple(row) == ("dead", "withheld: the agency that made this subscription is disabled")


async def test_a_diary_entry_takes_its_request_to_the_webhook_it_causes(
    engine, database_url, live_api, receiver, quiet_outbox
):
    """A diary entry lands through one statement on an idle connection (no unit of work to
    set the trace on a transaction): the delivery it causes still names its request."""
    tag = secrets.token_hex(3)
    council, housing = f"swd-{tag}", f"swi-{tag}"
    lead, hms = await _council_and_housing(engine, council, housing)
    r = await live_api.post("/v1/webhooks", headers=lead, json={
        "url": receiver.url("/council"), "event_types": ["diary_entry.added"]})
    assert r.status_code == 201, r.text
    secret = r.json()["secret"]
    r = await live_api.post("/v1/cases", headers=lead, json={
        "area": "fenland", "answers": {"repeat": True}, "consent": {"state": "given"},
        "victim": {"role": "complainant", "name": MARKER}})
    assert r.status_code == 201, r.text
    case_id = r.json()["id"]
    r = await live_api.post(f"/v1/cases/{case_id}/members", headers=lead,
                            json={"agency": housing, "basis": "consent"})
    assert r.status_code == 201, r.text
    r = await live_api.post(
        f"/v1/cases/{case_id}/diary-entries",
        headers={**hms, "X-Request-ID": f"sheet-{tag}", "traceparent": TRACEPARENT,
                 "Idempotency-Key": f"sheet-{tag}"},
        json={"started_at": "2026-11-30T22:10:00Z", "category": "noise",
              "what_happened": "Music until 2am", "source_system": "housing-crm"})
    assert r.status_code == 201, r.text
    await _worker_once(database_url)
    (delivery,) = receiver.accepted("/council")
    assert Webhook(secret).verify(delivery.body, delivery.headers)["type"] == "diary_entry.added"
    assert delivery.headers["x-request-id"] == f"sheet-{tag}"
    assert delivery.headers["traceparent"].split("-")[1] == TRACE_ID
