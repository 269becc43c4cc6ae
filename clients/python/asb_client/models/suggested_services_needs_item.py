from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.need_reason import NeedReason


T = TypeVar("T", bound="SuggestedServicesNeedsItem")


@_attrs_define
class SuggestedServicesNeedsItem:
    """
    Attributes:
        need (str): A need of the policy's vocabulary (`GET /v1/assessment-policy`, `referrals.needs`). Example:
            mediation.
        label (str):
        urgent (bool):
        reasons (list[NeedReason]):
    """

    need: str
    label: str
    urgent: bool
    reasons: list[NeedReason]

    def to_dict(self) -> dict[str, Any]:
        need = self.need

        label = self.label

        urgent = self.urgent

        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.to_dict()
            reasons.append(reasons_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "need": need,
                "label": label,
                "urgent": urgent,
                "reasons": reasons,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.need_reason import NeedReason  # noqa: PLC0415

        d = dict(src_dict)
        need = d.pop("need")

        label = d.pop("label")

        urgent = d.pop("urgent")

        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in _reasons:
            reasons_item = NeedReason.from_dict(reasons_item_data)

            reasons.append(reasons_item)

        suggested_services_needs_item = cls(
            need=need,
            label=label,
            urgent=urgent,
            reasons=reasons,
        )

        return suggested_services_needs_item
