"""Indexes for the read paths measured at scale by `bench/queries.py` (1M cases).

`ix_cases_risk_level_opened_at_id`: an agency's case list filtered by level (`GET /v1/cases?
level=high`), newest first with a keyset cursor on (opened_at, id). Without it the list walks
`ix_cases_opened_at_id` backwards and fetches every case of every level (about 6,500 heap rows
per page of 50 for an agency that is a member of 1 case in 30) before the membership probe; with
it only the cases of that level are read (about 1,400), so the page costs the same however deep
the cursor.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_cases_risk_level_opened_at_id", "cases", ["risk_level", "opened_at", "id"]
    )


def downgrade() -> None:
    op.drop_index("ix_cases_risk_level_opened_at_id", "cases")
