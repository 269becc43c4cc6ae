"""Webhooks: an agency's subscriptions, the transactional outbox, and one delivery row per
(event, subscription).

Outbox rows for timeline events are written by the `case_events_webhook_outbox` trigger
(migration 0003) in the transaction of the change; the target sweep writes its own. A delivery
is `pending` until the receiver answers 2xx (`delivered`) or the attempts run out (`dead`).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    ARRAY,
    BigInteger,
    Boolean,
    CheckConstraint,
    FetchedValue,
    ForeignKey,
    Identity,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from asb_core.agencies.models import _in
from asb_core.orm import Base, created_at_column, uuid_pk

EVENT_TYPES = (
    "case.shared",
    "case.level_changed",
    "escalation.raised",
    "target.due_soon",
    "target.breached",
    "diary_entry.added",
    "case.closed",
    # Written by the referrals slice itself (referrals/repository.announce), not the trigger.
    "referral.changed",
)
# A test event sent to one subscription on request (`POST /v1/webhooks/{id}/ping`): an outbox
# event type, never one to subscribe to.
PING = "webhook.ping"
OUTBOX_EVENT_TYPES = (*EVENT_TYPES, PING)
DELIVERY_STATES = ("pending", "delivered", "dead")


class WebhookSubscription(Base):
    __tablename__ = "webhook_subscriptions"
    __table_args__ = (
        CheckConstraint(
            "cardinality(event_types) > 0 AND event_types <@ ARRAY["
            + ", ".join(repr(t) for t in EVENT_TYPES)
            + "]::text[]",
            name="event_types",
        ),
        Index("ix_webhook_subscriptions_agency_id", "agency_id", "created_at"),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    agency_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agencies.id"))
    url: Mapped[str] = mapped_column(Text)
    # The HMAC key: needed in clear to sign, shown to the subscriber once, never logged.
    secret: Mapped[str] = mapped_column(Text)
    event_types: Mapped[list[str]] = mapped_column(ARRAY(Text))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by_principal_id: Mapped[uuid.UUID | None] = mapped_column()
    created_at: Mapped[datetime] = created_at_column()
    deleted_at: Mapped[datetime | None] = mapped_column()

    def __repr__(self) -> str:
        return f"<WebhookSubscription {self.id} {self.url}>"


class OutboxEvent(Base):
    __tablename__ = "outbox_events"
    __table_args__ = (
        CheckConstraint(_in("event_type", OUTBOX_EVENT_TYPES), name="event_type"),
        UniqueConstraint("seq", name="uq_outbox_events_seq"),
        UniqueConstraint("dedupe_key", name="uq_outbox_events_dedupe_key"),
        Index("ix_outbox_events_case_id", "case_id"),
    )

    # The event id receivers de-duplicate on (sent as `webhook-id`, the same on every retry).
    id: Mapped[uuid.UUID] = uuid_pk()
    seq: Mapped[int] = mapped_column(BigInteger, Identity(always=True))
    event_type: Mapped[str] = mapped_column(String(40))
    case_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    case_event_seq: Mapped[int | None] = mapped_column(BigInteger)
    occurred_at: Mapped[datetime] = mapped_column()
    payload: Mapped[dict] = mapped_column(JSONB)
    dedupe_key: Mapped[str | None] = mapped_column(Text)
    # The trace context of the request whose transaction wrote the event (migration 0022's
    # trigger fills them from the transaction's settings); sent on with each delivery.
    traceparent: Mapped[str | None] = mapped_column(Text)
    request_id: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = created_at_column()


class WebhookDelivery(Base):
    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        CheckConstraint(_in("state", DELIVERY_STATES), name="state"),
        UniqueConstraint("event_id", "subscription_id", name="uq_webhook_deliveries_event_id"),
        Index(
            "ix_webhook_deliveries_pending_next_attempt_at",
            "next_attempt_at",
            postgresql_where=text("state = 'pending'"),
        ),
        Index(
            "ix_webhook_deliveries_subscription_id", "subscription_id", "created_at", "id"
        ),
        # The worker's per-case order check: is an earlier event of the case pending? (0023)
        Index(
            "ix_webhook_deliveries_pending_case_order",
            "subscription_id",
            "case_id",
            "event_seq",
            postgresql_where=text("state = 'pending' AND case_id IS NOT NULL"),
        ),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    event_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("outbox_events.id", ondelete="CASCADE")
    )
    subscription_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("webhook_subscriptions.id", ondelete="CASCADE")
    )
    # The event's case and sequence number, copied by a BEFORE INSERT trigger (migration 0023)
    # so that the worker's per-case order check is one index probe.
    case_id: Mapped[uuid.UUID | None] = mapped_column(server_default=FetchedValue())
    event_seq: Mapped[int] = mapped_column(BigInteger, server_default=FetchedValue())
    state: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column()
    # Set with the lease when a worker claims the row; only that claim may record the result.
    claim_token: Mapped[uuid.UUID | None] = mapped_column()
    last_attempt_at: Mapped[datetime | None] = mapped_column()
    last_status: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str | None] = mapped_column(Text)
    delivered_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = created_at_column()
