from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="CaseReviewRecommendation")


@_attrs_define
class CaseReviewRecommendation:
    """
    Attributes:
        id (UUID):
        text (str):
        owner_agency (str): An agency's stable short name. Example: fen-council.
        due_at (datetime.datetime):
        action_id (UUID): The owned action it became.
        target_id (UUID): Its `case_review_recommendation` target.
    """

    id: UUID
    text: str
    owner_agency: str
    due_at: datetime.datetime
    action_id: UUID
    target_id: UUID

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        text = self.text

        owner_agency = self.owner_agency

        due_at = self.due_at.isoformat()

        action_id = str(self.action_id)

        target_id = str(self.target_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "text": text,
                "owner_agency": owner_agency,
                "due_at": due_at,
                "action_id": action_id,
                "target_id": target_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        text = d.pop("text")

        owner_agency = d.pop("owner_agency")

        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))

        action_id = UUID(d.pop("action_id"))

        target_id = UUID(d.pop("target_id"))

        case_review_recommendation = cls(
            id=id,
            text=text,
            owner_agency=owner_agency,
            due_at=due_at,
            action_id=action_id,
            target_id=target_id,
        )

        return case_review_recommendation
