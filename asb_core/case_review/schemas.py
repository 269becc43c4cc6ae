"""Input models of the case review slice: logging an ASB Case Review application and recording
each step after it (acknowledgement, threshold decision, review meeting with recommendations,
outcome sent, escalation and its result). These are the only validation of those bodies."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StrictBool, StringConstraints, field_validator

from asb_core.validation import AwareDateTimeIn, DateIn, DateTimeIn, Short, Strict

Reason = Annotated[str, StringConstraints(min_length=1, max_length=2000, pattern=r"\S")]
LongText = Annotated[str, StringConstraints(min_length=1, max_length=5000, pattern=r"\S")]


class CaseReviewIn(Strict):
    applicant_description: Annotated[str, StringConstraints(min_length=1, max_length=2000)]
    applied_at: DateTimeIn | None = None


class AcknowledgementIn(Strict):
    """The applicant was sent an acknowledgement (default now)."""

    acknowledged_at: AwareDateTimeIn | None = None
    late_reason: Reason | None = None


class DecisionIn(Strict):
    """The threshold decision and the reason the applicant is told."""

    threshold_met: StrictBool
    decision: LongText
    late_reason: Reason | None = None


class RecommendationIn(Strict):
    text: LongText
    owner_agency: Short
    due_at: AwareDateTimeIn


class MeetingIn(Strict):
    """The review meeting: when it was held, who attended, what it recommended."""

    held_on: DateIn
    agencies_present: Annotated[list[Short], Field(min_length=1, max_length=30)]
    recommendations: Annotated[list[RecommendationIn], Field(max_length=50)] = Field(
        default_factory=list)

    @field_validator("agencies_present")
    @classmethod
    def _each_once(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("name each agency once")
        return value


class OutcomeIn(Strict):
    """The result of the review and its recommendations, as sent to the applicant."""

    outcome: LongText
    sent_at: AwareDateTimeIn | None = None
    late_reason: Reason | None = None


class EscalationIn(Strict):
    """A dissatisfied applicant asks for the review to be escalated (in England to the Police
    and Crime Commissioner)."""

    requested_at: AwareDateTimeIn | None = None
    escalated_to: Short = "police_and_crime_commissioner"
    grounds: Reason


class EscalationResultIn(Strict):
    result: Literal["review_upheld", "further_action_required", "withdrawn"]
    detail: LongText
    decided_at: AwareDateTimeIn | None = None
