from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.target_spec import TargetSpec


T = TypeVar("T", bound="AssessmentPolicyTargets")


@_attrs_define
class AssessmentPolicyTargets:
    """Response targets per level.

    Attributes:
        standard (list[TargetSpec]):
        medium (list[TargetSpec]):
        high (list[TargetSpec]):
    """

    standard: list[TargetSpec]
    medium: list[TargetSpec]
    high: list[TargetSpec]

    def to_dict(self) -> dict[str, Any]:
        standard = []
        for standard_item_data in self.standard:
            standard_item = standard_item_data.to_dict()
            standard.append(standard_item)

        medium = []
        for medium_item_data in self.medium:
            medium_item = medium_item_data.to_dict()
            medium.append(medium_item)

        high = []
        for high_item_data in self.high:
            high_item = high_item_data.to_dict()
            high.append(high_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "standard": standard,
                "medium": medium,
                "high": high,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.target_spec import TargetSpec  # noqa: PLC0415

        d = dict(src_dict)
        standard = []
        _standard = d.pop("standard")
        for standard_item_data in _standard:
            standard_item = TargetSpec.from_dict(standard_item_data)

            standard.append(standard_item)

        medium = []
        _medium = d.pop("medium")
        for medium_item_data in _medium:
            medium_item = TargetSpec.from_dict(medium_item_data)

            medium.append(medium_item)

        high = []
        _high = d.pop("high")
        for high_item_data in _high:
            high_item = TargetSpec.from_dict(high_item_data)

            high.append(high_item)

        assessment_policy_targets = cls(
            standard=standard,
            medium=medium,
            high=high,
        )

        return assessment_policy_targets
