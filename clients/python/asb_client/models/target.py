from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.risk_level import RiskLevel
from ..models.target_kind import TargetKind
from ..models.target_state import TargetState

T = TypeVar("T", bound="Target")


@_attrs_define
class Target:
    """
    Example:
        {'id': '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d', 'case_id': '5b1f0c7e-3c1a-4a8e-9a55-0d2f6b7c9e14', 'kind':
            'first_contact', 'level': 'high', 'started_at': '2025-03-10T08:05:12Z', 'due_at': '2025-03-10T09:05:12Z',
            'state': 'met', 'met_at': '2025-03-10T08:47:00Z', 'met_by_agency': 'fen-council', 'late_reason': None,
            'owner_agency': 'fen-council'}

    Attributes:
        id (UUID):
        case_id (UUID):
        kind (TargetKind):
        level (None | RiskLevel): The level the target belongs to; `null` for follow-ups of escalation flags.
        started_at (datetime.datetime):
        due_at (datetime.datetime):
        state (TargetState):
        met_at (datetime.datetime | None):
        met_by_agency (None | str):
        late_reason (None | str):
        owner_agency (str): An agency's stable short name. Example: fen-council.
    """

    id: UUID
    case_id: UUID
    kind: TargetKind
    level: None | RiskLevel
    started_at: datetime.datetime
    due_at: datetime.datetime
    state: TargetState
    met_at: datetime.datetime | None
    met_by_agency: None | str
    late_reason: None | str
    owner_agency: str

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        case_id = str(self.case_id)

        kind = self.kind.value

        level: None | str
        if isinstance(self.level, RiskLevel):
            level = self.level.value
        else:
            level = self.level

        started_at = self.started_at.isoformat()

        due_at = self.due_at.isoformat()

        state = self.state.value

        met_at: None | str
        if isinstance(self.met_at, datetime.datetime):
            met_at = self.met_at.isoformat()
        else:
            met_at = self.met_at

        met_by_agency: None | str
        met_by_agency = self.met_by_agency

        late_reason: None | str
        late_reason = self.late_reason

        owner_agency = self.owner_agency

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "case_id": case_id,
                "kind": kind,
                "level": level,
                "started_at": started_at,
                "due_at": due_at,
                "state": state,
                "met_at": met_at,
                "met_by_agency": met_by_agency,
                "late_reason": late_reason,
                "owner_agency": owner_agency,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        case_id = UUID(d.pop("case_id"))

        kind = TargetKind(d.pop("kind"))

        def _parse_level(data: object) -> None | RiskLevel:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                level_type_0 = RiskLevel(data)

                return level_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RiskLevel, data)

        level = _parse_level(d.pop("level"))

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))

        state = TargetState(d.pop("state"))

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

        def _parse_met_by_agency(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        met_by_agency = _parse_met_by_agency(d.pop("met_by_agency"))

        def _parse_late_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        late_reason = _parse_late_reason(d.pop("late_reason"))

        owner_agency = d.pop("owner_agency")

        target = cls(
            id=id,
            case_id=case_id,
            kind=kind,
            level=level,
            started_at=started_at,
            due_at=due_at,
            state=state,
            met_at=met_at,
            met_by_agency=met_by_agency,
            late_reason=late_reason,
            owner_agency=owner_agency,
        )

        return target
