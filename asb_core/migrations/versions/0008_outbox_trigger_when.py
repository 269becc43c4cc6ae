"""The webhook outbox trigger fires only for the timeline kinds that become webhook events.

`webhook_outbox_from_case_event()` (0003) returns at once for any other kind, but PostgreSQL
still called the PL/pgSQL function for every timeline row, including the `target_rescheduled`
row every acknowledged diary entry writes. A WHEN condition on the trigger skips the call; the
function is unchanged. `tests/integration/test_core_schema.py` checks the list against the
kinds the function maps.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# The kinds `webhook_outbox_from_case_event()` maps to a webhook event type.
WEBHOOK_KINDS = ("member_added", "level_change", "flag_raised", "diary_entry",
                 "diary_entry_added", "case_closed", "target_breached")


def upgrade() -> None:
    kinds = ", ".join(f"'{k}'" for k in WEBHOOK_KINDS)
    op.execute("DROP TRIGGER case_events_webhook_outbox ON case_events")
    op.execute(
        "CREATE TRIGGER case_events_webhook_outbox AFTER INSERT ON case_events "
        f"FOR EACH ROW WHEN (NEW.kind IN ({kinds})) "
        "EXECUTE FUNCTION webhook_outbox_from_case_event()"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER case_events_webhook_outbox ON case_events")
    op.execute(
        "CREATE TRIGGER case_events_webhook_outbox AFTER INSERT ON case_events "
        "FOR EACH ROW EXECUTE FUNCTION webhook_outbox_from_case_event()"
    )
