"""Worked cases in the spirit of the seed report (Cambridgeshire victims' needs study)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from harm_model import Incident, Level, assess, flags, fold, get_policy
from harm_model.escalation import empty_state
from tests.oracles.escalation_history import evaluate_history

POLICY = get_policy()


def all_no() -> dict[str, object]:
    answers: dict[str, object] = {q: False for q in POLICY.question_ids}
    answers.update(frequency="less_often", hostility_perceived=[])
    return answers


def test_one_off_noise_complaint_is_standard() -> None:
    answers = {**all_no(), "sleep_affected": True}
    a = assess(answers)
    assert a.level is Level.STANDARD
    assert a.complete and a.score == 2
    assert a.targets[0].unit == "working_days"
    t = datetime(2025, 6, 6, 23, 30, tzinfo=UTC)
    state = fold(empty_state(), Incident("n1", t, t + timedelta(hours=10), "noise"))
    assert flags(state, t + timedelta(days=1)) == []


def test_diabetic_victim_with_nightly_music_abuse_and_fires_is_high() -> None:
    # Sleep, health and job wrecked by nightly music, abuse and fires; diabetes made worse.
    answers = {
        **all_no(),
        "disability_or_illness": True,
        "physical_health_affected": True,
        "mental_health_affected": True,
        "sleep_affected": True,
        "daily_life_affected": True,
        "feels_unsafe_at_home": True,
        "repeat": True,
        "frequency": "daily",
    }
    a = assess(answers)
    assert a.score == 22
    assert a.level is Level.HIGH
    assert "threshold-high" in [r.rule for r in a.reasons]
    start = datetime(2025, 1, 6, 23, 0, tzinfo=UTC)
    incidents = [
        Incident(f"m{d}", start + timedelta(days=d), start + timedelta(days=d, hours=9), "noise")
        for d in range(0, 20, 2)
    ]
    incidents.append(
        Incident(
            "abuse", start + timedelta(days=21), start + timedelta(days=21, hours=1), "verbal_abuse"
        )
    )
    incidents.append(
        Incident("fire", start + timedelta(days=25), start + timedelta(days=25, hours=1), "arson")
    )
    state = empty_state()
    for inc in incidents:
        state = fold(state, inc)
    now = start + timedelta(days=26)
    found = {f.rule_id: f for f in flags(state, now)}
    assert set(found) == {
        "severity-rise",
        "critical-incident",
        "repeat-victim",
        "case-review-eligible",
    }
    assert found["critical-incident"].raises_to is Level.HIGH
    assert found["severity-rise"].evidence == ("abuse", "fire")
    assert flags(state, now) == evaluate_history(incidents, now)


def test_neighbour_dispute_escalates_from_noise_to_racial_threats() -> None:
    t0 = datetime(2025, 3, 3, 21, 0, tzinfo=UTC)
    week = timedelta(days=7)
    diary = [
        Incident("d1", t0, t0 + timedelta(hours=12), "noise", reported_by_agency="housing"),
        Incident(
            "d2",
            t0 + 2 * week,
            t0 + 2 * week + timedelta(hours=12),
            "noise",
            reported_by_agency="housing",
        ),
        Incident(
            "d3",
            t0 + 5 * week,
            t0 + 5 * week + timedelta(hours=2),
            "verbal_abuse",
            hostility_strands=frozenset({"race"}),
            victim_feels_targeted=True,
            reported_by_agency="housing",
        ),
        Incident(
            "d4",
            t0 + 6 * week,
            t0 + 6 * week + timedelta(hours=1),
            "threats",
            hostility_strands=frozenset({"race"}),
            victim_feels_targeted=True,
            reported_by_agency="police",
        ),
        Incident(
            "d5",
            t0 + 6 * week,
            t0 + 6 * week + timedelta(hours=1),
            "criminal_damage",
            hostility_strands=frozenset({"race"}),
            reported_by_agency="police",
        ),
    ]
    # First contact: only noise, nothing known about hostility yet.
    first = assess(
        {
            "sleep_affected": True,
            "repeat": False,
            "immediate_danger": False,
            "threats_or_violence": False,
        }
    )
    assert first.level is Level.STANDARD
    assert first.could_raise_to is Level.HIGH
    # Later: racial hostility perceived, feels targeted, threats made.
    later = assess(
        {
            "sleep_affected": True,
            "repeat": True,
            "feels_targeted": True,
            "hostility_perceived": ["race"],
            "threats_or_violence": True,
            "property_damage": True,
        }
    )
    assert later.level is Level.HIGH
    assert later.hate_flag and later.hate_strands == ("race",)

    state = empty_state()
    levels = []
    for inc in diary:
        state = fold(state, inc)
        ids = {f.rule_id for f in flags(state, inc.reported_at)}
        levels.append(Level.HIGH if "critical-incident" in ids else None)
    now = diary[-1].reported_at
    found = {f.rule_id: f for f in flags(state, now)}
    assert levels[-1] is Level.HIGH and levels[0] is None
    assert {
        "hate-perceived",
        "hate-crime",
        "severity-rise",
        "critical-incident",
        "repeat-victim",
        "case-review-eligible",
    } <= set(found)
    assert "hate-screen" not in found  # hostility was asked and answered
    assert set(found["hate-crime"].evidence) == {"d4", "d5"}
    assert found["severity-rise"].evidence == ("d3", "d4")
    assert found["hate-crime"].follow_up is not None
    assert found["hate-crime"].follow_up_due_at == now + timedelta(hours=24)
    assert flags(state, now) == evaluate_history(diary, now)
