from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.case_review_result import CaseReviewResult
from ..types import UNSET, Unset

T = TypeVar("T", bound="CaseReviewEscalationResultInput")


@_attrs_define
class CaseReviewEscalationResultInput:
    """
    Example:
        {'result': 'further_action_required', 'detail': 'The PCC asked the partnership to add a noise monitoring
            recommendation.'}

    Attributes:
        result (CaseReviewResult): The result of an escalated ASB Case Review.
        detail (str):
        decided_at (datetime.datetime | None | Unset): Default now.
    """

    result: CaseReviewResult
    detail: str
    decided_at: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        result = self.result.value

        detail = self.detail

        decided_at: None | str | Unset
        if isinstance(self.decided_at, Unset):
            decided_at = UNSET
        elif isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "result": result,
                "detail": detail,
            }
        )
        if decided_at is not UNSET:
            field_dict["decided_at"] = decided_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        result = CaseReviewResult(d.pop("result"))

        detail = d.pop("detail")

        def _parse_decided_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        decided_at = _parse_decided_at(d.pop("decided_at", UNSET))

        case_review_escalation_result_input = cls(
            result=result,
            detail=detail,
            decided_at=decided_at,
        )

        return case_review_escalation_result_input
