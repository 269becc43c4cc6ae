from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.strand import Strand

T = TypeVar("T", bound="SubjectAccessExportCasesItemDiaryEntriesType0Item")


@_attrs_define
class SubjectAccessExportCasesItemDiaryEntriesType0Item:
    """
    Attributes:
        reference (str):
        started_at (datetime.datetime):
        recorded_at (datetime.datetime):
        category (str):
        severity (int):
        location (None | str):
        what_happened (str):
        responsible (None | str):
        witnesses (None | str):
        effect_on_you (None | str):
        reported_to (None | str):
        hostility_perceived (list[Strand]):
    """

    reference: str
    started_at: datetime.datetime
    recorded_at: datetime.datetime
    category: str
    severity: int
    location: None | str
    what_happened: str
    responsible: None | str
    witnesses: None | str
    effect_on_you: None | str
    reported_to: None | str
    hostility_perceived: list[Strand]

    def to_dict(self) -> dict[str, Any]:
        reference = self.reference

        started_at = self.started_at.isoformat()

        recorded_at = self.recorded_at.isoformat()

        category = self.category

        severity = self.severity

        location: None | str
        location = self.location

        what_happened = self.what_happened

        responsible: None | str
        responsible = self.responsible

        witnesses: None | str
        witnesses = self.witnesses

        effect_on_you: None | str
        effect_on_you = self.effect_on_you

        reported_to: None | str
        reported_to = self.reported_to

        hostility_perceived = []
        for componentsschemas_strands_item_data in self.hostility_perceived:
            componentsschemas_strands_item = componentsschemas_strands_item_data.value
            hostility_perceived.append(componentsschemas_strands_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reference": reference,
                "started_at": started_at,
                "recorded_at": recorded_at,
                "category": category,
                "severity": severity,
                "location": location,
                "what_happened": what_happened,
                "responsible": responsible,
                "witnesses": witnesses,
                "effect_on_you": effect_on_you,
                "reported_to": reported_to,
                "hostility_perceived": hostility_perceived,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reference = d.pop("reference")

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        category = d.pop("category")

        severity = d.pop("severity")

        def _parse_location(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        location = _parse_location(d.pop("location"))

        what_happened = d.pop("what_happened")

        def _parse_responsible(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        responsible = _parse_responsible(d.pop("responsible"))

        def _parse_witnesses(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        witnesses = _parse_witnesses(d.pop("witnesses"))

        def _parse_effect_on_you(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        effect_on_you = _parse_effect_on_you(d.pop("effect_on_you"))

        def _parse_reported_to(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reported_to = _parse_reported_to(d.pop("reported_to"))

        hostility_perceived = []
        _hostility_perceived = d.pop("hostility_perceived")
        for componentsschemas_strands_item_data in _hostility_perceived:
            componentsschemas_strands_item = Strand(componentsschemas_strands_item_data)

            hostility_perceived.append(componentsschemas_strands_item)

        subject_access_export_cases_item_diary_entries_type_0_item = cls(
            reference=reference,
            started_at=started_at,
            recorded_at=recorded_at,
            category=category,
            severity=severity,
            location=location,
            what_happened=what_happened,
            responsible=responsible,
            witnesses=witnesses,
            effect_on_you=effect_on_you,
            reported_to=reported_to,
            hostility_perceived=hostility_perceived,
        )

        return subject_access_export_cases_item_diary_entries_type_0_item
