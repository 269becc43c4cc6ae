from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.nsir_type import NsirType
from ..models.strand import Strand

T = TypeVar("T", bound="SubjectAccessExportCasesItemIncidentsType0Item")


@_attrs_define
class SubjectAccessExportCasesItemIncidentsType0Item:
    """
    Attributes:
        occurred_at (datetime.datetime):
        category (str):
        nsir_type (NsirType): National Standard for Incident Recording (2011) incident type.
        severity (int):
        hostility_perceived (list[Strand]):
    """

    occurred_at: datetime.datetime
    category: str
    nsir_type: NsirType
    severity: int
    hostility_perceived: list[Strand]

    def to_dict(self) -> dict[str, Any]:
        occurred_at = self.occurred_at.isoformat()

        category = self.category

        nsir_type = self.nsir_type.value

        severity = self.severity

        hostility_perceived = []
        for componentsschemas_strands_item_data in self.hostility_perceived:
            componentsschemas_strands_item = componentsschemas_strands_item_data.value
            hostility_perceived.append(componentsschemas_strands_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "occurred_at": occurred_at,
                "category": category,
                "nsir_type": nsir_type,
                "severity": severity,
                "hostility_perceived": hostility_perceived,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        category = d.pop("category")

        nsir_type = NsirType(d.pop("nsir_type"))

        severity = d.pop("severity")

        hostility_perceived = []
        _hostility_perceived = d.pop("hostility_perceived")
        for componentsschemas_strands_item_data in _hostility_perceived:
            componentsschemas_strands_item = Strand(componentsschemas_strands_item_data)

            hostility_perceived.append(componentsschemas_strands_item)

        subject_access_export_cases_item_incidents_type_0_item = cls(
            occurred_at=occurred_at,
            category=category,
            nsir_type=nsir_type,
            severity=severity,
            hostility_perceived=hostility_perceived,
        )

        return subject_access_export_cases_item_incidents_type_0_item
