"""ASB Case Review ("Community Trigger") applications on a case, and the recommendations of
their review meetings.

An application moves through its steps on the row itself: acknowledged, threshold decided (met or
not, with the reason the applicant is told), the review meeting (date, agencies present), the
outcome sent to the applicant, and a dissatisfied applicant's escalation (in England to the
Police and Crime Commissioner) with its result. Each step is recorded once. Nothing here
identifies the applicant: `applicant_description` is a non-identifying label.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column, relationship

from asb_core.agencies.models import Agency
from asb_core.orm import Base, agency_fk, case_fk, one_of, utcnow, uuid_pk

ESCALATION_RESULTS = ("review_upheld", "further_action_required", "withdrawn")


class CaseReview(Base):
    """An ASB Case Review ("Community Trigger") application logged on a case."""

    __tablename__ = "case_reviews"
    __table_args__ = (
        Index("ix_case_reviews_case_id_applied_at", "case_id", "applied_at"),
        one_of("escalation_result", ESCALATION_RESULTS),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    case_id: Mapped[uuid.UUID] = case_fk()
    applicant_description: Mapped[str] = mapped_column(Text)
    applied_at: Mapped[datetime] = mapped_column()
    logged_at: Mapped[datetime] = mapped_column(default=utcnow)
    logged_by_agency_id: Mapped[uuid.UUID] = agency_fk()
    qualifying: Mapped[bool | None] = mapped_column(Boolean)
    acknowledge_by: Mapped[datetime] = mapped_column()
    decide_by: Mapped[datetime] = mapped_column()
    decision: Mapped[str | None] = mapped_column(Text)
    threshold_met: Mapped[bool | None] = mapped_column(Boolean)
    decided_at: Mapped[datetime | None] = mapped_column()
    decided_by_agency_id: Mapped[uuid.UUID | None] = agency_fk()
    acknowledged_at: Mapped[datetime | None] = mapped_column()
    acknowledged_by_agency_id: Mapped[uuid.UUID | None] = agency_fk()
    meeting_held_on: Mapped[date | None] = mapped_column(Date)
    meeting_agencies: Mapped[list[str] | None] = mapped_column(ARRAY(String(63)))
    meeting_recorded_at: Mapped[datetime | None] = mapped_column()
    outcome_by: Mapped[datetime | None] = mapped_column()
    outcome: Mapped[str | None] = mapped_column(Text)
    outcome_sent_at: Mapped[datetime | None] = mapped_column()
    outcome_recorded_by_agency_id: Mapped[uuid.UUID | None] = agency_fk()
    escalation_requested_at: Mapped[datetime | None] = mapped_column()
    escalated_to: Mapped[str | None] = mapped_column(Text)
    escalation_grounds: Mapped[str | None] = mapped_column(Text)
    escalation_result: Mapped[str | None] = mapped_column(String(32))
    escalation_result_detail: Mapped[str | None] = mapped_column(Text)
    escalation_result_at: Mapped[datetime | None] = mapped_column()

    # The meeting's recommendations, set by the service when it reads or writes the application.
    recommendations: tuple = ()


class CaseReviewRecommendation(Base):
    """A recommendation of a review meeting: an action owned by a member agency, with a target
    due when the recommendation is (met when the action is done)."""

    __tablename__ = "case_review_recommendations"
    __table_args__ = (Index("ix_case_review_recommendations_review_id", "review_id"),)

    id: Mapped[uuid.UUID] = uuid_pk()
    review_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("case_reviews.id", ondelete="CASCADE"))
    case_id: Mapped[uuid.UUID] = case_fk()
    text: Mapped[str] = mapped_column(Text)
    owner_agency_id: Mapped[uuid.UUID] = agency_fk()
    due_at: Mapped[datetime] = mapped_column()
    action_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("updates.id", ondelete="CASCADE"), unique=True)
    target_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("targets.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    owner_agency: Mapped[Agency] = relationship(lazy="joined")

    @property
    def owner_agency_slug(self) -> str:
        return self.owner_agency.slug
