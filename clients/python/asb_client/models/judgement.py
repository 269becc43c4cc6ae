from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.risk_level import RiskLevel

T = TypeVar("T", bound="Judgement")


@_attrs_define
class Judgement:
    """
    Attributes:
        level (RiskLevel): `high`: a priority, immediate multi-agency action. `medium`: a joint multi-agency approach
            within 24 hours. `standard`: usually a referral for advice.
        reason (str):
        by (str): Who made the judgement (agency and principal of the key).
        supervisor (bool): Made with a supervisor key.
    """

    level: RiskLevel
    reason: str
    by: str
    supervisor: bool

    def to_dict(self) -> dict[str, Any]:
        level = self.level.value

        reason = self.reason

        by = self.by

        supervisor = self.supervisor

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "level": level,
                "reason": reason,
                "by": by,
                "supervisor": supervisor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        level = RiskLevel(d.pop("level"))

        reason = d.pop("reason")

        by = d.pop("by")

        supervisor = d.pop("supervisor")

        judgement = cls(
            level=level,
            reason=reason,
            by=by,
            supervisor=supervisor,
        )

        return judgement
