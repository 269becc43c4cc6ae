from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.case_review_escalation import CaseReviewEscalation
    from ..models.case_review_meeting import CaseReviewMeeting
    from ..models.case_review_recommendation import CaseReviewRecommendation


T = TypeVar("T", bound="CaseReview")


@_attrs_define
class CaseReview:
    """
    Example:
        {'id': '8f7e6d5c-4b3a-4291-8e0f-1a2b3c4d5e6f', 'case_id': '5b1f0c7e-3c1a-4a8e-9a55-0d2f6b7c9e14', 'applicant':
            'The victim, by phone to the council contact centre', 'applied_at': '2025-04-02T14:10:00Z', 'qualifying': True,
            'acknowledge_by': '2025-04-04T22:59:59Z', 'decide_by': '2025-04-24T22:59:59Z', 'decision': 'Met - three
            complaints about separate incidents within six months.', 'decided_at': '2025-04-10T09:00:00Z',
            'acknowledged_at': '2025-04-03T11:20:00Z', 'threshold_met': True, 'outcome_by': '2025-05-16T22:59:59Z',
            'outcome': None, 'outcome_sent_at': None, 'meeting': {'held_on': '2025-04-28', 'agencies_present': ['fen-
            council', 'cambs-police', 'fen-housing']}, 'recommendations': [{'id': '0b1c2d3e-4f50-4617-8283-94a5b6c7d8e9',
            'text': 'Serve a Community Protection Warning on the neighbour.', 'owner_agency': 'fen-council', 'due_at':
            '2025-05-09T17:00:00Z', 'action_id': '1c2d3e4f-5061-4728-9394-a5b6c7d8e9f0', 'target_id':
            '2d3e4f50-6172-4839-a4a5-b6c7d8e9f001'}], 'escalation': None}

    Attributes:
        id (UUID):
        case_id (UUID):
        applicant (str):
        applied_at (datetime.datetime):
        qualifying (bool | None): Whether the case met the review threshold when the application was logged.
        acknowledge_by (datetime.datetime):
        decide_by (datetime.datetime):
        decision (None | str): The threshold decision as told to the applicant, with its reason.
        decided_at (datetime.datetime | None):
        acknowledged_at (datetime.datetime | None):
        threshold_met (bool | None):
        outcome_by (datetime.datetime | None): When the outcome is due (set when the threshold is decided met).
        outcome (None | str): The result of the review and its recommendations, as sent to the applicant.
        outcome_sent_at (datetime.datetime | None):
        meeting (CaseReviewMeeting | None):
        recommendations (list[CaseReviewRecommendation]):
        escalation (CaseReviewEscalation | None):
    """

    id: UUID
    case_id: UUID
    applicant: str
    applied_at: datetime.datetime
    qualifying: bool | None
    acknowledge_by: datetime.datetime
    decide_by: datetime.datetime
    decision: None | str
    decided_at: datetime.datetime | None
    acknowledged_at: datetime.datetime | None
    threshold_met: bool | None
    outcome_by: datetime.datetime | None
    outcome: None | str
    outcome_sent_at: datetime.datetime | None
    meeting: CaseReviewMeeting | None
    recommendations: list[CaseReviewRecommendation]
    escalation: CaseReviewEscalation | None

    def to_dict(self) -> dict[str, Any]:
        from ..models.case_review_escalation import CaseReviewEscalation  # noqa: PLC0415
        from ..models.case_review_meeting import CaseReviewMeeting  # noqa: PLC0415

        id = str(self.id)

        case_id = str(self.case_id)

        applicant = self.applicant

        applied_at = self.applied_at.isoformat()

        qualifying: bool | None
        qualifying = self.qualifying

        acknowledge_by = self.acknowledge_by.isoformat()

        decide_by = self.decide_by.isoformat()

        decision: None | str
        decision = self.decision

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        acknowledged_at: None | str
        if isinstance(self.acknowledged_at, datetime.datetime):
            acknowledged_at = self.acknowledged_at.isoformat()
        else:
            acknowledged_at = self.acknowledged_at

        threshold_met: bool | None
        threshold_met = self.threshold_met

        outcome_by: None | str
        if isinstance(self.outcome_by, datetime.datetime):
            outcome_by = self.outcome_by.isoformat()
        else:
            outcome_by = self.outcome_by

        outcome: None | str
        outcome = self.outcome

        outcome_sent_at: None | str
        if isinstance(self.outcome_sent_at, datetime.datetime):
            outcome_sent_at = self.outcome_sent_at.isoformat()
        else:
            outcome_sent_at = self.outcome_sent_at

        meeting: dict[str, Any] | None
        if isinstance(self.meeting, CaseReviewMeeting):
            meeting = self.meeting.to_dict()
        else:
            meeting = self.meeting

        recommendations = []
        for recommendations_item_data in self.recommendations:
            recommendations_item = recommendations_item_data.to_dict()
            recommendations.append(recommendations_item)

        escalation: dict[str, Any] | None
        if isinstance(self.escalation, CaseReviewEscalation):
            escalation = self.escalation.to_dict()
        else:
            escalation = self.escalation

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "case_id": case_id,
                "applicant": applicant,
                "applied_at": applied_at,
                "qualifying": qualifying,
                "acknowledge_by": acknowledge_by,
                "decide_by": decide_by,
                "decision": decision,
                "decided_at": decided_at,
                "acknowledged_at": acknowledged_at,
                "threshold_met": threshold_met,
                "outcome_by": outcome_by,
                "outcome": outcome,
                "outcome_sent_at": outcome_sent_at,
                "meeting": meeting,
                "recommendations": recommendations,
                "escalation": escalation,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.case_review_escalation import CaseReviewEscalation  # noqa: PLC0415
        from ..models.case_review_meeting import CaseReviewMeeting  # noqa: PLC0415
        from ..models.case_review_recommendation import CaseReviewRecommendation  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        case_id = UUID(d.pop("case_id"))

        applicant = d.pop("applicant")

        applied_at = datetime.datetime.fromisoformat(d.pop("applied_at"))

        def _parse_qualifying(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        qualifying = _parse_qualifying(d.pop("qualifying"))

        acknowledge_by = datetime.datetime.fromisoformat(d.pop("acknowledge_by"))

        decide_by = datetime.datetime.fromisoformat(d.pop("decide_by"))

        def _parse_decision(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decision = _parse_decision(d.pop("decision"))

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        def _parse_acknowledged_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                acknowledged_at_type_0 = datetime.datetime.fromisoformat(data)

                return acknowledged_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        acknowledged_at = _parse_acknowledged_at(d.pop("acknowledged_at"))

        def _parse_threshold_met(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        threshold_met = _parse_threshold_met(d.pop("threshold_met"))

        def _parse_outcome_by(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_by_type_0 = datetime.datetime.fromisoformat(data)

                return outcome_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        outcome_by = _parse_outcome_by(d.pop("outcome_by"))

        def _parse_outcome(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outcome = _parse_outcome(d.pop("outcome"))

        def _parse_outcome_sent_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_sent_at_type_0 = datetime.datetime.fromisoformat(data)

                return outcome_sent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        outcome_sent_at = _parse_outcome_sent_at(d.pop("outcome_sent_at"))

        def _parse_meeting(data: object) -> CaseReviewMeeting | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                meeting_type_1 = CaseReviewMeeting.from_dict(data)

                return meeting_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CaseReviewMeeting | None, data)

        meeting = _parse_meeting(d.pop("meeting"))

        recommendations = []
        _recommendations = d.pop("recommendations")
        for recommendations_item_data in _recommendations:
            recommendations_item = CaseReviewRecommendation.from_dict(recommendations_item_data)

            recommendations.append(recommendations_item)

        def _parse_escalation(data: object) -> CaseReviewEscalation | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                escalation_type_1 = CaseReviewEscalation.from_dict(data)

                return escalation_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CaseReviewEscalation | None, data)

        escalation = _parse_escalation(d.pop("escalation"))

        case_review = cls(
            id=id,
            case_id=case_id,
            applicant=applicant,
            applied_at=applied_at,
            qualifying=qualifying,
            acknowledge_by=acknowledge_by,
            decide_by=decide_by,
            decision=decision,
            decided_at=decided_at,
            acknowledged_at=acknowledged_at,
            threshold_met=threshold_met,
            outcome_by=outcome_by,
            outcome=outcome,
            outcome_sent_at=outcome_sent_at,
            meeting=meeting,
            recommendations=recommendations,
            escalation=escalation,
        )

        return case_review
