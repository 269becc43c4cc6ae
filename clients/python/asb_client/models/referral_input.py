from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.referral_input_contact_route_type_1 import ReferralInputContactRouteType1
from ..models.referral_input_contact_route_type_2_type_1 import ReferralInputContactRouteType2Type1
from ..models.referral_input_contact_route_type_3_type_1 import ReferralInputContactRouteType3Type1
from ..models.share_field import ShareField
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.referral_consent_input import ReferralConsentInput


T = TypeVar("T", bound="ReferralInput")


@_attrs_define
class ReferralInput:
    """
    Attributes:
        service_id (UUID):
        need (str): A need of the policy's vocabulary (`GET /v1/assessment-policy`, `referrals.needs`). Example:
            mediation.
        consent (ReferralConsentInput): The person's consent to this referral; without it, a legal basis.
        party_id (None | Unset | UUID): The victim or complainant referred; the case's first one when absent.
        share (list[ShareField] | Unset): What the service may know about the person. Default the minimum, first_name
            and contact_route.
        contact_route (None | ReferralInputContactRouteType1 | ReferralInputContactRouteType2Type1 |
            ReferralInputContactRouteType3Type1 | Unset): How the service should reach the person (default the first of
            phone, email, post the case holds).
    """

    service_id: UUID
    need: str
    consent: ReferralConsentInput
    party_id: None | Unset | UUID = UNSET
    share: list[ShareField] | Unset = UNSET
    contact_route: (
        None
        | ReferralInputContactRouteType1
        | ReferralInputContactRouteType2Type1
        | ReferralInputContactRouteType3Type1
        | Unset
    ) = UNSET

    def to_dict(self) -> dict[str, Any]:
        service_id = str(self.service_id)

        need = self.need

        consent = self.consent.to_dict()

        party_id: None | str | Unset
        if isinstance(self.party_id, Unset):
            party_id = UNSET
        elif isinstance(self.party_id, UUID):
            party_id = str(self.party_id)
        else:
            party_id = self.party_id

        share: list[str] | Unset = UNSET
        if not isinstance(self.share, Unset):
            share = []
            for share_item_data in self.share:
                share_item = share_item_data.value
                share.append(share_item)

        contact_route: None | str | Unset
        if isinstance(self.contact_route, Unset):
            contact_route = UNSET
        elif isinstance(self.contact_route, ReferralInputContactRouteType1):
            contact_route = self.contact_route.value
        elif isinstance(self.contact_route, ReferralInputContactRouteType2Type1):
            contact_route = self.contact_route.value
        elif isinstance(self.contact_route, ReferralInputContactRouteType3Type1):
            contact_route = self.contact_route.value
        else:
            contact_route = self.contact_route

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "service_id": service_id,
                "need": need,
                "consent": consent,
            }
        )
        if party_id is not UNSET:
            field_dict["party_id"] = party_id
        if share is not UNSET:
            field_dict["share"] = share
        if contact_route is not UNSET:
            field_dict["contact_route"] = contact_route

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.referral_consent_input import ReferralConsentInput  # noqa: PLC0415

        d = dict(src_dict)
        service_id = UUID(d.pop("service_id"))

        need = d.pop("need")

        consent = ReferralConsentInput.from_dict(d.pop("consent"))

        def _parse_party_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                party_id_type_0 = UUID(data)

                return party_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        party_id = _parse_party_id(d.pop("party_id", UNSET))

        _share = d.pop("share", UNSET)
        share: list[ShareField] | Unset = UNSET
        if _share is not UNSET:
            share = []
            for share_item_data in _share:
                share_item = ShareField(share_item_data)

                share.append(share_item)

        def _parse_contact_route(
            data: object,
        ) -> (
            None
            | ReferralInputContactRouteType1
            | ReferralInputContactRouteType2Type1
            | ReferralInputContactRouteType3Type1
            | Unset
        ):
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contact_route_type_1 = ReferralInputContactRouteType1(data)

                return contact_route_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contact_route_type_2_type_1 = ReferralInputContactRouteType2Type1(data)

                return contact_route_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contact_route_type_3_type_1 = ReferralInputContactRouteType3Type1(data)

                return contact_route_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                None
                | ReferralInputContactRouteType1
                | ReferralInputContactRouteType2Type1
                | ReferralInputContactRouteType3Type1
                | Unset,
                data,
            )

        contact_route = _parse_contact_route(d.pop("contact_route", UNSET))

        referral_input = cls(
            service_id=service_id,
            need=need,
            consent=consent,
            party_id=party_id,
            share=share,
            contact_route=contact_route,
        )

        return referral_input
