from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.risk_level import RiskLevel
from ..models.strand import Strand

if TYPE_CHECKING:
    from ..models.answers import Answers
    from ..models.judgement import Judgement
    from ..models.reason import Reason
    from ..models.target_spec import TargetSpec


T = TypeVar("T", bound="AssessmentResult")


@_attrs_define
class AssessmentResult:
    """The result of assessing (possibly partial) answers.

    Example:
        {'policy_version': 'fenland-harm-v1', 'level': 'high', 'computed_level': 'high', 'score': 6,
            'max_score_possible': 42, 'complete': False, 'could_raise_to': 'high', 'ask_next': ['self_harm_risk',
            'disability_or_illness', 'mental_health_affected'], 'hate_flag': True, 'hate_strands': ['race'], 'reasons':
            [{'rule': 'hostility', 'question': 'hostility_perceived', 'points': 0, 'text': 'Hostility perceived (race): hate
            flag; level at least medium'}, {'rule': 'hostility-with-pattern', 'question': 'feels_targeted', 'points': 0,
            'text': 'Hostility perceived together with feels_targeted: level high'}, {'rule': 'score', 'question': 'repeat',
            'points': 3, 'text': 'Yes to repeat: Has there been more than one incident in the last 12 months? (+3)'},
            {'rule': 'score', 'question': 'feels_targeted', 'points': 3, 'text': 'Yes to feels_targeted: Does the victim
            feel personally targeted? (+3)'}], 'targets': [{'kind': 'first_contact', 'level': 'high', 'every_or_within':
            'within', 'amount': 1, 'unit': 'hours', 'recurring': False, 'text': 'First contact with the victim within 1
            hour'}, {'kind': 'multi_agency', 'level': 'high', 'every_or_within': 'within', 'amount': 4, 'unit': 'hours',
            'recurring': False, 'text': 'Multi-agency action started within 4 hours, shared with a partner'}, {'kind':
            'victim_update', 'level': 'high', 'every_or_within': 'every', 'amount': 7, 'unit': 'days', 'recurring': True,
            'text': 'Victim kept updated every 7 days'}, {'kind': 'case_review', 'level': 'high', 'every_or_within':
            'every', 'amount': 14, 'unit': 'days', 'recurring': True, 'text': 'Case reviewed every 14 days'}], 'judgement':
            None, 'answers': {'immediate_danger': False, 'threats_or_violence': False, 'repeat': True, 'feels_targeted':
            True, 'hostility_perceived': ['race']}}

    Attributes:
        policy_version (str):  Example: fenland-harm-v1.
        level (RiskLevel): `high`: a priority, immediate multi-agency action. `medium`: a joint multi-agency approach
            within 24 hours. `standard`: usually a referral for advice.
        computed_level (RiskLevel): `high`: a priority, immediate multi-agency action. `medium`: a joint multi-agency
            approach within 24 hours. `standard`: usually a referral for advice.
        score (int): Points from the scored questions answered yes.
        max_score_possible (int): The score if every unknown were answered in the worst way.
        complete (bool): Every question has been answered.
        could_raise_to (RiskLevel): `high`: a priority, immediate multi-agency action. `medium`: a joint multi-agency
            approach within 24 hours. `standard`: usually a referral for advice.
        ask_next (list[str]): Unanswered question ids, most able to change the level first.
        hate_flag (bool): Hostility was perceived on at least one strand.
        hate_strands (list[Strand]):
        reasons (list[Reason]):
        targets (list[TargetSpec]): The response targets for `level`.
        judgement (Judgement | None):
        answers (Answers): Answers by question id (policy `fenland-harm-v1`). Absent or `null` means unknown (not asked
            yet), never "no". Any other key is a `422` (`answers.<key>`: unknown question id). Example: {'immediate_danger':
            False, 'threats_or_violence': False, 'repeat': True, 'feels_targeted': True, 'hostility_perceived': [],
            'disability_or_illness': True, 'reported_elsewhere': False, 'sleep_affected': True, 'frequency': 'weekly'}.
    """

    policy_version: str
    level: RiskLevel
    computed_level: RiskLevel
    score: int
    max_score_possible: int
    complete: bool
    could_raise_to: RiskLevel
    ask_next: list[str]
    hate_flag: bool
    hate_strands: list[Strand]
    reasons: list[Reason]
    targets: list[TargetSpec]
    judgement: Judgement | None
    answers: Answers

    def to_dict(self) -> dict[str, Any]:
        from ..models.judgement import Judgement  # noqa: PLC0415

        policy_version = self.policy_version

        level = self.level.value

        computed_level = self.computed_level.value

        score = self.score

        max_score_possible = self.max_score_possible

        complete = self.complete

        could_raise_to = self.could_raise_to.value

        ask_next = self.ask_next

        hate_flag = self.hate_flag

        hate_strands = []
        for componentsschemas_strands_item_data in self.hate_strands:
            componentsschemas_strands_item = componentsschemas_strands_item_data.value
            hate_strands.append(componentsschemas_strands_item)

        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.to_dict()
            reasons.append(reasons_item)

        targets = []
        for targets_item_data in self.targets:
            targets_item = targets_item_data.to_dict()
            targets.append(targets_item)

        judgement: dict[str, Any] | None
        if isinstance(self.judgement, Judgement):
            judgement = self.judgement.to_dict()
        else:
            judgement = self.judgement

        answers = self.answers.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "policy_version": policy_version,
                "level": level,
                "computed_level": computed_level,
                "score": score,
                "max_score_possible": max_score_possible,
                "complete": complete,
                "could_raise_to": could_raise_to,
                "ask_next": ask_next,
                "hate_flag": hate_flag,
                "hate_strands": hate_strands,
                "reasons": reasons,
                "targets": targets,
                "judgement": judgement,
                "answers": answers,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.answers import Answers  # noqa: PLC0415
        from ..models.judgement import Judgement  # noqa: PLC0415
        from ..models.reason import Reason  # noqa: PLC0415
        from ..models.target_spec import TargetSpec  # noqa: PLC0415

        d = dict(src_dict)
        policy_version = d.pop("policy_version")

        level = RiskLevel(d.pop("level"))

        computed_level = RiskLevel(d.pop("computed_level"))

        score = d.pop("score")

        max_score_possible = d.pop("max_score_possible")

        complete = d.pop("complete")

        could_raise_to = RiskLevel(d.pop("could_raise_to"))

        ask_next = cast(list[str], d.pop("ask_next"))

        hate_flag = d.pop("hate_flag")

        hate_strands = []
        _hate_strands = d.pop("hate_strands")
        for componentsschemas_strands_item_data in _hate_strands:
            componentsschemas_strands_item = Strand(componentsschemas_strands_item_data)

            hate_strands.append(componentsschemas_strands_item)

        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in _reasons:
            reasons_item = Reason.from_dict(reasons_item_data)

            reasons.append(reasons_item)

        targets = []
        _targets = d.pop("targets")
        for targets_item_data in _targets:
            targets_item = TargetSpec.from_dict(targets_item_data)

            targets.append(targets_item)

        def _parse_judgement(data: object) -> Judgement | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                judgement_type_0 = Judgement.from_dict(data)

                return judgement_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Judgement | None, data)

        judgement = _parse_judgement(d.pop("judgement"))

        answers = Answers.from_dict(d.pop("answers"))

        assessment_result = cls(
            policy_version=policy_version,
            level=level,
            computed_level=computed_level,
            score=score,
            max_score_possible=max_score_possible,
            complete=complete,
            could_raise_to=could_raise_to,
            ask_next=ask_next,
            hate_flag=hate_flag,
            hate_strands=hate_strands,
            reasons=reasons,
            targets=targets,
            judgement=judgement,
            answers=answers,
        )

        return assessment_result
