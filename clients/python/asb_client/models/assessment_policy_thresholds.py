from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="AssessmentPolicyThresholds")


@_attrs_define
class AssessmentPolicyThresholds:
    """Score at or above which a level applies.

    Attributes:
        medium (int):  Example: 12.
        high (int):  Example: 22.
    """

    medium: int
    high: int

    def to_dict(self) -> dict[str, Any]:
        medium = self.medium

        high = self.high

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "medium": medium,
                "high": high,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        medium = d.pop("medium")

        high = d.pop("high")

        assessment_policy_thresholds = cls(
            medium=medium,
            high=high,
        )

        return assessment_policy_thresholds
