"""Agencies can be disabled: `agencies.disabled_at` and `disabled_reason`.

A disabled agency's keys, the embed tokens they minted and its webhook subscriptions are all
refused (within the key cache window), without revoking each key one by one; enabling it again
restores them. The data it holds and the cases it shares are untouched.

Revision ID: 0017
Revises: 0012
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("agencies", sa.Column("disabled_at", sa.DateTime(timezone=True)))
    op.add_column("agencies", sa.Column("disabled_reason", sa.Text()))


def downgrade() -> None:
    op.drop_column("agencies", "disabled_reason")
    op.drop_column("agencies", "disabled_at")
