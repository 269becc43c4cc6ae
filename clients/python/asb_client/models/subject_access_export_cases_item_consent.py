from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.consent_state import ConsentState

T = TypeVar("T", bound="SubjectAccessExportCasesItemConsent")


@_attrs_define
class SubjectAccessExportCasesItemConsent:
    """
    Attributes:
        state (ConsentState):
        recorded_at (datetime.datetime | None):
    """

    state: ConsentState
    recorded_at: datetime.datetime | None

    def to_dict(self) -> dict[str, Any]:
        state = self.state.value

        recorded_at: None | str
        if isinstance(self.recorded_at, datetime.datetime):
            recorded_at = self.recorded_at.isoformat()
        else:
            recorded_at = self.recorded_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "state": state,
                "recorded_at": recorded_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        state = ConsentState(d.pop("state"))

        def _parse_recorded_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                recorded_at_type_0 = datetime.datetime.fromisoformat(data)

                return recorded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        recorded_at = _parse_recorded_at(d.pop("recorded_at"))

        subject_access_export_cases_item_consent = cls(
            state=state,
            recorded_at=recorded_at,
        )

        return subject_access_export_cases_item_consent
