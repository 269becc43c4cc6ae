from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="PartyErasure")


@_attrs_define
class PartyErasure:
    """
    Attributes:
        at (datetime.datetime):
        by_agency (None | str): The agency whose data protection officer erased it; null for retention.
    """

    at: datetime.datetime
    by_agency: None | str

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        by_agency: None | str
        by_agency = self.by_agency

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "at": at,
                "by_agency": by_agency,
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

        party_erasure = cls(
            at=at,
            by_agency=by_agency,
        )

        return party_erasure
