"""Incidents from officer reports: the officer's account, reference and location.

An officer (police or council, attending or told of it) records an incident directly on the
case, with no diary entry behind it. The account is required for such a row (a CHECK), and an
officer report never points at a diary entry. `ix_incidents_case_id_reported_at_id` serves the
case's incident list, a keyset on (reported_at, id).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("incidents", sa.Column("account", sa.Text()))
    op.add_column("incidents", sa.Column("officer_reference", sa.Text()))
    op.add_column("incidents", sa.Column("location", sa.Text()))
    op.create_check_constraint(
        op.f("ck_incidents_officer_report_account"),
        "incidents",
        "source <> 'officer_report' OR (account IS NOT NULL AND diary_entry_id IS NULL)",
    )
    op.create_index(
        "ix_incidents_case_id_reported_at_id", "incidents", ["case_id", "reported_at", "id"]
    )


def downgrade() -> None:
    # Officer reports have no diary entry to derive them from again: they go with the columns.
    op.execute("DELETE FROM incidents WHERE source = 'officer_report'")
    op.drop_index("ix_incidents_case_id_reported_at_id", "incidents")
    op.drop_constraint(op.f("ck_incidents_officer_report_account"), "incidents", type_="check")
    op.drop_column("incidents", "location")
    op.drop_column("incidents", "officer_reference")
    op.drop_column("incidents", "account")
