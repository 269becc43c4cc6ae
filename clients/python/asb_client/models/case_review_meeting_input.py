from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.case_review_recommendation_input import CaseReviewRecommendationInput


T = TypeVar("T", bound="CaseReviewMeetingInput")


@_attrs_define
class CaseReviewMeetingInput:
    """
    Example:
        {'held_on': '2025-04-28', 'agencies_present': ['fen-council', 'cambs-police', 'fen-housing'], 'recommendations':
            [{'text': 'Serve a Community Protection Warning on the neighbour.', 'owner_agency': 'fen-council', 'due_at':
            '2025-05-09T17:00:00Z'}]}

    Attributes:
        held_on (datetime.date): Not in the future, not before the decision.
        agencies_present (list[str]): Each agency once; any known agency (a 422 names an unknown one).
        recommendations (list[CaseReviewRecommendationInput] | Unset): Each owner must be a member of the case; due on
            or after the meeting.
    """

    held_on: datetime.date
    agencies_present: list[str]
    recommendations: list[CaseReviewRecommendationInput] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        held_on = self.held_on.isoformat()

        agencies_present = self.agencies_present

        recommendations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.recommendations, Unset):
            recommendations = []
            for recommendations_item_data in self.recommendations:
                recommendations_item = recommendations_item_data.to_dict()
                recommendations.append(recommendations_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "held_on": held_on,
                "agencies_present": agencies_present,
            }
        )
        if recommendations is not UNSET:
            field_dict["recommendations"] = recommendations

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.case_review_recommendation_input import CaseReviewRecommendationInput  # noqa: PLC0415

        d = dict(src_dict)
        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        agencies_present = cast(list[str], d.pop("agencies_present"))

        _recommendations = d.pop("recommendations", UNSET)
        recommendations: list[CaseReviewRecommendationInput] | Unset = UNSET
        if _recommendations is not UNSET:
            recommendations = []
            for recommendations_item_data in _recommendations:
                recommendations_item = CaseReviewRecommendationInput.from_dict(recommendations_item_data)

                recommendations.append(recommendations_item)

        case_review_meeting_input = cls(
            held_on=held_on,
            agencies_present=agencies_present,
            recommendations=recommendations,
        )

        return case_review_meeting_input
