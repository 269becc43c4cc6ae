"""Referral needs: which support services a case's answers, flags, level and behaviour imply.

The mapping is policy data (a policy's `referrals` section, versioned with it): a vocabulary of
needs, and rules that each name the need they imply, when they apply, and the text that explains
them, as a level is explained by its reasons. `suggest_needs` is pure: the same inputs and policy
version always give the same needs, in the same order, each with every reason that implied it.

A rule's `when` is one of:
- `{"answer": qid}`: the question answered yes;
- `{"strands": true}`: any hostility strand perceived;
- `{"flag": rule_id}`: the case carries that escalation flag;
- `{"category": [ids]}` (optionally with `"level": L`): an incident of one of those categories
  (at that level only);
- `{"level": L}`: the case is at level L;
- `{"always": true}`: every victim.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from harm_model.errors import HarmValidationError
from harm_model.levels import Level
from harm_model.specs import UNITS, TargetSpec

WHEN_KEYS = frozenset({"answer", "strands", "flag", "category", "level", "always"})


@dataclass(frozen=True, slots=True)
class NeedRule:
    id: str
    need: str
    when: Mapping[str, Any]
    priority: int
    urgent: bool
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "need": self.need, "when": dict(self.when),
                "priority": self.priority, "urgent": self.urgent, "text": self.text}


@dataclass(frozen=True, slots=True)
class ReferralPolicy:
    needs: Mapping[str, str]  # need id -> label, in the policy's order
    rules: tuple[NeedRule, ...]
    handover: Mapping[Level, TargetSpec]
    # The service every high-risk victim is offered first (a directory service id), or None.
    high_risk_offer: str | None
    high_risk_offer_need: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "needs": [{"id": k, "label": v} for k, v in self.needs.items()],
            "rules": [r.to_dict() for r in self.rules],
            "handover": {lvl.value: spec.to_dict() for lvl, spec in self.handover.items()},
            "high_risk_offer": {"service_id": self.high_risk_offer,
                                "need": self.high_risk_offer_need},
        }


@dataclass(frozen=True, slots=True)
class NeedReason:
    """Why a need was suggested: the rule, and what on the case matched it."""

    rule: str
    matched: str
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "matched": self.matched, "text": self.text}


@dataclass(frozen=True, slots=True)
class NeedSuggestion:
    need: str
    label: str
    priority: int
    urgent: bool
    reasons: tuple[NeedReason, ...]


def build_referral_policy(data: Mapping[str, Any], question_ids: Iterable[str],
                          category_ids: Iterable[str]) -> ReferralPolicy:
    """Check and freeze a policy's `referrals` section."""
    questions, categories = set(question_ids), set(category_ids)
    needs = {n["id"]: n["label"] for n in data["needs"]}
    rules = []
    for raw in data["rules"]:
        where = f"policy.referrals.rules.{raw.get('id')}"
        when = dict(raw["when"])
        if raw["need"] not in needs or not when or set(when) - WHEN_KEYS:
            raise HarmValidationError(where, "unknown need or condition")
        if "answer" in when and when["answer"] not in questions:
            raise HarmValidationError(where, f"unknown question {when['answer']!r}")
        if "category" in when and set(when["category"]) - categories:
            raise HarmValidationError(where, "unknown category")
        if "level" in when:
            Level.parse(when["level"], where)
        rules.append(NeedRule(id=raw["id"], need=raw["need"], when=when,
                              priority=int(raw["priority"]), urgent=bool(raw.get("urgent")),
                              text=raw["text"]))
    if len({r.id for r in rules}) != len(rules):
        raise HarmValidationError("policy.referrals.rules", "duplicate rule id")
    handover = {}
    for lvl in Level:
        raw = data["handover"][lvl.value]
        if raw["unit"] not in UNITS or int(raw["amount"]) < 0:
            raise HarmValidationError("policy.referrals.handover", "bad target")
        handover[lvl] = TargetSpec(kind="referral_handover", level=lvl, amount=int(raw["amount"]),
                                   unit=raw["unit"], recurring=False, text=raw["text"])
    offer = data.get("high_risk_offer") or {}
    offer_need = offer.get("need", "victim_support")
    if offer_need not in needs:
        raise HarmValidationError("policy.referrals.high_risk_offer", "unknown need")
    return ReferralPolicy(needs=needs, rules=tuple(rules), handover=handover,
                          high_risk_offer=offer.get("service_id"),
                          high_risk_offer_need=offer_need)


def _matched(when: Mapping[str, Any], answers: Mapping[str, Any], flags: frozenset[str],
             level: Level, categories: frozenset[str]) -> str | None:
    """What on the case satisfies `when` (a short description), or None when it does not."""
    if "level" in when and Level.parse(when["level"]) is not level:
        return None
    if "answer" in when:
        return f"answer {when['answer']}: yes" if answers.get(when["answer"]) is True else None
    if "strands" in when:
        strands = answers.get("hostility_perceived") or []
        return f"hostility perceived: {', '.join(strands)}" if strands else None
    if "flag" in when:
        return f"flag {when['flag']}" if when["flag"] in flags else None
    if "category" in when:
        hit = sorted(categories & set(when["category"]))
        if not hit:
            return None
        return f"incidents: {', '.join(hit)}" + (f" at level {level.value}"
                                                   if "level" in when else "")
    if "level" in when:
        return f"level {level.value}"
    return "every victim" if when.get("always") else None


def suggest_needs(policy: ReferralPolicy, *, answers: Mapping[str, Any],
                  flags: Iterable[str], level: Level | str,
                  categories: Iterable[str]) -> list[NeedSuggestion]:
    """The needs the case implies, most pressing first (urgent, then the best rule's priority,
    then the policy's order of needs), each with every reason that implied it. A high-risk
    case's offer need comes first of all."""
    lvl = Level.parse(level)
    flag_set, cat_set = frozenset(flags), frozenset(categories)
    found: dict[str, list[tuple[NeedRule, str]]] = {}
    for rule in policy.rules:
        matched = _matched(rule.when, answers, flag_set, lvl, cat_set)
        if matched is not None:
            found.setdefault(rule.need, []).append((rule, matched))
    order = list(policy.needs)
    out = []
    for need, hits in found.items():
        first = lvl is Level.HIGH and need == policy.high_risk_offer_need
        out.append(NeedSuggestion(
            need=need, label=policy.needs[need],
            priority=-1 if first else min(r.priority for r, _ in hits),
            urgent=any(r.urgent for r, _ in hits),
            reasons=tuple(NeedReason(r.id, m, r.text) for r, m in hits)))
    out.sort(key=lambda s: (s.priority > -1, not s.urgent, s.priority, order.index(s.need)))
    return out
