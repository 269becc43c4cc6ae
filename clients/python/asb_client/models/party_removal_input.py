from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="PartyRemovalInput")


@_attrs_define
class PartyRemovalInput:
    """
    Example:
        {'reason': 'Added to the wrong case'}

    Attributes:
        reason (str): Why the party is removed (audited; do not put identity in it).
    """

    reason: str

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        party_removal_input = cls(
            reason=reason,
        )

        return party_removal_input
