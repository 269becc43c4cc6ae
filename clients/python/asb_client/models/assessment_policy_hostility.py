from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.risk_level import RiskLevel
from ..models.strand import Strand

T = TypeVar("T", bound="AssessmentPolicyHostility")


@_attrs_define
class AssessmentPolicyHostility:
    """
    Attributes:
        question (str):
        strands (list[Strand]):
        min_level (RiskLevel): `high`: a priority, immediate multi-agency action. `medium`: a joint multi-agency
            approach within 24 hours. `standard`: usually a referral for advice.
        with_pattern (list[str]):
        with_pattern_level (RiskLevel): `high`: a priority, immediate multi-agency action. `medium`: a joint multi-
            agency approach within 24 hours. `standard`: usually a referral for advice.
    """

    question: str
    strands: list[Strand]
    min_level: RiskLevel
    with_pattern: list[str]
    with_pattern_level: RiskLevel

    def to_dict(self) -> dict[str, Any]:
        question = self.question

        strands = []
        for strands_item_data in self.strands:
            strands_item = strands_item_data.value
            strands.append(strands_item)

        min_level = self.min_level.value

        with_pattern = self.with_pattern

        with_pattern_level = self.with_pattern_level.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "question": question,
                "strands": strands,
                "min_level": min_level,
                "with_pattern": with_pattern,
                "with_pattern_level": with_pattern_level,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        question = d.pop("question")

        strands = []
        _strands = d.pop("strands")
        for strands_item_data in _strands:
            strands_item = Strand(strands_item_data)

            strands.append(strands_item)

        min_level = RiskLevel(d.pop("min_level"))

        with_pattern = cast(list[str], d.pop("with_pattern"))

        with_pattern_level = RiskLevel(d.pop("with_pattern_level"))

        assessment_policy_hostility = cls(
            question=question,
            strands=strands,
            min_level=min_level,
            with_pattern=with_pattern,
            with_pattern_level=with_pattern_level,
        )

        return assessment_policy_hostility
