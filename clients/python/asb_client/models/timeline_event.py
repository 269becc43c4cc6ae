from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.timeline_event_kind import TimelineEventKind

if TYPE_CHECKING:
    from ..models.timeline_event_summary import TimelineEventSummary


T = TypeVar("T", bound="TimelineEvent")


@_attrs_define
class TimelineEvent:
    """
    Example:
        {'at': '2025-03-10T08:05:12Z', 'kind': 'level_change', 'id': '3f2e1d0c-9b8a-4796-8f5e-4d3c2b1a0f9e', 'agency':
            'fen-housing', 'summary': {'from': 'medium', 'to': 'high', 'rule': 'hate-perceived'}}

    Attributes:
        at (datetime.datetime):
        kind (TimelineEventKind): What happened. New kinds may be added; clients should ignore unknown ones.
        id (str): The id of the row behind the event (a uuid: entry, assessment, update, flag, target, member...), or
            the event's own sequence number when no row is behind it (a member removed).
        agency (None | str): The agency whose action produced the event (null for the system).
        summary (TimelineEventSummary): A few fields to list the event, depending on `kind` (e.g. `{"category": "noise",
            "severity": 2}` for a diary entry, `{"from": "medium", "to": "high"}` for a level change). Never restricted
            identity.
    """

    at: datetime.datetime
    kind: TimelineEventKind
    id: str
    agency: None | str
    summary: TimelineEventSummary

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        kind = self.kind.value

        id = self.id

        agency: None | str
        agency = self.agency

        summary = self.summary.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "at": at,
                "kind": kind,
                "id": id,
                "agency": agency,
                "summary": summary,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.timeline_event_summary import TimelineEventSummary  # noqa: PLC0415

        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        kind = TimelineEventKind(d.pop("kind"))

        id = d.pop("id")

        def _parse_agency(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        agency = _parse_agency(d.pop("agency"))

        summary = TimelineEventSummary.from_dict(d.pop("summary"))

        timeline_event = cls(
            at=at,
            kind=kind,
            id=id,
            agency=agency,
            summary=summary,
        )

        return timeline_event
