from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CaseReviewEscalationInput")


@_attrs_define
class CaseReviewEscalationInput:
    """
    Example:
        {'escalated_to': 'police_and_crime_commissioner', 'grounds': 'The applicant feels the recommendations do not
            address the noise at night.'}

    Attributes:
        grounds (str): Why the applicant is dissatisfied, without identifying them.
        requested_at (datetime.datetime | None | Unset): Default now.
        escalated_to (str | Unset):  Default: 'police_and_crime_commissioner'.
    """

    grounds: str
    requested_at: datetime.datetime | None | Unset = UNSET
    escalated_to: str | Unset = "police_and_crime_commissioner"

    def to_dict(self) -> dict[str, Any]:
        grounds = self.grounds

        requested_at: None | str | Unset
        if isinstance(self.requested_at, Unset):
            requested_at = UNSET
        elif isinstance(self.requested_at, datetime.datetime):
            requested_at = self.requested_at.isoformat()
        else:
            requested_at = self.requested_at

        escalated_to = self.escalated_to

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "grounds": grounds,
            }
        )
        if requested_at is not UNSET:
            field_dict["requested_at"] = requested_at
        if escalated_to is not UNSET:
            field_dict["escalated_to"] = escalated_to

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        grounds = d.pop("grounds")

        def _parse_requested_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                requested_at_type_0 = datetime.datetime.fromisoformat(data)

                return requested_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        requested_at = _parse_requested_at(d.pop("requested_at", UNSET))

        escalated_to = d.pop("escalated_to", UNSET)

        case_review_escalation_input = cls(
            grounds=grounds,
            requested_at=requested_at,
            escalated_to=escalated_to,
        )

        return case_review_escalation_input
