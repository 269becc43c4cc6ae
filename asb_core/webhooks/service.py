"""Webhook subscriptions and their delivery status, per agency.

An agency subscribes a URL to event types; the secret that signs deliveries is generated here and
returned once, on creation. An agency sees and manages only its own subscriptions: anything else
is answered as not found. Deleting a subscription deactivates it (its delivery history stays
readable by id) and dead-letters its pending deliveries.

A URL must be able to reach only what webhooks may reach (webhooks/egress.py): an IP literal in a
refused range (loopback, private, link-local, ...) outside the operator's allowed networks is
refused here, and plain http only to those networks; host names are checked at each delivery.
The URL is read with the delivery client's parser (`egress.parse_url`), so what it could not send
is refused here rather than failing at delivery.

Events carry case data, so only a key that may read cases subscribes (`receive_refusal`: an
admin key is refused), and each delivery is checked again when it is made against the key that
made the subscription (`delivery_refusal`), exactly as a GET by that key would be; both decide
through `access`.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from urllib.parse import urlsplit

from sqlalchemy import exists, func, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core import access
from asb_core.actor import Actor
from asb_core.agencies.models import Agency, Principal
from asb_core.audit import chain as audit
from asb_core.cases.models import Case
from asb_core.errors import Conflict, Forbidden, NotFound, ValidationFailed
from asb_core.pagination import Page, check_limit, decode_cursor, page_of
from asb_core.uow import unit_of_work
from asb_core.webhooks.egress import EgressPolicy, InvalidWebhookURL, parse_url, url_host
from asb_core.webhooks.models import (
    DELIVERY_STATES,
    EVENT_TYPES,
    PING,
    OutboxEvent,
    WebhookDelivery,
    WebhookSubscription,
)
from asb_core.webhooks.schemas import WebhookIn
from asb_core.webhooks.signing import new_secret

# TODO(access): move to asb_core/access.py as "webhook.manage" when that module is free to edit.
WEBHOOK_ROLES = frozenset({"caseworker", "supervisor", "integration", "admin"})
MAX_SUBSCRIPTIONS_PER_AGENCY = 50


def require_manage(actor: Actor) -> uuid.UUID:
    if actor.agency_id is None or actor.scopes or actor.role not in WEBHOOK_ROLES:
        raise Forbidden(f"role {actor.role} may not manage webhooks")
    return actor.agency_id


def _invalid(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(f"{field}: {message}", errors=[{"field": field, "message": message}])


def check_url(url: str, egress: EgressPolicy | None = None) -> str:
    """Where a URL may point (its length and type are WebhookIn's)."""
    url = url.strip()
    if not url:
        raise _invalid("url", "required")
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise _invalid("url", "not a valid URL") from None
    if parts.scheme not in ("http", "https") or not host:
        raise _invalid("url", "an absolute http(s) URL")
    # Characters parsers disagree on (a backslash or a tab in the authority) could make this
    # check and the HTTP client see different hosts; a URL needs none of them.
    if any(c == "\\" or c.isspace() or not c.isprintable() for c in url):
        raise _invalid("url", "not a valid URL")
    if "@" in parts.netloc:
        raise _invalid("url", "must not carry credentials: deliveries are signed instead")
    if parts.fragment:
        raise _invalid("url", "must not have a fragment")
    # The delivery client's own parser has the last word: what it cannot send is refused now,
    # and the host judged is the one it would connect to.
    try:
        parsed = parse_url(url)
    except InvalidWebhookURL as exc:
        raise _invalid("url", f"not a valid URL: {exc.reason}") from None
    egress = egress or EgressPolicy.from_settings()
    refused = egress.check_literal(url_host(parsed), plaintext=parsed.scheme == "http")
    if refused:
        raise _invalid("url", refused)
    return url


def check_event_types(event_types: list[str]) -> list[str]:
    unknown = [t for t in event_types if t not in EVENT_TYPES]
    if unknown:
        raise _invalid("event_types", f"unknown {unknown[0]!r}; one of {', '.join(EVENT_TYPES)}")
    return sorted(set(event_types), key=EVENT_TYPES.index)


# What a GET of an event's content needs: every event carries the case (reference, area, level,
# flags, open targets); a diary event also the entry.
EVENT_READ_ACTIONS = {t: "case.read" for t in EVENT_TYPES} | {"diary_entry.added": "diary.read",
                                                              "referral.changed": "referral.read"}


def receive_refusal(actor: Actor, event_types: list[str]) -> str | None:
    """Why `actor` may not receive events of these types (None: it may, for the cases it can
    read). Decided by the access policy, as a GET of the same data would be."""
    if access.visibility(actor) == "none":
        return f"role {actor.role} may not receive case events"
    for event_type in event_types:
        if not access.can(actor, EVENT_READ_ACTIONS[event_type]):
            return f"role {actor.role} may not receive {event_type} events"
    return None


async def delivery_refusal(
    session: AsyncSession, subscription_id: uuid.UUID, case_id: uuid.UUID | None,
    event_type: str,
) -> str | None:
    """At delivery: why this event may not go to this subscription now (None: it may). The
    answer a GET by the key that made the subscription would get at this moment, so a key
    revoked or downgraded, an agency disabled, or an agency removed from the case, since the
    event gets nothing."""
    row = (
        await session.execute(
            select(Principal.id, Principal.role, Principal.revoked_at, Agency.id, Agency.slug,
                   Agency.kind, Agency.disabled_at)
            .select_from(WebhookSubscription)
            .join(Principal, Principal.id == WebhookSubscription.created_by_principal_id)
            .join(Agency, Agency.id == Principal.agency_id)
            .where(WebhookSubscription.id == subscription_id)
        )
    ).first()
    if row is None:
        return "withheld: no key stands behind this subscription"
    principal_id, role, revoked_at, agency_id, slug, kind, disabled_at = row
    if revoked_at is not None:
        return "withheld: the key that made this subscription is revoked"
    if disabled_at is not None:
        return "withheld: the agency that made this subscription is disabled"
    if event_type == PING:  # no case data: the key and its agency standing is enough
        return None
    actor = Actor(principal_id, agency_id, slug, kind, role)
    refused = receive_refusal(actor, [event_type])
    if refused is not None:
        return f"withheld: {refused}"
    readable = case_id is not None and await session.scalar(
        select(exists(access.visible_case_ids(actor).where(Case.id == case_id)))
    )
    if not readable:
        return "withheld: the key that made this subscription may not read this case"
    return None


@unit_of_work
async def create_subscription(
    session: AsyncSession,
    actor: Actor,
    data: WebhookIn,
    *,
    now: datetime | None = None,
    egress: EgressPolicy | None = None,
) -> WebhookSubscription:
    """A new active subscription; its `secret` is readable on the returned object only now.
    `egress`: where webhooks may go (default: from the settings)."""
    agency_id = require_manage(actor)
    types = check_event_types(data.event_types)
    refused = receive_refusal(actor, types)
    if refused is not None:
        raise Forbidden(f"{refused}: a subscription is sent case data")
    url = check_url(data.url, egress)
    count = len(
        (
            await session.execute(
                select(WebhookSubscription.id).where(
                    WebhookSubscription.agency_id == agency_id, WebhookSubscription.active
                )
            )
        ).all()
    )
    if count >= MAX_SUBSCRIPTIONS_PER_AGENCY:
        raise _invalid("url", f"an agency may hold at most {MAX_SUBSCRIPTIONS_PER_AGENCY}")
    sub = WebhookSubscription(
        id=uuid.uuid4(),
        agency_id=agency_id,
        url=url,
        secret=new_secret(),
        event_types=types,
        active=True,
        created_by_principal_id=actor.principal_id,
        created_at=now or datetime.now(UTC),
    )
    session.add(sub)
    await session.flush()
    await audit.record(
        session, actor, "webhook.create", entity="webhook_subscription", entity_id=sub.id,
        detail={"url": url, "event_types": types},
    )
    return sub


def _own(actor: Actor):
    agency_id = require_manage(actor)
    return select(WebhookSubscription).where(WebhookSubscription.agency_id == agency_id)


@unit_of_work
async def list_subscriptions(session: AsyncSession, actor: Actor) -> list[WebhookSubscription]:
    stmt = _own(actor).where(WebhookSubscription.active).order_by(
        WebhookSubscription.created_at, WebhookSubscription.id
    )
    return list((await session.execute(stmt)).scalars().all())


@unit_of_work
async def get_subscription(
    session: AsyncSession, actor: Actor, subscription_id: object
) -> WebhookSubscription:
    sid = access.parse_uuid(subscription_id, "webhook")
    sub = (
        await session.execute(_own(actor).where(WebhookSubscription.id == sid))
    ).scalar_one_or_none()
    if sub is None:
        raise NotFound(f"no webhook {subscription_id}")
    return sub


@unit_of_work
async def delete_subscription(
    session: AsyncSession, actor: Actor, subscription_id: object, *, now: datetime | None = None
) -> None:
    now = now or datetime.now(UTC)
    sub = await get_subscription(session, actor, subscription_id)
    if not sub.active:
        raise NotFound(f"no webhook {subscription_id}")
    sub.active = False
    sub.deleted_at = now
    await session.execute(
        update(WebhookDelivery)
        .where(WebhookDelivery.subscription_id == sub.id, WebhookDelivery.state == "pending")
        .values(state="dead", last_error="subscription deleted", claim_token=None)
        .execution_options(synchronize_session=False)
    )
    await session.flush()
    await audit.record(
        session, actor, "webhook.delete", entity="webhook_subscription", entity_id=sub.id,
        detail={"url": sub.url},
    )


@unit_of_work
async def list_deliveries(
    session: AsyncSession,
    actor: Actor,
    subscription_id: object,
    *,
    state: str | None = None,
    limit: int = 50,
    cursor: str | None = None,
) -> Page:
    """Deliveries of one subscription, newest first: items are (WebhookDelivery, event_type)."""
    check_limit(limit)
    sub = await get_subscription(session, actor, subscription_id)
    if state is not None and state not in DELIVERY_STATES:
        raise _invalid("state", f"one of {', '.join(DELIVERY_STATES)}")
    stmt = (
        select(WebhookDelivery, OutboxEvent.event_type)
        .join(OutboxEvent, OutboxEvent.id == WebhookDelivery.event_id)
        .where(WebhookDelivery.subscription_id == sub.id)
    )
    if state is not None:
        stmt = stmt.where(WebhookDelivery.state == state)
    key = decode_cursor(cursor, 2)
    if key:
        try:
            after = (datetime.fromisoformat(key[0]), uuid.UUID(key[1]))
        except ValueError:
            raise _invalid("cursor", "not a cursor") from None
        stmt = stmt.where(tuple_(WebhookDelivery.created_at, WebhookDelivery.id) < after)
    stmt = stmt.order_by(WebhookDelivery.created_at.desc(), WebhookDelivery.id.desc())
    rows = [tuple(r) for r in (await session.execute(stmt.limit(limit + 1))).all()]
    return page_of(rows, limit, lambda r: (r[0].created_at.isoformat(), r[0].id))


@unit_of_work
async def ping(
    session: AsyncSession, actor: Actor, subscription_id: object, *, now: datetime | None = None
) -> tuple[WebhookDelivery, str]:
    """A `webhook.ping` event for this subscription alone, delivered (and signed, retried,
    listed) like any other; it carries no case data. Returns (delivery, event type)."""
    sub = await get_subscription(session, actor, subscription_id)
    if not sub.active:
        raise NotFound(f"no webhook {subscription_id}")
    event = OutboxEvent(
        id=uuid.uuid4(), event_type=PING, case_id=None, occurred_at=now or datetime.now(UTC),
        payload={"webhook": {"id": str(sub.id), "url": sub.url,
                             "event_types": list(sub.event_types)}},
    )
    session.add(event)
    await session.flush()
    # Due by the database's clock, as the outbox trigger stamps its deliveries.
    delivery = WebhookDelivery(id=uuid.uuid4(), event_id=event.id, subscription_id=sub.id,
                               state="pending", attempts=0, next_attempt_at=func.now())
    session.add(delivery)
    await session.flush()
    await session.refresh(delivery)
    await audit.record(session, actor, "webhook.ping", entity="webhook_subscription",
                       entity_id=sub.id)
    return delivery, PING


@unit_of_work
async def redeliver(
    session: AsyncSession, actor: Actor, subscription_id: object, delivery_id: object
) -> tuple[WebhookDelivery, str]:
    """Send a delivered or dead delivery again, now, with a fresh retry schedule; the event
    (and so `webhook-id` and the body) is the same. A pending one is a conflict: it is already
    on its way. Returns (delivery, event type)."""
    sub = await get_subscription(session, actor, subscription_id)
    did = access.parse_uuid(delivery_id, "delivery")
    row = (
        await session.execute(
            select(WebhookDelivery, OutboxEvent.event_type)
            .join(OutboxEvent, OutboxEvent.id == WebhookDelivery.event_id)
            .where(WebhookDelivery.id == did, WebhookDelivery.subscription_id == sub.id)
            .with_for_update(of=WebhookDelivery)
        )
    ).first()
    if row is None:
        raise NotFound(f"no delivery {delivery_id}")
    delivery, event_type = row
    if not sub.active:
        raise Conflict("the subscription is deleted: nothing is delivered to it")
    if delivery.state == "pending":
        raise Conflict("the delivery is pending: it is already on its way")
    delivery.state = "pending"
    delivery.attempts = 0
    delivery.claim_token = None
    delivery.delivered_at = None
    delivery.next_attempt_at = func.now()
    await session.flush()
    await session.refresh(delivery)
    await audit.record(session, actor, "webhook.redeliver", entity="webhook_delivery",
                       entity_id=delivery.id, detail={"event_type": event_type})
    return delivery, event_type
