"""Properties of the escalation fold: folding equals rescanning, flags are not lost by adding
incidents, the state stays small and survives JSON."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

import harm_model
from harm_model import CATEGORIES, CaseState, Incident, empty_state, flags, fold
from harm_model.policies.fenland_v1 import POLICY as V1
from tests.oracles.escalation_history import evaluate_history

settings.register_profile("harm", deadline=None)
settings.load_profile("harm")

T0 = datetime(2024, 1, 1, tzinfo=UTC)
STRANDS = sorted(V1["hostility"]["strands"])
SMALL = "test-small-evidence"  # evidence capped at 3, so eviction is exercised


def small_policy() -> str:
    if SMALL not in harm_model.policy_versions():
        harm_model.register_policy(
            {**V1, "version": SMALL, "escalation": {**V1["escalation"], "max_evidence": 3}}
        )
    return SMALL


@st.composite
def histories(draw: st.DrawFn, max_size: int = 25) -> list[Incident]:
    n = draw(st.integers(0, max_size))
    out: list[Incident] = []
    for k in range(n):
        occurred = T0 + timedelta(hours=draw(st.integers(0, 24 * 500)))
        reported = occurred + timedelta(hours=draw(st.sampled_from([0, 1, 30, 24 * 40])))
        same_as = None
        if out and draw(st.integers(0, 4)) == 0:
            same_as = draw(st.sampled_from(out)).id
        out.append(
            Incident(
                id=f"i{k}",
                occurred_at=occurred,
                reported_at=reported,
                category=draw(st.sampled_from(sorted(CATEGORIES))),
                hostility_strands=frozenset(
                    draw(st.lists(st.sampled_from(STRANDS), max_size=2))
                    if draw(st.integers(0, 5)) == 0
                    else ()
                ),
                hostility_asked=draw(st.integers(0, 6)) == 0,
                victim_feels_targeted=draw(st.sampled_from([True, False, None])),
                reported_by_agency=draw(st.sampled_from([None, "police", "council", "housing"])),
                same_as=same_as,
            )
        )
    return out


def nows(history: list[Incident]) -> st.SearchStrategy[datetime]:
    """Mostly after every incident, sometimes in the middle of the history."""
    latest = max((i.reported_at for i in history), default=T0)
    return st.one_of(
        st.integers(0, 24 * 400).map(lambda h: latest + timedelta(hours=h)),
        st.integers(0, 24 * 500).map(lambda h: T0 + timedelta(hours=h)),
    )


def fold_all(incidents: list[Incident], policy: str | None = None) -> CaseState:
    state = empty_state(policy)
    for i in incidents:
        state = fold(state, i, policy)
    return state


@given(histories(), st.data(), st.sampled_from([None, "small"]))
def test_fold_in_time_order_equals_evaluating_the_whole_list(history, data, which) -> None:
    policy = small_policy() if which else None
    now = data.draw(nows(history))
    in_order = sorted(history, key=lambda i: (i.occurred_at, i.id))
    assert flags(fold_all(in_order, policy), now, policy) == evaluate_history(history, now, policy)


@given(histories(), st.data())
def test_fold_in_any_order_gives_the_same_state(history, data) -> None:
    policy = small_policy()
    shuffled = data.draw(st.permutations(history))
    assert fold_all(shuffled, policy) == fold_all(history, policy)
    state = fold_all(history, policy)
    for i in history:
        assert fold(state, i, policy) == state  # idempotent


@given(histories(), st.data())
def test_adding_a_later_incident_never_removes_a_flag(history, data) -> None:
    policy = small_policy() if data.draw(st.booleans()) else None
    state = fold_all(history, policy)
    latest = max((i.occurred_at for i in history), default=T0)
    occurred = latest + timedelta(hours=data.draw(st.integers(0, 24 * 60)))
    new = Incident(
        "new",
        occurred,
        occurred + timedelta(hours=1),
        data.draw(st.sampled_from(sorted(CATEGORIES))),
        victim_feels_targeted=data.draw(st.sampled_from([True, False, None])),
        hostility_asked=data.draw(st.booleans()),
        same_as=data.draw(st.sampled_from([None, *[i.id for i in history]])),
    )
    now = new.reported_at + timedelta(hours=data.draw(st.integers(0, 24 * 30)))
    before = {f.rule_id for f in flags(state, now, policy)}
    after = {f.rule_id for f in flags(fold(state, new, policy), now, policy)}
    # hate-screen is a prompt: asking the question is meant to resolve it.
    assert before - {"hate-screen"} <= after
    if "hate-screen" in before and not new.hostility_asked:
        assert "hate-screen" in after


@given(histories(), st.data())
def test_adding_any_incident_keeps_count_and_event_flags(history, data) -> None:
    """Out of time order too: only severity-rise (an older peak can undo a 'rise') and
    hate-screen (resolved by asking) may go."""
    state = fold_all(history)
    latest = max((i.reported_at for i in history), default=T0)
    now = latest + timedelta(hours=data.draw(st.integers(0, 24 * 400)))
    occurred = T0 + timedelta(hours=data.draw(st.integers(0, 24 * 500)))
    new = Incident(
        "new",
        occurred,
        max(occurred, occurred + timedelta(hours=1)),
        data.draw(st.sampled_from(sorted(CATEGORIES))),
    )
    before = {f.rule_id for f in flags(state, now)}
    after = {f.rule_id for f in flags(fold(state, new), now)}
    assert before - {"hate-screen", "severity-rise"} <= after


@given(histories(max_size=40))
def test_state_is_bounded_and_survives_json(history) -> None:
    policy = small_policy()
    state = fold_all(history, policy)
    again = CaseState.from_json(json.loads(json.dumps(state.to_json())))
    assert again == state
    for name in ("hate", "hate_crime", "critical", "groups", "complaints", "hate_complaints"):
        assert len(getattr(state, name)) <= 3
    assert len(state.severities) <= 5
