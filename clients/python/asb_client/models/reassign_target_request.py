from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ReassignTargetRequest")


@_attrs_define
class ReassignTargetRequest:
    """
    Example:
        {'owner_agency': 'cambs-police', 'reason': 'Police to lead the hate review after the officer report.'}

    Attributes:
        owner_agency (str): A member agency's slug.
        reason (str):
    """

    owner_agency: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        owner_agency = self.owner_agency

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "owner_agency": owner_agency,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        owner_agency = d.pop("owner_agency")

        reason = d.pop("reason")

        reassign_target_request = cls(
            owner_agency=owner_agency,
            reason=reason,
        )

        return reassign_target_request
