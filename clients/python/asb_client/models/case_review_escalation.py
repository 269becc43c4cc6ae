from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.case_review_result import CaseReviewResult

T = TypeVar("T", bound="CaseReviewEscalation")


@_attrs_define
class CaseReviewEscalation:
    """
    Attributes:
        requested_at (datetime.datetime):
        escalated_to (str):
        grounds (str):
        result (CaseReviewResult | None):
        result_detail (None | str):
        result_at (datetime.datetime | None):
    """

    requested_at: datetime.datetime
    escalated_to: str
    grounds: str
    result: CaseReviewResult | None
    result_detail: None | str
    result_at: datetime.datetime | None

    def to_dict(self) -> dict[str, Any]:
        requested_at = self.requested_at.isoformat()

        escalated_to = self.escalated_to

        grounds = self.grounds

        result: None | str
        if isinstance(self.result, CaseReviewResult):
            result = self.result.value
        else:
            result = self.result

        result_detail: None | str
        result_detail = self.result_detail

        result_at: None | str
        if isinstance(self.result_at, datetime.datetime):
            result_at = self.result_at.isoformat()
        else:
            result_at = self.result_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "requested_at": requested_at,
                "escalated_to": escalated_to,
                "grounds": grounds,
                "result": result,
                "result_detail": result_detail,
                "result_at": result_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        requested_at = datetime.datetime.fromisoformat(d.pop("requested_at"))

        escalated_to = d.pop("escalated_to")

        grounds = d.pop("grounds")

        def _parse_result(data: object) -> CaseReviewResult | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                result_type_0 = CaseReviewResult(data)

                return result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CaseReviewResult | None, data)

        result = _parse_result(d.pop("result"))

        def _parse_result_detail(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        result_detail = _parse_result_detail(d.pop("result_detail"))

        def _parse_result_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                result_at_type_0 = datetime.datetime.fromisoformat(data)

                return result_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        result_at = _parse_result_at(d.pop("result_at"))

        case_review_escalation = cls(
            requested_at=requested_at,
            escalated_to=escalated_to,
            grounds=grounds,
            result=result,
            result_detail=result_detail,
            result_at=result_at,
        )

        return case_review_escalation
