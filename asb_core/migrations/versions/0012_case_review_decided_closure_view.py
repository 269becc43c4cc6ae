"""The ASB Case Review decided, and closing with the victim's view.

`case_reviews` gains the steps after an application: acknowledgement, the review meeting (date,
agencies present), the outcome sent to the applicant (and when it was due), and a dissatisfied
applicant's escalation with its result. `case_review_recommendations` links each recommendation
of a meeting to the owned action and the target it became. Two target kinds are added:
`case_review_outcome` and `case_review_recommendation`. `case_closures` keeps one row per
closing of a case: the outcome, the victim's view at closure, who closed it, the case's area,
level and lead agency then, and, once reopened, when, by whom and why.

Revision ID: 0012
Revises: 0011 (the head of main when rebased: 0009, 0016, 0015, 0010, 0013, 0011)
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)
OLD_TARGET_KINDS = (
    "'first_contact', 'multi_agency', 'victim_update', 'case_review', 'hate_review', "
    "'share_with_police', 'reassessment', 'case_review_acknowledge', 'case_review_decision'"
)
NEW_TARGET_KINDS = OLD_TARGET_KINDS + ", 'case_review_outcome', 'case_review_recommendation'"


def _agency_fk(name: str, nullable: bool = True) -> sa.Column:
    return sa.Column(name, sa.Uuid(), sa.ForeignKey("agencies.id"), nullable=nullable)


def _set_target_kinds(kinds: str) -> None:
    op.drop_constraint("ck_targets_kind", "targets", type_="check")
    op.create_check_constraint("ck_targets_kind", "targets", f"kind IN ({kinds})")


def _review_columns() -> list[sa.Column]:
    return [
        sa.Column("acknowledged_at", TZ),
        _agency_fk("acknowledged_by_agency_id"),
        sa.Column("meeting_held_on", sa.Date()),
        sa.Column("meeting_agencies", postgresql.ARRAY(sa.String(63))),
        sa.Column("meeting_recorded_at", TZ),
        sa.Column("outcome_by", TZ),
        sa.Column("outcome", sa.Text()),
        sa.Column("outcome_sent_at", TZ),
        _agency_fk("outcome_recorded_by_agency_id"),
        sa.Column("escalation_requested_at", TZ),
        sa.Column("escalated_to", sa.Text()),
        sa.Column("escalation_grounds", sa.Text()),
        sa.Column("escalation_result", sa.String(32)),
        sa.Column("escalation_result_detail", sa.Text()),
        sa.Column("escalation_result_at", TZ),
    ]


def upgrade() -> None:
    for column in _review_columns():
        op.add_column("case_reviews", column)
    op.create_check_constraint(
        "ck_case_reviews_escalation_result", "case_reviews",
        "escalation_result IN ('review_upheld', 'further_action_required', 'withdrawn')")
    _set_target_kinds(NEW_TARGET_KINDS)
    op.create_table(
        "case_review_recommendations",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("review_id", sa.Uuid(), sa.ForeignKey("case_reviews.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("case_id", sa.Uuid(), sa.ForeignKey("cases.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        _agency_fk("owner_agency_id", nullable=False),
        sa.Column("due_at", TZ, nullable=False),
        sa.Column("action_id", sa.Uuid(), sa.ForeignKey("updates.id", ondelete="CASCADE"),
                  nullable=False, unique=True),
        sa.Column("target_id", sa.Uuid(), sa.ForeignKey("targets.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_index("ix_case_review_recommendations_review_id", "case_review_recommendations",
                    ["review_id"])
    op.create_table(
        "case_closures",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("case_id", sa.Uuid(), sa.ForeignKey("cases.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("closed_at", TZ, nullable=False),
        _agency_fk("closed_by_agency_id", nullable=False),
        sa.Column("closed_by_principal_id", sa.Uuid()),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("area", sa.Text(), nullable=False),
        sa.Column("risk_level", sa.String(16), nullable=False),
        _agency_fk("lead_agency_id", nullable=False),
        sa.Column("victim_satisfied", sa.String(16), nullable=False),
        sa.Column("victim_kept_informed", sa.String(16)),
        sa.Column("victim_feels_safer", sa.String(16)),
        sa.Column("victim_comment", sa.Text()),
        sa.Column("not_asked_reason", sa.Text()),
        sa.Column("reopened_at", TZ),
        _agency_fk("reopened_by_agency_id"),
        sa.Column("reopen_reason", sa.Text()),
        sa.CheckConstraint("victim_satisfied IN ('yes', 'no', 'not_asked')",
                           name="ck_case_closures_victim_satisfied"),
        sa.CheckConstraint("victim_kept_informed IN ('yes', 'no')",
                           name="ck_case_closures_victim_kept_informed"),
        sa.CheckConstraint("victim_feels_safer IN ('yes', 'no', 'not_sure')",
                           name="ck_case_closures_victim_feels_safer"),
        sa.CheckConstraint("risk_level IN ('standard', 'medium', 'high')",
                           name="ck_case_closures_risk_level"),
    )
    op.create_index("ix_case_closures_case_id_closed_at", "case_closures",
                    ["case_id", "closed_at"])
    op.create_index("ix_case_closures_closed_at", "case_closures", ["closed_at"])


def downgrade() -> None:
    op.drop_index("ix_case_closures_closed_at", "case_closures")
    op.drop_index("ix_case_closures_case_id_closed_at", "case_closures")
    op.drop_table("case_closures")
    op.drop_index("ix_case_review_recommendations_review_id", "case_review_recommendations")
    op.drop_table("case_review_recommendations")
    op.execute("DELETE FROM targets WHERE kind IN "
               "('case_review_outcome', 'case_review_recommendation')")
    _set_target_kinds(OLD_TARGET_KINDS)
    op.drop_constraint("ck_case_reviews_escalation_result", "case_reviews", type_="check")
    for column in reversed(_review_columns()):
        op.drop_column("case_reviews", column.name)
