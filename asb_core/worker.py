"""`asb worker`: deliver webhook events from the outbox, sweep targets, and anchor the audit log.

Every `ASB_AUDIT_ANCHOR_SECONDS` (default an hour; 0 turns it off) a pass also makes an audit
anchor (asb_core/audit/anchors.py) when the latest one is that old; any number of workers may
run, and at most one of them makes each anchor.

Delivery is at-least-once. A worker claims due deliveries with `FOR UPDATE SKIP LOCKED` in a short
transaction, leasing each (next_attempt_at pushed past the delivery timeout, a fresh claim token),
then POSTs outside any transaction and records the result only if its claim still holds. Two
workers therefore never hold the same (event, subscription) at once; a worker that dies
mid-delivery leaves a lease that expires, and the delivery is retried. Receivers de-duplicate on
`webhook-id` (the event id, the same on every retry and redelivery).

Each request is signed as Standard Webhooks says (`webhooks/signing.py`: `webhook-id`,
`webhook-timestamp`, `webhook-signature: v1,<base64>`), and carries the `traceparent` of the
request that caused the event, when there was one. A non-2xx answer, a timeout or a connection
error schedules a retry after `min(cap, base * 2**(attempts - 1))` seconds times a random jitter
in [0.5, 1.5); after `max_attempts` the delivery is dead. Response bodies are never stored.

Deliveries go only through `webhooks.egress.webhook_client`: each connection resolves the host,
is refused when any address it resolves to is loopback, private, link-local or otherwise not
public (unless in `ASB_WEBHOOK_ALLOWED_NETWORKS`; plain http only to those), and connects to the
checked address. A refused delivery is dead at once (recorded as an attempt with the reason), not
retried: the destination is wrong, not down; so is one whose URL the client cannot parse (rows
from before registration used the same parser, `egress.parse_url`). Redirects are never followed.

Before each attempt the event is checked against the key that made the subscription, as a GET by
that key would be now (`webhooks.service.delivery_refusal`, deciding through `access`): a key
revoked or without case data, or an agency no longer a member of the case, gets nothing, and the
delivery is dead with `withheld: <why>`.

Each delivery is isolated: anything one of them raises is recorded on that delivery (`error:
<type>`, retried like a failure) and the others in the pass go on and are recorded once each.

The events of one case reach each subscription in the order they happened (`seq`): a delivery is
claimed only when no earlier event of its case is still pending for that subscription, so at
most one per (subscription, case) is in flight, a retry holds the later ones back until it is
delivered or dead, and a receiver never has to reorder. Different cases, and events of no case
(a ping), go out side by side. A pass goes on claiming while deliveries finish, so a case's
queued events all go in one pass when its receiver answers.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import httpx
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy import text
from sqlalchemy.ext.asyncio import async_sessionmaker

# Every mapped class, so the ORM's mappers configure in a process that loads only the worker
# (`asb worker`): Case's relationships name classes of other slices by string.
import asb_core.tables  # noqa: F401
from asb_core import telemetry
from asb_core.request_context import parse_traceparent
from asb_core.targets.sweep import SweepResult, sweep_targets
from asb_core.webhooks.egress import (
    DeliveryRefused,
    EgressPolicy,
    InvalidWebhookURL,
    is_guarded,
    parse_url,
    webhook_client,
)
from asb_core.webhooks.service import delivery_refusal
from asb_core.webhooks.signing import signed_headers

log = logging.getLogger("asb_core.worker")
USER_AGENT = "asb-casework-webhooks/1"


class WorkerConfig(BaseSettings):
    """Worker settings, each from an environment variable."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    timeout_seconds: float = Field(default=5.0, gt=0, validation_alias="ASB_WEBHOOK_TIMEOUT")
    max_attempts: int = Field(default=8, ge=1, validation_alias="ASB_WEBHOOK_MAX_ATTEMPTS")
    backoff_base_seconds: float = Field(
        default=60.0, ge=0, validation_alias="ASB_WEBHOOK_BACKOFF_BASE"
    )
    backoff_cap_seconds: float = Field(
        default=6 * 3600.0, ge=0, validation_alias="ASB_WEBHOOK_BACKOFF_CAP"
    )
    concurrency: int = Field(default=10, ge=1, validation_alias="ASB_WEBHOOK_CONCURRENCY")
    due_soon_hours: float = Field(default=24.0, ge=0, validation_alias="ASB_DUE_SOON_HOURS")
    audit_anchor_seconds: float = Field(
        default=3600.0, ge=0, validation_alias="ASB_AUDIT_ANCHOR_SECONDS"
    )
    # An anchor also as soon as this many audit events were written since the latest one (0:
    # on time only), so the unanchored tail a superuser could cut is short on a busy system.
    audit_anchor_events: int = Field(default=1000, ge=0, validation_alias="ASB_AUDIT_ANCHOR_EVENTS")
    # Seconds between retention runs of this worker process (0: never; `asb retention run`).
    retention_seconds: float = Field(
        default=86400.0, ge=0, validation_alias="ASB_RETENTION_SECONDS")

    @property
    def lease(self) -> timedelta:
        # Longer than any delivery can take, so a live worker always records before it expires.
        return timedelta(seconds=self.timeout_seconds * 2 + 30)


def backoff_seconds(attempts: int, config: WorkerConfig, rng: random.Random | None = None) -> float:
    """Delay before the next try after `attempts` failed tries (attempts >= 1)."""
    step = min(config.backoff_cap_seconds, config.backoff_base_seconds * 2 ** (attempts - 1))
    return step * (rng or random).uniform(0.5, 1.5)


def event_body(event_id: uuid.UUID, event_type: str, seq: int, occurred_at: datetime,
               payload: dict) -> bytes:
    doc = {
        "id": str(event_id),
        "type": event_type,
        "seq": seq,
        "occurred_at": occurred_at.astimezone(UTC).isoformat().replace("+00:00", "Z"),
        "data": payload,
    }
    return json.dumps(doc, separators=(",", ":"), ensure_ascii=False).encode()


_CLAIM = text(
    """
    WITH due AS (
      SELECT d.id FROM webhook_deliveries d
      WHERE d.state = 'pending' AND d.next_attempt_at <= GREATEST(:now, now())
        -- One case's events to one subscription go out in order: only the earliest still
        -- pending (a claimed one stays pending under its lease until recorded) may be sent.
        -- One probe of ix_webhook_deliveries_pending_case_order (migration 0023) for each due
        -- row taken in next_attempt_at order until the batch is full (OFFSET 0 keeps the
        -- planner from turning it into an anti-join over every pending row).
        AND NOT EXISTS (
          SELECT 1 FROM webhook_deliveries p
          WHERE p.subscription_id = d.subscription_id AND p.state = 'pending'
            AND p.case_id = d.case_id AND p.event_seq < d.event_seq
          OFFSET 0)
      ORDER BY d.next_attempt_at, d.id
      LIMIT :batch
      FOR UPDATE OF d SKIP LOCKED
    )
    UPDATE webhook_deliveries d
    SET next_attempt_at = :lease_until, claim_token = :token, last_attempt_at = :now
    FROM due, webhook_subscriptions s, outbox_events e
    WHERE d.id = due.id AND s.id = d.subscription_id AND e.id = d.event_id
    RETURNING d.id, d.attempts, d.subscription_id, s.url, s.secret, s.active,
              e.id AS event_id, e.event_type, e.case_id, e.seq, e.occurred_at, e.payload,
              e.traceparent, e.request_id
    """
)
_DELIVERED = text(
    """
    UPDATE webhook_deliveries
    SET state = 'delivered', delivered_at = :at, attempts = attempts + 1,
        last_status = :status, last_error = NULL, claim_token = NULL
    WHERE id = :id AND claim_token = :token
    """
)
# A failed attempt also moves the case's later deliveries to this one's retry time: they may
# not go before it, and kept out of the due rows they cost the claim nothing meanwhile (a
# receiver that is down with a backlog would otherwise have every waiting row probed each pass).
_FAILED = text(
    """
    WITH f AS (
      UPDATE webhook_deliveries
      SET attempts = attempts + 1, last_status = :status, last_error = :error,
          claim_token = NULL,
          state = CASE WHEN attempts + 1 >= :max_attempts THEN 'dead' ELSE 'pending' END,
          next_attempt_at = :retry_at
      WHERE id = :id AND claim_token = :token
      RETURNING subscription_id, case_id, event_seq, state, next_attempt_at
    )
    UPDATE webhook_deliveries w SET next_attempt_at = f.next_attempt_at
    FROM f
    WHERE f.state = 'pending' AND f.case_id IS NOT NULL
      AND w.subscription_id = f.subscription_id AND w.case_id = f.case_id
      AND w.state = 'pending' AND w.event_seq > f.event_seq
      AND w.next_attempt_at < f.next_attempt_at
    """
)
_REFUSED = text(
    """
    UPDATE webhook_deliveries
    SET state = 'dead', attempts = attempts + 1, last_status = NULL, last_error = :error,
        claim_token = NULL
    WHERE id = :id AND claim_token = :token
    """
)
_DEAD = text(
    """
    UPDATE webhook_deliveries
    SET state = 'dead', last_error = :error, claim_token = NULL
    WHERE id = :id AND claim_token = :token
    """
)


@dataclass
class RunStats:
    claimed: int = 0
    delivered: int = 0
    retried: int = 0
    dead: int = 0
    sweep: SweepResult = field(default_factory=SweepResult)
    anchor: str | None = None  # the hash of the audit anchor this pass made, if any
    anonymised: int = 0  # cases the retention schedules anonymised in this pass


@dataclass
class _Outcome:
    ok: bool
    status: int | None
    error: str | None
    permanent: bool = False  # no retry can succeed: dead at once


async def _post(client: httpx.AsyncClient, row, config: WorkerConfig,
                traceparent: str | None) -> _Outcome:
    try:
        url = parse_url(row.url)  # the parser registration uses (rows may predate its check)
    except InvalidWebhookURL as exc:
        log.warning("webhook delivery %s: its subscription's URL cannot be sent to", row.id)
        return _Outcome(False, None, f"invalid URL: {exc.reason}", permanent=True)
    body = event_body(row.event_id, row.event_type, row.seq, row.occurred_at, row.payload)
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        **signed_headers(row.secret, str(row.event_id), body),
        "X-ASB-Event-Type": row.event_type,
        "X-ASB-Delivery-Attempt": str(row.attempts + 1),
    }
    if traceparent:
        headers["traceparent"] = traceparent
    if row.request_id:
        headers["X-Request-ID"] = row.request_id
    try:
        # The overall deadline also bounds a receiver that drips its answer byte by byte.
        response = await asyncio.wait_for(
            client.post(url, content=body, headers=headers,
                        timeout=config.timeout_seconds, follow_redirects=False),
            timeout=config.timeout_seconds,
        )
    except DeliveryRefused as exc:
        # The operator's log names the host and the address; the subscriber sees only the
        # reason (the address would tell an agency what names resolve to inside the network).
        # Never the URL's path or query (they may carry a token), the secret or the body.
        log.warning("webhook delivery %s refused: %s", row.id, exc)
        return _Outcome(False, None, f"refused: {exc.reason}", permanent=True)
    except (TimeoutError, httpx.TimeoutException):
        return _Outcome(False, None, "timeout")
    except httpx.HTTPError as exc:
        return _Outcome(False, None, f"connection error: {type(exc).__name__}")
    if 200 <= response.status_code < 300:
        return _Outcome(True, response.status_code, None)
    return _Outcome(False, response.status_code, f"HTTP {response.status_code}")


def _log_attempt(row, outcome: _Outcome, result: str) -> None:
    """One line per attempt, with the request id and trace of the request that caused the
    event, so an operator follows a request to the webhooks it caused. Never the URL, the
    secret or the body."""
    parsed = parse_traceparent(row.traceparent)
    log.info(
        "webhook delivery %s %s: %s", row.id, row.event_type, result,
        extra={"delivery_id": str(row.id), "event_id": str(row.event_id),
               "event_type": row.event_type, "attempt": row.attempts + 1, "result": result,
               "status": outcome.status, "error": outcome.error,
               "request_id": row.request_id, "trace_id": parsed[0] if parsed else None},
    )


async def _record(session_factory, row, token, outcome: _Outcome, config: WorkerConfig,
                  now: datetime | None) -> str:
    at = now or datetime.now(UTC)
    async with session_factory() as session, session.begin():
        if outcome.ok:
            await session.execute(
                _DELIVERED, {"id": row.id, "token": token, "at": at, "status": outcome.status}
            )
            return "delivered"
        if outcome.permanent:
            await session.execute(
                _REFUSED, {"id": row.id, "token": token, "error": outcome.error}
            )
            return "dead"
        attempts = row.attempts + 1
        retry_at = at + timedelta(seconds=backoff_seconds(attempts, config))
        await session.execute(
            _FAILED,
            {"id": row.id, "token": token, "status": outcome.status, "error": outcome.error,
             "max_attempts": config.max_attempts, "retry_at": retry_at},
        )
        return "dead" if attempts >= config.max_attempts else "retried"


async def deliver_due(
    session_factory: async_sessionmaker,
    *,
    http_client: httpx.AsyncClient,
    config: WorkerConfig | None = None,
    now: datetime | None = None,
    batch: int = 50,
) -> RunStats:
    """Claim up to `batch` due deliveries, POST them concurrently, record each result.

    `http_client` must come from `asb_core.webhooks.egress.webhook_client` (any other could reach
    internal addresses); it carries the egress policy.

    Due means due by the later of `now` and the database clock: new deliveries are stamped
    with the database's time, so a worker host whose clock lags still sends them at once (and a
    test may move time forward, never back).
    """
    if not is_guarded(http_client):
        raise TypeError("webhook deliveries need an asb_core.webhooks.egress.webhook_client()")
    config = config or WorkerConfig()
    stats = RunStats()
    claim_now = now or datetime.now(UTC)
    token = uuid.uuid4()
    async with session_factory() as session, session.begin():
        rows = (
            await session.execute(
                _CLAIM,
                {"now": claim_now, "batch": batch, "token": token,
                 "lease_until": claim_now + config.lease},
            )
        ).all()
    stats.claimed = len(rows)
    if not rows:
        return stats
    semaphore = asyncio.Semaphore(config.concurrency)

    async def dead(row, reason: str) -> str:
        async with session_factory() as session, session.begin():
            await session.execute(_DEAD, {"id": row.id, "token": token, "error": reason})
        return "dead"

    async def attempt(row) -> str:
        if not row.active:
            return await dead(row, "subscription deleted")
        async with session_factory() as session, session.begin():
            withheld = await delivery_refusal(
                session, row.subscription_id, row.case_id, row.event_type)
        if withheld is not None:
            return await dead(row, withheld)
        # With tracing on, the delivery is a span under the request that caused the event,
        # and the receiver gets the delivery span as its parent; off, the request's own.
        with telemetry.span(f"webhook {row.event_type}", "client", row.traceparent or None,
                            **{"asb.delivery_id": str(row.id), "asb.event_type": row.event_type,
                               "asb.attempt": row.attempts + 1}) as span:
            sent = telemetry.traceparent_of(span) if span is not None else row.traceparent
            outcome = await _post(http_client, row, config, sent)
            result = await _record(session_factory, row, token, outcome, config, now)
            if span is not None:
                span.set_attribute("asb.result", result)
                if outcome.status is not None:
                    span.set_attribute("http.response.status_code", outcome.status)
        _log_attempt(row, outcome, result)
        return result

    async def one(row) -> str:
        # Whatever goes wrong with one delivery is recorded on it alone: the rest of the pass
        # goes on, and each is recorded exactly once.
        async with semaphore:
            try:
                return await attempt(row)
            except Exception as exc:
                log.warning("webhook delivery %s failed: %s", row.id, type(exc).__name__)
                failed = _Outcome(False, None, f"error: {type(exc).__name__}")
                try:
                    return await _record(session_factory, row, token, failed, config, now)
                except Exception as again:
                    # The database away, say: the claim's lease runs out and a later pass
                    # tries the delivery again.
                    log.warning("webhook delivery %s: result not recorded: %s", row.id,
                                type(again).__name__)
                    return "retried"

    for result in await asyncio.gather(*(one(r) for r in rows)):
        setattr(stats, result, getattr(stats, result) + 1)
    return stats


async def run_once(
    session_factory: async_sessionmaker,
    *,
    http_client: httpx.AsyncClient,
    now: datetime | None = None,
    batch: int = 50,
    config: WorkerConfig | None = None,
    sweep: bool = True,
    anchor: bool = True,
    retention: bool = True,
) -> RunStats:
    """One pass: an audit anchor when one is due, the target sweep (new events go out in this
    pass), then deliveries until none are due."""
    config = config or WorkerConfig()
    total = RunStats()
    if anchor and (config.audit_anchor_seconds > 0 or config.audit_anchor_events > 0):
        total.anchor = await _anchor_if_due(session_factory, config)
    if retention and config.retention_seconds > 0:
        total.anonymised = await _retention_if_due(session_factory, config, now)
    if sweep:
        total.sweep = await sweep_targets(
            session_factory, now=now, due_soon=timedelta(hours=config.due_soon_hours)
        )
    while True:
        stats = await deliver_due(
            session_factory, http_client=http_client, config=config, now=now, batch=batch
        )
        for name in ("claimed", "delivered", "retried", "dead"):
            setattr(total, name, getattr(total, name) + getattr(stats, name))
        # Go on while a claim was full, or while deliveries finished (delivered or dead): each
        # lets the next event of its case go, and it should not wait for the next tick.
        if stats.claimed < batch and not (stats.delivered or stats.dead):
            return total


async def _anchor_if_due(session_factory: async_sessionmaker, config: WorkerConfig) -> str | None:
    """An anchor when the latest is `audit_anchor_seconds` old or `audit_anchor_events` events
    behind; a failure is logged and left to the next pass (it must never stop webhook
    delivery)."""
    from asb_core.audit.anchors import anchor_now

    every = (timedelta(seconds=config.audit_anchor_seconds) if config.audit_anchor_seconds > 0
             else None)
    try:
        made = await anchor_now(session_factory, every=every,
                                events=config.audit_anchor_events or None)
    except Exception as exc:  # the database away, say: the next pass tries again
        log.warning("audit anchor failed: %s", type(exc).__name__)
        return None
    if made is None:
        return None
    log.info("audit anchor %d: %d chains, %d events; hash %s", made.seq, made.chains,
             made.events, made.hash)
    return made.hash


_last_retention: list[float] = []  # monotonic time of this process's last retention run


async def _retention_if_due(session_factory: async_sessionmaker, config: WorkerConfig,
                            now: datetime | None) -> int:
    """Apply the retention schedules when this process has not for `retention_seconds` (each
    case is locked and checked again before it is anonymised, so workers running at once do
    no harm); a failure is logged and left to the next pass. Cases anonymised."""
    from asb_core.actor import Actor
    from asb_core.dataprotection import retention

    if _last_retention and time.monotonic() - _last_retention[0] < config.retention_seconds:
        return 0
    _last_retention[:] = [time.monotonic()]
    try:
        async with session_factory() as session:
            report = await retention.run(session, Actor.system(), now=now)
    except Exception as exc:  # the database away, say: the next due pass tries again
        log.warning("retention run failed: %s", type(exc).__name__)
        return 0
    if report.anonymised or report.held:
        # References and counts only: the report never holds a removed value.
        log.info("retention: %d cases anonymised, %d held, rows changed %s",
                 len(report.anonymised), len(report.held), report.changes)
    return len(report.anonymised)


async def run_forever(
    session_factory: async_sessionmaker,
    *,
    interval: float = 5.0,
    config: WorkerConfig | None = None,
    stop: asyncio.Event | None = None,
    egress: EgressPolicy | None = None,
) -> None:
    """The `asb worker` loop: a pass every `interval` seconds until `stop` is set. A pass that
    fails (the database away, say) is logged and retried at the next tick. `egress`: where
    deliveries may go (default: from the settings)."""
    config = config or WorkerConfig()
    stop = stop or asyncio.Event()
    async with webhook_client(egress, headers={"User-Agent": USER_AGENT}) as client:
        while not stop.is_set():
            try:
                stats = await run_once(session_factory, http_client=client, config=config)
                if stats.claimed or stats.sweep.breached or stats.sweep.due_soon:
                    log.info(
                        "worker pass: %d claimed, %d delivered, %d retried, %d dead; "
                        "%d targets breached, %d due soon",
                        stats.claimed, stats.delivered, stats.retried, stats.dead,
                        stats.sweep.breached, stats.sweep.due_soon,
                    )
            except Exception as exc:  # keep the worker alive; the next tick retries
                log.warning("worker pass failed: %s", type(exc).__name__)
            try:
                await asyncio.wait_for(stop.wait(), timeout=interval)
            except TimeoutError:
                pass
