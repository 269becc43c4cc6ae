from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.party_role import PartyRole
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.consent_input import ConsentInput


T = TypeVar("T", bound="PartyInput")


@_attrs_define
class PartyInput:
    """A party added to a case. Every identity field is optional and restricted (never shown to roles that may not see
    identity, never in timelines, webhooks or the audit log).

        Example:
            {'role': 'victim', 'name': 'Joan Rahman', 'phone': '01354 000 000', 'consent': {'state': 'given'}}

        Attributes:
            role (PartyRole):
            name (None | str | Unset):
            phone (None | str | Unset):
            email (None | str | Unset):
            address (None | str | Unset):
            date_of_birth (datetime.date | None | Unset): Not in the future.
            consent (ConsentInput | Unset): Whether the victim agreed to their case being shared between agencies. Without
                consent a case can still be shared on a recorded legal basis. Example: {'state': 'given'}.
    """

    role: PartyRole
    name: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    address: None | str | Unset = UNSET
    date_of_birth: datetime.date | None | Unset = UNSET
    consent: ConsentInput | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        role = self.role.value

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

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

        consent: dict[str, Any] | Unset = UNSET
        if not isinstance(self.consent, Unset):
            consent = self.consent.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "role": role,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if phone is not UNSET:
            field_dict["phone"] = phone
        if email is not UNSET:
            field_dict["email"] = email
        if address is not UNSET:
            field_dict["address"] = address
        if date_of_birth is not UNSET:
            field_dict["date_of_birth"] = date_of_birth
        if consent is not UNSET:
            field_dict["consent"] = consent

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.consent_input import ConsentInput  # noqa: PLC0415

        d = dict(src_dict)
        role = PartyRole(d.pop("role"))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

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

        _consent = d.pop("consent", UNSET)
        consent: ConsentInput | Unset
        if isinstance(_consent, Unset):
            consent = UNSET
        else:
            consent = ConsentInput.from_dict(_consent)

        party_input = cls(
            role=role,
            name=name,
            phone=phone,
            email=email,
            address=address,
            date_of_birth=date_of_birth,
            consent=consent,
        )

        return party_input
