"""Agencies, API principals and the append-only audit log.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

KINDS = "'police', 'council', 'housing_provider', 'victim_service', 'health', 'other'"
ROLES = (
    "'call_handler', 'caseworker', 'supervisor', 'auditor', 'analyst', 'integration', 'admin'"
)


def upgrade() -> None:
    op.create_table(
        "agencies",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("slug", sa.String(63), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("areas", postgresql.ARRAY(sa.Text()), nullable=False, server_default="{}"),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
        ),
        sa.CheckConstraint(f"kind IN ({KINDS})", name="ck_agencies_kind"),
        sa.CheckConstraint("slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'", name="ck_agencies_slug_format"),
        sa.UniqueConstraint("slug", name="uq_agencies_slug"),
    )
    op.create_table(
        "principals",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("agency_id", sa.Uuid(), sa.ForeignKey("agencies.id"), nullable=False),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("key_prefix", sa.String(16), nullable=False),
        sa.Column("key_hash", sa.String(64), nullable=False),
        sa.Column("label", sa.Text()),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
        ),
        sa.Column("revoked_at", sa.DateTime(timezone=True)),
        sa.CheckConstraint(f"role IN ({ROLES})", name="ck_principals_role"),
        sa.UniqueConstraint("key_hash", name="uq_principals_key_hash"),
    )
    op.create_index("ix_principals_agency_id", "principals", ["agency_id"])

    op.create_table(
        "audit_events",
        sa.Column("seq", sa.BigInteger(), sa.Identity(always=True), primary_key=True),
        sa.Column("chain", sa.String(64), nullable=False),
        sa.Column("chain_seq", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("principal_id", sa.Uuid()),
        sa.Column("agency", sa.String(63)),
        sa.Column("role", sa.String(32)),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("case_id", sa.Uuid()),
        sa.Column("entity", sa.String(64)),
        sa.Column("entity_id", sa.String(64)),
        sa.Column("fields", postgresql.ARRAY(sa.Text()), nullable=False, server_default="{}"),
        sa.Column("justification", sa.Text()),
        sa.Column("detail", postgresql.JSONB(), nullable=False, server_default="{}"),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.UniqueConstraint("chain", "chain_seq", name="uq_audit_events_chain_seq"),
    )
    op.create_index("ix_audit_events_case_id", "audit_events", ["case_id"])
    op.create_index("ix_audit_events_agency_seq", "audit_events", ["agency", "seq"])
    op.create_table(
        "audit_chain_heads",
        sa.Column("chain", sa.String(64), primary_key=True),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.Column("last_hash", sa.String(64), nullable=False),
    )
    # The log is append-only: the database itself refuses to change or remove a row.
    op.execute(
        """
        CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP
            USING ERRCODE = 'insufficient_privilege';
        END $$;
        """
    )
    op.execute(
        "CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events "
        "FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change()"
    )
    op.execute(
        "CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events "
        "FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change()"
    )


def downgrade() -> None:
    op.drop_table("audit_chain_heads")
    op.execute("DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events")
    op.execute("DROP TRIGGER IF EXISTS audit_events_append_only ON audit_events")
    op.drop_table("audit_events")
    op.execute("DROP FUNCTION IF EXISTS audit_events_refuse_change()")
    op.drop_table("principals")
    op.drop_table("agencies")
