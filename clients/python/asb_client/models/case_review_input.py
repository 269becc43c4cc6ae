from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CaseReviewInput")


@_attrs_define
class CaseReviewInput:
    """
    Example:
        {'applicant_description': 'The victim, by phone to the council contact centre', 'applied_at':
            '2025-04-02T14:10:00Z'}

    Attributes:
        applicant_description (str): Who applied, without identifying them ("the victim", "a councillor on the victim's
            behalf").
        applied_at (datetime.datetime | Unset): When the application was received (default now).
    """

    applicant_description: str
    applied_at: datetime.datetime | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        applicant_description = self.applicant_description

        applied_at: str | Unset = UNSET
        if not isinstance(self.applied_at, Unset):
            applied_at = self.applied_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "applicant_description": applicant_description,
            }
        )
        if applied_at is not UNSET:
            field_dict["applied_at"] = applied_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        applicant_description = d.pop("applicant_description")

        _applied_at = d.pop("applied_at", UNSET)
        applied_at: datetime.datetime | Unset
        if isinstance(_applied_at, Unset):
            applied_at = UNSET
        else:
            applied_at = datetime.datetime.fromisoformat(_applied_at)

        case_review_input = cls(
            applicant_description=applicant_description,
            applied_at=applied_at,
        )

        return case_review_input
