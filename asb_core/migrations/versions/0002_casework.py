"""Casework: cases, members, parties (restricted identity apart), diary entries, incidents,
assessments, updates and actions, targets, escalation flags and state, case reviews, the case
timeline and idempotency keys.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

LEVELS = "'standard', 'medium', 'high'"
TARGET_KINDS = (
    "'first_contact', 'multi_agency', 'victim_update', 'case_review', 'hate_review', "
    "'share_with_police', 'reassessment', 'case_review_acknowledge', 'case_review_decision'"
)
TZ = sa.DateTime(timezone=True)


def _uuid_pk() -> sa.Column:
    return sa.Column("id", sa.Uuid(), primary_key=True)


def _case_fk() -> sa.Column:
    return sa.Column(
        "case_id", sa.Uuid(), sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False
    )


def _agency_fk(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.Uuid(), sa.ForeignKey("agencies.id"), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "case_reference_counters",
        sa.Column("year", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("last", sa.Integer(), nullable=False),
    )
    op.create_table(
        "cases",
        _uuid_pk(),
        sa.Column("reference", sa.String(32), nullable=False),
        sa.Column("area", sa.Text(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("risk_level", sa.String(16), nullable=False),
        _agency_fk("lead_agency_id"),
        _agency_fk("created_by_agency_id"),
        sa.Column("created_by_principal_id", sa.Uuid()),
        sa.Column("summary", sa.Text()),
        sa.Column("outcome", sa.Text()),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("opened_at", TZ, nullable=False),
        sa.Column("closed_at", TZ),
        sa.Column("updated_at", TZ, nullable=False),
        sa.CheckConstraint(
            "status IN ('open', 'active', 'review', 'closed')", name="ck_cases_status"
        ),
        sa.CheckConstraint(f"risk_level IN ({LEVELS})", name="ck_cases_risk_level"),
        sa.UniqueConstraint("reference", name="uq_cases_reference"),
    )
    # Keyset listing (newest first) and the call handler's "cases I opened".
    op.create_index("ix_cases_opened_at_id", "cases", ["opened_at", "id"])
    op.create_index(
        "ix_cases_created_by_principal_id", "cases", ["created_by_principal_id", "opened_at"]
    )

    op.create_table(
        "case_members",
        _uuid_pk(),
        _case_fk(),
        _agency_fk("agency_id"),
        sa.Column("since", TZ, nullable=False),
        _agency_fk("invited_by_agency_id", nullable=True),
        sa.Column("consent_basis", sa.String(16), nullable=False),
        sa.Column("legal_basis", sa.Text()),
        sa.CheckConstraint(
            "consent_basis IN ('consent', 'legal_basis')", name="ck_case_members_consent_basis"
        ),
        # (agency_id, case_id): every access check is "is this agency a member of this case".
        sa.UniqueConstraint("agency_id", "case_id", name="uq_case_members_agency_id"),
    )
    op.create_index("ix_case_members_case_id", "case_members", ["case_id"])

    op.create_table(
        "case_escalation_states",
        sa.Column(
            "case_id", sa.Uuid(), sa.ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("policy_version", sa.String(64), nullable=False),
        sa.Column("state", postgresql.JSONB(), nullable=False),
        sa.Column("incidents", sa.Integer(), nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
    )
    op.create_table(
        "case_events",
        sa.Column("seq", sa.BigInteger(), sa.Identity(always=True), primary_key=True),
        _case_fk(),
        sa.Column("at", TZ, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("entity_id", sa.Uuid()),
        sa.Column("agency", sa.String(63)),
        sa.Column("summary", postgresql.JSONB(), nullable=False),
    )
    op.create_index("ix_case_events_case_id_at_seq", "case_events", ["case_id", "at", "seq"])

    op.create_table(
        "parties",
        _uuid_pk(),
        _case_fk(),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("display_name", sa.Text(), nullable=False),
        sa.Column("description", sa.Text()),
        sa.Column("consent_state", sa.String(16), nullable=False),
        sa.Column("consent_recorded_at", TZ),
        sa.Column("consent_legal_basis", sa.Text()),
        _agency_fk("created_by_agency_id", nullable=True),
        sa.Column("created_at", TZ, nullable=False),
        sa.CheckConstraint(
            "role IN ('victim', 'complainant', 'alleged_perpetrator', 'witness')",
            name="ck_parties_role",
        ),
        sa.CheckConstraint(
            "consent_state IN ('given', 'refused', 'not_asked')", name="ck_parties_consent_state"
        ),
    )
    op.create_index("ix_parties_case_id", "parties", ["case_id"])
    op.create_table(
        "party_identities",
        sa.Column(
            "party_id",
            sa.Uuid(),
            sa.ForeignKey("parties.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("name", sa.Text()),
        sa.Column("phone", sa.Text()),
        sa.Column("email", sa.Text()),
        sa.Column("address", sa.Text()),
        sa.Column("date_of_birth", sa.Date()),
    )

    op.create_table(
        "diary_entries",
        _uuid_pk(),
        _case_fk(),
        sa.Column("started_at", TZ, nullable=False),
        sa.Column("duration_minutes", sa.Integer()),
        sa.Column("location", sa.Text()),
        sa.Column("what_happened", sa.Text(), nullable=False),
        sa.Column("responsible", sa.Text()),
        sa.Column("witnesses", sa.Text()),
        sa.Column("effect_on_victim", sa.Text()),
        sa.Column("reported_to", sa.Text()),
        sa.Column("reported_reference", sa.Text()),
        sa.Column("category", sa.String(64), nullable=False),
        sa.Column("nsir_type", sa.String(32), nullable=False),
        sa.Column("severity", sa.Integer(), nullable=False),
        sa.Column("hostility_perceived", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("hostility_perceived_by", sa.String(16)),
        sa.Column("hostility_asked", sa.Boolean(), nullable=False),
        sa.Column("victim_feels_targeted", sa.Boolean()),
        sa.Column("source_system", sa.Text()),
        sa.Column("amends", sa.Uuid(), sa.ForeignKey("diary_entries.id")),
        _agency_fk("author_agency_id"),
        sa.Column("recorded_at", TZ, nullable=False),
        sa.Column("acknowledged_at", TZ, nullable=False),
        sa.Column("acknowledgement_reference", sa.String(40), nullable=False),
        sa.CheckConstraint(
            "hostility_perceived_by IS NULL OR hostility_perceived_by IN "
            "('victim', 'witness', 'officer', 'other')",
            name="ck_diary_entries_perceived_by",
        ),
    )
    op.create_index(
        "ix_diary_entries_case_id_recorded_at_id",
        "diary_entries",
        ["case_id", "recorded_at", "id"],
    )
    # Entries are evidence: the database refuses to change one (a correction is a new entry).
    op.execute(
        """
        CREATE FUNCTION diary_entries_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'diary entries are immutable: add an amending entry instead'
            USING ERRCODE = 'insufficient_privilege';
        END $$;
        """
    )
    op.execute(
        "CREATE TRIGGER diary_entries_immutable BEFORE UPDATE ON diary_entries "
        "FOR EACH ROW EXECUTE FUNCTION diary_entries_refuse_update()"
    )

    op.create_table(
        "incidents",
        _uuid_pk(),
        _case_fk(),
        sa.Column("diary_entry_id", sa.Uuid(), sa.ForeignKey("diary_entries.id")),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("occurred_at", TZ, nullable=False),
        sa.Column("reported_at", TZ, nullable=False),
        sa.Column("category", sa.String(64), nullable=False),
        sa.Column("nsir_type", sa.String(32), nullable=False),
        sa.Column("severity", sa.Integer(), nullable=False),
        sa.Column("hostility_strands", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("hostility_perceived_by", sa.String(16)),
        sa.Column("hostility_asked", sa.Boolean(), nullable=False),
        sa.Column("victim_feels_targeted", sa.Boolean()),
        _agency_fk("reported_by_agency_id", nullable=True),
        sa.Column("same_as", sa.Uuid()),
        sa.CheckConstraint(
            "source IN ('diary_entry', 'officer_report')", name="ck_incidents_source"
        ),
        sa.UniqueConstraint("diary_entry_id", name="uq_incidents_diary_entry_id"),
    )
    op.create_index("ix_incidents_case_id_occurred_at", "incidents", ["case_id", "occurred_at"])

    op.create_table(
        "idempotency_keys",
        _agency_fk("agency_id"),
        sa.Column("key", sa.String(255), nullable=False),
        sa.Column("fingerprint", sa.String(128), nullable=False),
        sa.Column("case_id", sa.Uuid()),
        sa.Column("resource_type", sa.String(32), nullable=False),
        sa.Column("resource_id", sa.Uuid()),
        sa.Column("created_at", TZ, nullable=False),
        sa.PrimaryKeyConstraint("agency_id", "key", name="pk_idempotency_keys"),
    )

    op.create_table(
        "assessments",
        _uuid_pk(),
        _case_fk(),
        sa.Column("answers", postgresql.JSONB(), nullable=False),
        sa.Column("policy_version", sa.String(64), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("computed_level", sa.String(16), nullable=False),
        sa.Column("level", sa.String(16), nullable=False),
        sa.Column("reasons", postgresql.JSONB(), nullable=False),
        sa.Column("judgement", postgresql.JSONB()),
        sa.Column("assessed_at", TZ, nullable=False),
        _agency_fk("assessed_by_agency_id"),
        sa.Column("assessed_by_principal_id", sa.Uuid()),
        sa.CheckConstraint(f"level IN ({LEVELS})", name="ck_assessments_level"),
        sa.CheckConstraint(f"computed_level IN ({LEVELS})", name="ck_assessments_computed_level"),
    )
    op.create_index(
        "ix_assessments_case_id_assessed_at_id", "assessments", ["case_id", "assessed_at", "id"]
    )

    op.create_table(
        "updates",
        _uuid_pk(),
        _case_fk(),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        _agency_fk("author_agency_id"),
        _agency_fk("owner_agency_id", nullable=True),
        sa.Column("due_at", TZ),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("done_at", TZ),
        sa.Column("created_at", TZ, nullable=False),
        sa.CheckConstraint(
            "kind IN ('update', 'action', 'victim_update')", name="ck_updates_kind"
        ),
    )
    op.create_index("ix_updates_case_id_created_at_id", "updates", ["case_id", "created_at", "id"])

    op.create_table(
        "targets",
        _uuid_pk(),
        _case_fk(),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("level", sa.String(16)),
        sa.Column("recurring", sa.Boolean(), nullable=False),
        sa.Column("started_at", TZ, nullable=False),
        sa.Column("due_at", TZ, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("met_at", TZ),
        _agency_fk("met_by_agency_id", nullable=True),
        sa.Column("late_reason", sa.Text()),
        sa.Column("closed_at", TZ),
        sa.Column("created_at", TZ, nullable=False),
        sa.CheckConstraint("state IN ('due', 'met', 'breached')", name="ck_targets_state"),
        sa.CheckConstraint(f"kind IN ({TARGET_KINDS})", name="ck_targets_kind"),
    )
    # Work queues and the breach sweep walk open targets in due order, joined to the agency's
    # memberships through uq_case_members_agency_id; partial so met targets cost nothing.
    op.create_index(
        "ix_targets_open_due_at",
        "targets",
        ["due_at", "id"],
        postgresql_where=sa.text("state = 'due' AND closed_at IS NULL"),
    )
    # "Breached" = swept to breached, or still due but past due: one index serves both.
    op.create_index(
        "ix_targets_unmet_due_at",
        "targets",
        ["due_at", "id"],
        postgresql_where=sa.text("state IN ('due', 'breached') AND closed_at IS NULL"),
    )
    op.create_index("ix_targets_case_id_kind", "targets", ["case_id", "kind"])

    op.create_table(
        "escalation_flags",
        _uuid_pk(),
        _case_fk(),
        sa.Column("rule_id", sa.String(32), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("evidence", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("raised_at", TZ, nullable=False),
        sa.Column("cleared_at", TZ),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("follow_up_target_id", sa.Uuid(), sa.ForeignKey("targets.id")),
        sa.CheckConstraint(
            "source IN ('assessment', 'incidents')", name="ck_escalation_flags_source"
        ),
    )
    op.create_index(
        "uq_escalation_flags_open_rule",
        "escalation_flags",
        ["case_id", "rule_id"],
        unique=True,
        postgresql_where=sa.text("cleared_at IS NULL"),
    )
    op.create_index(
        "ix_escalation_flags_case_id_raised_at", "escalation_flags", ["case_id", "raised_at"]
    )

    op.create_table(
        "case_reviews",
        _uuid_pk(),
        _case_fk(),
        sa.Column("applicant_description", sa.Text(), nullable=False),
        sa.Column("applied_at", TZ, nullable=False),
        sa.Column("logged_at", TZ, nullable=False),
        _agency_fk("logged_by_agency_id"),
        sa.Column("qualifying", sa.Boolean()),
        sa.Column("acknowledge_by", TZ, nullable=False),
        sa.Column("decide_by", TZ, nullable=False),
        sa.Column("decision", sa.Text()),
        sa.Column("threshold_met", sa.Boolean()),
        sa.Column("decided_at", TZ),
        _agency_fk("decided_by_agency_id", nullable=True),
    )
    op.create_index(
        "ix_case_reviews_case_id_applied_at", "case_reviews", ["case_id", "applied_at"]
    )


def downgrade() -> None:
    op.drop_table("case_reviews")
    op.drop_table("escalation_flags")
    op.drop_table("targets")
    op.drop_table("updates")
    op.drop_table("assessments")
    op.drop_table("idempotency_keys")
    op.drop_table("incidents")
    op.execute("DROP TRIGGER IF EXISTS diary_entries_immutable ON diary_entries")
    op.drop_table("diary_entries")
    op.execute("DROP FUNCTION IF EXISTS diary_entries_refuse_update()")
    op.drop_table("party_identities")
    op.drop_table("parties")
    op.drop_table("case_events")
    op.drop_table("case_escalation_states")
    op.drop_table("case_members")
    op.drop_table("cases")
    op.drop_table("case_reference_counters")
