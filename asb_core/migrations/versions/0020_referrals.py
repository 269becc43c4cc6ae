"""Referral pathways: the service directory (Open Referral UK's organization and service, with
areas, needs, eligibility, contacts, schedules and opening hours as minutes of the week), and
referrals with their restricted disclosures; targets gain the `referral_handover` kind and
webhooks the `referral.changed` event type.

Revision ID: 0020
Revises: 0021 (main's head when this branch was rebased; written against 0012)
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0020"
down_revision = "0021"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)
STATUSES = ("active", "inactive", "defunct", "temporarily closed")
METHODS = ("api", "email", "phone")
STATES = ("sent", "accepted", "declined", "no_response", "closed")
BASES = ("consent", "legal_basis")
TARGET_KINDS_BEFORE = (
    "first_contact", "multi_agency", "victim_update", "case_review", "hate_review",
    "share_with_police", "reassessment", "case_review_acknowledge", "case_review_decision",
    "case_review_outcome", "case_review_recommendation")
TARGET_KINDS_AFTER = TARGET_KINDS_BEFORE + ("referral_handover",)


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


EVENT_TYPES_BEFORE = ("case.shared", "case.level_changed", "escalation.raised", "target.due_soon",
                      "target.breached", "diary_entry.added", "case.closed")
EVENT_TYPES_AFTER = EVENT_TYPES_BEFORE + ("referral.changed",)


def _event_types(types: tuple[str, ...]) -> None:
    """The webhook event types allowed in subscriptions and the outbox (the referrals slice
    writes `referral.changed` itself; the timeline trigger is unchanged)."""
    listed = ", ".join(repr(t) for t in types)
    op.drop_constraint("ck_webhook_subscriptions_event_types", "webhook_subscriptions",
                       type_="check")
    op.create_check_constraint(
        "ck_webhook_subscriptions_event_types", "webhook_subscriptions",
        f"cardinality(event_types) > 0 AND event_types <@ ARRAY[{listed}]::text[]")
    op.drop_constraint("ck_outbox_events_event_type", "outbox_events", type_="check")
    op.create_check_constraint("ck_outbox_events_event_type", "outbox_events",
                               _in("event_type", types))


def _target_kinds(kinds: tuple[str, ...]) -> None:
    op.drop_constraint("ck_targets_kind", "targets", type_="check")
    op.create_check_constraint("ck_targets_kind", "targets", _in("kind", kinds))


def upgrade() -> None:
    op.create_table(
        "directory_organizations",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("oruk_id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("description", sa.Text()),
        sa.Column("email", sa.Text()),
        sa.Column("website", sa.Text()),
        sa.Column("agency_id", sa.Uuid()),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
        sa.ForeignKeyConstraint(["agency_id"], ["agencies.id"],
                                name="fk_directory_organizations_agency_id_agencies"),
        sa.PrimaryKeyConstraint("id", name="pk_directory_organizations"),
        sa.UniqueConstraint("oruk_id", name="uq_directory_organizations_oruk_id"),
    )
    op.create_table(
        "directory_services",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("oruk_id", sa.Text(), nullable=False),
        sa.Column("organization_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("description", sa.Text()),
        sa.Column("url", sa.Text()),
        sa.Column("email", sa.Text()),
        sa.Column("status", sa.String(24), nullable=False),
        sa.Column("areas", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("needs", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("eligibility_description", sa.Text()),
        sa.Column("minimum_age", sa.Integer()),
        sa.Column("maximum_age", sa.Integer()),
        sa.Column("contacts", postgresql.JSONB(), nullable=False),
        sa.Column("schedules", postgresql.JSONB(), nullable=False),
        sa.Column("out_of_hours", sa.Boolean(), nullable=False),
        sa.Column("referral_method", sa.String(16), nullable=False),
        sa.Column("referral_email", sa.Text()),
        sa.Column("referral_phone", sa.Text()),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
        sa.CheckConstraint(_in("status", STATUSES), name="ck_directory_services_status"),
        sa.CheckConstraint(_in("referral_method", METHODS),
                           name="ck_directory_services_referral_method"),
        sa.ForeignKeyConstraint(["organization_id"], ["directory_organizations.id"],
                                name="fk_directory_services_organization_id_directory_organizations"),
        sa.PrimaryKeyConstraint("id", name="pk_directory_services"),
        sa.UniqueConstraint("oruk_id", name="uq_directory_services_oruk_id"),
    )
    op.create_index("ix_directory_services_organization_id", "directory_services",
                    ["organization_id"])
    op.create_index("ix_directory_services_areas", "directory_services", ["areas"],
                    postgresql_using="gin")
    op.create_index("ix_directory_services_needs", "directory_services", ["needs"],
                    postgresql_using="gin")
    op.create_table(
        "directory_opening_hours",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.Column("starts", sa.Integer(), nullable=False),
        sa.Column("ends", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["service_id"], ["directory_services.id"], ondelete="CASCADE",
                                name="fk_directory_opening_hours_service_id_directory_services"),
        sa.PrimaryKeyConstraint("id", name="pk_directory_opening_hours"),
    )
    op.create_index("ix_directory_opening_hours_service_id", "directory_opening_hours",
                    ["service_id", "starts"])
    op.create_table(
        "referrals",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("service_id", sa.Uuid(), nullable=False),
        sa.Column("party_id", sa.Uuid(), nullable=False),
        sa.Column("referring_agency_id", sa.Uuid(), nullable=False),
        sa.Column("receiving_agency_id", sa.Uuid()),
        sa.Column("need", sa.String(40), nullable=False),
        sa.Column("level", sa.String(16), nullable=False),
        sa.Column("area", sa.Text(), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("consent_basis", sa.String(16), nullable=False),
        sa.Column("legal_basis", sa.Text()),
        sa.Column("shared_fields", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("reason", sa.Text()),
        sa.Column("outcome", sa.String(16)),
        sa.Column("handover_target_id", sa.Uuid()),
        sa.Column("created_by_principal_id", sa.Uuid()),
        sa.Column("sent_at", TZ, nullable=False),
        sa.Column("answered_at", TZ),
        sa.Column("accepted_at", TZ),
        sa.Column("closed_at", TZ),
        sa.Column("updated_at", TZ, nullable=False),
        sa.CheckConstraint(_in("state", STATES), name="ck_referrals_state"),
        sa.CheckConstraint(_in("consent_basis", BASES), name="ck_referrals_consent_basis"),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE",
                                name="fk_referrals_case_id_cases"),
        sa.ForeignKeyConstraint(["service_id"], ["directory_services.id"],
                                name="fk_referrals_service_id_directory_services"),
        sa.ForeignKeyConstraint(["party_id"], ["parties.id"], ondelete="CASCADE",
                                name="fk_referrals_party_id_parties"),
        sa.ForeignKeyConstraint(["referring_agency_id"], ["agencies.id"],
                                name="fk_referrals_referring_agency_id_agencies"),
        sa.ForeignKeyConstraint(["receiving_agency_id"], ["agencies.id"],
                                name="fk_referrals_receiving_agency_id_agencies"),
        sa.ForeignKeyConstraint(["handover_target_id"], ["targets.id"], ondelete="SET NULL",
                                name="fk_referrals_handover_target_id_targets"),
        sa.PrimaryKeyConstraint("id", name="pk_referrals"),
    )
    op.create_index("ix_referrals_case_id_sent_at", "referrals", ["case_id", "sent_at", "id"])
    op.create_index("ix_referrals_receiving_agency_id_sent_at", "referrals",
                    ["receiving_agency_id", "sent_at", "id"])
    op.create_table(
        "referral_disclosures",
        sa.Column("referral_id", sa.Uuid(), nullable=False),
        sa.Column("data", postgresql.JSONB(), nullable=False),
        sa.ForeignKeyConstraint(["referral_id"], ["referrals.id"], ondelete="CASCADE",
                                name="fk_referral_disclosures_referral_id_referrals"),
        sa.PrimaryKeyConstraint("referral_id", name="pk_referral_disclosures"),
    )
    _target_kinds(TARGET_KINDS_AFTER)
    _event_types(EVENT_TYPES_AFTER)


def downgrade() -> None:
    op.execute("DELETE FROM outbox_events WHERE event_type = 'referral.changed'")
    op.execute("UPDATE webhook_subscriptions SET event_types = "
               "array_remove(event_types, 'referral.changed')")
    op.execute("DELETE FROM webhook_subscriptions WHERE cardinality(event_types) = 0")
    _event_types(EVENT_TYPES_BEFORE)
    op.execute("DELETE FROM targets WHERE kind = 'referral_handover'")
    _target_kinds(TARGET_KINDS_BEFORE)
    op.drop_table("referral_disclosures")
    op.drop_index("ix_referrals_receiving_agency_id_sent_at", "referrals")
    op.drop_index("ix_referrals_case_id_sent_at", "referrals")
    op.drop_table("referrals")
    op.drop_index("ix_directory_opening_hours_service_id", "directory_opening_hours")
    op.drop_table("directory_opening_hours")
    op.drop_index("ix_directory_services_needs", "directory_services")
    op.drop_index("ix_directory_services_areas", "directory_services")
    op.drop_index("ix_directory_services_organization_id", "directory_services")
    op.drop_table("directory_services")
    op.drop_table("directory_organizations")
