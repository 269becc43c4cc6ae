from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RepeatCallerLookup")


@_attrs_define
class RepeatCallerLookup:
    """At least one of `phone` and `address`.

    Attributes:
        phone (str | Unset):
        address (str | Unset):
        area (str | Unset):
    """

    phone: str | Unset = UNSET
    address: str | Unset = UNSET
    area: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        phone = self.phone

        address = self.address

        area = self.area

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if phone is not UNSET:
            field_dict["phone"] = phone
        if address is not UNSET:
            field_dict["address"] = address
        if area is not UNSET:
            field_dict["area"] = area

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        phone = d.pop("phone", UNSET)

        address = d.pop("address", UNSET)

        area = d.pop("area", UNSET)

        repeat_caller_lookup = cls(
            phone=phone,
            address=address,
            area=area,
        )

        return repeat_caller_lookup
