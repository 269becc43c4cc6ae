"""Properties of due times and target recomputation."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from harm_model import (
    Level,
    add_working_days,
    due_at,
    initial_targets,
    is_working_day,
    mark_met,
    recompute_targets,
    target_specs,
)
from harm_model.calendar import LONDON

settings.register_profile("harm", deadline=None)
settings.load_profile("harm")

moments = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2060, 12, 31), timezones=st.just(UTC)
)
levels = st.sampled_from(list(Level))


@given(moments, st.integers(0, 40))
def test_working_day_due_times_never_land_on_a_weekend_or_bank_holiday(start, n) -> None:
    due = add_working_days(start, n)
    local = due.astimezone(LONDON)
    assert is_working_day(local.date())
    assert (local.hour, local.minute, local.second) == (23, 59, 59)
    assert due.tzinfo is not None and due.utcoffset() == timedelta(0)
    # Exactly n working days after the start day (or the start day itself for n == 0).
    first = start.astimezone(LONDON).date()
    counted = sum(
        1
        for k in range(1, (local.date() - first).days + 1)
        if is_working_day(first + timedelta(days=k))
    )
    assert counted == n or (n == 0 and counted <= 1)
    assert due > start or n == 0


@given(moments, levels)
def test_due_times_follow_the_spec(start, level) -> None:
    for spec in target_specs(level):
        due = due_at(spec, start)
        if spec.unit == "hours":
            assert due - start == timedelta(hours=spec.amount)
        elif spec.unit == "days":
            assert due - start == timedelta(days=spec.amount)
        else:
            assert is_working_day(due.astimezone(LONDON).date())


@given(moments, levels, levels, st.integers(0, 24 * 60), st.sets(st.integers(0, 3)))
def test_recompute_keeps_met_targets_and_never_loosens(start, first, second, hours, met) -> None:
    targets = initial_targets(first, start)
    for k in met:
        targets[k] = mark_met(targets[k], start, "officer")
    now = start + timedelta(hours=hours)
    after = recompute_targets(targets, second, now)
    assert [t.kind for t in after] == [t.kind for t in targets]
    for old, new in zip(targets, after, strict=True):
        if old.state == "met":
            assert new == old
        else:
            assert new.due_at <= old.due_at
            fresh = due_at(next(s for s in target_specs(second) if s.kind == old.kind), now)
            assert new.due_at == min(old.due_at, fresh)
            assert new.state == ("breached" if now > new.due_at else "due")
