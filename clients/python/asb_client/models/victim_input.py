from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.victim_input_role import VictimInputRole
from ..types import UNSET, Unset

T = TypeVar("T", bound="VictimInput")


@_attrs_define
class VictimInput:
    """The person the case is about. Name and contact details are restricted: only caseworkers and supervisors of member
    agencies see them, and every read is audited.

        Example:
            {'role': 'victim', 'name': 'Aisha Rahman', 'phone': '01354 000 000', 'email': None, 'address': '12 Example
                Terrace, March, PE15 0XX', 'date_of_birth': '1958-06-02'}

        Attributes:
            name (str):
            role (VictimInputRole | Unset):  Default: VictimInputRole.VICTIM.
            phone (None | str | Unset):
            email (None | str | Unset):
            address (None | str | Unset):
            date_of_birth (datetime.date | None | Unset):
    """

    name: str
    role: VictimInputRole | Unset = VictimInputRole.VICTIM
    phone: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    address: None | str | Unset = UNSET
    date_of_birth: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role.value

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        address: None | str | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        else:
            address = self.address

        date_of_birth: None | str | Unset
        if isinstance(self.date_of_birth, Unset):
            date_of_birth = UNSET
        elif isinstance(self.date_of_birth, datetime.date):
            date_of_birth = self.date_of_birth.isoformat()
        else:
            date_of_birth = self.date_of_birth

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if role is not UNSET:
            field_dict["role"] = role
        if phone is not UNSET:
            field_dict["phone"] = phone
        if email is not UNSET:
            field_dict["email"] = email
        if address is not UNSET:
            field_dict["address"] = address
        if date_of_birth is not UNSET:
            field_dict["date_of_birth"] = date_of_birth

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        _role = d.pop("role", UNSET)
        role: VictimInputRole | Unset
        if isinstance(_role, Unset):
            role = UNSET
        else:
            role = VictimInputRole(_role)

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address = _parse_address(d.pop("address", UNSET))

        def _parse_date_of_birth(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_of_birth_type_0 = datetime.date.fromisoformat(data)

                return date_of_birth_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        date_of_birth = _parse_date_of_birth(d.pop("date_of_birth", UNSET))

        victim_input = cls(
            name=name,
            role=role,
            phone=phone,
            email=email,
            address=address,
            date_of_birth=date_of_birth,
        )

        return victim_input
