from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.case_patch_status import CasePatchStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="CasePatch")


@_attrs_define
class CasePatch:
    """A JSON merge patch (RFC 7396) of the changeable fields; send only what changes.

    Example:
        {'status': 'review'}

    Attributes:
        summary (None | str | Unset):
        status (CasePatchStatus | Unset):
        area (str | Unset): An area an agency covers (a district), by its short name. Example: fenland.
        lead_agency (str | Unset): An agency's stable short name. Example: fen-council.
    """

    summary: None | str | Unset = UNSET
    status: CasePatchStatus | Unset = UNSET
    area: str | Unset = UNSET
    lead_agency: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        area = self.area

        lead_agency = self.lead_agency

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if summary is not UNSET:
            field_dict["summary"] = summary
        if status is not UNSET:
            field_dict["status"] = status
        if area is not UNSET:
            field_dict["area"] = area
        if lead_agency is not UNSET:
            field_dict["lead_agency"] = lead_agency

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

        _status = d.pop("status", UNSET)
        status: CasePatchStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = CasePatchStatus(_status)

        area = d.pop("area", UNSET)

        lead_agency = d.pop("lead_agency", UNSET)

        case_patch = cls(
            summary=summary,
            status=status,
            area=area,
            lead_agency=lead_agency,
        )

        return case_patch
