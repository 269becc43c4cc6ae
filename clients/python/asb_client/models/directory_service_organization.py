from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="DirectoryServiceOrganization")


@_attrs_define
class DirectoryServiceOrganization:
    """
    Attributes:
        id (UUID):
        oruk_id (str):
        name (str):
        description (None | str):
        email (None | str):
        website (None | str):
    """

    id: UUID
    oruk_id: str
    name: str
    description: None | str
    email: None | str
    website: None | str

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        oruk_id = self.oruk_id

        name = self.name

        description: None | str
        description = self.description

        email: None | str
        email = self.email

        website: None | str
        website = self.website

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "oruk_id": oruk_id,
                "name": name,
                "description": description,
                "email": email,
                "website": website,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        oruk_id = d.pop("oruk_id")

        name = d.pop("name")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        def _parse_website(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        website = _parse_website(d.pop("website"))

        directory_service_organization = cls(
            id=id,
            oruk_id=oruk_id,
            name=name,
            description=description,
            email=email,
            website=website,
        )

        return directory_service_organization
