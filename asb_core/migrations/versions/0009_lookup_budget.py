"""Repeat-caller lookup: a budget shared by every worker and node, and a log of every lookup.

`lookup_budget` holds one counter per scope (a key's hour, a key's day, an agency's hour, a key's
misses in the hour) and window; `asb_core.parties.lookup_budget` moves it with one
`INSERT ... ON CONFLICT DO UPDATE ... RETURNING`, so concurrent lookups on any process count
against the same row. `repeat_caller_lookups` records every lookup (hit, miss or refused): who
asked (key, agency), when, by what kind of key (phone and/or address, never the value nor a
digest of it), the outcome and, for hits, the cases matched and what was answered.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "lookup_budget",
        sa.Column("scope", sa.String(100), nullable=False),
        sa.Column("window_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("scope", "window_start", name="pk_lookup_budget"),
    )
    op.create_table(
        "repeat_caller_lookups",
        sa.Column("seq", sa.BigInteger(), sa.Identity(always=True), primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("principal_id", sa.Uuid(), nullable=True),
        sa.Column("agency_id", sa.Uuid(), nullable=True),
        sa.Column("agency", sa.String(63), nullable=True),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("by_phone", sa.Boolean(), nullable=False),
        sa.Column("by_address", sa.Boolean(), nullable=False),
        sa.Column("area", sa.Text(), nullable=True),
        sa.Column("answered", sa.String(16), nullable=True),
        sa.Column("case_ids", postgresql.ARRAY(sa.Uuid()), nullable=True),
        sa.CheckConstraint("outcome IN ('hit', 'miss', 'refused')",
                           name="ck_repeat_caller_lookups_outcome"),
        sa.CheckConstraint("answered IS NULL OR answered IN ('level', 'contact')",
                           name="ck_repeat_caller_lookups_answered"),
        sa.PrimaryKeyConstraint("seq", name="pk_repeat_caller_lookups"),
    )
    op.create_index("ix_repeat_caller_lookups_principal_id_at", "repeat_caller_lookups",
                    ["principal_id", "at"])
    op.create_index("ix_repeat_caller_lookups_agency_id_at", "repeat_caller_lookups",
                    ["agency_id", "at"])
    op.create_index("ix_repeat_caller_lookups_case_ids", "repeat_caller_lookups", ["case_ids"],
                    postgresql_using="gin")


def downgrade() -> None:
    op.drop_index("ix_repeat_caller_lookups_case_ids", "repeat_caller_lookups")
    op.drop_index("ix_repeat_caller_lookups_agency_id_at", "repeat_caller_lookups")
    op.drop_index("ix_repeat_caller_lookups_principal_id_at", "repeat_caller_lookups")
    op.drop_table("repeat_caller_lookups")
    op.drop_table("lookup_budget")
