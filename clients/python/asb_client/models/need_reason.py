from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="NeedReason")


@_attrs_define
class NeedReason:
    """
    Attributes:
        rule (str): The policy's referral rule id.
        matched (str): What on the case matched it.
        text (str):
    """

    rule: str
    matched: str
    text: str

    def to_dict(self) -> dict[str, Any]:
        rule = self.rule

        matched = self.matched

        text = self.text

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "rule": rule,
                "matched": matched,
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rule = d.pop("rule")

        matched = d.pop("matched")

        text = d.pop("text")

        need_reason = cls(
            rule=rule,
            matched=matched,
            text=text,
        )

        return need_reason
