"""Policies: the question set, points, thresholds, targets and escalation parameters as data.

``get_policy(version)`` builds a frozen :class:`Policy` from the plain data in
``harm_model.policies`` once per version and caches it; the engine reads only these objects, so
a second version needs no engine change. Results always name the version that produced them.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from harm_model.categories import Category, build_categories
from harm_model.errors import HarmValidationError, short_repr
from harm_model.levels import Level
from harm_model.policies import POLICY_DATA
from harm_model.referrals import ReferralPolicy, build_referral_policy
from harm_model.specs import TARGET_KINDS, UNITS, TargetSpec

DEFAULT_POLICY_VERSION = "fenland-harm-v1"

GROUPS: tuple[str, ...] = ("critical", "hostility", "vulnerability", "impact", "pattern")
ANSWER_TYPES: tuple[str, ...] = ("boolean", "frequency", "strands")
FREQUENCIES: tuple[str, ...] = ("daily", "weekly", "monthly", "less_often")


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    text: str
    group: str
    answer_type: str
    points: int | Mapping[str, int]
    critical: bool
    in_screen: bool

    @property
    def max_points(self) -> int:
        if isinstance(self.points, int):
            return self.points
        return max(self.points.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "group": self.group,
            "answer_type": self.answer_type,
            "points": self.points if isinstance(self.points, int) else dict(self.points),
            "critical": self.critical,
            "in_screen": self.in_screen,
        }


@dataclass(frozen=True, slots=True)
class EscalationParams:
    max_evidence: int
    hate_review: TargetSpec
    share_with_police: TargetSpec
    hate_screen_min_severity: int
    rise_window_days: int
    rise_min_severity: int
    reassessment: TargetSpec
    critical_raises_to: Level
    critical_follow_up: TargetSpec
    repeat_window_months: int
    repeat_min_incidents: int
    review_window_months: int
    review_min_complaints: int
    review_complaint_within_months: int
    review_hate_variant: bool
    review_hate_min_incidents: int
    review_application_targets: tuple[TargetSpec, ...]
    review_outcome_targets: tuple[TargetSpec, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "max_evidence": self.max_evidence,
            "hate-perceived": {"follow_up": self.hate_review.to_dict()},
            "hate-crime": {"follow_up": self.share_with_police.to_dict()},
            "hate-screen": {"min_severity": self.hate_screen_min_severity},
            "severity-rise": {
                "window_days": self.rise_window_days,
                "min_severity": self.rise_min_severity,
                "follow_up": self.reassessment.to_dict(),
            },
            "critical-incident": {
                "raises_to": self.critical_raises_to.value,
                "follow_up": self.critical_follow_up.to_dict(),
            },
            "repeat-victim": {
                "window_months": self.repeat_window_months,
                "min_incidents": self.repeat_min_incidents,
            },
            "case-review-eligible": {
                "window_months": self.review_window_months,
                "min_complaints": self.review_min_complaints,
                "complaint_within_months": self.review_complaint_within_months,
                "hate_variant": self.review_hate_variant,
                "hate_min_incidents": self.review_hate_min_incidents,
                "application_targets": [t.to_dict() for t in self.review_application_targets],
                "outcome_targets": [t.to_dict() for t in self.review_outcome_targets],
            },
        }


@dataclass(frozen=True, eq=False)
class Policy:
    """One immutable, versioned policy. Compared by identity (one object per version)."""

    version: str
    title: str
    questions: tuple[Question, ...]
    thresholds: Mapping[str, int]
    critical_ids: tuple[str, ...]
    hostility_question: str
    hostility_strands: tuple[str, ...]
    hostility_min_level: Level
    hostility_pattern_ids: tuple[str, ...]
    hostility_pattern_level: Level
    screen_ids: tuple[str, ...]
    offence_questions: tuple[str, ...]
    targets: Mapping[Level, tuple[TargetSpec, ...]]
    escalation: EscalationParams
    categories: Mapping[str, Category]
    by_id: Mapping[str, Question] = field(repr=False)
    # Referral needs and the handover target (harm_model.referrals); None when not set.
    referrals: ReferralPolicy | None = field(default=None, repr=False)
    # Engine lookup tables, built on first use (see harm_model.engine); not part of the policy.
    _tables: Any = field(default=None, init=False, repr=False)

    def question(self, qid: str) -> Question:
        return self.by_id[qid]

    @property
    def question_ids(self) -> tuple[str, ...]:
        return tuple(q.id for q in self.questions)

    def to_dict(self) -> dict[str, Any]:
        """JSON-friendly description of the whole policy (for GET /v1/assessment-policy)."""
        return {
            "version": self.version,
            "title": self.title,
            "levels": [lvl.value for lvl in (Level.STANDARD, Level.MEDIUM, Level.HIGH)],
            "thresholds": dict(self.thresholds),
            "questions": [q.to_dict() for q in self.questions],
            "critical": list(self.critical_ids),
            "hostility": {
                "question": self.hostility_question,
                "strands": list(self.hostility_strands),
                "min_level": self.hostility_min_level.value,
                "with_pattern": list(self.hostility_pattern_ids),
                "with_pattern_level": self.hostility_pattern_level.value,
            },
            "screen": list(self.screen_ids),
            "offence_questions": list(self.offence_questions),
            "frequencies": list(FREQUENCIES),
            "targets": {
                lvl.value: [t.to_dict() for t in self.targets[lvl]]
                for lvl in (Level.HIGH, Level.MEDIUM, Level.STANDARD)
            },
            "escalation": self.escalation.to_dict(),
            "categories": [c.to_dict() for c in self.categories.values()],
        } | ({"referrals": self.referrals.to_dict()} if self.referrals else {})


def _spec(raw: Mapping[str, Any], level: Level | None, where: str) -> TargetSpec:
    unit = raw["unit"]
    amount = raw["amount"]
    if unit not in UNITS or not isinstance(amount, int) or amount < 0:
        raise HarmValidationError(f"{where}", f"bad target {short_repr(dict(raw), 80)}")
    if "level" in raw:
        level = Level.parse(raw["level"], where)
    return TargetSpec(
        kind=raw["kind"],
        level=level,
        amount=amount,
        unit=unit,
        recurring=bool(raw.get("recurring", False)),
        text=raw.get("text", ""),
    )


def build_policy(data: Mapping[str, Any]) -> Policy:
    """Build and check a Policy from plain data; HarmValidationError("policy.*") if inconsistent."""
    version = data["version"]
    screen = tuple(data["screen"])
    hostility = data["hostility"]
    questions: list[Question] = []
    for raw in data["questions"]:
        qid = raw["id"]
        answer_type = raw.get("answer_type", "boolean")
        points = raw.get("points", 0)
        if isinstance(points, Mapping):
            points = MappingProxyType(dict(points))
            if set(points) != set(FREQUENCIES) or answer_type != "frequency":
                raise HarmValidationError(f"policy.questions.{qid}", "bad frequency points")
        if raw["group"] not in GROUPS or answer_type not in ANSWER_TYPES:
            raise HarmValidationError(f"policy.questions.{qid}", "bad group or answer type")
        questions.append(
            Question(
                id=qid,
                text=raw["text"],
                group=raw["group"],
                answer_type=answer_type,
                points=points,
                critical=bool(raw.get("critical", False)),
                in_screen=qid in screen,
            )
        )
    by_id = {q.id: q for q in questions}
    if len(by_id) != len(questions):
        raise HarmValidationError("policy.questions", "duplicate question id")
    hq = hostility["question"]
    pattern_ids = tuple(hostility["with_pattern"])
    for qid in (*screen, hq, *pattern_ids, *data.get("offence_questions", ())):
        if qid not in by_id:
            raise HarmValidationError("policy", f"unknown question id {qid!r}")
    if by_id[hq].answer_type != "strands":
        raise HarmValidationError("policy.hostility", "hostility question must take strands")
    thresholds = MappingProxyType(dict(data["thresholds"]))
    if not 0 < thresholds["medium"] < thresholds["high"]:
        raise HarmValidationError("policy.thresholds", "need 0 < medium < high")
    targets: dict[Level, tuple[TargetSpec, ...]] = {}
    for lvl in Level:
        specs = tuple(
            _spec(raw, lvl, f"policy.targets.{lvl.value}") for raw in data["targets"][lvl.value]
        )
        if tuple(s.kind for s in specs) != TARGET_KINDS:
            raise HarmValidationError(f"policy.targets.{lvl.value}", f"need kinds {TARGET_KINDS}")
        targets[lvl] = specs
    esc = data["escalation"]
    rise = esc["severity-rise"]
    crit = esc["critical-incident"]
    rep = esc["repeat-victim"]
    rev = esc["case-review-eligible"]
    escalation = EscalationParams(
        max_evidence=int(esc["max_evidence"]),
        hate_review=_spec(esc["hate-perceived"]["follow_up"], None, "policy.escalation"),
        share_with_police=_spec(esc["hate-crime"]["follow_up"], None, "policy.escalation"),
        hate_screen_min_severity=int(esc["hate-screen"]["min_severity"]),
        rise_window_days=int(rise["window_days"]),
        rise_min_severity=int(rise["min_severity"]),
        reassessment=_spec(rise["follow_up"], None, "policy.escalation"),
        critical_raises_to=Level.parse(crit["raises_to"], "policy.escalation"),
        critical_follow_up=_spec(crit["follow_up"], None, "policy.escalation"),
        repeat_window_months=int(rep["window_months"]),
        repeat_min_incidents=int(rep["min_incidents"]),
        review_window_months=int(rev["window_months"]),
        review_min_complaints=int(rev["min_complaints"]),
        review_complaint_within_months=int(rev["complaint_within_months"]),
        review_hate_variant=bool(rev["hate_variant"]),
        review_hate_min_incidents=int(rev["hate_min_incidents"]),
        review_application_targets=tuple(
            _spec(t, None, "policy.escalation") for t in rev["application_targets"]
        ),
        review_outcome_targets=tuple(
            _spec(t, None, "policy.escalation") for t in rev.get("outcome_targets", ())
        ),
    )
    if escalation.max_evidence < max(
        escalation.repeat_min_incidents,
        escalation.review_min_complaints,
        escalation.review_hate_min_incidents,
        1,
    ):
        raise HarmValidationError("policy.escalation", "max_evidence below a count threshold")
    categories = build_categories(tuple(data["categories"]))
    referrals = (build_referral_policy(data["referrals"], by_id, categories)
                 if "referrals" in data else None)
    return Policy(
        version=version,
        title=data.get("title", version),
        questions=tuple(questions),
        thresholds=thresholds,
        critical_ids=tuple(q.id for q in questions if q.critical),
        hostility_question=hq,
        hostility_strands=tuple(hostility["strands"]),
        hostility_min_level=Level.parse(hostility["min_level"], "policy.hostility"),
        hostility_pattern_ids=pattern_ids,
        hostility_pattern_level=Level.parse(hostility["with_pattern_level"], "policy.hostility"),
        screen_ids=screen,
        offence_questions=tuple(data.get("offence_questions", ())),
        targets=MappingProxyType(targets),
        escalation=escalation,
        categories=categories,
        by_id=MappingProxyType(by_id),
        referrals=referrals,
    )


_REGISTRY: dict[str, Mapping[str, Any]] = dict(POLICY_DATA)
_BUILT: dict[str, Policy] = {}
_LOCK = threading.Lock()


def register_policy(data: Mapping[str, Any]) -> Policy:
    """Register another policy version from plain data (checked at once). Versions are immutable:
    registering an existing version again is refused, so past assessments stay reproducible."""
    version = data["version"]
    with _LOCK:
        if version in _REGISTRY:
            raise HarmValidationError("policy_version", f"{version!r} is already registered")
        built = build_policy(data)
        _REGISTRY[version] = data
        _BUILT[version] = built
    return built


def policy_versions() -> list[str]:
    return sorted(_REGISTRY)


def get_policy(version: str | None = None) -> Policy:
    """The cached Policy for ``version`` (default ``fenland-harm-v1``)."""
    if version is None:
        version = DEFAULT_POLICY_VERSION
    built = _BUILT.get(version) if isinstance(version, str) else None
    if built is not None:
        return built
    if not isinstance(version, str) or version not in _REGISTRY:
        raise HarmValidationError(
            "policy_version",
            f"unknown policy version {short_repr(version)}; known: {', '.join(policy_versions())}",
        )
    with _LOCK:
        built = _BUILT.get(version)
        if built is None:
            built = _BUILT[version] = build_policy(_REGISTRY[version])
    return built


def resolve_policy(policy: Policy | str | None) -> Policy:
    if isinstance(policy, Policy):
        return policy
    return get_policy(policy)
