from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.referral_shared_type_0_contact_route_type_0_by import ReferralSharedType0ContactRouteType0By

T = TypeVar("T", bound="ReferralSharedType0ContactRouteType0")


@_attrs_define
class ReferralSharedType0ContactRouteType0:
    """
    Attributes:
        by (ReferralSharedType0ContactRouteType0By):
        value (str):
    """

    by: ReferralSharedType0ContactRouteType0By
    value: str

    def to_dict(self) -> dict[str, Any]:
        by = self.by.value

        value = self.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "by": by,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        by = ReferralSharedType0ContactRouteType0By(d.pop("by"))

        value = d.pop("value")

        referral_shared_type_0_contact_route_type_0 = cls(
            by=by,
            value=value,
        )

        return referral_shared_type_0_contact_route_type_0
