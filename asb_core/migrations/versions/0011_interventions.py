"""Interventions against the behaviour (the ASB, Crime and Policing Act 2014 toolkit) and their
breaches. Which tools exist, who may issue them and what a breach means is data in
`asb_core/interventions/toolkit.py`; the check constraints below list its tool ids and statuses.

Revision ID: 0011
Revises: 0013 (main's head when this branch was rebased; written against 0009)
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0011"
down_revision = "0013"
branch_labels = None
depends_on = None

TOOLS = ("verbal_warning", "warning_letter", "acceptable_behaviour_agreement",
         "community_protection_warning", "community_protection_notice", "civil_injunction",
         "closure_notice", "closure_order", "criminal_behaviour_order", "possession_proceedings",
         "mediation", "support_referral")
STATUSES = ("proposed", "issued", "breached", "discharged", "expired")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def upgrade() -> None:
    op.create_table(
        "interventions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("type", sa.String(40), nullable=False),
        sa.Column("against_party_id", sa.Uuid(), nullable=True),
        sa.Column("premises", sa.Text(), nullable=True),
        sa.Column("issuing_agency_id", sa.Uuid(), nullable=False),
        sa.Column("recorded_by_agency_id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("status_reason", sa.Text(), nullable=True),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("served_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("conditions", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("documents", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("power_of_arrest", sa.Boolean(), nullable=False),
        sa.Column("court", sa.Text(), nullable=True),
        sa.Column("breach_count", sa.Integer(), nullable=False),
        sa.Column("last_breach_incident_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(_in("type", TOOLS), name="ck_interventions_type"),
        sa.CheckConstraint(_in("status", STATUSES), name="ck_interventions_status"),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE",
                                name="fk_interventions_case_id_cases"),
        sa.ForeignKeyConstraint(["against_party_id"], ["parties.id"], ondelete="CASCADE",
                                name="fk_interventions_against_party_id_parties"),
        sa.ForeignKeyConstraint(["issuing_agency_id"], ["agencies.id"],
                                name="fk_interventions_issuing_agency_id_agencies"),
        sa.ForeignKeyConstraint(["recorded_by_agency_id"], ["agencies.id"],
                                name="fk_interventions_recorded_by_agency_id_agencies"),
        sa.PrimaryKeyConstraint("id", name="pk_interventions"),
    )
    op.create_index("ix_interventions_case_id_created_at_id", "interventions",
                    ["case_id", "created_at", "id"])
    op.create_table(
        "intervention_breaches",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("intervention_id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("incident_id", sa.Uuid(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by_agency_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(["intervention_id"], ["interventions.id"], ondelete="CASCADE",
                                name="fk_intervention_breaches_intervention_id_interventions"),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], ondelete="CASCADE",
                                name="fk_intervention_breaches_case_id_cases"),
        sa.ForeignKeyConstraint(["incident_id"], ["incidents.id"], ondelete="CASCADE",
                                name="fk_intervention_breaches_incident_id_incidents"),
        sa.ForeignKeyConstraint(["recorded_by_agency_id"], ["agencies.id"],
                                name="fk_intervention_breaches_recorded_by_agency_id_agencies"),
        sa.PrimaryKeyConstraint("id", name="pk_intervention_breaches"),
        sa.UniqueConstraint("incident_id", name="uq_intervention_breaches_incident_id"),
    )
    op.create_index("ix_intervention_breaches_intervention_id", "intervention_breaches",
                    ["intervention_id"])


def downgrade() -> None:
    op.drop_index("ix_intervention_breaches_intervention_id", "intervention_breaches")
    op.drop_table("intervention_breaches")
    op.drop_index("ix_interventions_case_id_created_at_id", "interventions")
    op.drop_table("interventions")
