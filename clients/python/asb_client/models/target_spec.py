from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.risk_level import RiskLevel
from ..models.target_spec_every_or_within import TargetSpecEveryOrWithin
from ..models.target_spec_unit import TargetSpecUnit

T = TypeVar("T", bound="TargetSpec")


@_attrs_define
class TargetSpec:
    """A response target as policy (not yet started).

    Example:
        {'kind': 'first_contact', 'level': 'medium', 'every_or_within': 'within', 'amount': 24, 'unit': 'hours',
            'recurring': False, 'text': 'First contact with the victim within 24 hours'}

    Attributes:
        kind (str): A target kind (see `TargetKind`). Example: first_contact.
        level (None | RiskLevel): The level it belongs to; `null` for follow-ups of escalation rules.
        every_or_within (TargetSpecEveryOrWithin):
        amount (int):
        unit (TargetSpecUnit):
        recurring (bool):
        text (str):
    """

    kind: str
    level: None | RiskLevel
    every_or_within: TargetSpecEveryOrWithin
    amount: int
    unit: TargetSpecUnit
    recurring: bool
    text: str

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        level: None | str
        if isinstance(self.level, RiskLevel):
            level = self.level.value
        else:
            level = self.level

        every_or_within = self.every_or_within.value

        amount = self.amount

        unit = self.unit.value

        recurring = self.recurring

        text = self.text

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "level": level,
                "every_or_within": every_or_within,
                "amount": amount,
                "unit": unit,
                "recurring": recurring,
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = d.pop("kind")

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

        every_or_within = TargetSpecEveryOrWithin(d.pop("every_or_within"))

        amount = d.pop("amount")

        unit = TargetSpecUnit(d.pop("unit"))

        recurring = d.pop("recurring")

        text = d.pop("text")

        target_spec = cls(
            kind=kind,
            level=level,
            every_or_within=every_or_within,
            amount=amount,
            unit=unit,
            recurring=recurring,
            text=text,
        )

        return target_spec
