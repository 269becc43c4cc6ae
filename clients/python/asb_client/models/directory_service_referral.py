from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.directory_service_referral_method import DirectoryServiceReferralMethod

T = TypeVar("T", bound="DirectoryServiceReferral")


@_attrs_define
class DirectoryServiceReferral:
    """
    Attributes:
        method (DirectoryServiceReferralMethod):
        email (None | str):
        phone (None | str):
        answered_through_api (bool): The organisation answers referrals with its own agency key.
    """

    method: DirectoryServiceReferralMethod
    email: None | str
    phone: None | str
    answered_through_api: bool

    def to_dict(self) -> dict[str, Any]:
        method = self.method.value

        email: None | str
        email = self.email

        phone: None | str
        phone = self.phone

        answered_through_api = self.answered_through_api

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "method": method,
                "email": email,
                "phone": phone,
                "answered_through_api": answered_through_api,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        method = DirectoryServiceReferralMethod(d.pop("method"))

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        def _parse_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone = _parse_phone(d.pop("phone"))

        answered_through_api = d.pop("answered_through_api")

        directory_service_referral = cls(
            method=method,
            email=email,
            phone=phone,
            answered_through_api=answered_through_api,
        )

        return directory_service_referral
