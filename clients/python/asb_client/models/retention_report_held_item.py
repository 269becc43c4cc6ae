from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="RetentionReportHeldItem")


@_attrs_define
class RetentionReportHeldItem:
    """
    Attributes:
        case_id (UUID):
        reference (str):
        due_at (datetime.datetime):
        hold_id (UUID):
        until (datetime.datetime | None):
    """

    case_id: UUID
    reference: str
    due_at: datetime.datetime
    hold_id: UUID
    until: datetime.datetime | None

    def to_dict(self) -> dict[str, Any]:
        case_id = str(self.case_id)

        reference = self.reference

        due_at = self.due_at.isoformat()

        hold_id = str(self.hold_id)

        until: None | str
        if isinstance(self.until, datetime.datetime):
            until = self.until.isoformat()
        else:
            until = self.until

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "case_id": case_id,
                "reference": reference,
                "due_at": due_at,
                "hold_id": hold_id,
                "until": until,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        case_id = UUID(d.pop("case_id"))

        reference = d.pop("reference")

        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))

        hold_id = UUID(d.pop("hold_id"))

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

        retention_report_held_item = cls(
            case_id=case_id,
            reference=reference,
            due_at=due_at,
            hold_id=hold_id,
            until=until,
        )

        return retention_report_held_item
