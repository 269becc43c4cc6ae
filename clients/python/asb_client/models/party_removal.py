from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="PartyRemoval")


@_attrs_define
class PartyRemoval:
    """
    Attributes:
        at (datetime.datetime):
        by_agency (None | str):
        reason (str):
    """

    at: datetime.datetime
    by_agency: None | str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        by_agency: None | str
        by_agency = self.by_agency

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "at": at,
                "by_agency": by_agency,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_by_agency(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        by_agency = _parse_by_agency(d.pop("by_agency"))

        reason = d.pop("reason")

        party_removal = cls(
            at=at,
            by_agency=by_agency,
            reason=reason,
        )

        return party_removal
