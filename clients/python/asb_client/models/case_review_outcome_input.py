from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CaseReviewOutcomeInput")


@_attrs_define
class CaseReviewOutcomeInput:
    """
    Example:
        {'outcome': 'The review found the response too slow; a CPW will be served and the victim visited weekly.',
            'sent_at': '2025-05-02T15:00:00Z'}

    Attributes:
        outcome (str):
        sent_at (datetime.datetime | None | Unset): When it was sent (default now; not in the future, not before the
            decision).
        late_reason (None | str | Unset):
    """

    outcome: str
    sent_at: datetime.datetime | None | Unset = UNSET
    late_reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        outcome = self.outcome

        sent_at: None | str | Unset
        if isinstance(self.sent_at, Unset):
            sent_at = UNSET
        elif isinstance(self.sent_at, datetime.datetime):
            sent_at = self.sent_at.isoformat()
        else:
            sent_at = self.sent_at

        late_reason: None | str | Unset
        if isinstance(self.late_reason, Unset):
            late_reason = UNSET
        else:
            late_reason = self.late_reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "outcome": outcome,
            }
        )
        if sent_at is not UNSET:
            field_dict["sent_at"] = sent_at
        if late_reason is not UNSET:
            field_dict["late_reason"] = late_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        outcome = d.pop("outcome")

        def _parse_sent_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sent_at_type_0 = datetime.datetime.fromisoformat(data)

                return sent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        sent_at = _parse_sent_at(d.pop("sent_at", UNSET))

        def _parse_late_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        late_reason = _parse_late_reason(d.pop("late_reason", UNSET))

        case_review_outcome_input = cls(
            outcome=outcome,
            sent_at=sent_at,
            late_reason=late_reason,
        )

        return case_review_outcome_input
