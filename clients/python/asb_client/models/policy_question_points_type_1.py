from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="PolicyQuestionPointsType1")


@_attrs_define
class PolicyQuestionPointsType1:
    """
    Attributes:
        daily (int):
        weekly (int):
        monthly (int):
        less_often (int):
    """

    daily: int
    weekly: int
    monthly: int
    less_often: int

    def to_dict(self) -> dict[str, Any]:
        daily = self.daily

        weekly = self.weekly

        monthly = self.monthly

        less_often = self.less_often

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "daily": daily,
                "weekly": weekly,
                "monthly": monthly,
                "less_often": less_often,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        daily = d.pop("daily")

        weekly = d.pop("weekly")

        monthly = d.pop("monthly")

        less_often = d.pop("less_often")

        policy_question_points_type_1 = cls(
            daily=daily,
            weekly=weekly,
            monthly=monthly,
            less_often=less_often,
        )

        return policy_question_points_type_1
