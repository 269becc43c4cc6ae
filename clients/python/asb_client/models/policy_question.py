from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.policy_question_answer_type import PolicyQuestionAnswerType
from ..models.policy_question_group import PolicyQuestionGroup

if TYPE_CHECKING:
    from ..models.policy_question_points_type_1 import PolicyQuestionPointsType1


T = TypeVar("T", bound="PolicyQuestion")


@_attrs_define
class PolicyQuestion:
    """
    Attributes:
        id (str): Stable question id, the key in `answers`. Example: repeat.
        text (str): The wording to ask.
        group (PolicyQuestionGroup):
        answer_type (PolicyQuestionAnswerType): `boolean`: true/false/null. `frequency`: one of `frequencies` or null.
            `strands`: a list of strands or null.
        points (int | PolicyQuestionPointsType1): Points for yes, or points per frequency value.
        critical (bool): Yes forces level high on its own.
        in_screen (bool): Part of the call handler's first-contact screen.
    """

    id: str
    text: str
    group: PolicyQuestionGroup
    answer_type: PolicyQuestionAnswerType
    points: int | PolicyQuestionPointsType1
    critical: bool
    in_screen: bool

    def to_dict(self) -> dict[str, Any]:
        from ..models.policy_question_points_type_1 import PolicyQuestionPointsType1  # noqa: PLC0415

        id = self.id

        text = self.text

        group = self.group.value

        answer_type = self.answer_type.value

        points: dict[str, Any] | int
        if isinstance(self.points, PolicyQuestionPointsType1):
            points = self.points.to_dict()
        else:
            points = self.points

        critical = self.critical

        in_screen = self.in_screen

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "text": text,
                "group": group,
                "answer_type": answer_type,
                "points": points,
                "critical": critical,
                "in_screen": in_screen,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.policy_question_points_type_1 import PolicyQuestionPointsType1  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        text = d.pop("text")

        group = PolicyQuestionGroup(d.pop("group"))

        answer_type = PolicyQuestionAnswerType(d.pop("answer_type"))

        def _parse_points(data: object) -> int | PolicyQuestionPointsType1:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                points_type_1 = PolicyQuestionPointsType1.from_dict(data)

                return points_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | PolicyQuestionPointsType1, data)

        points = _parse_points(d.pop("points"))

        critical = d.pop("critical")

        in_screen = d.pop("in_screen")

        policy_question = cls(
            id=id,
            text=text,
            group=group,
            answer_type=answer_type,
            points=points,
            critical=critical,
            in_screen=in_screen,
        )

        return policy_question
