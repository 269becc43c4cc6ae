from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.risk_level import RiskLevel

if TYPE_CHECKING:
    from ..models.referral_shared_type_0_contact_route_type_0 import ReferralSharedType0ContactRouteType0


T = TypeVar("T", bound="ReferralSharedType0")


@_attrs_define
class ReferralSharedType0:
    """Restricted: what the person agreed the service may know (the fields in `shared_fields`; the others null), with the
    need and level. Null unless you are the receiving service.

        Attributes:
            need (str): A need of the policy's vocabulary (`GET /v1/assessment-policy`, `referrals.needs`). Example:
                mediation.
            level (RiskLevel): `high`: a priority, immediate multi-agency action. `medium`: a joint multi-agency approach
                within 24 hours. `standard`: usually a referral for advice.
            first_name (None | str):
            full_name (None | str):
            contact_route (None | ReferralSharedType0ContactRouteType0):
            phone (None | str):
            email (None | str):
            address (None | str):
            date_of_birth (datetime.date | None):
    """

    need: str
    level: RiskLevel
    first_name: None | str
    full_name: None | str
    contact_route: None | ReferralSharedType0ContactRouteType0
    phone: None | str
    email: None | str
    address: None | str
    date_of_birth: datetime.date | None

    def to_dict(self) -> dict[str, Any]:
        from ..models.referral_shared_type_0_contact_route_type_0 import ReferralSharedType0ContactRouteType0  # noqa: PLC0415

        need = self.need

        level = self.level.value

        first_name: None | str
        first_name = self.first_name

        full_name: None | str
        full_name = self.full_name

        contact_route: dict[str, Any] | None
        if isinstance(self.contact_route, ReferralSharedType0ContactRouteType0):
            contact_route = self.contact_route.to_dict()
        else:
            contact_route = self.contact_route

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
                "need": need,
                "level": level,
                "first_name": first_name,
                "full_name": full_name,
                "contact_route": contact_route,
                "phone": phone,
                "email": email,
                "address": address,
                "date_of_birth": date_of_birth,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.referral_shared_type_0_contact_route_type_0 import ReferralSharedType0ContactRouteType0  # noqa: PLC0415

        d = dict(src_dict)
        need = d.pop("need")

        level = RiskLevel(d.pop("level"))

        def _parse_first_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        first_name = _parse_first_name(d.pop("first_name"))

        def _parse_full_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        full_name = _parse_full_name(d.pop("full_name"))

        def _parse_contact_route(data: object) -> None | ReferralSharedType0ContactRouteType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                contact_route_type_0 = ReferralSharedType0ContactRouteType0.from_dict(data)

                return contact_route_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReferralSharedType0ContactRouteType0, data)

        contact_route = _parse_contact_route(d.pop("contact_route"))

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

        referral_shared_type_0 = cls(
            need=need,
            level=level,
            first_name=first_name,
            full_name=full_name,
            contact_route=contact_route,
            phone=phone,
            email=email,
            address=address,
            date_of_birth=date_of_birth,
        )

        return referral_shared_type_0
