"""Behaviour categories and each escalation rule, positive and negative, with its evidence."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

import harm_model
from harm_model import (
    CATEGORIES,
    ESCALATION_RULES,
    CaseState,
    HarmValidationError,
    Incident,
    Level,
    assess,
    assessment_flags,
    empty_state,
    flags,
    fold,
)
from tests.oracles.escalation_history import evaluate_history

T0 = datetime(2025, 1, 6, 12, 0, tzinfo=UTC)
DAY = timedelta(days=1)


def inc(
    iid: str,
    day: float,
    category: str,
    *,
    reported_after: timedelta = timedelta(hours=1),
    **kw: object,
) -> Incident:
    occurred = T0 + day * DAY
    return Incident(iid, occurred, occurred + reported_after, category, **kw)  # type: ignore[arg-type]


def run(incidents: list[Incident], now: datetime) -> dict[str, harm_model.Flag]:
    state = empty_state()
    for i in incidents:
        state = fold(state, i)
    found = flags(state, now)
    assert found == evaluate_history(incidents, now)
    return {f.rule_id: f for f in found}


def test_rule_ids() -> None:
    assert ESCALATION_RULES == (
        "hate-perceived",
        "hate-crime",
        "hate-screen",
        "severity-rise",
        "critical-incident",
        "repeat-victim",
        "case-review-eligible",
    )


@pytest.mark.parametrize(
    ("cid", "nsir", "severity", "offence", "critical"),
    [
        ("litter", "environmental", 1, False, False),
        ("fly_tipping", "environmental", 1, False, False),
        ("abandoned_vehicle", "environmental", 1, False, False),
        ("graffiti", "environmental", 1, False, False),
        ("noise", "nuisance", 2, False, False),
        ("rowdy_behaviour", "nuisance", 2, False, False),
        ("animal_nuisance", "nuisance", 2, False, False),
        ("vehicle_nuisance", "nuisance", 2, False, False),
        ("drug_or_alcohol", "nuisance", 2, False, False),
        ("verbal_abuse", "personal", 3, False, False),
        ("intimidation", "personal", 3, False, False),
        ("harassment", "personal", 3, True, False),
        ("threats", "personal", 4, True, True),
        ("criminal_damage", "personal", 4, True, False),
        ("offensive_graffiti", "personal", 4, True, False),
        ("assault", "personal", 5, True, True),
        ("arson", "personal", 5, True, True),
        ("weapon", "personal", 5, True, True),
        ("order_breach", "personal", 4, True, False),
        ("injunction_breach", "personal", 4, False, False),
    ],
)
def test_category_ladder(cid: str, nsir: str, severity: int, offence: bool, critical: bool) -> None:
    c = CATEGORIES[cid]
    assert (c.id, c.nsir, c.severity, c.can_be_offence, c.critical) == (
        cid,
        nsir,
        severity,
        offence,
        critical,
    )
    assert len(CATEGORIES) == 20


def test_no_incidents_no_flags() -> None:
    assert flags(empty_state(), T0) == [] == evaluate_history([], T0)


def test_hate_perceived_and_hate_crime() -> None:
    abuse = inc("a", 0, "verbal_abuse", hostility_strands=frozenset({"religion"}))
    found = run([abuse], T0 + DAY)
    assert set(found) >= {"hate-perceived"}
    assert "hate-crime" not in found  # verbal abuse (level 3, not harassment) is not an offence
    f = found["hate-perceived"]
    assert f.evidence == ("a",)
    assert f.follow_up is not None and (f.follow_up.kind, f.follow_up.amount) == ("hate_review", 24)
    assert f.follow_up_due_at == abuse.reported_at + timedelta(hours=24)
    assert "religion" in f.text
    harassment = inc("h", 1, "harassment", hostility_strands=frozenset({"religion"}))
    found = run([abuse, harassment], T0 + 2 * DAY)
    assert found["hate-crime"].evidence == ("h",)
    assert found["hate-crime"].follow_up.kind == "share_with_police"  # type: ignore[union-attr]
    assert found["hate-perceived"].evidence == ("a", "h")
    # No strand, no hate flags, however serious.
    assert not {"hate-perceived", "hate-crime"} & set(run([inc("x", 0, "assault")], T0 + DAY))


def test_hate_screen_prompts_until_the_question_is_asked() -> None:
    targeted = inc("t", 0, "noise", victim_feels_targeted=True)
    abuse = inc("v", 3, "intimidation")
    found = run([targeted, abuse], T0 + 4 * DAY)
    assert found["hate-screen"].evidence == ("t", "v")
    assert found["hate-screen"].follow_up is None
    # Severity 2 only: no prompt.
    assert "hate-screen" not in run([targeted], T0 + DAY)
    # Not feeling targeted: no prompt.
    assert "hate-screen" not in run([abuse], T0 + 4 * DAY)
    # Asked (with no hostility perceived): resolved.
    asked = inc("q", 4, "noise", hostility_asked=True)
    assert "hate-screen" not in run([targeted, abuse, asked], T0 + 5 * DAY)
    # A perceived strand also counts as asked.
    strand = inc("s", 4, "noise", hostility_strands=frozenset({"other"}))
    assert "hate-screen" not in run([targeted, abuse, strand], T0 + 5 * DAY)


def test_severity_rise() -> None:
    noise = inc("n", 0, "noise")
    abuse = inc("a", 10, "verbal_abuse")
    found = run([noise, abuse], T0 + 11 * DAY)
    f = found["severity-rise"]
    assert f.evidence == ("n", "a")
    assert f.follow_up is not None and f.follow_up.kind == "reassessment"
    # Outside the 30-day window: no longer a rise.
    assert "severity-rise" not in run([noise, abuse], T0 + 41 * DAY)
    # The first incident ever has nothing to rise above.
    assert "severity-rise" not in run([abuse], T0 + 11 * DAY)
    # Same level as before: no rise.
    again = inc("a2", 20, "harassment")
    assert "severity-rise" not in run([abuse, again], T0 + 50 * DAY)
    # An earlier, higher incident means the recent peak is not a rise.
    old = inc("old", -100, "criminal_damage")
    assert "severity-rise" not in run([old, noise, abuse], T0 + 11 * DAY)
    # Below level 3: no rise.
    assert "severity-rise" not in run([inc("l", 0, "litter"), inc("m", 5, "noise")], T0 + 6 * DAY)


def test_critical_incident() -> None:
    for cat in ("threats", "assault", "arson", "weapon"):
        f = run([inc("c", 0, cat)], T0 + DAY)["critical-incident"]
        assert f.raises_to is Level.HIGH
        assert f.follow_up is not None and f.follow_up.level is Level.HIGH
    assert "critical-incident" not in run([inc("c", 0, "criminal_damage")], T0 + DAY)


def test_repeat_victim() -> None:
    a, b = inc("a", 0, "noise"), inc("b", 200, "noise")
    assert run([a, b], T0 + 201 * DAY)["repeat-victim"].evidence == ("a", "b")
    assert "repeat-victim" not in run([a], T0 + DAY)
    # The first falls out of the 12-month window.
    assert "repeat-victim" not in run([a, b], T0 + 380 * DAY)
    # The same incident reported to another agency counts once.
    dup = inc("a-police", 0, "noise", same_as="a", reported_by_agency="police")
    assert "repeat-victim" not in run([a, dup], T0 + DAY)


def test_case_review_three_qualifying_complaints() -> None:
    complaints = [inc(c, d, "noise") for c, d in (("c1", 0), ("c2", 30), ("c3", 60))]
    found = run(complaints, T0 + 61 * DAY)
    assert found["case-review-eligible"].evidence == ("c1", "c2", "c3")
    assert "3 qualifying complaints" in found["case-review-eligible"].text
    # The first complaint is older than 6 months by now.
    assert "case-review-eligible" not in run(complaints, T0 + 200 * DAY)
    # Reported more than a month after the behaviour: does not qualify.
    late = [*complaints[:2], inc("c3", 60, "noise", reported_after=timedelta(days=40))]
    assert "case-review-eligible" not in run(late, T0 + 101 * DAY)
    # Reported to two agencies: counts once.
    dup = [*complaints[:2], inc("c2b", 30, "noise", same_as="c2", reported_by_agency="police")]
    assert "case-review-eligible" not in run(dup, T0 + 61 * DAY)


def test_case_review_hate_variant_is_a_policy_switch() -> None:
    hate = inc("h", 0, "verbal_abuse", hostility_strands=frozenset({"disability"}))
    found = run([hate], T0 + DAY)
    assert found["case-review-eligible"].evidence == ("h",)
    from harm_model.policies.fenland_v1 import POLICY as V1

    version = "test-no-hate-variant"
    if version not in harm_model.policy_versions():
        esc = {
            **V1["escalation"],
            "case-review-eligible": {
                **V1["escalation"]["case-review-eligible"],
                "hate_variant": False,
            },
        }
        harm_model.register_policy({**V1, "version": version, "escalation": esc})
    state = fold(empty_state(version), hate, version)
    ids = {f.rule_id for f in flags(state, T0 + DAY, version)}
    assert "case-review-eligible" not in ids and "hate-perceived" in ids


def test_validation() -> None:
    with pytest.raises(HarmValidationError) as info:
        fold(empty_state(), inc("x", 0, "burglary"))
    assert info.value.fields == ["category"]
    with pytest.raises(HarmValidationError) as info:
        fold(empty_state(), inc("x", 0, "noise", hostility_strands=frozenset({"colour"})))
    assert info.value.fields == ["hostility_strands"]
    with pytest.raises(HarmValidationError) as info:
        Incident("x", datetime(2025, 1, 1), T0, "noise")
    assert info.value.fields == ["occurred_at"]
    with pytest.raises(HarmValidationError) as info:
        Incident("x", T0, T0 - DAY, "noise")
    assert info.value.fields == ["reported_at"]
    with pytest.raises(HarmValidationError) as info:
        flags(empty_state(), datetime(2025, 1, 1))
    assert info.value.fields == ["now"]


def test_state_json_round_trip_and_bounded_size() -> None:
    state = empty_state()
    sizes = []
    for n in range(2000):
        state = fold(
            state,
            inc(
                f"i{n:05d}",
                n / 4,
                "noise" if n % 7 else "threats",
                hostility_strands=frozenset({"race"}) if n % 11 == 0 else frozenset(),
                victim_feels_targeted=n % 3 == 0,
            ),
        )
        if n in (1000, 1999):
            sizes.append(len(json.dumps(state.to_json())))
    assert sizes[0] == sizes[1]  # same id lengths, so the same size: no growth with history
    again = CaseState.from_json(json.loads(json.dumps(state.to_json())))
    assert again == state
    assert flags(again, T0 + 600 * DAY) == flags(state, T0 + 600 * DAY)
    with pytest.raises(HarmValidationError) as info:
        CaseState.from_json({"v": 1})
    assert info.value.fields == ["state"]


def test_fold_is_idempotent_and_order_independent() -> None:
    a, b = inc("a", 0, "noise"), inc("b", 5, "verbal_abuse", victim_feels_targeted=True)
    ab = fold(fold(empty_state(), a), b)
    assert fold(ab, b) == ab
    assert fold(fold(empty_state(), b), a) == ab


def test_flag_to_dict() -> None:
    f = run([inc("t", 0, "threats")], T0 + DAY)["critical-incident"]
    d = json.loads(json.dumps(f.to_dict()))
    assert d["rule_id"] == "critical-incident" and d["evidence"] == ["t"]
    assert d["raises_to"] == "high" and d["follow_up"]["amount"] == 1


def test_assessment_flags() -> None:
    at = T0
    a = assess({"hostility_perceived": ["race"], "threats_or_violence": True})
    found = {f.rule_id: f for f in assessment_flags(a, at)}
    assert set(found) == {"hate-perceived", "hate-crime", "critical-incident"}
    assert found["hate-perceived"].follow_up_due_at == at + timedelta(hours=24)
    assert found["critical-incident"].evidence == ("threats_or_violence",)
    assert found["hate-crime"].evidence == ("hostility_perceived", "threats_or_violence")
    assert assessment_flags(assess({"hostility_perceived": []})) == []
    only_hate = assessment_flags(assess({"hostility_perceived": ["other"]}))
    assert [f.rule_id for f in only_hate] == ["hate-perceived"]
    assert only_hate[0].raised_at is None
