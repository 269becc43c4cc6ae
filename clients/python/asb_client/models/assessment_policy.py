from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.frequency import Frequency
from ..models.risk_level import RiskLevel

if TYPE_CHECKING:
    from ..models.assessment_policy_escalation import AssessmentPolicyEscalation
    from ..models.assessment_policy_hostility import AssessmentPolicyHostility
    from ..models.assessment_policy_referrals import AssessmentPolicyReferrals
    from ..models.assessment_policy_targets import AssessmentPolicyTargets
    from ..models.assessment_policy_thresholds import AssessmentPolicyThresholds
    from ..models.category_info import CategoryInfo
    from ..models.policy_question import PolicyQuestion


T = TypeVar("T", bound="AssessmentPolicy")


@_attrs_define
class AssessmentPolicy:
    """
    Attributes:
        version (str):  Example: fenland-harm-v1.
        title (str):
        levels (list[RiskLevel]): The levels, lowest first. Example: ['standard', 'medium', 'high'].
        thresholds (AssessmentPolicyThresholds): Score at or above which a level applies.
        questions (list[PolicyQuestion]):
        critical (list[str]): Ids of the critical questions.
        hostility (AssessmentPolicyHostility):
        screen (list[str]): The call handler's first-contact questions, in order.
        offence_questions (list[str]):
        frequencies (list[Frequency]):
        targets (AssessmentPolicyTargets): Response targets per level.
        escalation (AssessmentPolicyEscalation): Parameters of the escalation rules, keyed by rule id (windows, counts,
            follow-up targets).
        categories (list[CategoryInfo]):
        referrals (AssessmentPolicyReferrals): The referral needs (the vocabulary a directory's taxonomy uses), the
            rules from answers, flags, level and behaviour to needs, the handover target per level and the service every
            high-risk victim is offered, as data in the policy.
    """

    version: str
    title: str
    levels: list[RiskLevel]
    thresholds: AssessmentPolicyThresholds
    questions: list[PolicyQuestion]
    critical: list[str]
    hostility: AssessmentPolicyHostility
    screen: list[str]
    offence_questions: list[str]
    frequencies: list[Frequency]
    targets: AssessmentPolicyTargets
    escalation: AssessmentPolicyEscalation
    categories: list[CategoryInfo]
    referrals: AssessmentPolicyReferrals

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        title = self.title

        levels = []
        for levels_item_data in self.levels:
            levels_item = levels_item_data.value
            levels.append(levels_item)

        thresholds = self.thresholds.to_dict()

        questions = []
        for questions_item_data in self.questions:
            questions_item = questions_item_data.to_dict()
            questions.append(questions_item)

        critical = self.critical

        hostility = self.hostility.to_dict()

        screen = self.screen

        offence_questions = self.offence_questions

        frequencies = []
        for frequencies_item_data in self.frequencies:
            frequencies_item = frequencies_item_data.value
            frequencies.append(frequencies_item)

        targets = self.targets.to_dict()

        escalation = self.escalation.to_dict()

        categories = []
        for categories_item_data in self.categories:
            categories_item = categories_item_data.to_dict()
            categories.append(categories_item)

        referrals = self.referrals.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "version": version,
                "title": title,
                "levels": levels,
                "thresholds": thresholds,
                "questions": questions,
                "critical": critical,
                "hostility": hostility,
                "screen": screen,
                "offence_questions": offence_questions,
                "frequencies": frequencies,
                "targets": targets,
                "escalation": escalation,
                "categories": categories,
                "referrals": referrals,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.assessment_policy_escalation import AssessmentPolicyEscalation  # noqa: PLC0415
        from ..models.assessment_policy_hostility import AssessmentPolicyHostility  # noqa: PLC0415
        from ..models.assessment_policy_referrals import AssessmentPolicyReferrals  # noqa: PLC0415
        from ..models.assessment_policy_targets import AssessmentPolicyTargets  # noqa: PLC0415
        from ..models.assessment_policy_thresholds import AssessmentPolicyThresholds  # noqa: PLC0415
        from ..models.category_info import CategoryInfo  # noqa: PLC0415
        from ..models.policy_question import PolicyQuestion  # noqa: PLC0415

        d = dict(src_dict)
        version = d.pop("version")

        title = d.pop("title")

        levels = []
        _levels = d.pop("levels")
        for levels_item_data in _levels:
            levels_item = RiskLevel(levels_item_data)

            levels.append(levels_item)

        thresholds = AssessmentPolicyThresholds.from_dict(d.pop("thresholds"))

        questions = []
        _questions = d.pop("questions")
        for questions_item_data in _questions:
            questions_item = PolicyQuestion.from_dict(questions_item_data)

            questions.append(questions_item)

        critical = cast(list[str], d.pop("critical"))

        hostility = AssessmentPolicyHostility.from_dict(d.pop("hostility"))

        screen = cast(list[str], d.pop("screen"))

        offence_questions = cast(list[str], d.pop("offence_questions"))

        frequencies = []
        _frequencies = d.pop("frequencies")
        for frequencies_item_data in _frequencies:
            frequencies_item = Frequency(frequencies_item_data)

            frequencies.append(frequencies_item)

        targets = AssessmentPolicyTargets.from_dict(d.pop("targets"))

        escalation = AssessmentPolicyEscalation.from_dict(d.pop("escalation"))

        categories = []
        _categories = d.pop("categories")
        for categories_item_data in _categories:
            categories_item = CategoryInfo.from_dict(categories_item_data)

            categories.append(categories_item)

        referrals = AssessmentPolicyReferrals.from_dict(d.pop("referrals"))

        assessment_policy = cls(
            version=version,
            title=title,
            levels=levels,
            thresholds=thresholds,
            questions=questions,
            critical=critical,
            hostility=hostility,
            screen=screen,
            offence_questions=offence_questions,
            frequencies=frequencies,
            targets=targets,
            escalation=escalation,
            categories=categories,
            referrals=referrals,
        )

        return assessment_policy
