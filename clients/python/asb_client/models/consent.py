from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.consent_state import ConsentState

T = TypeVar("T", bound="Consent")


@_attrs_define
class Consent:
    """
    Attributes:
        state (ConsentState):
        recorded_at (datetime.datetime | None):
        legal_basis (None | str):
    """

    state: ConsentState
    recorded_at: datetime.datetime | None
    legal_basis: None | str

    def to_dict(self) -> dict[str, Any]:
        state = self.state.value

        recorded_at: None | str
        if isinstance(self.recorded_at, datetime.datetime):
            recorded_at = self.recorded_at.isoformat()
        else:
            recorded_at = self.recorded_at

        legal_basis: None | str
        legal_basis = self.legal_basis

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "state": state,
                "recorded_at": recorded_at,
                "legal_basis": legal_basis,
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

        def _parse_legal_basis(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        legal_basis = _parse_legal_basis(d.pop("legal_basis"))

        consent = cls(
            state=state,
            recorded_at=recorded_at,
            legal_basis=legal_basis,
        )

        return consent
