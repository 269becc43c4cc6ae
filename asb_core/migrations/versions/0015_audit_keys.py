"""Keyed audit log: the id of the HMAC key behind each event's hash, and a MAC on chain heads.

`audit_events.key_id` names the audit key (asb_core/audit/keys.py, never in the database) whose
HMAC the row's `hash` is; NULL is a row hashed with plain SHA-256 (written without a key).
`audit_chain_heads.mac` is "<key id>:<HMAC of chain, last_seq, last_hash>", so a head cannot be
pointed at an earlier row (a cut tail) without the key. Both nullable: existing rows stay valid.

Revision ID: 0015
Revises: 0016
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("audit_events", sa.Column("key_id", sa.String(32), nullable=True))
    op.add_column("audit_chain_heads", sa.Column("mac", sa.String(100), nullable=True))


def downgrade() -> None:
    op.drop_column("audit_chain_heads", "mac")
    op.drop_column("audit_events", "key_id")
