"""Referral needs from the policy's data (harm_model.referrals): what a case's answers, flags,
level and behaviour imply, in order, each with its reasons; the mapping is checked when built."""

from __future__ import annotations

import pytest

import harm_model as hm
from harm_model.errors import HarmValidationError
from harm_model.referrals import build_referral_policy

POLICY = hm.get_policy("fenland-harm-v1")
REF = POLICY.referrals


def _needs(**kw):
    kw.setdefault("answers", {})
    kw.setdefault("flags", ())
    kw.setdefault("categories", ())
    return hm.suggest_needs(REF, **kw)


def test_standard_noise_suggests_mediation_first_with_its_reason():
    out = _needs(answers={"mental_health_affected": True}, level="standard",
                 categories=["noise"])
    assert [s.need for s in out][:3] == ["mediation", "mental_health", "noise_nuisance"]
    (reason,) = out[0].reasons
    assert reason.rule == "standard-neighbour-dispute"
    assert "noise" in reason.matched and "standard" in reason.matched
    assert out[-1].need == "victim_support"


def test_noise_at_medium_is_not_mediation():
    assert "mediation" not in [s.need for s in _needs(level="medium", categories=["noise"])]


def test_hate_flag_and_strands_both_explain_hate_crime_advocacy():
    out = _needs(answers={"hostility_perceived": ["race"]}, flags=["hate-perceived"],
                 level="medium")
    hate = next(s for s in out if s.need == "hate_crime_advocacy")
    assert {r.rule for r in hate.reasons} == {"hostility", "hate-flag"}
    assert "race" in hate.reasons[0].matched


def test_self_harm_is_urgent_and_high_risk_offer_comes_first():
    out = _needs(answers={"self_harm_risk": True}, level="high")
    assert [s.need for s in out][:2] == ["victim_advocate", "mental_health"]
    assert out[1].urgent


def test_unknown_is_not_yes():
    out = _needs(answers={"isolated": None, "financial_hardship": False}, level="standard")
    assert [s.need for s in out] == ["victim_support"]


def test_policy_exposes_the_mapping_with_its_version():
    doc = POLICY.to_dict()
    assert doc["version"] == "fenland-harm-v1"
    assert {n["id"] for n in doc["referrals"]["needs"]} >= {
        "mediation", "victim_support", "housing_options", "mental_health", "noise_nuisance",
        "hate_crime_advocacy", "substance_misuse", "debt_advice", "disability_support"}
    assert doc["referrals"]["handover"]["high"]["amount"] == 2


def test_a_rule_naming_an_unknown_question_is_refused():
    bad = {"needs": [{"id": "x", "label": "X"}],
           "rules": [{"id": "r", "need": "x", "when": {"answer": "nope"}, "priority": 1,
                      "text": "t"}],
           "handover": {lvl: {"amount": 1, "unit": "days", "text": "t"}
                        for lvl in ("high", "medium", "standard")},
           "high_risk_offer": {"need": "x"}}
    with pytest.raises(HarmValidationError):
        build_referral_policy(bad, POLICY.question_ids, POLICY.categories)
