"""Table tests for harm_model.assess: thresholds, critical items, hostility rules, validation,
ask-next order, professional judgement and the policy registry."""

from __future__ import annotations

import json

import pytest

import harm_model
from harm_model import HarmValidationError, Judgement, Level, assess, get_policy

POLICY = get_policy()
CRITICAL = ("immediate_danger", "threats_or_violence", "self_harm_risk")
STRANDS = ("disability", "race", "religion", "sexual_orientation", "transgender", "other")


def yes(*ids: str, **extra: object) -> dict[str, object]:
    return {**dict.fromkeys(ids, True), **extra}


def rules(assessment: harm_model.Assessment) -> list[str]:
    return [r.rule for r in assessment.reasons]


def test_acceptance_threats_or_violence_alone_is_high() -> None:
    assert assess({"threats_or_violence": True}).level == "high"
    assert assess({"threats_or_violence": True}).level is Level.HIGH


def test_acceptance_empty_answers() -> None:
    a = assess({})
    assert a.level is Level.STANDARD
    assert a.could_raise_to is Level.HIGH
    assert a.ask_next[:3] == CRITICAL
    assert a.complete is False
    assert a.score == 0
    assert a.policy_version == "fenland-harm-v1"
    assert set(a.ask_next) == set(POLICY.question_ids)


@pytest.mark.parametrize(
    ("answers", "score", "level"),
    [
        (
            yes(
                "disability_or_illness",
                "physical_health_affected",
                "mental_health_affected",
                "sleep_affected",
            ),
            11,
            "standard",
        ),
        (
            yes(
                "disability_or_illness",
                "physical_health_affected",
                "mental_health_affected",
                "sleep_affected",
                "financial_hardship",
            ),
            12,
            "medium",
        ),
        (
            yes(
                "disability_or_illness",
                "physical_health_affected",
                "mental_health_affected",
                "feels_unsafe_at_home",
                "escalating",
                "sleep_affected",
                "daily_life_affected",
                "considering_moving",
            ),
            21,
            "medium",
        ),
        (
            yes(
                "disability_or_illness",
                "physical_health_affected",
                "mental_health_affected",
                "feels_unsafe_at_home",
                "escalating",
                "sleep_affected",
                "daily_life_affected",
                "considering_moving",
                "financial_hardship",
            ),
            22,
            "high",
        ),
        # Frequency carries points too: 9 + daily (3) = 12.
        (
            yes(
                "disability_or_illness",
                "physical_health_affected",
                "mental_health_affected",
                frequency="daily",
            ),
            12,
            "medium",
        ),
        (
            yes(
                "disability_or_illness",
                "physical_health_affected",
                "mental_health_affected",
                frequency="less_often",
            ),
            9,
            "standard",
        ),
    ],
)
def test_score_thresholds(answers: dict[str, object], score: int, level: str) -> None:
    a = assess(answers)
    assert (a.score, a.level.value) == (score, level)
    expected_rule = {"standard": None, "medium": "threshold-medium", "high": "threshold-high"}
    if expected_rule[level]:
        assert expected_rule[level] in rules(a)
    assert sum(r.points for r in a.reasons if r.rule == "score") == score


@pytest.mark.parametrize("question", CRITICAL)
def test_each_critical_item_forces_high(question: str) -> None:
    answered_no = {
        q: False for q in POLICY.question_ids if POLICY.question(q).answer_type == "boolean"
    }
    answered_no.update(frequency="less_often", hostility_perceived=[])
    assert assess(answered_no).level is Level.STANDARD
    a = assess({**answered_no, question: True})
    assert a.level is Level.HIGH
    assert a.score == 0
    assert [(r.rule, r.question) for r in a.reasons] == [("critical-item", question)]
    assert assess({question: False}).level is Level.STANDARD


@pytest.mark.parametrize("strand", STRANDS)
def test_any_strand_gives_hate_flag_and_at_least_medium(strand: str) -> None:
    a = assess({"hostility_perceived": [strand], "feels_targeted": False, "repeat": False})
    assert a.level is Level.MEDIUM
    assert a.hate_flag is True
    assert a.hate_strands == (strand,)
    assert "hostility" in rules(a)


@pytest.mark.parametrize("pattern", ["feels_targeted", "repeat"])
def test_strand_with_targeted_or_repeat_is_high(pattern: str) -> None:
    a = assess({"hostility_perceived": ["race"], pattern: True})
    assert a.level is Level.HIGH
    assert ("hostility-with-pattern", pattern) in [(r.rule, r.question) for r in a.reasons]
    # Without a strand the same answer is just points.
    assert assess({"hostility_perceived": [], pattern: True}).level is Level.STANDARD


def test_hostility_rule_never_lowers_a_high_score() -> None:
    high = yes(
        "disability_or_illness",
        "physical_health_affected",
        "mental_health_affected",
        "feels_unsafe_at_home",
        "escalating",
        "sleep_affected",
        "daily_life_affected",
        "considering_moving",
        "financial_hardship",
    )
    assert assess({**high, "hostility_perceived": ["religion"]}).level is Level.HIGH


def test_no_strands_and_unknown_strands_differ() -> None:
    none = assess({"hostility_perceived": []})
    unknown = assess({"hostility_perceived": None})
    assert none.hate_flag is unknown.hate_flag is False
    assert "hostility_perceived" not in none.ask_next
    assert "hostility_perceived" in unknown.ask_next
    assert none.answers["hostility_perceived"] == ()
    assert unknown.answers["hostility_perceived"] is None


def test_strands_are_deduplicated_and_in_policy_order() -> None:
    a = assess({"hostility_perceived": ["other", "race", "race"]})
    assert a.hate_strands == ("race", "other")


def test_yes_no_unknown_words_are_accepted() -> None:
    a = assess({"repeat": "yes", "escalating": "no", "isolated": "unknown"})
    assert a.answers["repeat"] is True
    assert a.answers["escalating"] is False
    assert a.answers["isolated"] is None
    assert a.score == 3


@pytest.mark.parametrize(
    ("answers", "field"),
    [
        ({"not_a_question": True}, "answers.not_a_question"),
        ({"repeat": "maybe"}, "answers.repeat"),
        ({"repeat": 1}, "answers.repeat"),
        ({"repeat": [True]}, "answers.repeat"),
        ({"frequency": "hourly"}, "answers.frequency"),
        ({"frequency": True}, "answers.frequency"),
        ({"hostility_perceived": "race"}, "answers.hostility_perceived"),
        ({"hostility_perceived": ["colour"]}, "answers.hostility_perceived"),
        ({"hostility_perceived": True}, "answers.hostility_perceived"),
    ],
)
def test_validation_errors_name_the_field(answers: dict[str, object], field: str) -> None:
    with pytest.raises(HarmValidationError) as info:
        assess(answers)
    assert info.value.errors[0]["field"] == field
    assert field in str(info.value)
    assert isinstance(info.value, ValueError)


def test_validation_collects_every_bad_field() -> None:
    with pytest.raises(HarmValidationError) as info:
        assess({"repeat": "maybe", "nope": True, "frequency": "hourly"})
    assert sorted(info.value.fields) == ["answers.frequency", "answers.nope", "answers.repeat"]


def test_answers_must_be_a_mapping() -> None:
    with pytest.raises(HarmValidationError) as info:
        assess([("repeat", True)])  # type: ignore[arg-type]
    assert info.value.fields == ["answers"]


def test_unknown_policy_version() -> None:
    with pytest.raises(HarmValidationError) as info:
        assess({}, "fenland-harm-v0")
    assert info.value.fields == ["policy_version"]
    with pytest.raises(HarmValidationError):
        get_policy("nope")
    assert "fenland-harm-v1" in harm_model.policy_versions()


def test_ask_next_order() -> None:
    a = assess({})
    assert a.ask_next[:4] == (*CRITICAL, "hostility_perceived")
    rest = a.ask_next[4:]
    points = [POLICY.question(q).max_points for q in rest]
    assert points == sorted(points, reverse=True)
    # Among the 3-point questions, the screen's come first.
    threes = [q for q in rest if POLICY.question(q).max_points == 3]
    screen_flags = [POLICY.question(q).in_screen for q in threes]
    assert screen_flags == sorted(screen_flags, reverse=True)
    assert threes[:3] == ["disability_or_illness", "repeat", "feels_targeted"]


def test_ask_next_prefers_questions_that_can_change_the_level() -> None:
    # With a strand known, repeat or feels_targeted alone would make it high: they jump ahead of
    # other 3-point questions that cannot change the level on their own.
    hostile = assess({"hostility_perceived": ["race"]})
    assert hostile.level is Level.MEDIUM
    assert hostile.ask_next[:5] == (*CRITICAL, "repeat", "feels_targeted")
    plain = assess({"hostility_perceived": []})
    assert plain.ask_next[:5] == (*CRITICAL, "disability_or_illness", "repeat")


def test_complete_assessment_has_no_ask_next() -> None:
    answers = {q: False for q in POLICY.question_ids}
    answers.update(frequency="weekly", hostility_perceived=[])
    a = assess(answers)
    assert a.complete is True
    assert a.ask_next == ()
    assert a.could_raise_to is a.level is Level.STANDARD
    assert a.max_score_possible == a.score == 2


def test_could_raise_to_and_max_score() -> None:
    answers = {q: False for q in POLICY.question_ids}
    answers.update(frequency="weekly", hostility_perceived=[])
    del answers["disability_or_illness"]
    a = assess(answers)
    assert a.could_raise_to is Level.STANDARD  # 2 + 3 < 12
    assert a.max_score_possible == 5
    del answers["hostility_perceived"]
    assert assess(answers).could_raise_to is Level.MEDIUM  # a strand, without repeat/targeted
    answers["repeat"] = None
    assert assess(answers).could_raise_to is Level.HIGH  # a strand and repeat


def test_targets_follow_the_final_level() -> None:
    assert [(t.kind, t.amount, t.unit) for t in assess({}).targets] == [
        ("first_contact", 5, "working_days"),
        ("multi_agency", 5, "working_days"),
        ("victim_update", 28, "days"),
        ("case_review", 56, "days"),
    ]
    high = assess({"immediate_danger": True})
    assert [(t.kind, t.amount, t.unit) for t in high.targets][:2] == [
        ("first_contact", 1, "hours"),
        ("multi_agency", 4, "hours"),
    ]
    assert all(t.level is Level.HIGH for t in high.targets)


# Professional judgement


def test_judgement_raise_needs_a_reason() -> None:
    a = assess(
        {}, judgement=Judgement(Level.MEDIUM, "victim's carer reports rapid decline", "PC 12")
    )
    assert (a.computed_level, a.level) == (Level.STANDARD, Level.MEDIUM)
    assert rules(a)[-1] == "judgement-raise"
    assert "PC 12" in a.reasons[-1].text
    assert a.targets[0].level is Level.MEDIUM
    with pytest.raises(HarmValidationError) as info:
        assess({}, judgement=Judgement(Level.HIGH, "  ", "PC 12"))
    assert info.value.fields == ["judgement.reason"]
    with pytest.raises(HarmValidationError) as info:
        assess({}, judgement=Judgement(Level.HIGH, "reason", ""))
    assert info.value.fields == ["judgement.by"]


def test_judgement_lowering_needs_a_supervisor() -> None:
    medium = yes(
        "disability_or_illness",
        "physical_health_affected",
        "mental_health_affected",
        "sleep_affected",
        "financial_hardship",
    )
    with pytest.raises(HarmValidationError) as info:
        assess(medium, judgement=Judgement(Level.STANDARD, "already resolved", "PC 12"))
    assert info.value.fields == ["judgement"]
    a = assess(medium, judgement=Judgement("standard", "resolved", "Sgt 4", supervisor=True))
    assert (a.computed_level, a.level) == (Level.MEDIUM, Level.STANDARD)
    assert rules(a)[-1] == "judgement-lower"
    assert "supervisor Sgt 4" in a.reasons[-1].text
    assert a.judgement is not None and a.judgement.supervisor


def test_lowering_a_critical_item_is_never_silent() -> None:
    a = assess(
        {"immediate_danger": True},
        judgement=Judgement(Level.MEDIUM, "danger has passed", "Insp 2", supervisor=True),
    )
    assert a.level is Level.MEDIUM and a.computed_level is Level.HIGH
    overrides = [r for r in a.reasons if r.rule == "judgement-overrides"]
    assert [r.question for r in overrides] == ["immediate_danger"]
    assert "Insp 2" in overrides[0].text
    hostile = assess(
        {"hostility_perceived": ["race"], "feels_targeted": True},
        judgement={"level": "standard", "reason": "x", "by": "Insp 2", "supervisor": True},
    )
    assert [r.question for r in hostile.reasons if r.rule == "judgement-overrides"] == [
        "hostility_perceived",
        "feels_targeted",
    ]
    assert hostile.hate_flag is True  # judgement changes the level, never the hate flag


def test_judgement_validation() -> None:
    with pytest.raises(HarmValidationError) as info:
        Judgement("urgent", "r", "b")  # type: ignore[arg-type]
    assert info.value.fields == ["judgement.level"]
    with pytest.raises(HarmValidationError) as info:
        assess({}, judgement="high")  # type: ignore[arg-type]
    assert info.value.fields == ["judgement"]


def test_to_dict_is_json_friendly() -> None:
    a = assess(
        {"hostility_perceived": ["race"], "repeat": True, "frequency": "weekly"},
        judgement=Judgement(Level.HIGH, "confirmed", "PC 1"),
    )
    d = json.loads(json.dumps(a.to_dict()))
    assert d["level"] == "high" and d["computed_level"] == "high"
    assert d["answers"]["hostility_perceived"] == ["race"]
    assert d["reasons"][0] == {
        "rule": "hostility",
        "question": "hostility_perceived",
        "points": 0,
        "text": d["reasons"][0]["text"],
    }
    assert d["targets"][0]["every_or_within"] == "within"
    assert d["targets"][2]["every_or_within"] == "every"
    assert set(d) >= {
        "policy_version",
        "score",
        "could_raise_to",
        "ask_next",
        "hate_strands",
        "judgement",
        "max_score_possible",
        "complete",
        "hate_flag",
    }


def test_policy_to_dict() -> None:
    d = json.loads(json.dumps(POLICY.to_dict()))
    assert d["version"] == "fenland-harm-v1"
    assert d["thresholds"] == {"medium": 12, "high": 22}
    assert d["critical"] == list(CRITICAL)
    assert d["screen"] == [
        "immediate_danger",
        "threats_or_violence",
        "repeat",
        "feels_targeted",
        "hostility_perceived",
        "disability_or_illness",
        "reported_elsewhere",
    ]
    by_id = {q["id"]: q for q in d["questions"]}
    assert by_id["frequency"]["points"] == {"daily": 3, "weekly": 2, "monthly": 1, "less_often": 0}
    assert by_id["disability_or_illness"]["points"] == 3
    assert by_id["disability_or_illness"]["in_screen"] is True
    assert by_id["hostility_perceived"]["answer_type"] == "strands"
    assert d["hostility"]["strands"] == list(STRANDS)
    assert len(d["categories"]) == 20


def test_question_table_matches_domain() -> None:
    expected = {
        "disability_or_illness": 3,
        "age_vulnerable": 2,
        "isolated": 2,
        "financial_hardship": 1,
        "self_perceived_vulnerable": 2,
        "carer_or_dependants": 1,
        "physical_health_affected": 3,
        "mental_health_affected": 3,
        "sleep_affected": 2,
        "daily_life_affected": 2,
        "feels_unsafe_at_home": 3,
        "considering_moving": 2,
        "children_affected": 2,
        "fear_of_reprisal": 2,
        "repeat": 3,
        "escalating": 3,
        "feels_targeted": 3,
        "property_damage": 2,
        "reported_elsewhere": 1,
    }
    scored = {
        q.id: q.points for q in POLICY.questions if q.answer_type == "boolean" and not q.critical
    }
    assert scored == expected
    assert POLICY.critical_ids == CRITICAL


def test_second_policy_version_needs_no_engine_change() -> None:
    from harm_model.policies.fenland_v1 import POLICY as V1

    version = "test-strict-v2"
    if version not in harm_model.policy_versions():
        harm_model.register_policy(
            {**V1, "version": version, "thresholds": {"medium": 6, "high": 10}}
        )
    answers = yes("disability_or_illness", "physical_health_affected")
    assert assess(answers).level is Level.STANDARD
    strict = assess(answers, version)
    assert strict.level is Level.MEDIUM
    assert strict.policy_version == version
    with pytest.raises(HarmValidationError):
        harm_model.register_policy({**V1})  # an existing version is immutable


def test_level_helpers() -> None:
    assert Level.STANDARD < Level.MEDIUM < Level.HIGH
    assert Level.HIGH > "medium"
    assert harm_model.max_level("medium", Level.STANDARD, "high") is Level.HIGH
    assert harm_model.max_level() is Level.STANDARD
    assert [lvl.rank for lvl in Level] == [0, 1, 2]
    assert str(Level.HIGH) == "high" and f"{Level.MEDIUM}" == "medium"
