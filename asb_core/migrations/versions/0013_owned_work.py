"""Owned work: every target has an owner agency (the case's lead agency when it is made; moved
by reassigning it), and the work queue reads an agency's own open targets in due order.

Existing targets are owned by their case's lead agency.

Revision ID: 0013
Revises: 0010
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("targets", sa.Column("owner_agency_id", sa.Uuid(), nullable=True))
    op.execute(
        "UPDATE targets t SET owner_agency_id = c.lead_agency_id FROM cases c "
        "WHERE c.id = t.case_id"
    )
    op.alter_column("targets", "owner_agency_id", nullable=False)
    op.create_foreign_key(
        "fk_targets_owner_agency_id_agencies", "targets", "agencies", ["owner_agency_id"], ["id"]
    )
    # The owner's work queues: open targets of one agency in due order.
    op.create_index(
        "ix_targets_owner_open_due_at",
        "targets",
        ["owner_agency_id", "due_at", "id"],
        postgresql_where=sa.text("state IN ('due', 'breached') AND closed_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_targets_owner_open_due_at", table_name="targets")
    op.drop_constraint("fk_targets_owner_agency_id_agencies", "targets", type_="foreignkey")
    op.drop_column("targets", "owner_agency_id")
