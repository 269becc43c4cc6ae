"""Audit anchors: periodic, hash-chained records of every audit chain's head.

`audit_anchors` holds one row per anchor (seq, at, digest, counts, prev_hash, hash);
`audit_anchor_heads` holds, per anchor, the heads that moved since the anchor before it. Both
are append-only like `audit_events` (a trigger refuses UPDATE, DELETE and TRUNCATE). The side
table's `chain` is collated "C" so that its order, which the digest follows, is byte order on
every server; its foreign key is deferred because an anchor's row is written after its heads
(its digest is computed from them). `audit_anchor_tips` caches the latest anchored head of each
chain so that the next anchor finds the moved heads with one hash join (an untrusted cache,
updated in place).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)
TABLES = ("audit_anchors", "audit_anchor_heads")


def upgrade() -> None:
    op.create_table(
        "audit_anchors",
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("at", TZ, nullable=False),
        sa.Column("chains", sa.BigInteger(), nullable=False),
        sa.Column("events", sa.BigInteger(), nullable=False),
        sa.Column("changed", sa.BigInteger(), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_anchors")),
        sa.UniqueConstraint("hash", name=op.f("uq_audit_anchors_hash")),
    )
    op.create_table(
        "audit_anchor_heads",
        sa.Column("anchor_seq", sa.Integer(), nullable=False),
        sa.Column("chain", sa.String(64, collation="C"), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.Column("last_hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("anchor_seq", "chain", name=op.f("pk_audit_anchor_heads")),
        sa.ForeignKeyConstraint(
            ["anchor_seq"], ["audit_anchors.seq"],
            name=op.f("fk_audit_anchor_heads_anchor_seq_audit_anchors"),
            deferrable=True, initially="DEFERRED",
        ),
    )
    op.create_table(
        "audit_anchor_tips",
        sa.Column("chain", sa.String(64, collation="C"), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.Column("last_hash", sa.String(64), nullable=False),
        sa.Column("anchor_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("chain", name=op.f("pk_audit_anchor_tips")),
    )
    op.execute(
        """
        CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP
            USING ERRCODE = 'insufficient_privilege';
        END $$;
        """
    )
    for table in TABLES:
        op.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION audit_append_only()"
        )
        op.execute(
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()"
        )


def downgrade() -> None:
    for table in reversed(TABLES):
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
        op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
    op.drop_table("audit_anchor_tips")
    op.drop_table("audit_anchor_heads")
    op.drop_table("audit_anchors")
    op.execute("DROP FUNCTION IF EXISTS audit_append_only()")
