from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="StatisticsSuppression")


@_attrs_define
class StatisticsSuppression:
    """
    Attributes:
        primary (Literal['1-4']):
        secondary (Literal['*']):
        rounding_base (Literal[5]):
        rule (str):
    """

    primary: Literal["1-4"]
    secondary: Literal["*"]
    rounding_base: Literal[5]
    rule: str

    def to_dict(self) -> dict[str, Any]:
        primary = self.primary

        secondary = self.secondary

        rounding_base = self.rounding_base

        rule = self.rule

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "primary": primary,
                "secondary": secondary,
                "rounding_base": rounding_base,
                "rule": rule,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        primary = cast(Literal["1-4"], d.pop("primary"))
        if primary != "1-4":
            raise ValueError(f"primary must match const '1-4', got '{primary}'")

        secondary = cast(Literal["*"], d.pop("secondary"))
        if secondary != "*":
            raise ValueError(f"secondary must match const '*', got '{secondary}'")

        rounding_base = cast(Literal[5], d.pop("rounding_base"))
        if rounding_base != 5:
            raise ValueError(f"rounding_base must match const 5, got '{rounding_base}'")

        rule = d.pop("rule")

        statistics_suppression = cls(
            primary=primary,
            secondary=secondary,
            rounding_base=rounding_base,
            rule=rule,
        )

        return statistics_suppression
