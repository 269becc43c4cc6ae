from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.agency_kind import AgencyKind

T = TypeVar("T", bound="RetentionReportDueItem")


@_attrs_define
class RetentionReportDueItem:
    """
    Attributes:
        case_id (UUID):
        reference (str):
        lead_agency_kind (AgencyKind):
        schedule (str):
        closed_at (datetime.datetime):
        due_at (datetime.datetime):
    """

    case_id: UUID
    reference: str
    lead_agency_kind: AgencyKind
    schedule: str
    closed_at: datetime.datetime
    due_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        case_id = str(self.case_id)

        reference = self.reference

        lead_agency_kind = self.lead_agency_kind.value

        schedule = self.schedule

        closed_at = self.closed_at.isoformat()

        due_at = self.due_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "case_id": case_id,
                "reference": reference,
                "lead_agency_kind": lead_agency_kind,
                "schedule": schedule,
                "closed_at": closed_at,
                "due_at": due_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        case_id = UUID(d.pop("case_id"))

        reference = d.pop("reference")

        lead_agency_kind = AgencyKind(d.pop("lead_agency_kind"))

        schedule = d.pop("schedule")

        closed_at = datetime.datetime.fromisoformat(d.pop("closed_at"))

        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))

        retention_report_due_item = cls(
            case_id=case_id,
            reference=reference,
            lead_agency_kind=lead_agency_kind,
            schedule=schedule,
            closed_at=closed_at,
            due_at=due_at,
        )

        return retention_report_due_item
