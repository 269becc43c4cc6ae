from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="DirectoryServiceContactsItemPhonesItem")


@_attrs_define
class DirectoryServiceContactsItemPhonesItem:
    """
    Attributes:
        number (str):
    """

    number: str

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "number": number,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        number = d.pop("number")

        directory_service_contacts_item_phones_item = cls(
            number=number,
        )

        return directory_service_contacts_item_phones_item
