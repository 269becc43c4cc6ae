"""Webhook deliveries of one case go out in order: an index for the worker's check.

The worker claims a delivery only when no earlier event (lower `seq`) of the same case is still
pending for the same subscription (asb_core/worker.py). That check looks up a subscription's
pending deliveries; this partial index holds exactly those, with the event each carries, so the
check stays a short index probe however long the delivered history grows.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-02
"""

from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "CREATE INDEX ix_webhook_deliveries_pending_subscription_id "
        "ON webhook_deliveries (subscription_id, event_id) WHERE state = 'pending'"
    )


def downgrade() -> None:
    op.execute("DROP INDEX ix_webhook_deliveries_pending_subscription_id")
