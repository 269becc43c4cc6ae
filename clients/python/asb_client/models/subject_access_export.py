from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.subject_access_export_cases_item import SubjectAccessExportCasesItem
    from ..models.subject_access_export_generated_by import SubjectAccessExportGeneratedBy
    from ..models.subject_access_export_subject import SubjectAccessExportSubject


T = TypeVar("T", bound="SubjectAccessExport")


@_attrs_define
class SubjectAccessExport:
    """
    Attributes:
        generated_at (datetime.datetime):
        generated_by (SubjectAccessExportGeneratedBy):
        subject (SubjectAccessExportSubject):
        matched_by (str):
        redaction (str):
        cases (list[SubjectAccessExportCasesItem]):
    """

    generated_at: datetime.datetime
    generated_by: SubjectAccessExportGeneratedBy
    subject: SubjectAccessExportSubject
    matched_by: str
    redaction: str
    cases: list[SubjectAccessExportCasesItem]

    def to_dict(self) -> dict[str, Any]:
        generated_at = self.generated_at.isoformat()

        generated_by = self.generated_by.to_dict()

        subject = self.subject.to_dict()

        matched_by = self.matched_by

        redaction = self.redaction

        cases = []
        for cases_item_data in self.cases:
            cases_item = cases_item_data.to_dict()
            cases.append(cases_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "generated_at": generated_at,
                "generated_by": generated_by,
                "subject": subject,
                "matched_by": matched_by,
                "redaction": redaction,
                "cases": cases,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.subject_access_export_cases_item import SubjectAccessExportCasesItem  # noqa: PLC0415
        from ..models.subject_access_export_generated_by import SubjectAccessExportGeneratedBy  # noqa: PLC0415
        from ..models.subject_access_export_subject import SubjectAccessExportSubject  # noqa: PLC0415

        d = dict(src_dict)
        generated_at = datetime.datetime.fromisoformat(d.pop("generated_at"))

        generated_by = SubjectAccessExportGeneratedBy.from_dict(d.pop("generated_by"))

        subject = SubjectAccessExportSubject.from_dict(d.pop("subject"))

        matched_by = d.pop("matched_by")

        redaction = d.pop("redaction")

        cases = []
        _cases = d.pop("cases")
        for cases_item_data in _cases:
            cases_item = SubjectAccessExportCasesItem.from_dict(cases_item_data)

            cases.append(cases_item)

        subject_access_export = cls(
            generated_at=generated_at,
            generated_by=generated_by,
            subject=subject,
            matched_by=matched_by,
            redaction=redaction,
            cases=cases,
        )

        return subject_access_export
