from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.directory_service import DirectoryService
    from ..models.suggested_services_items_item_reasons_item import SuggestedServicesItemsItemReasonsItem


T = TypeVar("T", bound="SuggestedServicesItemsItem")


@_attrs_define
class SuggestedServicesItemsItem:
    """
    Attributes:
        rank (int):
        service (DirectoryService): A service in the Open Referral UK shape (ORUK 3 names), with how a referral reaches
            it.
        needs (list[str]):
        urgent (bool):
        reasons (list[SuggestedServicesItemsItemReasonsItem]):
        open_now (bool):
        already_referred (bool):
    """

    rank: int
    service: DirectoryService
    needs: list[str]
    urgent: bool
    reasons: list[SuggestedServicesItemsItemReasonsItem]
    open_now: bool
    already_referred: bool

    def to_dict(self) -> dict[str, Any]:
        rank = self.rank

        service = self.service.to_dict()

        needs = self.needs

        urgent = self.urgent

        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.to_dict()
            reasons.append(reasons_item)

        open_now = self.open_now

        already_referred = self.already_referred

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "rank": rank,
                "service": service,
                "needs": needs,
                "urgent": urgent,
                "reasons": reasons,
                "open_now": open_now,
                "already_referred": already_referred,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.directory_service import DirectoryService  # noqa: PLC0415
        from ..models.suggested_services_items_item_reasons_item import SuggestedServicesItemsItemReasonsItem  # noqa: PLC0415

        d = dict(src_dict)
        rank = d.pop("rank")

        service = DirectoryService.from_dict(d.pop("service"))

        needs = cast(list[str], d.pop("needs"))

        urgent = d.pop("urgent")

        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in _reasons:
            reasons_item = SuggestedServicesItemsItemReasonsItem.from_dict(reasons_item_data)

            reasons.append(reasons_item)

        open_now = d.pop("open_now")

        already_referred = d.pop("already_referred")

        suggested_services_items_item = cls(
            rank=rank,
            service=service,
            needs=needs,
            urgent=urgent,
            reasons=reasons,
            open_now=open_now,
            already_referred=already_referred,
        )

        return suggested_services_items_item
