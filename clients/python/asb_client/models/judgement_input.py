from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.risk_level import RiskLevel

T = TypeVar("T", bound="JudgementInput")


@_attrs_define
class JudgementInput:
    """Professional judgement on the level. Raising needs a reason; lowering below the computed level needs a supervisor
    key and a reason. Who made it is taken from your API key.

        Example:
            {'level': 'high', 'reason': "Victim's mother has dementia and is frightened to be alone in the house."}

        Attributes:
            level (RiskLevel): `high`: a priority, immediate multi-agency action. `medium`: a joint multi-agency approach
                within 24 hours. `standard`: usually a referral for advice.
            reason (str):
    """

    level: RiskLevel
    reason: str

    def to_dict(self) -> dict[str, Any]:
        level = self.level.value

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "level": level,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        level = RiskLevel(d.pop("level"))

        reason = d.pop("reason")

        judgement_input = cls(
            level=level,
            reason=reason,
        )

        return judgement_input
