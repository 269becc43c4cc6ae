from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="RepeatCallerResultContactItem")


@_attrs_define
class RepeatCallerResultContactItem:
    """
    Attributes:
        agency (str): An agency's stable short name. Example: fen-council.
        name (str):
    """

    agency: str
    name: str

    def to_dict(self) -> dict[str, Any]:
        agency = self.agency

        name = self.name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "agency": agency,
                "name": name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        agency = d.pop("agency")

        name = d.pop("name")

        repeat_caller_result_contact_item = cls(
            agency=agency,
            name=name,
        )

        return repeat_caller_result_contact_item
