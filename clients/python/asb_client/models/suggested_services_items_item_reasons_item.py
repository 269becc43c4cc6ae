from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SuggestedServicesItemsItemReasonsItem")


@_attrs_define
class SuggestedServicesItemsItemReasonsItem:
    """
    Attributes:
        rule (str):
        matched (str):
        text (str):
        need (str): A need of the policy's vocabulary (`GET /v1/assessment-policy`, `referrals.needs`). Example:
            mediation.
    """

    rule: str
    matched: str
    text: str
    need: str

    def to_dict(self) -> dict[str, Any]:
        rule = self.rule

        matched = self.matched

        text = self.text

        need = self.need

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "rule": rule,
                "matched": matched,
                "text": text,
                "need": need,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rule = d.pop("rule")

        matched = d.pop("matched")

        text = d.pop("text")

        need = d.pop("need")

        suggested_services_items_item_reasons_item = cls(
            rule=rule,
            matched=matched,
            text=text,
            need=need,
        )

        return suggested_services_items_item_reasons_item
