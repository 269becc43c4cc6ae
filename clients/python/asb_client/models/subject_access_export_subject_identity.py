from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="SubjectAccessExportSubjectIdentity")


@_attrs_define
class SubjectAccessExportSubjectIdentity:
    """
    Attributes:
        name (None | str):
        phone (None | str):
        email (None | str):
        address (None | str):
        date_of_birth (datetime.date | None):
    """

    name: None | str
    phone: None | str
    email: None | str
    address: None | str
    date_of_birth: datetime.date | None

    def to_dict(self) -> dict[str, Any]:
        name: None | str
        name = self.name

        phone: None | str
        phone = self.phone

        email: None | str
        email = self.email

        address: None | str
        address = self.address

        date_of_birth: None | str
        if isinstance(self.date_of_birth, datetime.date):
            date_of_birth = self.date_of_birth.isoformat()
        else:
            date_of_birth = self.date_of_birth

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "phone": phone,
                "email": email,
                "address": address,
                "date_of_birth": date_of_birth,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        def _parse_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone = _parse_phone(d.pop("phone"))

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        def _parse_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        address = _parse_address(d.pop("address"))

        def _parse_date_of_birth(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_of_birth_type_0 = datetime.date.fromisoformat(data)

                return date_of_birth_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        date_of_birth = _parse_date_of_birth(d.pop("date_of_birth"))

        subject_access_export_subject_identity = cls(
            name=name,
            phone=phone,
            email=email,
            address=address,
            date_of_birth=date_of_birth,
        )

        return subject_access_export_subject_identity
