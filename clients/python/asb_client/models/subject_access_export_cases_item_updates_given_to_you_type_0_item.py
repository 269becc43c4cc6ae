from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SubjectAccessExportCasesItemUpdatesGivenToYouType0Item")


@_attrs_define
class SubjectAccessExportCasesItemUpdatesGivenToYouType0Item:
    """
    Attributes:
        at (datetime.datetime):
        text (str):
    """

    at: datetime.datetime
    text: str

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        text = self.text

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "at": at,
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        text = d.pop("text")

        subject_access_export_cases_item_updates_given_to_you_type_0_item = cls(
            at=at,
            text=text,
        )

        return subject_access_export_cases_item_updates_given_to_you_type_0_item
