from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.intervention_status_change_status import InterventionStatusChangeStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="InterventionStatusChange")


@_attrs_define
class InterventionStatusChange:
    """
    Example:
        {'status': 'discharged', 'reason': 'Complied with'}

    Attributes:
        status (InterventionStatusChangeStatus):
        reason (None | str | Unset):
        issued_at (datetime.datetime | None | Unset):
        served_at (datetime.datetime | None | Unset):
        expires_at (datetime.datetime | None | Unset):
    """

    status: InterventionStatusChangeStatus
    reason: None | str | Unset = UNSET
    issued_at: datetime.datetime | None | Unset = UNSET
    served_at: datetime.datetime | None | Unset = UNSET
    expires_at: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        issued_at: None | str | Unset
        if isinstance(self.issued_at, Unset):
            issued_at = UNSET
        elif isinstance(self.issued_at, datetime.datetime):
            issued_at = self.issued_at.isoformat()
        else:
            issued_at = self.issued_at

        served_at: None | str | Unset
        if isinstance(self.served_at, Unset):
            served_at = UNSET
        elif isinstance(self.served_at, datetime.datetime):
            served_at = self.served_at.isoformat()
        else:
            served_at = self.served_at

        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        elif isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason
        if issued_at is not UNSET:
            field_dict["issued_at"] = issued_at
        if served_at is not UNSET:
            field_dict["served_at"] = served_at
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = InterventionStatusChangeStatus(d.pop("status"))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_issued_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                issued_at_type_0 = datetime.datetime.fromisoformat(data)

                return issued_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        issued_at = _parse_issued_at(d.pop("issued_at", UNSET))

        def _parse_served_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                served_at_type_0 = datetime.datetime.fromisoformat(data)

                return served_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        served_at = _parse_served_at(d.pop("served_at", UNSET))

        def _parse_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))

        intervention_status_change = cls(
            status=status,
            reason=reason,
            issued_at=issued_at,
            served_at=served_at,
            expires_at=expires_at,
        )

        return intervention_status_change
