from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.retention_report_changes import RetentionReportChanges
    from ..models.retention_report_due_item import RetentionReportDueItem
    from ..models.retention_report_held_item import RetentionReportHeldItem
    from ..models.retention_report_schedules_item import RetentionReportSchedulesItem


T = TypeVar("T", bound="RetentionReport")


@_attrs_define
class RetentionReport:
    """
    Attributes:
        at (datetime.datetime):
        dry_run (bool):
        schedules (list[RetentionReportSchedulesItem]):
        due (list[RetentionReportDueItem]): Closed cases past their period, to be anonymised.
        held (list[RetentionReportHeldItem]): Cases past their period that a legal hold keeps.
        changes (RetentionReportChanges): Rows that anonymising the due cases would change, per table.
    """

    at: datetime.datetime
    dry_run: bool
    schedules: list[RetentionReportSchedulesItem]
    due: list[RetentionReportDueItem]
    held: list[RetentionReportHeldItem]
    changes: RetentionReportChanges

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        dry_run = self.dry_run

        schedules = []
        for schedules_item_data in self.schedules:
            schedules_item = schedules_item_data.to_dict()
            schedules.append(schedules_item)

        due = []
        for due_item_data in self.due:
            due_item = due_item_data.to_dict()
            due.append(due_item)

        held = []
        for held_item_data in self.held:
            held_item = held_item_data.to_dict()
            held.append(held_item)

        changes = self.changes.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "at": at,
                "dry_run": dry_run,
                "schedules": schedules,
                "due": due,
                "held": held,
                "changes": changes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.retention_report_changes import RetentionReportChanges  # noqa: PLC0415
        from ..models.retention_report_due_item import RetentionReportDueItem  # noqa: PLC0415
        from ..models.retention_report_held_item import RetentionReportHeldItem  # noqa: PLC0415
        from ..models.retention_report_schedules_item import RetentionReportSchedulesItem  # noqa: PLC0415

        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        dry_run = d.pop("dry_run")

        schedules = []
        _schedules = d.pop("schedules")
        for schedules_item_data in _schedules:
            schedules_item = RetentionReportSchedulesItem.from_dict(schedules_item_data)

            schedules.append(schedules_item)

        due = []
        _due = d.pop("due")
        for due_item_data in _due:
            due_item = RetentionReportDueItem.from_dict(due_item_data)

            due.append(due_item)

        held = []
        _held = d.pop("held")
        for held_item_data in _held:
            held_item = RetentionReportHeldItem.from_dict(held_item_data)

            held.append(held_item)

        changes = RetentionReportChanges.from_dict(d.pop("changes"))

        retention_report = cls(
            at=at,
            dry_run=dry_run,
            schedules=schedules,
            due=due,
            held=held,
            changes=changes,
        )

        return retention_report
