from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="SubjectAccessExportCasesItemInterventionsAgainstYouType0Item")


@_attrs_define
class SubjectAccessExportCasesItemInterventionsAgainstYouType0Item:
    """
    Attributes:
        type_ (str):
        status (str):
        issued_at (datetime.datetime | None):
        served_at (datetime.datetime | None):
        expires_at (datetime.datetime | None):
        conditions (list[str]):
    """

    type_: str
    status: str
    issued_at: datetime.datetime | None
    served_at: datetime.datetime | None
    expires_at: datetime.datetime | None
    conditions: list[str]

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        status = self.status

        issued_at: None | str
        if isinstance(self.issued_at, datetime.datetime):
            issued_at = self.issued_at.isoformat()
        else:
            issued_at = self.issued_at

        served_at: None | str
        if isinstance(self.served_at, datetime.datetime):
            served_at = self.served_at.isoformat()
        else:
            served_at = self.served_at

        expires_at: None | str
        if isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        conditions = self.conditions

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "status": status,
                "issued_at": issued_at,
                "served_at": served_at,
                "expires_at": expires_at,
                "conditions": conditions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = d.pop("type")

        status = d.pop("status")

        def _parse_issued_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                issued_at_type_0 = datetime.datetime.fromisoformat(data)

                return issued_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        issued_at = _parse_issued_at(d.pop("issued_at"))

        def _parse_served_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                served_at_type_0 = datetime.datetime.fromisoformat(data)

                return served_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        served_at = _parse_served_at(d.pop("served_at"))

        def _parse_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        expires_at = _parse_expires_at(d.pop("expires_at"))

        conditions = cast(list[str], d.pop("conditions"))

        subject_access_export_cases_item_interventions_against_you_type_0_item = cls(
            type_=type_,
            status=status,
            issued_at=issued_at,
            served_at=served_at,
            expires_at=expires_at,
            conditions=conditions,
        )

        return subject_access_export_cases_item_interventions_against_you_type_0_item
