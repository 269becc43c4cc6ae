"""Diary entries may name the incident they repeat (`same_as`, as officer reports do) and carry
when the victim reported it to the agency (`reported_at`, which may be earlier than when a
system posts the sheet: the Case Review's "reported in time" rule reads it).

Revision ID: 0016
Revises: 0009
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("diary_entries", sa.Column("same_as", sa.Uuid(), nullable=True))
    op.add_column("diary_entries",
                  sa.Column("reported_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    op.drop_column("diary_entries", "reported_at")
    op.drop_column("diary_entries", "same_as")
