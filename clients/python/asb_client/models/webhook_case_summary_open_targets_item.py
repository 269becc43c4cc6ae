from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.risk_level import RiskLevel
from ..models.target_kind import TargetKind
from ..models.target_state import TargetState

T = TypeVar("T", bound="WebhookCaseSummaryOpenTargetsItem")


@_attrs_define
class WebhookCaseSummaryOpenTargetsItem:
    """
    Attributes:
        id (UUID):
        kind (TargetKind):
        level (RiskLevel): `high`: a priority, immediate multi-agency action. `medium`: a joint multi-agency approach
            within 24 hours. `standard`: usually a referral for advice.
        state (TargetState):
        due_at (datetime.datetime):
    """

    id: UUID
    kind: TargetKind
    level: RiskLevel
    state: TargetState
    due_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        kind = self.kind.value

        level = self.level.value

        state = self.state.value

        due_at = self.due_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "level": level,
                "state": state,
                "due_at": due_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        kind = TargetKind(d.pop("kind"))

        level = RiskLevel(d.pop("level"))

        state = TargetState(d.pop("state"))

        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))

        webhook_case_summary_open_targets_item = cls(
            id=id,
            kind=kind,
            level=level,
            state=state,
            due_at=due_at,
        )

        webhook_case_summary_open_targets_item.additional_properties = d
        return webhook_case_summary_open_targets_item

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
