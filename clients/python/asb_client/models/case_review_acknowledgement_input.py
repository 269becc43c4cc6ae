from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CaseReviewAcknowledgementInput")


@_attrs_define
class CaseReviewAcknowledgementInput:
    """
    Example:
        {'acknowledged_at': '2025-04-03T11:20:00Z'}

    Attributes:
        acknowledged_at (datetime.datetime | None | Unset): When the acknowledgement was sent (default now; not in the
            future, not before the application).
        late_reason (None | str | Unset):
    """

    acknowledged_at: datetime.datetime | None | Unset = UNSET
    late_reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        acknowledged_at: None | str | Unset
        if isinstance(self.acknowledged_at, Unset):
            acknowledged_at = UNSET
        elif isinstance(self.acknowledged_at, datetime.datetime):
            acknowledged_at = self.acknowledged_at.isoformat()
        else:
            acknowledged_at = self.acknowledged_at

        late_reason: None | str | Unset
        if isinstance(self.late_reason, Unset):
            late_reason = UNSET
        else:
            late_reason = self.late_reason

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if acknowledged_at is not UNSET:
            field_dict["acknowledged_at"] = acknowledged_at
        if late_reason is not UNSET:
            field_dict["late_reason"] = late_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_acknowledged_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                acknowledged_at_type_0 = datetime.datetime.fromisoformat(data)

                return acknowledged_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        acknowledged_at = _parse_acknowledged_at(d.pop("acknowledged_at", UNSET))

        def _parse_late_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        late_reason = _parse_late_reason(d.pop("late_reason", UNSET))

        case_review_acknowledgement_input = cls(
            acknowledged_at=acknowledged_at,
            late_reason=late_reason,
        )

        return case_review_acknowledgement_input
