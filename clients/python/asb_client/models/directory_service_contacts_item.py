from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.directory_service_contacts_item_phones_item import DirectoryServiceContactsItemPhonesItem


T = TypeVar("T", bound="DirectoryServiceContactsItem")


@_attrs_define
class DirectoryServiceContactsItem:
    """
    Attributes:
        name (None | str):
        title (None | str):
        email (None | str):
        phones (list[DirectoryServiceContactsItemPhonesItem]):
    """

    name: None | str
    title: None | str
    email: None | str
    phones: list[DirectoryServiceContactsItemPhonesItem]

    def to_dict(self) -> dict[str, Any]:
        name: None | str
        name = self.name

        title: None | str
        title = self.title

        email: None | str
        email = self.email

        phones = []
        for phones_item_data in self.phones:
            phones_item = phones_item_data.to_dict()
            phones.append(phones_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "title": title,
                "email": email,
                "phones": phones,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.directory_service_contacts_item_phones_item import DirectoryServiceContactsItemPhonesItem  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        phones = []
        _phones = d.pop("phones")
        for phones_item_data in _phones:
            phones_item = DirectoryServiceContactsItemPhonesItem.from_dict(phones_item_data)

            phones.append(phones_item)

        directory_service_contacts_item = cls(
            name=name,
            title=title,
            email=email,
            phones=phones,
        )

        return directory_service_contacts_item
