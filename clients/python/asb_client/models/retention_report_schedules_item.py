from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="RetentionReportSchedulesItem")


@_attrs_define
class RetentionReportSchedulesItem:
    """
    Attributes:
        agency_kind (str): The lead agency's kind, or `default` for kinds without a row.
        anonymise_after_days (int):
        basis (str): Where the period comes from.
    """

    agency_kind: str
    anonymise_after_days: int
    basis: str

    def to_dict(self) -> dict[str, Any]:
        agency_kind = self.agency_kind

        anonymise_after_days = self.anonymise_after_days

        basis = self.basis

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "agency_kind": agency_kind,
                "anonymise_after_days": anonymise_after_days,
                "basis": basis,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        agency_kind = d.pop("agency_kind")

        anonymise_after_days = d.pop("anonymise_after_days")

        basis = d.pop("basis")

        retention_report_schedules_item = cls(
            agency_kind=agency_kind,
            anonymise_after_days=anonymise_after_days,
            basis=basis,
        )

        return retention_report_schedules_item
