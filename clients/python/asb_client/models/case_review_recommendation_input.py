from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CaseReviewRecommendationInput")


@_attrs_define
class CaseReviewRecommendationInput:
    """
    Attributes:
        text (str):
        owner_agency (str): An agency's stable short name. Example: fen-council.
        due_at (datetime.datetime):
    """

    text: str
    owner_agency: str
    due_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        owner_agency = self.owner_agency

        due_at = self.due_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "text": text,
                "owner_agency": owner_agency,
                "due_at": due_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        text = d.pop("text")

        owner_agency = d.pop("owner_agency")

        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))

        case_review_recommendation_input = cls(
            text=text,
            owner_agency=owner_agency,
            due_at=due_at,
        )

        return case_review_recommendation_input
