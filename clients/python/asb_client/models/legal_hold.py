from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="LegalHold")


@_attrs_define
class LegalHold:
    """
    Attributes:
        id (UUID):
        case_id (UUID):
        reason (str):
        until (datetime.datetime | None):
        placed_at (datetime.datetime):
        placed_by_agency (str): An agency's stable short name. Example: fen-council.
        released_at (datetime.datetime | None):
        released_by_agency (None | str):
        release_reason (None | str):
    """

    id: UUID
    case_id: UUID
    reason: str
    until: datetime.datetime | None
    placed_at: datetime.datetime
    placed_by_agency: str
    released_at: datetime.datetime | None
    released_by_agency: None | str
    release_reason: None | str

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        case_id = str(self.case_id)

        reason = self.reason

        until: None | str
        if isinstance(self.until, datetime.datetime):
            until = self.until.isoformat()
        else:
            until = self.until

        placed_at = self.placed_at.isoformat()

        placed_by_agency = self.placed_by_agency

        released_at: None | str
        if isinstance(self.released_at, datetime.datetime):
            released_at = self.released_at.isoformat()
        else:
            released_at = self.released_at

        released_by_agency: None | str
        released_by_agency = self.released_by_agency

        release_reason: None | str
        release_reason = self.release_reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "case_id": case_id,
                "reason": reason,
                "until": until,
                "placed_at": placed_at,
                "placed_by_agency": placed_by_agency,
                "released_at": released_at,
                "released_by_agency": released_by_agency,
                "release_reason": release_reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        case_id = UUID(d.pop("case_id"))

        reason = d.pop("reason")

        def _parse_until(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                until_type_0 = datetime.datetime.fromisoformat(data)

                return until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        until = _parse_until(d.pop("until"))

        placed_at = datetime.datetime.fromisoformat(d.pop("placed_at"))

        placed_by_agency = d.pop("placed_by_agency")

        def _parse_released_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                released_at_type_0 = datetime.datetime.fromisoformat(data)

                return released_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        released_at = _parse_released_at(d.pop("released_at"))

        def _parse_released_by_agency(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        released_by_agency = _parse_released_by_agency(d.pop("released_by_agency"))

        def _parse_release_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        release_reason = _parse_release_reason(d.pop("release_reason"))

        legal_hold = cls(
            id=id,
            case_id=case_id,
            reason=reason,
            until=until,
            placed_at=placed_at,
            placed_by_agency=placed_by_agency,
            released_at=released_at,
            released_by_agency=released_by_agency,
            release_reason=release_reason,
        )

        return legal_hold
