"""Properties of harm_model.assess (DOMAIN.md, "The harm model")."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from harm_model import Level, assess, get_policy

POLICY = get_policy()
BOOLEAN_IDS = [q.id for q in POLICY.questions if q.answer_type == "boolean"]
STRANDS = list(POLICY.hostility_strands)
FREQ_ORDER = ["less_often", "monthly", "weekly", "daily"]
ABSENT = object()

settings.register_profile("harm", deadline=None)
settings.load_profile("harm")

boolean_answer = st.sampled_from([True, False, None, ABSENT])
strand_answer = st.one_of(
    st.just(ABSENT), st.none(), st.lists(st.sampled_from(STRANDS), max_size=3, unique=True)
)
freq_answer = st.sampled_from([*FREQ_ORDER, None, ABSENT])


@st.composite
def answer_sets(draw: st.DrawFn) -> dict[str, object]:
    answers: dict[str, object] = {}
    for qid in BOOLEAN_IDS:
        answers[qid] = draw(boolean_answer)
    answers["frequency"] = draw(freq_answer)
    answers["hostility_perceived"] = draw(strand_answer)
    return {k: v for k, v in answers.items() if v is not ABSENT}


def rank(answers: dict[str, object]) -> int:
    return assess(answers).computed_level.rank


@given(answer_sets(), st.sampled_from(BOOLEAN_IDS))
def test_one_more_yes_never_lowers_the_level(answers: dict[str, object], qid: str) -> None:
    before = assess(answers)
    after = assess({**answers, qid: True})
    assert after.computed_level >= before.computed_level
    assert after.score >= before.score


@given(answer_sets())
def test_a_higher_frequency_never_lowers_the_level(answers: dict[str, object]) -> None:
    ranks = [rank({**answers, "frequency": f}) for f in FREQ_ORDER]
    assert ranks == sorted(ranks)


@given(answer_sets(), st.sampled_from(STRANDS))
def test_adding_a_strand_never_lowers_the_level(answers: dict[str, object], strand: str) -> None:
    current = answers.get("hostility_perceived") or []
    more = sorted({*current, strand})  # type: ignore[misc]
    before = assess({**answers, "hostility_perceived": current})
    after = assess({**answers, "hostility_perceived": more})
    assert after.computed_level >= before.computed_level
    assert after.hate_flag


@given(answer_sets(), st.sampled_from([*BOOLEAN_IDS, "frequency", "hostility_perceived"]))
def test_unknown_is_bounded_by_no_and_yes(answers: dict[str, object], qid: str) -> None:
    worst: object = {"frequency": "daily", "hostility_perceived": ["race"]}.get(qid, True)
    best: object = {"frequency": "less_often", "hostility_perceived": []}.get(qid, False)
    unknown = assess({**answers, qid: None})
    assert rank({**answers, qid: best}) <= unknown.computed_level.rank
    assert unknown.computed_level.rank <= rank({**answers, qid: worst})
    # An absent answer is the same as an explicit unknown.
    absent = {k: v for k, v in answers.items() if k != qid}
    assert assess(absent).to_dict() == unknown.to_dict()


@given(answer_sets(), st.data())
def test_could_raise_to_bounds_every_completion(answers: dict[str, object], data) -> None:
    a = assess(answers)
    assert a.could_raise_to >= a.level
    assert a.max_score_possible >= a.score
    completion = dict(answers)
    for qid in a.ask_next:
        if qid == "frequency":
            completion[qid] = data.draw(st.sampled_from(FREQ_ORDER))
        elif qid == "hostility_perceived":
            completion[qid] = data.draw(st.lists(st.sampled_from(STRANDS), unique=True))
        else:
            completion[qid] = data.draw(st.booleans())
    done = assess(completion)
    assert done.complete
    assert a.level <= done.level <= a.could_raise_to
    assert done.score <= a.max_score_possible


@given(answer_sets())
def test_could_raise_to_is_reached_by_the_worst_completion(answers: dict[str, object]) -> None:
    a = assess(answers)
    worst = dict(answers)
    for qid in a.ask_next:
        worst[qid] = {"frequency": "daily", "hostility_perceived": ["race"]}.get(qid, True)
    w = assess(worst)
    assert w.level == a.could_raise_to
    assert w.score == a.max_score_possible


@given(answer_sets())
def test_ask_next_lists_exactly_the_unknowns(answers: dict[str, object]) -> None:
    a = assess(answers)
    unknown = [q for q in POLICY.question_ids if answers.get(q) is None]
    assert sorted(a.ask_next) == sorted(unknown)
    assert a.complete == (not unknown)
    critical_positions = [i for i, q in enumerate(a.ask_next) if POLICY.question(q).critical]
    assert critical_positions == list(range(len(critical_positions)))


@given(answer_sets())
def test_same_answers_same_result(answers: dict[str, object]) -> None:
    reordered = dict(reversed(list(answers.items())))
    assert assess(answers) == assess(reordered)
    assert assess(answers).to_dict() == assess(answers, "fenland-harm-v1").to_dict()


@given(answer_sets())
def test_reasons_explain_the_score_and_level(answers: dict[str, object]) -> None:
    a = assess(answers)
    assert sum(r.points for r in a.reasons if r.rule == "score") == a.score
    rules = {r.rule for r in a.reasons}
    if a.level is Level.HIGH:
        assert rules & {"critical-item", "hostility-with-pattern", "threshold-high"}
    elif a.level is Level.MEDIUM:
        assert rules & {"hostility", "threshold-medium"}
    else:
        assert not rules & {"critical-item", "hostility", "threshold-medium", "threshold-high"}
    assert a.targets == POLICY.targets[a.level]


FORCING = {
    "critical-item": Level.HIGH,
    "hostility": Level.MEDIUM,
    "hostility-with-pattern": Level.HIGH,
}


@given(answer_sets(), st.sampled_from(list(Level)), st.booleans())
def test_judgement_is_recorded_and_never_silently_lowers(answers, level, supervisor) -> None:
    import pytest

    from harm_model import HarmValidationError, Judgement

    computed = assess(answers)
    judgement = Judgement(level, "officer's view", "PC 7", supervisor=supervisor)
    if level < computed.computed_level and not supervisor:
        with pytest.raises(HarmValidationError) as info:
            assess(answers, judgement=judgement)
        assert info.value.fields == ["judgement"]
        return
    judged = assess(answers, judgement=judgement)
    assert judged.level is level and judged.computed_level is computed.computed_level
    assert judged.judgement == judgement
    assert judged.reasons[: len(computed.reasons)] == computed.reasons
    extra = [r.rule for r in judged.reasons[len(computed.reasons) :]]
    expected = {1: "judgement-raise", 0: "judgement-confirm", -1: "judgement-lower"}
    assert (
        extra[0]
        == expected[(level.rank > computed.level.rank) - (level.rank < computed.level.rank)]
    )
    overridden = [r.question for r in judged.reasons if r.rule == "judgement-overrides"]
    forced = [r.question for r in computed.reasons if r.rule in FORCING and level < FORCING[r.rule]]
    assert overridden == forced


@given(answer_sets())
def test_remembered_parts_equal_a_fresh_computation(answers: dict[str, object]) -> None:
    """The engine remembers ask_next orders and built reasons per policy (pure functions of
    their keys); an assessment that used them equals one computed with them forgotten."""
    from harm_model.engine import tables

    t = tables(POLICY)
    remembered = assess(answers)  # may use what earlier examples left behind
    for memo in (t.ask_next_orders, t.hostility_reasons, t.threshold_reasons, t.strand_sets):
        memo.clear()
    assert assess(answers) == remembered
