"""Webhooks for integrators: a ping event, and the trace context of the request that caused
each event.

`outbox_events.event_type` admits `webhook.ping` (a test event sent to one subscription on
request; never subscribable). `outbox_events` gains `traceparent` and `request_id`: a BEFORE
INSERT trigger copies them from the transaction's settings `asb.traceparent` and
`asb.request_id` (set by the unit of work of an API request, empty elsewhere), so the outbox
rows the case-event trigger and the services write carry them without either knowing, and the
worker sends the `traceparent` on with the delivery.

Revision ID: 0022
Revises: 0020 (0012 when written; main's head, the referrals, when rebased)
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0020"
branch_labels = None
depends_on = None

OLD_TYPES = (
    "'case.shared', 'case.level_changed', 'escalation.raised', 'target.due_soon', "
    "'target.breached', 'diary_entry.added', 'case.closed', 'referral.changed'"
)
NEW_TYPES = OLD_TYPES + ", 'webhook.ping'"

TRACE_FUNCTION = r"""
CREATE FUNCTION outbox_event_trace() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.traceparent := COALESCE(NEW.traceparent,
                              NULLIF(current_setting('asb.traceparent', true), ''));
  NEW.request_id := COALESCE(NEW.request_id, NULLIF(current_setting('asb.request_id', true), ''));
  RETURN NEW;
END $$
"""


def _set_types(types: str) -> None:
    op.drop_constraint("ck_outbox_events_event_type", "outbox_events", type_="check")
    op.create_check_constraint("ck_outbox_events_event_type", "outbox_events",
                               f"event_type IN ({types})")


def upgrade() -> None:
    _set_types(NEW_TYPES)
    op.add_column("outbox_events", sa.Column("traceparent", sa.Text(), nullable=True))
    op.add_column("outbox_events", sa.Column("request_id", sa.Text(), nullable=True))
    op.execute(TRACE_FUNCTION)
    op.execute(
        "CREATE TRIGGER outbox_events_trace BEFORE INSERT ON outbox_events "
        "FOR EACH ROW EXECUTE FUNCTION outbox_event_trace()"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS outbox_events_trace ON outbox_events")
    op.execute("DROP FUNCTION IF EXISTS outbox_event_trace()")
    op.drop_column("outbox_events", "request_id")
    op.drop_column("outbox_events", "traceparent")
    op.execute("DELETE FROM outbox_events WHERE event_type = 'webhook.ping'")
    _set_types(OLD_TYPES)
