from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="CaseReviewMeeting")


@_attrs_define
class CaseReviewMeeting:
    """
    Attributes:
        held_on (datetime.date):
        agencies_present (list[str]):
    """

    held_on: datetime.date
    agencies_present: list[str]

    def to_dict(self) -> dict[str, Any]:
        held_on = self.held_on.isoformat()

        agencies_present = self.agencies_present

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "held_on": held_on,
                "agencies_present": agencies_present,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        agencies_present = cast(list[str], d.pop("agencies_present"))

        case_review_meeting = cls(
            held_on=held_on,
            agencies_present=agencies_present,
        )

        return case_review_meeting
