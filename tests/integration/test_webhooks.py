"""Webhooks end to end: the outbox trigger, a real local HTTP receiver, two workers at once,
retries with a receiver that fails, hangs and comes back, dead-lettering, the target sweep, and
no restricted identity in any payload.

The receiver listens on 127.0.0.1, a loopback address webhooks may not reach by default; every
test here runs with the loopback network allowed through `ASB_WEBHOOK_ALLOWED_NETWORKS` (the
`loopback_allowed` fixture), and the SSRF tests at the end choose their own policy."""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import socket
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from pydantic import ValidationError
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import async_sessionmaker
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from asb_core.actor import Actor
from asb_core.agencies.models import Agency
from asb_core.agencies.service import add_agency, issue_key, revoke_key, set_disabled
from asb_core.assessments.schemas import ReassessIn
from asb_core.assessments.service import reassess
from asb_core.cases.schemas import CloseIn, OpenCaseIn
from asb_core.cases.service import close_case, open_case
from asb_core.errors import Forbidden, NotFound, ValidationFailed
from asb_core.sharing.schemas import ShareIn
from asb_core.sharing.service import remove_member, share_case
from asb_core.webhooks import egress
from asb_core.webhooks import service as webhooks
from asb_core.webhooks.egress import EgressPolicy, parse_networks, webhook_client
from asb_core.webhooks.models import OutboxEvent, WebhookDelivery
from asb_core.webhooks.schemas import WebhookIn
from asb_core.worker import WorkerConfig, run_once
from tests.integration.casework_helpers import actor_for
from tests.integration.webhook_receiver import Receiver

# The victim's view at closure, as every closing now records it.
VICTIM_VIEW = {"satisfied": "yes", "kept_informed": "yes", "feels_safer": "yes"}

MARKER = "Zebedee Quillfeather-7731"  # a complainant's name that must never leave the system
VICTIM = {"role": "complainant", "name": MARKER, "phone": "07700 900731",
          "email": "zq7731@example.org", "address": "7731 Marker Road",
          "date_of_birth": "1961-07-31"}
HATE = {"hostility_perceived": ["race"], "feels_targeted": True, "repeat": True}
FAST = WorkerConfig(timeout_seconds=0.5, backoff_base_seconds=1, backoff_cap_seconds=60,
                    max_attempts=8)


def _slug(prefix: str) -> str:
    return f"{prefix}-{secrets.token_hex(3)}"


async def _open(session, actor, *, answers=None, now=None):
    return await open_case(session, actor, OpenCaseIn(area="fenland",
                           answers=answers or {"repeat": True}, victim=dict(VICTIM),
                           consent={"state": "given"}), now=now)


@pytest.fixture(autouse=True)
def loopback_allowed(monkeypatch):
    """The operator's setting that lets webhooks reach the local test receiver."""
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
def maker(engine):
    return async_sessionmaker(engine, expire_on_commit=False)


@pytest.fixture
async def quiet_outbox(maker):
    """Committed tests share one database: retire what earlier tests left pending."""
    async def retire() -> None:
        async with maker() as s, s.begin():
            await s.execute(text("UPDATE webhook_deliveries SET state = 'dead' "
                                 "WHERE state = 'pending'"))
            await s.execute(text("UPDATE webhook_subscriptions SET active = false"))
    await retire()
    yield
    await retire()


@pytest.fixture
async def http():
    async with webhook_client() as c:  # the policy from the settings: loopback allowed
        yield c


async def _deliveries(maker, sub_id) -> list[WebhookDelivery]:
    async with maker() as s:
        rows = await s.execute(
            select(WebhookDelivery).where(WebhookDelivery.subscription_id == sub_id)
        )
        return list(rows.scalars())


# --- the trigger -------------------------------------------------------------------------------


async def test_trigger_writes_whitelisted_events_for_member_subscribers(session):
    council = await actor_for(session, _slug("whc"), "caseworker", "council")
    boss = await actor_for(session, council.agency_slug, "supervisor", "council")
    police = await actor_for(session, _slug("whp"), "caseworker", "police")
    outsider = await actor_for(session, _slug("who"), "integration", "housing_provider")
    sub_c = await webhooks.create_subscription(session, council,
                                               WebhookIn(url="https://council.example/hook",
                                               event_types=list(webhooks.EVENT_TYPES)))
    sub_p = await webhooks.create_subscription(session, police,
                                               WebhookIn(url="https://police.example/hook",
                                               event_types=["case.shared"]))
    sub_o = await webhooks.create_subscription(session, outsider,
                                               WebhookIn(url="https://outsider.example/hook",
                                               event_types=list(webhooks.EVENT_TYPES)))
    assert sub_c.secret.startswith("whsec_") and len(sub_c.secret) > 40

    case = await _open(session, council)
    await share_case(session, council, case.id, ShareIn(agency=police.agency_slug, basis="consent"))
    await reassess(session, council, case.id, ReassessIn(answers=HATE))
    await close_case(session, boss, case.id, CloseIn(outcome="resolved",
                     final_victim_update="told", victim_view=VICTIM_VIEW))
    await session.flush()

    events = (await session.execute(
        select(OutboxEvent).where(OutboxEvent.case_id == case.id).order_by(OutboxEvent.seq)
    )).scalars().all()
    types = [e.event_type for e in events]
    assert types[0] == "case.shared"
    assert "escalation.raised" in types and "case.level_changed" in types
    assert types[-1] == "case.closed"

    by_type = {e.event_type: e for e in events}
    shared = by_type["case.shared"].payload
    assert shared["agency"] == police.agency_slug and shared["basis"] == "consent"
    assert shared["case"]["reference"] == case.reference
    assert set(shared["case"]) == {"id", "reference", "area", "status", "risk_level",
                                   "lead_agency", "flags", "open_targets"}
    assert all(set(t) == {"id", "kind", "level", "state", "due_at"}
               for t in shared["case"]["open_targets"])
    changed = by_type["case.level_changed"].payload
    assert changed["to"] == "high" and changed["case"]["risk_level"] == "high"
    raised = [e.payload for e in events if e.event_type == "escalation.raised"]
    assert {p["flag"]["rule_id"] for p in raised} >= {"hate-perceived"}
    hate = next(p for p in raised if p["flag"]["rule_id"] == "hate-perceived")
    assert hate["follow_up_target"]["kind"] == "hate_review"
    assert hate["follow_up_target"]["due_at"].endswith("Z")

    everything = json.dumps([e.payload for e in events])
    for secret_value in VICTIM.values():
        assert secret_value.lower() not in everything.lower() or secret_value == "complainant"

    deliveries = (await session.execute(
        select(WebhookDelivery.subscription_id, OutboxEvent.event_type)
        .join(OutboxEvent, OutboxEvent.id == WebhookDelivery.event_id)
        .where(OutboxEvent.case_id == case.id)
    )).all()
    to_council = [t for s, t in deliveries if s == sub_c.id]
    to_police = [t for s, t in deliveries if s == sub_p.id]
    assert sorted(to_council) == sorted(types)
    assert to_police == ["case.shared"]  # subscribed to that type only, and a member by then
    assert not [t for s, t in deliveries if s == sub_o.id]  # never a member: sees nothing


async def test_outbox_rows_roll_back_with_the_change(session):
    council = await actor_for(session, _slug("whc"), "caseworker", "council")
    police = await actor_for(session, _slug("whp"), "caseworker", "police")
    await webhooks.create_subscription(session, council, WebhookIn(url="https://c.example/h",
                                       event_types=["case.shared"]))
    case = await _open(session, council)
    await session.flush()
    before = (await session.execute(select(func.count()).select_from(OutboxEvent))).scalar()
    savepoint = await session.begin_nested()
    await share_case(session, council, case.id, ShareIn(agency=police.agency_slug, basis="consent"))
    await session.flush()
    during = (await session.execute(select(func.count()).select_from(OutboxEvent))).scalar()
    await savepoint.rollback()
    after = (await session.execute(select(func.count()).select_from(OutboxEvent))).scalar()
    assert during == before + 1 and after == before


async def test_no_subscriber_means_no_outbox_row(session):
    council = await actor_for(session, _slug("whc"), "caseworker", "council")
    case = await _open(session, council)
    await reassess(session, council, case.id, ReassessIn(answers=HATE))
    await session.flush()
    n = (await session.execute(
        select(func.count()).select_from(OutboxEvent).where(OutboxEvent.case_id == case.id)
    )).scalar()
    assert n == 0


async def test_subscription_rules(session):
    council = await actor_for(session, _slug("whc"), "caseworker", "council")
    analyst = await actor_for(session, council.agency_slug, "analyst", "council")
    other = await actor_for(session, _slug("whx"), "caseworker", "council")
    # Refused by the input model (shape) or by the service (what a URL may name).
    for bad in ("ftp://x.example/", "not a url", "https://user:pw@x.example/", "http:///x", "",
                " "):
        with pytest.raises((ValidationFailed, ValidationError)):
            await webhooks.create_subscription(session, council, WebhookIn(url=bad,
                                               event_types=["case.shared"]))
    for bad_types in ([], ["case.exploded"], "case.shared"):
        with pytest.raises((ValidationFailed, ValidationError)):
            await webhooks.create_subscription(session, council,
                                               WebhookIn(url="https://x.example/",
                                               event_types=bad_types))
    with pytest.raises(Forbidden):
        await webhooks.create_subscription(session, analyst, WebhookIn(url="https://x.example/",
                                           event_types=["case.shared"]))
    sub = await webhooks.create_subscription(session, council, WebhookIn(url="https://x.example/",
                                             event_types=["case.closed", "case.shared"]))
    assert sub.event_types == ["case.shared", "case.closed"]
    with pytest.raises(NotFound):
        await webhooks.get_subscription(session, other, sub.id)
    assert [s.id for s in await webhooks.list_subscriptions(session, council)] == [sub.id]
    assert await webhooks.list_subscriptions(session, other) == []
    await webhooks.delete_subscription(session, council, sub.id)
    assert await webhooks.list_subscriptions(session, council) == []
    with pytest.raises(NotFound):
        await webhooks.delete_subscription(session, council, sub.id)


# --- delivery ----------------------------------------------------------------------------------


async def _committed_setup(maker, receiver, *, cases: int, paths=("/a", "/b"), types=None):
    """Two member agencies, each subscribed to `receiver` at its own path; `cases` cases shared
    between them and reassessed to high. Returns (subscriptions, case ids)."""
    types = types or list(webhooks.EVENT_TYPES)
    async with maker() as s, s.begin():
        council = await actor_for(s, _slug("whc"), "caseworker", "council")
        police = await actor_for(s, _slug("whp"), "caseworker", "police")
        subs = [
            await webhooks.create_subscription(s, council, WebhookIn(url=receiver.url(paths[0]),
                                               event_types=types)),
            await webhooks.create_subscription(s, police, WebhookIn(url=receiver.url(paths[1]),
                                               event_types=types)),
        ]
        case_ids = []
        for _ in range(cases):
            case = await _open(s, council)
            await share_case(s, council, case.id, ShareIn(agency=police.agency_slug,
                             basis="consent"))
            await reassess(s, council, case.id, ReassessIn(answers=HATE))
            case_ids.append(case.id)
    return subs, case_ids


async def _expected(maker, subs) -> set[tuple[str, str]]:
    async with maker() as s:
        rows = await s.execute(
            select(WebhookDelivery.event_id, WebhookDelivery.subscription_id)
            .where(WebhookDelivery.subscription_id.in_([x.id for x in subs]))
        )
        return {(str(e), str(sid)) for e, sid in rows}


async def test_two_workers_deliver_every_event_exactly_once(
    maker, receiver, http, quiet_outbox
):
    subs, _ = await _committed_setup(maker, receiver, cases=12)
    expected = await _expected(maker, subs)
    assert len(expected) >= 12 * 2 * 3  # shared, level changed, flags: to both agencies
    receiver.mode, receiver.delay = "slow", 0.01  # widen the window for a double claim
    path_of = {"/a": str(subs[0].id), "/b": str(subs[1].id)}

    # A generous timeout: on a loaded machine a 0.5 s one can expire on a delivery the receiver
    # did take, and the (correct, at-least-once) retry would look like a double delivery here.
    patient = FAST.model_copy(update={"timeout_seconds": 10.0})

    async def worker() -> int:
        async with webhook_client() as client:
            delivered = 0
            while True:
                stats = await run_once(maker, http_client=client, batch=7, config=patient,
                                       sweep=False)
                delivered += stats.delivered
                if stats.claimed == 0:
                    return delivered

    counts = await asyncio.gather(worker(), worker())
    got = [(r.event_id, path_of[r.path]) for r in receiver.accepted()]
    assert len(got) == len(set(got)), "an (event, subscription) was delivered twice"
    assert set(got) == expected, "an event was lost"
    assert sum(counts) == len(expected)
    assert all(c > 0 for c in counts), "both workers should have taken a share"

    secrets_by_path = {"/a": subs[0].secret, "/b": subs[1].secret}
    for r in receiver.accepted():
        h = r.headers
        # Verified by the Standard Webhooks reference library, unchanged.
        doc = Webhook(secrets_by_path[r.path]).verify(r.body, h)
        with pytest.raises(WebhookVerificationError):
            Webhook(secrets_by_path[r.path]).verify(r.body + b" ", h)
        assert doc["id"] == h["webhook-id"] and doc["type"] == h["x-asb-event-type"]
        # Every planted identity value, whole (a bare "7731" can occur in a random uuid).
        for value in (MARKER, VICTIM["phone"], VICTIM["email"], VICTIM["address"],
                      VICTIM["date_of_birth"]):
            assert value.encode() not in r.body, value
    for sub in subs:
        assert {d.state for d in await _deliveries(maker, sub.id)} == {"delivered"}


async def test_receiver_fails_times_out_and_comes_back(maker, receiver, http, quiet_outbox):
    subs, _ = await _committed_setup(maker, receiver, cases=1, types=["case.shared"])
    (event_id, _), = {x for x in await _expected(maker, subs[:1])}

    receiver.mode = "fail"
    stats = await run_once(maker, http_client=http, config=FAST, sweep=False)
    assert stats.claimed == 2 and stats.retried == 2
    d = (await _deliveries(maker, subs[0].id))[0]
    assert (d.state, d.attempts, d.last_status, d.last_error) == ("pending", 1, 500, "HTTP 500")
    wait = (d.next_attempt_at - datetime.now(UTC)).total_seconds()
    assert 0 < wait <= 1.5  # base 1 s, jitter 0.5..1.5

    # Not due yet: nothing is claimed.
    assert (await run_once(maker, http_client=http, config=FAST, sweep=False)).claimed == 0

    receiver.mode = "hang"
    later = datetime.now(UTC) + timedelta(seconds=5)
    stats = await run_once(maker, http_client=http, config=FAST, now=later, sweep=False)
    assert stats.retried == 2
    d = (await _deliveries(maker, subs[0].id))[0]
    assert (d.attempts, d.last_status, d.last_error) == (2, None, "timeout")
    assert d.next_attempt_at > later + timedelta(seconds=0.9)  # 2 s * jitter

    await receiver.stop()  # the receiver is down altogether
    later += timedelta(seconds=10)
    stats = await run_once(maker, http_client=http, config=FAST, now=later, sweep=False)
    d = (await _deliveries(maker, subs[0].id))[0]
    assert d.attempts == 3 and d.last_error.startswith("connection error")

    port = receiver.port
    receiver.server = await asyncio.start_server(receiver._handle, "127.0.0.1", port)
    receiver.mode = "ok"
    later += timedelta(minutes=5)
    stats = await run_once(maker, http_client=http, config=FAST, now=later, sweep=False)
    assert stats.delivered == 2
    d = (await _deliveries(maker, subs[0].id))[0]
    assert (d.state, d.attempts, d.last_status, d.last_error) == ("delivered", 4, 200, None)
    accepted = receiver.accepted("/a")
    assert [r.event_id for r in accepted] == [event_id]
    # Every attempt carried the same event id, so a receiver can de-duplicate.
    assert {r.event_id for r in receiver.received if r.path == "/a"} == {event_id}
    assert (await run_once(maker, http_client=http, config=FAST, now=later + timedelta(hours=9),
                           sweep=False)).claimed == 0


async def _case_seq_of(maker, event_ids) -> dict[str, tuple[str, int]]:
    """event id -> (case id, seq), from the outbox."""
    async with maker() as s:
        rows = await s.execute(select(OutboxEvent.id, OutboxEvent.case_id, OutboxEvent.seq)
                               .where(OutboxEvent.id.in_(list(event_ids))))
        return {str(i): (str(c), q) for i, c, q in rows}


async def test_one_cases_events_arrive_in_order_even_across_retries(
    maker, receiver, http, quiet_outbox
):
    """A receiver that fails the first event of a case is not sent the case's later events
    until that one is delivered (or dead): every subscription sees each case's events in `seq`
    order and never has to reorder them. Other cases are not held back by it."""
    subs, case_ids = await _committed_setup(maker, receiver, cases=3)
    expected = await _expected(maker, subs)
    where = await _case_seq_of(maker, {e for e, _ in expected})
    per_queue: dict[tuple[str, str], list[int]] = {}
    for event_id, sub_id in expected:
        case_id, seq = where[event_id]
        per_queue.setdefault((sub_id, case_id), []).append(seq)
    assert len(per_queue) == 2 * 3 and all(len(q) >= 3 for q in per_queue.values())
    path_of = {"/a": str(subs[0].id), "/b": str(subs[1].id)}

    # The receiver fails: one attempt per (subscription, case), the earliest event of each;
    # nothing later is sent past it.
    receiver.mode = "fail"
    stats = await run_once(maker, http_client=http, config=FAST, sweep=False)
    assert (stats.claimed, stats.retried) == (len(per_queue), len(per_queue))
    first = {(path_of[r.path], where[r.event_id][0]): where[r.event_id][1]
             for r in receiver.received}
    assert first == {k: min(q) for k, q in per_queue.items()}
    # The later ones wait for the retry of the first (not due before it: a backlog behind a
    # failing receiver costs the claim nothing meanwhile).
    for sub in subs:
        waiting: dict[str, list[WebhookDelivery]] = {}
        for d in await _deliveries(maker, sub.id):
            waiting.setdefault(str(d.case_id), []).append(d)
        for rows in waiting.values():
            head, *later = sorted(rows, key=lambda d: d.event_seq)
            assert head.attempts == 1 and all(d.attempts == 0 for d in later)
            assert all(d.next_attempt_at >= head.next_attempt_at for d in later)

    # Back: one pass sends everything, each case's events in order to each subscription.
    receiver.mode = "ok"
    stats = await run_once(maker, http_client=http, config=FAST, sweep=False,
                           now=datetime.now(UTC) + timedelta(minutes=5))
    assert stats.delivered == len(expected)
    got: dict[tuple[str, str], list[int]] = {}
    for r in receiver.accepted():
        case_id, seq = where[r.event_id]
        assert r.json["seq"] == seq
        got.setdefault((path_of[r.path], case_id), []).append(seq)
    assert got == {k: sorted(q) for k, q in per_queue.items()}

    # A dead head lets the rest go: a new event on one case while the receiver fails for
    # good; the one after it is still delivered, after it.
    async with maker() as s, s.begin():
        council = await actor_for(s, (await s.execute(text(
            "SELECT slug FROM agencies WHERE id = :id"), {"id": subs[0].agency_id})).scalar(),
            "supervisor")
        await reassess(s, council, case_ids[0], ReassessIn(answers={"repeat": True}))
        await close_case(s, council, case_ids[0], CloseIn(
            outcome="resolved", final_victim_update="told", victim_view=VICTIM_VIEW))
    receiver.received.clear()
    receiver.mode = "fail"
    once = FAST.model_copy(update={"max_attempts": 1})
    stats = await run_once(maker, http_client=http, config=once, sweep=False)
    assert stats.dead >= 2 * 2  # both subscriptions' level change and closure, one after another
    where = await _case_seq_of(maker, {r.event_id for r in receiver.received})
    for path in path_of:
        seqs = [where[r.event_id][1] for r in receiver.received if r.path == path]
        assert seqs == sorted(seqs) and len(seqs) >= 2


async def test_dead_letter_after_max_attempts(maker, receiver, http, quiet_outbox):
    subs, _ = await _committed_setup(maker, receiver, cases=1, types=["case.shared"])
    receiver.mode = "fail"
    config = WorkerConfig(timeout_seconds=0.5, backoff_base_seconds=1, backoff_cap_seconds=2,
                          max_attempts=3)
    at = datetime.now(UTC)
    results = []
    for _ in range(4):
        results.append(await run_once(maker, http_client=http, config=config, now=at,
                                      sweep=False))
        at += timedelta(minutes=1)
    assert [(r.retried, r.dead) for r in results] == [(2, 0), (2, 0), (0, 2), (0, 0)]
    for sub in subs:
        (d,) = await _deliveries(maker, sub.id)
        assert (d.state, d.attempts, d.last_status) == ("dead", 3, 500)
    assert len(receiver.received) == 6


async def test_deleted_subscription_is_not_delivered(maker, receiver, http, quiet_outbox):
    subs, _ = await _committed_setup(maker, receiver, cases=1, types=["case.shared"])
    async with maker() as s, s.begin():
        owner = await actor_for(s, (await s.execute(text(
            "SELECT slug FROM agencies WHERE id = :id"), {"id": subs[0].agency_id})).scalar())
        await webhooks.delete_subscription(s, owner, subs[0].id)
    stats = await run_once(maker, http_client=http, config=FAST, sweep=False)
    assert stats.delivered == 1
    assert [r.path for r in receiver.accepted()] == ["/b"]
    (d,) = await _deliveries(maker, subs[0].id)
    assert (d.state, d.last_error) == ("dead", "subscription deleted")


# --- the target sweep --------------------------------------------------------------------------


async def test_sweep_breaches_and_announces_due_soon_once(maker, receiver, http, quiet_outbox):
    now = datetime.now(UTC)
    types = ["target.breached", "target.due_soon"]
    async with maker() as s, s.begin():
        council = await actor_for(s, _slug("whc"), "caseworker", "council")
        sub = await webhooks.create_subscription(s, council, WebhookIn(url=receiver.url("/t"),
                                                 event_types=types))
        # High: first contact within 1 hour, multi-agency within 4: opened 5 hours ago, both
        # are breached now.
        late = await _open(s, council, answers={"immediate_danger": True},
                           now=now - timedelta(hours=5))
        # Medium: first contact within 24 hours -> opened 5 hours ago, due in 19 hours.
        soon = await _open(s, council, answers={"hostility_perceived": ["race"]},
                           now=now - timedelta(hours=5))
    assert late.risk_level == "high" and soon.risk_level == "medium"

    stats = await run_once(maker, http_client=http, config=FAST, now=now)
    assert stats.sweep.breached >= 2  # first contact and multi-agency (4 h) of the high case
    assert stats.sweep.due_soon >= 1
    async with maker() as s:
        states = dict((await s.execute(text(
            "SELECT kind, state FROM targets WHERE case_id = :c"), {"c": late.id})).all())
        assert states["first_contact"] == "breached" and states["multi_agency"] == "breached"
        timeline = (await s.execute(text(
            "SELECT count(*) FROM case_events WHERE case_id = :c AND kind = 'target_breached'"),
            {"c": late.id})).scalar()
        assert timeline == sum(1 for v in states.values() if v == "breached")

    bodies = [r.json for r in receiver.accepted("/t")]
    breached = [b for b in bodies if b["type"] == "target.breached"]
    due_soon = [b for b in bodies if b["type"] == "target.due_soon"]
    assert {b["data"]["target"]["kind"] for b in breached} >= {"first_contact", "multi_agency"}
    assert all(b["data"]["case"]["id"] == str(late.id) for b in breached)
    first = next(b for b in due_soon if b["data"]["case"]["id"] == str(soon.id)
                 and b["data"]["target"]["kind"] == "first_contact")
    assert 18 * 3600 < first["data"]["due_in_seconds"] <= 19 * 3600
    assert MARKER not in json.dumps(bodies)

    # A second sweep announces nothing twice and breaches nothing twice.
    again = await run_once(maker, http_client=http, config=FAST, now=now + timedelta(minutes=1))
    assert (again.sweep.breached, again.sweep.due_soon, again.claimed) == (0, 0, 0)
    assert {d.state for d in await _deliveries(maker, sub.id)} == {"delivered"}


# --- the API -----------------------------------------------------------------------------------


async def test_webhook_api_create_list_deliveries_delete(client, session, make_key):
    slug, other_slug = _slug("wha"), _slug("whb")
    key = await make_key(slug, "integration")
    other = await make_key(other_slug, "caseworker")
    analyst = await make_key(slug, "analyst")
    auth, auth_other = {"Authorization": f"Bearer {key}"}, {"Authorization": f"Bearer {other}"}

    r = await client.post("/v1/webhooks", headers=auth, json={
        "url": "http://127.0.0.1:9/hook", "event_types": ["case.shared", "case.closed"]})
    assert r.status_code == 201, r.text
    body = r.json()
    assert set(body) == {"id", "url", "event_types", "secret", "active", "created_at"}
    assert body["secret"].startswith("whsec_") and body["active"] is True
    assert r.headers["location"] == f"/v1/webhooks/{body['id']}"
    wid = body["id"]

    listed = (await client.get("/v1/webhooks", headers=auth)).json()["items"]
    assert [w["id"] for w in listed] == [wid] and "secret" not in listed[0]
    assert (await client.get("/v1/webhooks", headers=auth_other)).json()["items"] == []
    assert (await client.get(f"/v1/webhooks/{wid}", headers=auth_other)).status_code == 404
    assert (await client.get(f"/v1/webhooks/{wid}/deliveries",
                             headers=auth_other)).status_code == 404
    assert (await client.delete(f"/v1/webhooks/{wid}", headers=auth_other)).status_code == 404
    r = await client.get("/v1/webhooks", headers={"Authorization": f"Bearer {analyst}"})
    assert r.status_code == 403

    for bad in ({"url": "ftp://x/", "event_types": ["case.shared"]},
                {"url": "https://x.example/", "event_types": []},
                {"url": "https://x.example/", "event_types": ["nope"]},
                {"url": "https://x.example/", "event_types": ["case.shared"], "extra": 1}):
        r = await client.post("/v1/webhooks", headers=auth, json=bad)
        assert r.status_code == 422, (bad, r.text)
        assert r.headers["content-type"].startswith("application/problem+json")

    # A delivery for this subscription, made by the trigger when a case event happens.
    council = await actor_for(session, slug, "caseworker", "council")
    police = await actor_for(session, _slug("whp"), "caseworker", "police")
    case = await _open(session, council)
    await share_case(session, council, case.id, ShareIn(agency=police.agency_slug, basis="consent"))
    await session.commit()
    r = await client.get(f"/v1/webhooks/{wid}/deliveries", headers=auth)
    assert r.status_code == 200
    (item,) = r.json()["items"]
    assert item["event_type"] == "case.shared" and item["state"] == "pending"
    assert item["attempts"] == 0 and item["next_attempt_at"].endswith("Z")
    assert set(item) == {"id", "event_id", "event_type", "state", "attempts", "last_status",
                         "last_error", "next_attempt_at", "delivered_at", "created_at"}
    r = await client.get(f"/v1/webhooks/{wid}/deliveries?state=delivered", headers=auth)
    assert r.json()["items"] == []

    assert (await client.delete(f"/v1/webhooks/{wid}", headers=auth)).status_code == 204
    assert (await client.get("/v1/webhooks", headers=auth)).json()["items"] == []
    r = await client.get(f"/v1/webhooks/{wid}/deliveries", headers=auth)
    assert r.json()["items"][0]["state"] == "dead"
    assert (await client.delete(f"/v1/webhooks/{wid}", headers=auth)).status_code == 404


# --- where webhooks may go (SSRF) ---------------------------------------------------------------

STRICT = EgressPolicy()  # the default: public addresses, over https
REFUSED_AT_REGISTRATION = [
    "http://169.254.169.254/latest/meta-data", "https://169.254.169.254/latest/meta-data",
    "http://10.0.0.1/", "https://10.0.0.1/", "https://172.16.5.4/", "https://192.168.1.1/",
    "http://[::1]/", "https://[::1]/", "https://127.0.0.1:5432/", "https://2130706433/",
    "https://0x7f.1/", "https://0.0.0.0/", "https://100.64.0.1/", "https://[fd00::1]/",
    "https://[fe80::1]/", "https://[::ffff:169.254.169.254]/", "https://[::ffff:7f00:1]/",
    "https://224.0.0.1/", "https://240.0.0.1/", "https://[::]/",
    "http://user:pass@example.org/", "https://user@example.org/", "https://:@example.org/",
    "http://example.org/",  # plain http only to an allowed network
    "https://127.0.0.1\\@example.org/", "https://example.org\t/",
]


async def test_registration_refuses_internal_addresses_credentials_and_plain_http(session):
    council = await actor_for(session, _slug("whs"), "caseworker", "council")
    for url in REFUSED_AT_REGISTRATION:
        with pytest.raises(ValidationFailed) as refused:
            await webhooks.create_subscription(session, council, WebhookIn(url=url,
                                               event_types=["case.shared"]), egress=STRICT)
        assert [e["field"] for e in refused.value.errors] == ["url"], url
    # Public addresses and names pass (a name is judged at each delivery, see below).
    for url in ("https://hooks.example.org/asb", "https://8.8.8.8/x",
                "https://[2606:4700::1111]/x", "https://localhost/x"):
        await webhooks.create_subscription(session, council, WebhookIn(url=url,
                                           event_types=["case.shared"]), egress=STRICT)
    internal = EgressPolicy(parse_networks("10.0.0.0/8"))
    for url in ("https://10.0.0.1/", "http://10.20.30.40:8080/x", "http://hooks.internal/"):
        await webhooks.create_subscription(session, council, WebhookIn(url=url,
                                           event_types=["case.shared"]), egress=internal)
    for url in ("http://8.8.8.8/", "http://[::1]/", "https://169.254.169.254/",
                "https://11.0.0.1.example/x#frag"):
        with pytest.raises(ValidationFailed):
            await webhooks.create_subscription(session, council, WebhookIn(url=url,
                                               event_types=["case.shared"]), egress=internal)


def test_allowed_networks_setting_is_checked_at_start(monkeypatch):
    from pydantic import ValidationError

    from asb_core.settings import Settings

    monkeypatch.setenv("ASB_WEBHOOK_ALLOWED_NETWORKS", "10.0.0.0/8, fd00::/8")
    assert EgressPolicy.from_settings(Settings()).allowed == parse_networks("10.0.0.0/8,fd00::/8")
    for bad in ("10.0.0.1/8", "localhost", "10.0.0.0/33"):
        monkeypatch.setenv("ASB_WEBHOOK_ALLOWED_NETWORKS", bad)
        with pytest.raises(ValidationError, match="ASB_WEBHOOK_ALLOWED_NETWORKS"):
            Settings()
    monkeypatch.delenv("ASB_WEBHOOK_ALLOWED_NETWORKS")
    assert EgressPolicy.from_settings(Settings()).allowed == ()


async def test_api_refuses_internal_urls_with_a_url_field_error(client, make_key):
    auth = {"Authorization": f"Bearer {await make_key(_slug('whs'), 'integration')}"}
    for url in ("http://169.254.169.254/latest/meta-data", "http://10.0.0.1/", "http://[::1]/",
                "http://user:pass@example.org/"):
        r = await client.post("/v1/webhooks", headers=auth,
                              json={"url": url, "event_types": ["case.shared"]})
        assert r.status_code == 422, (url, r.text)
        assert r.headers["content-type"].startswith("application/problem+json")
        assert [e["field"] for e in r.json()["errors"]] == ["url"], url
    assert (await client.get("/v1/webhooks", headers=auth)).json()["items"] == []


async def _subscribe_and_share(maker, url: str, policy: EgressPolicy):
    """A committed subscription to `url` and one case.shared event for it."""
    async with maker() as s, s.begin():
        council = await actor_for(s, _slug("whs"), "caseworker", "council")
        police = await actor_for(s, _slug("whp"), "caseworker", "police")
        sub = await webhooks.create_subscription(s, council, WebhookIn(url=url,
                                                 event_types=["case.shared"]), egress=policy)
        case = await _open(s, council)
        await share_case(s, council, case.id, ShareIn(agency=police.agency_slug, basis="consent"))
    return sub


async def test_a_name_that_resolves_to_loopback_is_refused_at_delivery(
    maker, receiver, quiet_outbox, caplog
):
    # A name passes registration; at delivery `localhost` resolves to 127.0.0.1, which the
    # default policy refuses: no connection is made, the attempt is recorded, and it is dead.
    sub = await _subscribe_and_share(
        maker, receiver.url("/r", host="localhost", scheme="https"), STRICT)
    caplog.set_level("WARNING", logger="asb_core.worker")
    async with webhook_client(STRICT) as client:
        stats = await run_once(maker, http_client=client, config=FAST, sweep=False)
        assert (stats.claimed, stats.delivered, stats.retried, stats.dead) == (1, 0, 0, 1)
        later = datetime.now(UTC) + timedelta(days=2)
        again = await run_once(maker, http_client=client, config=FAST, now=later, sweep=False)
        assert again.claimed == 0  # permanent: never retried
    assert receiver.received == []
    (d,) = await _deliveries(maker, sub.id)
    assert (d.state, d.attempts, d.last_status) == ("dead", 1, None)
    assert d.last_error == ("refused: the host resolves to a loopback address, which webhooks "
                            "may not reach")
    # The operator's log names the host and address; never the secret, the path or the body.
    logged = [r.getMessage() for r in caplog.records if "refused" in r.getMessage()]
    assert len(logged) == 1 and "localhost resolves to 127.0.0.1" in logged[0]
    assert sub.secret not in caplog.text and "/r" not in caplog.text
    assert "case.shared" not in caplog.text and "reference" not in caplog.text

    # Over plain http, with other networks allowed (so http passes registration): the same.
    elsewhere = EgressPolicy(parse_networks("10.99.0.0/16"))
    sub = await _subscribe_and_share(maker, receiver.url("/p", host="localhost"), elsewhere)
    async with webhook_client(elsewhere) as client:
        assert (await run_once(maker, http_client=client, config=FAST, sweep=False)).dead == 1
    (d,) = await _deliveries(maker, sub.id)
    assert d.state == "dead" and d.last_error.startswith("refused: the host resolves to a loop")
    assert receiver.received == []


async def test_a_name_inside_an_allowed_network_is_delivered(maker, receiver, quiet_outbox):
    loopback = EgressPolicy(parse_networks("127.0.0.0/8,::1/128"))
    sub = await _subscribe_and_share(maker, receiver.url("/ok", host="localhost"), loopback)
    async with webhook_client(loopback) as client:
        stats = await run_once(maker, http_client=client, config=FAST, sweep=False)
    assert stats.delivered == 1
    (got,) = receiver.accepted("/ok")
    assert got.headers["host"] == f"localhost:{receiver.port}"
    assert Webhook(sub.secret).verify(got.body, got.headers)["type"] == "case.shared"


async def test_connection_is_pinned_to_the_checked_address(maker, receiver, quiet_outbox,
                                                           monkeypatch):
    """The name is resolved once per connection and the checked address is the one connected
    to: `hooks.invalid` exists only in the played DNS answer, so any second lookup would fail.
    An answer with any refused address is refused whole (DNS rebinding)."""
    answers = {"hooks.invalid": ["127.0.0.1"], "mixed.invalid": ["93.184.216.34", "10.1.2.3"],
               "public.invalid": ["93.184.216.34"]}
    lookups: list[str] = []

    async def fake_getaddrinfo(host, port):
        lookups.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port)) for a in answers[host]]

    monkeypatch.setattr(egress, "_getaddrinfo", fake_getaddrinfo)
    loopback = EgressPolicy(parse_networks("127.0.0.0/8"))
    ok = await _subscribe_and_share(maker, receiver.url("/pin", host="hooks.invalid"), loopback)
    async with webhook_client(loopback) as client:
        assert (await run_once(maker, http_client=client, config=FAST, sweep=False)).delivered == 1
    assert lookups == ["hooks.invalid"]
    (got,) = receiver.accepted("/pin")
    assert got.headers["host"] == f"hooks.invalid:{receiver.port}"
    assert {d.state for d in await _deliveries(maker, ok.id)} == {"delivered"}

    mixed = await _subscribe_and_share(maker, receiver.url("/mixed", host="mixed.invalid",
                                                           scheme="https"), STRICT)
    async with webhook_client(STRICT) as client:
        assert (await run_once(maker, http_client=client, config=FAST, sweep=False)).dead == 1
    (d,) = await _deliveries(maker, mixed.id)
    assert d.last_error == ("refused: the host resolves to a private address, which webhooks "
                            "may not reach")

    # Plain http to a public address: only allowed networks may be reached without TLS.
    plain = await _subscribe_and_share(maker, "http://public.invalid/x", loopback)
    async with webhook_client(loopback) as client:
        assert (await run_once(maker, http_client=client, config=FAST, sweep=False)).dead == 1
    (d,) = await _deliveries(maker, plain.id)
    assert d.last_error == f"refused: {egress.PLAIN_HTTP_REFUSED}"


async def test_redirects_are_not_followed(maker, receiver, http, quiet_outbox):
    sub = await _subscribe_and_share(maker, receiver.url("/moved"), EgressPolicy.from_settings())
    receiver.mode = "redirect"
    stats = await run_once(maker, http_client=http, config=FAST, sweep=False)
    assert stats.retried == 1
    assert [r.path for r in receiver.received] == ["/moved"]
    (d,) = await _deliveries(maker, sub.id)
    assert (d.state, d.last_status, d.last_error) == ("pending", 302, "HTTP 302")


async def test_deliveries_need_the_guarded_client(maker):
    async with httpx.AsyncClient() as plain:
        with pytest.raises(TypeError, match="webhook_client"):
            await run_once(maker, http_client=plain, config=FAST, sweep=False, anchor=False)


def test_cli_worker_once(database_url, monkeypatch, capsys):
    from asb_api.cli import main
    from asb_core.settings import get_settings

    monkeypatch.setenv("DATABASE_URL", database_url)
    get_settings.cache_clear()
    try:
        assert main(["worker", "--once"]) == 0
    finally:
        get_settings.cache_clear()
    assert "deliveries claimed" in capsys.readouterr().out


# --- issue 15, break 2: an admin key must get no case data by webhook -------------------------


@pytest.fixture
async def live_api(engine):
    """The real application over HTTP with sessions that commit, as under `asb serve` (the
    worker, on its own connections, must see what the API wrote)."""
    from asb_api.app import create_app
    from asb_core.settings import get_settings

    app = create_app(get_settings(), engine=engine)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


async def _committed_key(maker, slug: str, role: str, kind: str = "council"):
    """(API key, Actor) of a new committed key of `slug`, creating the agency once."""
    async with maker() as s, s.begin():
        agency = (await s.execute(select(Agency).where(Agency.slug == slug))).scalar()
        if agency is None:
            agency = await add_agency(s, Actor.system(), slug, slug.title(), kind, ["fenland"])
        principal, key = await issue_key(s, Actor.system(), slug, role)
    return key, Actor(principal.id, agency.id, agency.slug, agency.kind, role)


def _bearer(key: str) -> dict:
    return {"Authorization": f"Bearer {key}"}


async def _insert_subscription(maker, actor, url: str, event_types: list[str]):
    """A subscription row written straight to the database, as rows registered before a fix
    (or by an older version of the API) are: no registration check runs."""
    async with maker() as s, s.begin():
        sub_id = (await s.execute(text(
            "INSERT INTO webhook_subscriptions (id, agency_id, url, secret, event_types, active,"
            " created_by_principal_id, created_at) VALUES (gen_random_uuid(), :agency, :url,"
            " :secret, :types, true, :principal, now()) RETURNING id"),
            {"agency": actor.agency_id, "url": url, "secret": webhooks.new_secret(),
             "types": event_types, "principal": actor.principal_id})).scalar()
    return sub_id


async def test_admin_key_cannot_subscribe_and_deliveries_follow_what_a_get_would_see(
    maker, receiver, http, live_api, quiet_outbox
):
    """The attack as it was run: the council's admin key subscribes a receiver it controls to
    every event of the cases the council is a member of. Admin has no case data, so the
    subscription is refused (403). Deliveries are also re-checked when made, against the key
    that made the subscription, exactly as a GET by that key would be: a subscription the admin
    key made before the fix, a key downgraded or revoked after the event, and an agency removed
    from the case before delivery all get nothing."""
    council, police, housing = _slug("wac"), _slug("wap"), _slug("wah")
    everything = list(webhooks.EVENT_TYPES)
    admin_key, admin = await _committed_key(maker, council, "admin")

    r = await live_api.post("/v1/webhooks", headers=_bearer(admin_key),
                            json={"url": receiver.url("/admin"), "event_types": everything})
    assert r.status_code == 403, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["type"].endswith("/forbidden") and "case" in r.json()["detail"]
    for event_type in everything:  # not one event type, either
        r = await live_api.post("/v1/webhooks", headers=_bearer(admin_key),
                                json={"url": receiver.url("/admin"), "event_types": [event_type]})
        assert r.status_code == 403, (event_type, r.text)
    # The admin key still manages its agency's subscriptions (it sees no case data there).
    assert (await live_api.get("/v1/webhooks", headers=_bearer(admin_key))).status_code == 200

    # The same subscription as a row from before the fix.
    old_admin_sub = await _insert_subscription(maker, admin, receiver.url("/admin-old"),
                                               everything)

    # Keys that may read cases subscribe; three of them lose that right before delivery.
    keys = {
        "council": await _committed_key(maker, council, "caseworker"),
        "downgraded": await _committed_key(maker, council, "caseworker"),
        "police": await _committed_key(maker, police, "caseworker", "police"),
        "housing": await _committed_key(maker, housing, "integration", "housing_provider"),
    }
    sub_ids = {}
    for name, (key, _) in keys.items():
        r = await live_api.post("/v1/webhooks", headers=_bearer(key),
                                json={"url": receiver.url(f"/{name}"), "event_types": everything})
        assert r.status_code == 201, (name, r.text)
        sub_ids[name] = r.json()["id"]

    lead = keys["council"][1]
    async with maker() as s, s.begin():
        case = await _open(s, lead)
        await share_case(s, lead, case.id, ShareIn(agency=police, basis="consent"))
        await share_case(s, lead, case.id, ShareIn(agency=housing, basis="consent"))
        await reassess(s, lead, case.id, ReassessIn(answers=HATE))
    pending = {name: await _deliveries(maker, sub_id) for name, sub_id in sub_ids.items()}
    assert all(pending.values()), "every member subscription had deliveries waiting"
    assert await _deliveries(maker, old_admin_sub)

    # Before the worker runs: the police are removed from the case, the housing key is revoked
    # and the second council key is downgraded to admin.
    _, boss = await _committed_key(maker, council, "supervisor")
    async with maker() as s, s.begin():
        await remove_member(s, boss, case.id, police, reason="no longer involved")
        await revoke_key(s, Actor.system(), keys["housing"][0])
        await s.execute(text("UPDATE principals SET role = 'admin' WHERE id = :id"),
                        {"id": keys["downgraded"][1].principal_id})

    stats = await run_once(maker, http_client=http, config=FAST, sweep=False)
    assert {r.path for r in receiver.received} == {"/council"}
    assert stats.delivered == len(pending["council"])
    for r in receiver.received:
        assert r.json["data"]["case"]["reference"] == case.reference
    for d in await _deliveries(maker, sub_ids["council"]):
        assert d.state == "delivered"
    for name in ("downgraded", "police", "housing"):
        for d in await _deliveries(maker, sub_ids[name]):
            assert d.state == "dead" and d.last_error.startswith("withheld:"), (name, d)
    for d in await _deliveries(maker, old_admin_sub):
        assert (d.state, d.attempts) == ("dead", 0)
        assert d.last_error == "withheld: role admin may not receive case events"
    withheld = {d.last_error for name in ("downgraded", "police", "housing")
                for d in await _deliveries(maker, sub_ids[name])}
    assert withheld == {
        "withheld: role admin may not receive case events",
        "withheld: the key that made this subscription may not read this case",
        "withheld: the key that made this subscription is revoked",
    }
    # And the owners are told why when they look (the listing names no case).
    r = await live_api.get(f"/v1/webhooks/{sub_ids['police']}/deliveries",
                           headers=_bearer(keys["police"][0]))
    assert {i["state"] for i in r.json()["items"]} == {"dead"}


async def test_a_disabled_agencys_subscriptions_receive_nothing(
    maker, receiver, http, live_api, quiet_outbox
):
    """`asb agency disable` (issue 15, break 9): the agency's webhook subscriptions get nothing
    from then on (its keys are refused: tests/reliability/test_agency_disable.py), with the
    reason on each delivery; enabling it again does not resend what was withheld. Another
    member's subscription is unaffected."""
    council, police = _slug("dis-c"), _slug("dis-p")
    (key, lead), (pkey, _) = (await _committed_key(maker, council, "caseworker"),
                              await _committed_key(maker, police, "caseworker", "police"))
    sub_ids = {}
    for name, k in (("council", key), ("police", pkey)):
        r = await live_api.post("/v1/webhooks", headers=_bearer(k),
                                json={"url": receiver.url(f"/{name}"),
                                      "event_types": ["case.shared", "case.level_changed"]})
        assert r.status_code == 201, r.text
        sub_ids[name] = r.json()["id"]
    async with maker() as s, s.begin():
        case = await _open(s, lead)
        await share_case(s, lead, case.id, ShareIn(agency=police, basis="consent"))
        await reassess(s, lead, case.id, ReassessIn(answers=HATE))
    assert await _deliveries(maker, sub_ids["police"])

    async with maker() as s, s.begin():
        await set_disabled(s, Actor.system(), police, disabled=True, reason="test")
    await run_once(maker, http_client=http, config=FAST, sweep=False)
    assert {r.path for r in receiver.received} == {"/council"}
    police_deliveries = await _deliveries(maker, sub_ids["police"])
    assert police_deliveries and {(d.state, d.last_error) for d in police_deliveries} == {
        ("dead", "withheld: the agency that made this subscription is disabled")}

    async with maker() as s, s.begin():
        await set_disabled(s, Actor.system(), police, disabled=False)
    await run_once(maker, http_client=http, config=FAST, sweep=False)
    assert {r.path for r in receiver.received} == {"/council"}


# --- issue 15, break 3: one poisoned URL must not stall delivery for everyone -----------------

REPO = Path(__file__).resolve().parents[2]
POISON_HOST = "①②⑦.0.0.1"  # NFKC-folds to 127.0.0.1; not a valid IDNA name, so httpx refuses it


async def test_a_url_httpx_cannot_parse_is_refused_at_registration(live_api, maker, receiver):
    key, _ = await _committed_key(maker, _slug("wpa"), "integration", "housing_provider")
    for url in (f"http://{POISON_HOST}:{receiver.port}/p", "https://①②⑦.example/p",
                "https://example.org:99999/p"):
        r = await live_api.post("/v1/webhooks", headers=_bearer(key),
                                json={"url": url, "event_types": ["case.shared"]})
        assert r.status_code == 422, (url, r.text)
        assert r.headers["content-type"].startswith("application/problem+json")
        assert [e["field"] for e in r.json()["errors"]] == ["url"], url
    assert (await live_api.get("/v1/webhooks", headers=_bearer(key))).json()["items"] == []


async def _poisoned_setup(maker, receiver):
    """A subscription row with `http://①②⑦.0.0.1:PORT/p` (written straight to the database, as
    before registration refused it) with one delivery due, beside a good subscription with 20.
    Returns (good subscription id, poisoned subscription id, the 20 good event ids)."""
    council, police = _slug("wpc"), _slug("wpp")
    _, lead = await _committed_key(maker, council, "caseworker")
    _, police_worker = await _committed_key(maker, police, "caseworker", "police")
    async with maker() as s, s.begin():
        good = await webhooks.create_subscription(s, lead, WebhookIn(
            url=receiver.url("/good"), event_types=["case.shared"]))
    poisoned = await _insert_subscription(
        maker, police_worker, f"http://{POISON_HOST}:{receiver.port}/p", ["case.level_changed"])
    # Due in this order: one good delivery, the poisoned one, then 19 more good ones.
    async with maker() as s, s.begin():
        first = await _open(s, lead)
        await share_case(s, lead, first.id, ShareIn(agency=police, basis="consent"))
    async with maker() as s, s.begin():
        await reassess(s, lead, first.id, ReassessIn(answers=HATE))
    async with maker() as s, s.begin():
        for _ in range(19):
            case = await _open(s, lead)
            await share_case(s, lead, case.id, ShareIn(agency=police, basis="consent"))
    expected = {str(d.event_id) for d in await _deliveries(maker, good.id)}
    assert len(expected) == 20 and len(await _deliveries(maker, poisoned)) == 1
    return good.id, poisoned, expected


async def test_a_poisoned_url_is_dead_at_once_and_the_other_20_are_delivered_once(
    maker, receiver, http, quiet_outbox, caplog
):
    """The poisoned row beside 20 good deliveries, through the real worker: the pass does not
    raise, the 20 are delivered exactly once, and the poisoned one is dead at once with its
    reason."""
    good, poisoned, expected = await _poisoned_setup(maker, receiver)

    caplog.set_level("WARNING", logger="asb_core.worker")
    stats = await run_once(maker, http_client=http, config=FAST, sweep=False)  # must not raise
    assert (stats.claimed, stats.delivered, stats.retried, stats.dead) == (21, 20, 0, 1)
    got = [r.event_id for r in receiver.accepted("/good")]
    assert len(got) == 20 and set(got) == expected, "each good delivery exactly once"
    assert {d.state for d in await _deliveries(maker, good)} == {"delivered"}
    (d,) = await _deliveries(maker, poisoned)
    assert (d.state, d.attempts, d.last_status) == ("dead", 1, None)
    assert d.last_error.startswith("invalid URL: ")
    assert "/p" not in caplog.text  # the log never carries a URL's path

    # Nothing is left to send twice, and the poisoned delivery is never tried again.
    later = datetime.now(UTC) + timedelta(days=2)
    again = await run_once(maker, http_client=http, config=FAST, now=later, sweep=False)
    assert again.claimed == 0
    assert len(receiver.received) == 20


async def test_asb_worker_once_in_a_fresh_process_delivers_past_a_poisoned_url(
    maker, receiver, quiet_outbox, database_url
):
    """`asb worker --once` as the operator runs it, in a process of its own: it exits 0, the 20
    good deliveries are made once each and the poisoned one is dead. (It exited 1 with the 20
    left claimed, to be sent again when the lease ran out.)"""
    good, poisoned, expected = await _poisoned_setup(maker, receiver)
    env = {**os.environ, "DATABASE_URL": database_url,
           "ASB_WEBHOOK_ALLOWED_NETWORKS": "127.0.0.0/8", "ASB_AUDIT_ANCHOR_SECONDS": "0"}
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "asb_api.cli", "worker", "--once", env=env,
        cwd=REPO, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await proc.communicate()
    assert proc.returncode == 0, err.decode()[-2000:]
    assert "21 deliveries claimed: 20 delivered, 0 to retry, 1 dead" in out.decode()
    got = [r.event_id for r in receiver.accepted("/good")]
    assert len(got) == 20 and set(got) == expected
    (d,) = await _deliveries(maker, poisoned)
    assert d.state == "dead" and d.last_error.startswith("invalid URL: ")


async def test_any_failure_of_one_delivery_is_recorded_on_it_alone(
    maker, receiver, http, quiet_outbox, monkeypatch
):
    """Whatever goes wrong with one delivery (here an error no handler expects) is recorded on
    that delivery and retried later; the others in the pass are delivered."""
    from asb_core import worker

    subs, _ = await _committed_setup(maker, receiver, cases=3, types=["case.shared"])
    real_post = worker._post

    async def flaky_post(client, row, config, *more):
        if row.url.endswith("/a"):
            raise RuntimeError("something nobody planned for")
        return await real_post(client, row, config, *more)

    monkeypatch.setattr(worker, "_post", flaky_post)
    stats = await run_once(maker, http_client=http, config=FAST, sweep=False)
    assert (stats.claimed, stats.delivered, stats.retried) == (6, 3, 3)
    assert {r.path for r in receiver.accepted()} == {"/b"}
    for d in await _deliveries(maker, subs[0].id):
        assert (d.state, d.attempts, d.last_error) == ("pending", 1, "error: RuntimeError")
    monkeypatch.setattr(worker, "_post", real_post)
    later = datetime.now(UTC) + timedelta(minutes=5)
    assert (await run_once(maker, http_client=http, config=FAST, now=later,
                           sweep=False)).delivered == 3
    assert len(receiver.accepted("/a")) == 3 and len(receiver.accepted("/b")) == 3
