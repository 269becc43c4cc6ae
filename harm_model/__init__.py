"""Harm model for anti-social behaviour casework: a pure, versioned, explainable domain library.

- ``assess(answers)``: level, score, reasons, bounds and next questions for a victim's answers;
- response targets per level with due times in hours or England and Wales working days;
- behaviour categories and escalation rules evaluated from a small running case state.

No IO; imports nothing from ``asb_core`` or ``asb_api``. Policy ``fenland-harm-v1`` is data in
``harm_model.policies``.
"""

from harm_model.calendar import add_months, add_working_days, bank_holidays, is_working_day
from harm_model.categories import CATEGORIES, NSIR_TYPES, Category
from harm_model.engine import Assessment, Judgement, Reason, assess
from harm_model.errors import HarmValidationError
from harm_model.escalation import (
    ESCALATION_RULES,
    CaseState,
    Flag,
    Incident,
    assessment_flags,
    empty_state,
    flags,
    fold,
)
from harm_model.levels import Level, max_level
from harm_model.policy import (
    DEFAULT_POLICY_VERSION,
    FREQUENCIES,
    EscalationParams,
    Policy,
    Question,
    get_policy,
    policy_versions,
    register_policy,
)
from harm_model.referrals import NeedSuggestion, ReferralPolicy, suggest_needs
from harm_model.specs import TargetSpec
from harm_model.targets import (
    TargetState,
    due_at,
    initial_targets,
    mark_met,
    next_occurrence,
    recompute_targets,
    refresh_state,
    target_specs,
)

__all__ = [
    "NeedSuggestion",
    "ReferralPolicy",
    "suggest_needs",
    "CATEGORIES",
    "DEFAULT_POLICY_VERSION",
    "ESCALATION_RULES",
    "FREQUENCIES",
    "NSIR_TYPES",
    "Assessment",
    "CaseState",
    "Category",
    "EscalationParams",
    "Flag",
    "HarmValidationError",
    "Incident",
    "Judgement",
    "Level",
    "Policy",
    "Question",
    "Reason",
    "TargetSpec",
    "TargetState",
    "add_months",
    "add_working_days",
    "assess",
    "assessment_flags",
    "bank_holidays",
    "case_review_application_targets",
    "case_review_outcome_targets",
    "due_at",
    "empty_state",
    "flags",
    "fold",
    "get_policy",
    "initial_targets",
    "is_working_day",
    "mark_met",
    "max_level",
    "next_occurrence",
    "policy_versions",
    "recompute_targets",
    "refresh_state",
    "register_policy",
    "target_specs",
]


def case_review_application_targets(policy: Policy | str | None = None) -> tuple[TargetSpec, ...]:
    """Targets that start when an ASB case review application is logged (acknowledge, decide)."""
    from harm_model.policy import resolve_policy

    return resolve_policy(policy).escalation.review_application_targets


def case_review_outcome_targets(policy: Policy | str | None = None) -> tuple[TargetSpec, ...]:
    """Targets that start when a case review's threshold is decided met (hold the review and
    send the applicant its outcome)."""
    from harm_model.policy import resolve_policy

    return resolve_policy(policy).escalation.review_outcome_targets
