from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="SubjectAccessExportGeneratedBy")


@_attrs_define
class SubjectAccessExportGeneratedBy:
    """
    Attributes:
        agency (None | str):
        role (str):
    """

    agency: None | str
    role: str

    def to_dict(self) -> dict[str, Any]:
        agency: None | str
        agency = self.agency

        role = self.role

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "agency": agency,
                "role": role,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_agency(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        agency = _parse_agency(d.pop("agency"))

        role = d.pop("role")

        subject_access_export_generated_by = cls(
            agency=agency,
            role=role,
        )

        return subject_access_export_generated_by
