from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.target_state import TargetState

T = TypeVar("T", bound="ReferralHandoverTargetType0")


@_attrs_define
class ReferralHandoverTargetType0:
    """
    Attributes:
        id (UUID):
        state (TargetState):
        due_at (datetime.datetime):
        met_at (datetime.datetime | None):
    """

    id: UUID
    state: TargetState
    due_at: datetime.datetime
    met_at: datetime.datetime | None

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        state = self.state.value

        due_at = self.due_at.isoformat()

        met_at: None | str
        if isinstance(self.met_at, datetime.datetime):
            met_at = self.met_at.isoformat()
        else:
            met_at = self.met_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "state": state,
                "due_at": due_at,
                "met_at": met_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        state = TargetState(d.pop("state"))

        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))

        def _parse_met_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                met_at_type_0 = datetime.datetime.fromisoformat(data)

                return met_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        met_at = _parse_met_at(d.pop("met_at"))

        referral_handover_target_type_0 = cls(
            id=id,
            state=state,
            due_at=due_at,
            met_at=met_at,
        )

        return referral_handover_target_type_0
