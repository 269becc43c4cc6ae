from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.answers import Answers
    from ..models.judgement_input import JudgementInput


T = TypeVar("T", bound="EvaluateRequest")


@_attrs_define
class EvaluateRequest:
    """
    Attributes:
        answers (Answers): Answers by question id (policy `fenland-harm-v1`). Absent or `null` means unknown (not asked
            yet), never "no". Any other key is a `422` (`answers.<key>`: unknown question id). Example: {'immediate_danger':
            False, 'threats_or_violence': False, 'repeat': True, 'feels_targeted': True, 'hostility_perceived': [],
            'disability_or_illness': True, 'reported_elsewhere': False, 'sleep_affected': True, 'frequency': 'weekly'}.
        policy_version (str | Unset): The policy to use; the current default when omitted. Unknown versions are a `422`.
            Example: fenland-harm-v1.
        judgement (JudgementInput | Unset): Professional judgement on the level. Raising needs a reason; lowering below
            the computed level needs a supervisor key and a reason. Who made it is taken from your API key. Example:
            {'level': 'high', 'reason': "Victim's mother has dementia and is frightened to be alone in the house."}.
    """

    answers: Answers
    policy_version: str | Unset = UNSET
    judgement: JudgementInput | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        answers = self.answers.to_dict()

        policy_version = self.policy_version

        judgement: dict[str, Any] | Unset = UNSET
        if not isinstance(self.judgement, Unset):
            judgement = self.judgement.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "answers": answers,
            }
        )
        if policy_version is not UNSET:
            field_dict["policy_version"] = policy_version
        if judgement is not UNSET:
            field_dict["judgement"] = judgement

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.answers import Answers  # noqa: PLC0415
        from ..models.judgement_input import JudgementInput  # noqa: PLC0415

        d = dict(src_dict)
        answers = Answers.from_dict(d.pop("answers"))

        policy_version = d.pop("policy_version", UNSET)

        _judgement = d.pop("judgement", UNSET)
        judgement: JudgementInput | Unset
        if isinstance(_judgement, Unset):
            judgement = UNSET
        else:
            judgement = JudgementInput.from_dict(_judgement)

        evaluate_request = cls(
            answers=answers,
            policy_version=policy_version,
            judgement=judgement,
        )

        return evaluate_request
