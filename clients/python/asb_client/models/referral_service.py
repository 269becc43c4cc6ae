from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.referral_service_referral_method import ReferralServiceReferralMethod

T = TypeVar("T", bound="ReferralService")


@_attrs_define
class ReferralService:
    """
    Attributes:
        id (UUID):
        name (str):
        organization (str):
        referral_method (ReferralServiceReferralMethod):
    """

    id: UUID
    name: str
    organization: str
    referral_method: ReferralServiceReferralMethod

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        organization = self.organization

        referral_method = self.referral_method.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "name": name,
                "organization": organization,
                "referral_method": referral_method,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        organization = d.pop("organization")

        referral_method = ReferralServiceReferralMethod(d.pop("referral_method"))

        referral_service = cls(
            id=id,
            name=name,
            organization=organization,
            referral_method=referral_method,
        )

        return referral_service
