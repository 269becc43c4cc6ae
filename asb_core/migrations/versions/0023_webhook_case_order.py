"""Webhook deliveries of one case go out in order: each delivery knows its event's case and
sequence number, and an index answers "is an earlier one of this case still pending?".

The worker claims a delivery only when no earlier event (lower `seq`) of the same case is still
pending for the same subscription (asb_core/worker.py). Asked through `outbox_events` that check
was a hash anti-join comparing every pending delivery of a case with every other (1,010,000 row
comparisons for 20,000 pending over 200 cases: quadratic in a case's backlog); with the case and
sequence copied onto the delivery it is one probe of the partial index below per due row
(linear), and once a case's first delivery has failed its later ones are not due until its
retry (the worker moves them), so a backlog behind a failing receiver is not probed each pass.

`case_id` and `event_seq` are filled by a BEFORE INSERT trigger from the delivery's event, so
every path that creates deliveries (the outbox trigger, the target sweep, referrals, ping) gets
them without knowing; existing rows are backfilled.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-02
"""

from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None

ORDER_FUNCTION = r"""
CREATE FUNCTION webhook_delivery_order() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  SELECT e.case_id, e.seq INTO NEW.case_id, NEW.event_seq
  FROM outbox_events e WHERE e.id = NEW.event_id;
  RETURN NEW;
END $$
"""


def upgrade() -> None:
    op.execute("ALTER TABLE webhook_deliveries ADD COLUMN case_id uuid, "
               "ADD COLUMN event_seq bigint")
    op.execute("UPDATE webhook_deliveries d SET case_id = e.case_id, event_seq = e.seq "
               "FROM outbox_events e WHERE e.id = d.event_id")
    op.execute("ALTER TABLE webhook_deliveries ALTER COLUMN event_seq SET NOT NULL")
    op.execute(ORDER_FUNCTION)
    op.execute(
        "CREATE TRIGGER webhook_deliveries_order BEFORE INSERT ON webhook_deliveries "
        "FOR EACH ROW EXECUTE FUNCTION webhook_delivery_order()"
    )
    op.execute(
        "CREATE INDEX ix_webhook_deliveries_pending_case_order "
        "ON webhook_deliveries (subscription_id, case_id, event_seq) "
        "WHERE state = 'pending' AND case_id IS NOT NULL"
    )


def downgrade() -> None:
    op.execute("DROP INDEX ix_webhook_deliveries_pending_case_order")
    op.execute("DROP TRIGGER webhook_deliveries_order ON webhook_deliveries")
    op.execute("DROP FUNCTION webhook_delivery_order()")
    op.execute("ALTER TABLE webhook_deliveries DROP COLUMN event_seq, DROP COLUMN case_id")
