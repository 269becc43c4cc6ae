from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CaseReviewDecisionInput")


@_attrs_define
class CaseReviewDecisionInput:
    """
    Example:
        {'threshold_met': True, 'decision': 'Met - three complaints about separate incidents within six months.'}

    Attributes:
        threshold_met (bool):
        decision (str): The decision with the reason the applicant is told.
        late_reason (None | str | Unset):
    """

    threshold_met: bool
    decision: str
    late_reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        threshold_met = self.threshold_met

        decision = self.decision

        late_reason: None | str | Unset
        if isinstance(self.late_reason, Unset):
            late_reason = UNSET
        else:
            late_reason = self.late_reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "threshold_met": threshold_met,
                "decision": decision,
            }
        )
        if late_reason is not UNSET:
            field_dict["late_reason"] = late_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        threshold_met = d.pop("threshold_met")

        decision = d.pop("decision")

        def _parse_late_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        late_reason = _parse_late_reason(d.pop("late_reason", UNSET))

        case_review_decision_input = cls(
            threshold_met=threshold_met,
            decision=decision,
            late_reason=late_reason,
        )

        return case_review_decision_input
