from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.risk_level import RiskLevel

if TYPE_CHECKING:
    from ..models.suggested_services_items_item import SuggestedServicesItemsItem
    from ..models.suggested_services_needs_item import SuggestedServicesNeedsItem


T = TypeVar("T", bound="SuggestedServices")


@_attrs_define
class SuggestedServices:
    """
    Attributes:
        case_id (UUID):
        policy_version (str):
        level (RiskLevel): `high`: a priority, immediate multi-agency action. `medium`: a joint multi-agency approach
            within 24 hours. `standard`: usually a referral for advice.
        area (str): An area an agency covers (a district), by its short name. Example: fenland.
        needs (list[SuggestedServicesNeedsItem]): The needs the case implies, most pressing first.
        items (list[SuggestedServicesItemsItem]):
    """

    case_id: UUID
    policy_version: str
    level: RiskLevel
    area: str
    needs: list[SuggestedServicesNeedsItem]
    items: list[SuggestedServicesItemsItem]

    def to_dict(self) -> dict[str, Any]:
        case_id = str(self.case_id)

        policy_version = self.policy_version

        level = self.level.value

        area = self.area

        needs = []
        for needs_item_data in self.needs:
            needs_item = needs_item_data.to_dict()
            needs.append(needs_item)

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "case_id": case_id,
                "policy_version": policy_version,
                "level": level,
                "area": area,
                "needs": needs,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.suggested_services_items_item import SuggestedServicesItemsItem  # noqa: PLC0415
        from ..models.suggested_services_needs_item import SuggestedServicesNeedsItem  # noqa: PLC0415

        d = dict(src_dict)
        case_id = UUID(d.pop("case_id"))

        policy_version = d.pop("policy_version")

        level = RiskLevel(d.pop("level"))

        area = d.pop("area")

        needs = []
        _needs = d.pop("needs")
        for needs_item_data in _needs:
            needs_item = SuggestedServicesNeedsItem.from_dict(needs_item_data)

            needs.append(needs_item)

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = SuggestedServicesItemsItem.from_dict(items_item_data)

            items.append(items_item)

        suggested_services = cls(
            case_id=case_id,
            policy_version=policy_version,
            level=level,
            area=area,
            needs=needs,
            items=items,
        )

        return suggested_services
