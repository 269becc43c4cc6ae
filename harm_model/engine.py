"""The assessment engine: answers in, level with its reasons, bounds and next questions out.

Unknown (absent or null) is never read as no: the level is a lower bound computed from what is
known, ``could_raise_to`` is the level if every unknown were answered in the worst way, and
``ask_next`` lists the unknowns most able to change the level first.

``ask_next`` order: critical items, then the hostility question, then scored questions by how
many levels a worst-case answer to that question alone would add, then by points; at equal
impact, questions in the call handler's screen come first, then policy order.

Lookup tables are built once per policy object (``_Tables``), so a call does no parsing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from harm_model.errors import HarmValidationError, short_repr
from harm_model.levels import LEVELS_BY_RANK, Level
from harm_model.policy import Policy, resolve_policy
from harm_model.specs import TargetSpec

_BOOL_WORDS: dict[str, bool | None] = {"yes": True, "no": False, "unknown": None}
_LIST_TYPES = (list, tuple, set, frozenset)


@dataclass(frozen=True, slots=True)
class Reason:
    """One rule or answer that contributed to a result."""

    rule: str
    question: str | None
    points: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "question": self.question,
            "points": self.points,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class Judgement:
    """An officer's professional judgement on the level. Lowering below the computed level
    needs ``supervisor=True``; ``by`` is who made it (supplied by the caller, recorded as is)."""

    level: Level
    reason: str
    by: str
    supervisor: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "level", Level.parse(self.level, "judgement.level"))

    def to_dict(self) -> dict[str, Any]:
        return {
            "level": self.level.value,
            "reason": self.reason,
            "by": self.by,
            "supervisor": self.supervisor,
        }


@dataclass(frozen=True, slots=True)
class Assessment:
    policy_version: str
    level: Level
    computed_level: Level
    score: int
    max_score_possible: int
    complete: bool
    could_raise_to: Level
    ask_next: tuple[str, ...]
    hate_flag: bool
    hate_strands: tuple[str, ...]
    reasons: tuple[Reason, ...]
    targets: tuple[TargetSpec, ...]
    judgement: Judgement | None
    answers: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {
            "policy_version": self.policy_version,
            "level": self.level.value,
            "computed_level": self.computed_level.value,
            "score": self.score,
            "max_score_possible": self.max_score_possible,
            "complete": self.complete,
            "could_raise_to": self.could_raise_to.value,
            "ask_next": list(self.ask_next),
            "hate_flag": self.hate_flag,
            "hate_strands": list(self.hate_strands),
            "reasons": [r.to_dict() for r in self.reasons],
            "targets": [t.to_dict() for t in self.targets],
            "judgement": None if self.judgement is None else self.judgement.to_dict(),
            "answers": {k: list(v) if isinstance(v, tuple) else v for k, v in self.answers.items()},
        }


class _Tables:
    """Per-policy lookups precomputed for the hot path."""

    __slots__ = (
        "kinds",
        "blank",
        "bools",
        "freqs",
        "freq_values",
        "hq",
        "strand_rank",
        "pattern_ids",
        "medium",
        "high",
        "hmin",
        "hpat",
        "static_key",
        "max_pts",
        "targets",
        "version",
        "hostility_level",
        "critical_set",
        "hostility_reasons",
        "pattern_reasons",
        "threshold_reasons",
        "ask_next_orders",
        "strand_sets",
    )

    def __init__(self, policy: Policy) -> None:
        self.version = policy.version
        self.kinds: dict[str, int] = {}
        self.bools: list[tuple[str, int, Reason, bool]] = []
        self.freqs: list[tuple[str, Mapping[str, int], dict[str, Reason]]] = []
        for q in policy.questions:
            if q.answer_type == "boolean":
                self.kinds[q.id] = 0
                if q.critical:
                    reason = Reason(
                        "critical-item",
                        q.id,
                        0,
                        f"Critical item answered yes ({q.id}): {q.text} Level high.",
                    )
                else:
                    reason = Reason(
                        "score", q.id, int(q.points), f"Yes to {q.id}: {q.text} (+{q.points})"
                    )
                self.bools.append((q.id, int(q.points), reason, q.critical))
            elif q.answer_type == "frequency":
                self.kinds[q.id] = 1
                assert isinstance(q.points, Mapping)
                self.freqs.append(
                    (
                        q.id,
                        q.points,
                        {
                            v: Reason("score", q.id, p, f"{q.id} is {v} (+{p})")
                            for v, p in q.points.items()
                        },
                    )
                )
            else:
                self.kinds[q.id] = 2
        self.freq_values = frozenset(v for _, pts, _ in self.freqs for v in pts)
        self.blank: dict[str, Any] = {q.id: None for q in policy.questions}
        self.hq = policy.hostility_question
        self.strand_rank = {s: i for i, s in enumerate(policy.hostility_strands)}
        self.pattern_ids = policy.hostility_pattern_ids
        self.medium = policy.thresholds["medium"]
        self.high = policy.thresholds["high"]
        self.hmin = policy.hostility_min_level.rank
        self.hpat = policy.hostility_pattern_level.rank
        self.critical_set = frozenset(policy.critical_ids)
        self.max_pts = {q.id: q.max_points for q in policy.questions}
        self.static_key: dict[str, tuple[int, int, int, int]] = {}
        for idx, q in enumerate(policy.questions):
            tier = 0 if q.critical else 1 if q.id == self.hq else 2
            self.static_key[q.id] = (tier, -q.max_points, 0 if q.in_screen else 1, idx)
        self.targets = {lvl.rank: policy.targets[lvl] for lvl in Level}
        self.hostility_level = LEVELS_BY_RANK[self.hmin]
        # Memos of pure functions of their keys (the Reasons are immutable), bounded by _MEMO.
        self.hostility_reasons: dict[tuple[str, ...], Reason] = {}
        level_text = LEVELS_BY_RANK[self.hpat].value
        self.pattern_reasons = {
            p: Reason(
                "hostility-with-pattern", p, 0,
                f"Hostility perceived together with {p}: level {level_text}",
            )
            for p in self.pattern_ids
        }
        self.threshold_reasons: dict[tuple[int, int], Reason] = {}
        # ask_next for (unknown questions in table order, score, rank, hostility perceived):
        # everything the order depends on (see `_impact_key`).
        self.ask_next_orders: dict[tuple[tuple[str, ...], int, int, bool], tuple[str, ...]] = {}
        # Valid strand answers (as given, in a tuple) -> their normalised tuple.
        self.strand_sets: dict[tuple, tuple[str, ...]] = {}

    def score_rank(self, score: int) -> int:
        return 2 if score >= self.high else 1 if score >= self.medium else 0

    def hostility_reason(self, strands: tuple[str, ...]) -> Reason:
        reason = self.hostility_reasons.get(strands)
        if reason is None:
            reason = Reason(
                "hostility",
                self.hq,
                0,
                (
                    f"Hostility perceived ({', '.join(strands)}): hate flag; level at least "
                    f"{self.hostility_level.value}"
                ),
            )
            _remember(self.hostility_reasons, strands, reason)
        return reason

    def threshold_reason(self, score_rank: int, score: int) -> Reason:
        reason = self.threshold_reasons.get((score_rank, score))
        if reason is None:
            if score_rank == 2:
                reason = Reason(
                    "threshold-high",
                    None,
                    score,
                    f"Score {score} reaches the high threshold ({self.high})",
                )
            else:
                reason = Reason(
                    "threshold-medium",
                    None,
                    score,
                    f"Score {score} reaches the medium threshold ({self.medium})",
                )
            _remember(self.threshold_reasons, (score_rank, score), reason)
        return reason

    def ask_next(
        self, unknown: list[str], norm: dict[str, Any], score: int, rank: int, strands: Any
    ) -> tuple[str, ...]:
        key = (tuple(unknown), score, rank, bool(strands))
        order = self.ask_next_orders.get(key)
        if order is None:
            order = tuple(sorted(unknown, key=_impact_key(self, norm, score, rank, strands)))
            _remember(self.ask_next_orders, key, order)
        return order


_MEMO = 4096


def _remember(memo: dict, key: Any, value: Any) -> None:
    if len(memo) >= _MEMO:
        memo.clear()
    memo[key] = value


def tables(policy: Policy) -> _Tables:
    t = policy._tables
    if t is None:
        t = _Tables(policy)
        object.__setattr__(policy, "_tables", t)
    return t


def _normalise_strands(value: object, t: _Tables, field: str, errors: list[dict[str, str]]):
    if value is None or value == "unknown":
        return None
    if isinstance(value, _LIST_TYPES):
        given = tuple(value)
        try:
            known = t.strand_sets.get(given)
        except TypeError:  # unhashable items, so not strands: reported below
            known = None
        if known is not None:
            return known
        rank = t.strand_rank
        bad = [s for s in value if not isinstance(s, str) or s not in rank]
        if not bad:
            strands = tuple(sorted(set(value), key=rank.__getitem__))
            _remember(t.strand_sets, given, strands)
            return strands
        errors.append(
            {
                "field": field,
                "message": (
                    f"unknown strand {short_repr(bad[0])}; expected a list of: {', '.join(rank)}"
                ),
            }
        )
        return None
    errors.append(
        {
            "field": field,
            "message": (
                "expected a list of strands ([] for none, null for unknown), "
                f"got {short_repr(value)}"
            ),
        }
    )
    return None


def _normalise(answers: Mapping[str, object], t: _Tables) -> dict[str, Any]:
    norm = dict(t.blank)
    errors: list[dict[str, str]] = []
    kinds = t.kinds
    for qid, value in answers.items():
        kind = kinds.get(qid) if isinstance(qid, str) else None
        if kind == 0:
            if value is True or value is False or value is None:
                norm[qid] = value
            elif isinstance(value, str) and value in _BOOL_WORDS:
                norm[qid] = _BOOL_WORDS[value]
            else:
                errors.append(
                    {
                        "field": f"answers.{qid}",
                        "message": (
                            "expected yes, no or unknown (true, false, null), "
                            f"got {short_repr(value)}"
                        ),
                    }
                )
        elif kind == 1:
            if value is None or value == "unknown":
                norm[qid] = None
            elif isinstance(value, str) and value in t.freq_values:
                norm[qid] = value
            else:
                errors.append(
                    {
                        "field": f"answers.{qid}",
                        "message": (
                            f"expected one of {', '.join(sorted(t.freq_values))} or null, "
                            f"got {short_repr(value)}"
                        ),
                    }
                )
        elif kind == 2:
            norm[qid] = _normalise_strands(value, t, f"answers.{qid}", errors)
        else:
            name = qid if isinstance(qid, str) else short_repr(qid)
            errors.append({"field": f"answers.{name}", "message": "unknown question id"})
    if errors:
        raise HarmValidationError(errors)
    return norm


def _coerce_judgement(judgement: object) -> Judgement:
    if isinstance(judgement, Judgement):
        j = judgement
    elif isinstance(judgement, Mapping):
        try:
            j = Judgement(
                level=judgement["level"],
                reason=judgement.get("reason", ""),
                by=judgement.get("by", ""),
                supervisor=judgement.get("supervisor", False),
            )
        except KeyError:
            raise HarmValidationError("judgement.level", "give the judged level") from None
    else:
        raise HarmValidationError("judgement", "expected a judgement (level, reason, by)")
    if not isinstance(j.reason, str) or not j.reason.strip():
        raise HarmValidationError("judgement.reason", "a professional judgement needs a reason")
    if not isinstance(j.by, str) or not j.by.strip():
        raise HarmValidationError("judgement.by", "say who made the judgement")
    if not isinstance(j.supervisor, bool):
        raise HarmValidationError("judgement.supervisor", "expected true or false")
    return j


def assess(
    answers: Mapping[str, object],
    policy: Policy | str | None = None,
    *,
    judgement: Judgement | Mapping[str, object] | None = None,
) -> Assessment:
    """Assess the harm to a victim from (possibly partial) answers. See the module docstring."""
    pol = policy if isinstance(policy, Policy) else resolve_policy(policy)
    t = pol._tables or tables(pol)
    if type(answers) is not dict and not isinstance(answers, Mapping):
        raise HarmValidationError("answers", "expected an object mapping question ids to answers")
    norm = _normalise(answers, t)

    score = 0
    worst_extra = 0
    unknown: list[str] = []
    critical: list[Reason] = []
    scored: list[Reason] = []
    unknown_critical = False
    for qid, pts, reason, is_critical in t.bools:
        v = norm[qid]
        if v is None:
            unknown.append(qid)
            worst_extra += pts
            unknown_critical = unknown_critical or is_critical
        elif v:
            if is_critical:
                critical.append(reason)
            else:
                score += pts
                scored.append(reason)
    for qid, pts_by_value, reason_by_value in t.freqs:
        v = norm[qid]
        if v is None:
            unknown.append(qid)
            worst_extra += t.max_pts[qid]
        elif pts_by_value[v]:
            score += pts_by_value[v]
            scored.append(reason_by_value[v])

    strands = norm[t.hq]
    pattern_yes = [p for p in t.pattern_ids if norm[p] is True]
    score_rank = t.score_rank(score)
    rank = score_rank
    reasons: list[Reason] = []
    if critical:
        rank = 2
        reasons.extend(critical)
    if strands:
        rank = max(rank, t.hmin)
        reasons.append(t.hostility_reason(strands))
        if pattern_yes:
            rank = max(rank, t.hpat)
            reasons.extend([t.pattern_reasons[p] for p in pattern_yes])
    reasons.extend(scored)
    if score_rank:
        reasons.append(t.threshold_reason(score_rank, score))

    # Worst case for every unknown: yes, the highest frequency, some strand.
    if strands is None:
        unknown.append(t.hq)
    worst = t.score_rank(score + worst_extra)
    if critical or unknown_critical:
        worst = 2
    if strands or strands is None:
        worst = max(worst, t.hmin)
        if any(norm[p] is not False for p in t.pattern_ids):
            worst = max(worst, t.hpat)
    worst = max(worst, rank)

    ask_next: tuple[str, ...] = ()
    if unknown:
        ask_next = t.ask_next(unknown, norm, score, rank, strands)

    computed = LEVELS_BY_RANK[rank]
    final = computed
    j = None
    if judgement is not None:
        j = _coerce_judgement(judgement)
        final = j.level
        reasons.extend(_judgement_reasons(j, computed, reasons, t))

    return Assessment(
        policy_version=t.version,
        level=final,
        computed_level=computed,
        score=score,
        max_score_possible=score + worst_extra,
        complete=not unknown,
        could_raise_to=LEVELS_BY_RANK[worst],
        ask_next=ask_next,
        hate_flag=bool(strands),
        hate_strands=strands or (),
        reasons=tuple(reasons),
        targets=t.targets[final.rank],
        judgement=j,
        answers=norm,
    )


def _impact_key(t: _Tables, norm: dict[str, Any], score: int, rank: int, strands: Any):
    static = t.static_key
    pattern = t.pattern_ids

    def key(qid: str) -> tuple[int, int, int, int, int]:
        tier, neg_pts, screen, idx = static[qid]
        if tier == 2:
            reach = t.score_rank(score - neg_pts)
            if strands and qid in pattern:
                reach = max(reach, t.hpat)
            gain = reach - rank if reach > rank else 0
        else:
            gain = 0  # critical items and the hostility question have their own tiers
        return (tier, -gain, neg_pts, screen, idx)

    return key


def _judgement_reasons(
    j: Judgement, computed: Level, computed_reasons: list[Reason], t: _Tables
) -> list[Reason]:
    if j.level > computed:
        return [
            Reason(
                "judgement-raise",
                None,
                0,
                (f"Raised from {computed.value} to {j.level.value} by {j.by}: {j.reason}"),
            )
        ]
    if j.level == computed:
        return [
            Reason(
                "judgement-confirm",
                None,
                0,
                (f"Level {computed.value} confirmed by {j.by}: {j.reason}"),
            )
        ]
    if not j.supervisor:
        raise HarmValidationError(
            "judgement",
            (
                f"lowering the level below the computed level ({computed.value}) needs a "
                "supervisor (supervisor=true) and a reason"
            ),
        )
    out = [
        Reason(
            "judgement-lower",
            None,
            0,
            (f"Lowered from {computed.value} to {j.level.value} by supervisor {j.by}: {j.reason}"),
        )
    ]
    # Rules that force a level are named one by one when a supervisor overrides them.
    forced = {"critical-item": 2, "hostility": t.hmin, "hostility-with-pattern": t.hpat}
    for r in computed_reasons:
        floor = forced.get(r.rule)
        if floor is not None and j.level.rank < floor:
            out.append(
                Reason(
                    "judgement-overrides",
                    r.question,
                    0,
                    (
                        f"Supervisor {j.by} overrode {r.rule} ({r.question}), which requires "
                        f"{LEVELS_BY_RANK[floor].value}"
                    ),
                )
            )
    return out
