from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MeetTargetRequest")


@_attrs_define
class MeetTargetRequest:
    """
    Example:
        {'late_reason': 'Officer off sick; covered by the duty officer next morning.'}

    Attributes:
        late_reason (None | str | Unset): Required when the target is breached.
    """

    late_reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        late_reason: None | str | Unset
        if isinstance(self.late_reason, Unset):
            late_reason = UNSET
        else:
            late_reason = self.late_reason

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if late_reason is not UNSET:
            field_dict["late_reason"] = late_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_late_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        late_reason = _parse_late_reason(d.pop("late_reason", UNSET))

        meet_target_request = cls(
            late_reason=late_reason,
        )

        return meet_target_request
