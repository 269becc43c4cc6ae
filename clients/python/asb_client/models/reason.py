from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="Reason")


@_attrs_define
class Reason:
    """One rule or answer that contributed to the result.

    Attributes:
        rule (str): The rule: `critical-item`, `hostility`, `hostility-with-pattern`, `score`, `threshold-medium`,
            `threshold-high`, `judgement-raise`, `judgement-confirm`, `judgement-lower`, `judgement-overrides`. Example:
            score.
        question (None | str): The question id it is about, if any.
        points (int):
        text (str): Plain-English explanation, fit to read to a caller.
    """

    rule: str
    question: None | str
    points: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        rule = self.rule

        question: None | str
        question = self.question

        points = self.points

        text = self.text

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "rule": rule,
                "question": question,
                "points": points,
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rule = d.pop("rule")

        def _parse_question(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        question = _parse_question(d.pop("question"))

        points = d.pop("points")

        text = d.pop("text")

        reason = cls(
            rule=rule,
            question=question,
            points=points,
            text=text,
        )

        return reason
