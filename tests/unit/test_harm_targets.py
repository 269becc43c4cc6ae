"""Response targets, due times and the England and Wales working-day calendar."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from harm_model import (
    HarmValidationError,
    Level,
    add_working_days,
    case_review_application_targets,
    due_at,
    initial_targets,
    is_working_day,
    mark_met,
    next_occurrence,
    recompute_targets,
    refresh_state,
    target_specs,
)
from harm_model.calendar import LONDON


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        (
            "high",
            [
                ("first_contact", 1, "hours", False),
                ("multi_agency", 4, "hours", False),
                ("victim_update", 7, "days", True),
                ("case_review", 14, "days", True),
            ],
        ),
        (
            "medium",
            [
                ("first_contact", 24, "hours", False),
                ("multi_agency", 24, "hours", False),
                ("victim_update", 14, "days", True),
                ("case_review", 28, "days", True),
            ],
        ),
        (
            "standard",
            [
                ("first_contact", 5, "working_days", False),
                ("multi_agency", 5, "working_days", False),
                ("victim_update", 28, "days", True),
                ("case_review", 56, "days", True),
            ],
        ),
    ],
)
def test_target_table(level: str, expected: list[tuple[str, int, str, bool]]) -> None:
    specs = target_specs(level)
    assert [(s.kind, s.amount, s.unit, s.recurring) for s in specs] == expected
    assert all(s.level == level for s in specs)


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2025, 12, 25), False),  # Christmas
        (date(2025, 12, 26), False),  # Boxing Day
        (date(2025, 4, 18), False),  # Good Friday
        (date(2025, 4, 21), False),  # Easter Monday
        (date(2025, 5, 5), False),  # early May
        (date(2025, 8, 25), False),  # summer bank holiday (England and Wales date)
        (date(2022, 9, 19), False),  # state funeral, one-off
        (date(2021, 12, 28), False),  # Boxing Day substitute
        (date(2025, 6, 7), False),  # Saturday
        (date(2025, 6, 8), False),  # Sunday
        (date(2025, 6, 9), True),
        (date(2025, 1, 2), True),  # Scottish holiday only
        (date(2025, 3, 17), True),  # St Patrick's Day: Northern Ireland only
        (date(2025, 8, 4), True),  # Scottish summer holiday only
        (date(2025, 12, 1), True),  # St Andrew's Day substitute: Scotland only
    ],
)
def test_england_and_wales_working_days(day: date, working: bool) -> None:
    assert is_working_day(day) is working


def test_hours_are_exact() -> None:
    start = datetime(2025, 3, 30, 0, 30, tzinfo=UTC)  # the night the clocks go forward
    assert due_at(target_specs("high")[0], start) == start + timedelta(hours=1)
    assert due_at(target_specs("medium")[1], start) == start + timedelta(hours=24)
    assert due_at(target_specs("high")[2], start) == start + timedelta(days=7)


@pytest.mark.parametrize(
    ("start", "n", "due_london"),
    [
        # Friday afternoon: 5 working days is the end of the next Friday.
        (datetime(2025, 6, 6, 14, 0, tzinfo=UTC), 5, datetime(2025, 6, 13, 23, 59, 59)),
        # Christmas week 2024: 23, 24, 27, 30, 31 December.
        (datetime(2024, 12, 20, 15, 0, tzinfo=UTC), 5, datetime(2024, 12, 31, 23, 59, 59)),
        # Maundy Thursday 2025: Good Friday and Easter Monday skipped.
        (datetime(2025, 4, 17, 9, 0, tzinfo=UTC), 2, datetime(2025, 4, 23, 23, 59, 59)),
        # 23:30 UTC on Friday 4 July is already Saturday in London (BST).
        (datetime(2025, 7, 4, 23, 30, tzinfo=UTC), 1, datetime(2025, 7, 7, 23, 59, 59)),
        # A Saturday start: the first working day after it is Monday.
        (datetime(2025, 6, 7, 10, 0, tzinfo=UTC), 1, datetime(2025, 6, 9, 23, 59, 59)),
    ],
)
def test_working_days_end_of_nth_day_london(start: datetime, n: int, due_london: datetime) -> None:
    due = add_working_days(start, n)
    assert due.tzinfo is not None and due.utcoffset() == timedelta(0)
    assert due.astimezone(LONDON).replace(tzinfo=None) == due_london


def test_standard_first_contact_due_uses_working_days() -> None:
    start = datetime(2024, 12, 20, 15, 0, tzinfo=UTC)
    assert due_at(target_specs("standard")[0], start) == datetime(
        2024, 12, 31, 23, 59, 59, tzinfo=UTC
    )


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(HarmValidationError) as info:
        due_at(target_specs("high")[0], datetime(2025, 1, 1, 12))
    assert info.value.fields == ["start"]
    with pytest.raises(HarmValidationError):
        add_working_days(datetime(2025, 1, 1), 1)


def test_case_review_application_targets() -> None:
    ack, decide = case_review_application_targets()
    assert (ack.amount, ack.unit, decide.amount, decide.unit) == (
        2,
        "working_days",
        15,
        "working_days",
    )


T0 = datetime(2025, 6, 2, 9, 0, tzinfo=UTC)  # Monday


def test_initial_targets() -> None:
    targets = initial_targets(Level.MEDIUM, T0)
    assert [t.kind for t in targets] == [
        "first_contact",
        "multi_agency",
        "victim_update",
        "case_review",
    ]
    assert targets[0].due_at == T0 + timedelta(hours=24)
    assert all(t.state == "due" and t.started_at == T0 for t in targets)


def test_raise_tightens_open_targets_and_keeps_met_ones() -> None:
    targets = initial_targets("standard", T0)
    targets[0] = mark_met(targets[0], T0 + timedelta(hours=2), "council ASB officer")
    now = T0 + timedelta(hours=3)
    after = recompute_targets(targets, Level.HIGH, now)
    assert after[0] == targets[0]  # met stays met
    assert after[1].due_at == now + timedelta(hours=4) and after[1].level is Level.HIGH
    assert after[1].started_at == now
    assert after[2].due_at == now + timedelta(days=7)
    assert targets[1].level is Level.STANDARD  # input untouched


def test_raise_keeps_an_earlier_due_time() -> None:
    targets = initial_targets("standard", T0)  # victim update due in 28 days
    now = T0 + timedelta(days=27)
    after = recompute_targets(targets, "medium", now)
    assert after[2].due_at == targets[2].due_at  # 1 day left beats 14 days from now
    assert after[2].level is Level.STANDARD
    assert after[0].due_at == targets[0].due_at  # already breached: kept, not loosened
    assert after[0].state == "breached"


def test_lowering_never_loosens_an_open_target() -> None:
    targets = initial_targets("high", T0)
    after = recompute_targets(targets, "standard", T0 + timedelta(minutes=10))
    assert [t.due_at for t in after] == [t.due_at for t in targets]
    assert all(t.level is Level.HIGH for t in after)


def test_missing_kinds_are_added() -> None:
    only_first = initial_targets("standard", T0)[:1]
    after = recompute_targets(only_first, "medium", T0)
    assert [t.kind for t in after] == [
        "first_contact",
        "multi_agency",
        "victim_update",
        "case_review",
    ]


def test_breach_and_late_reason() -> None:
    target = initial_targets("high", T0)[0]
    assert refresh_state(target, T0 + timedelta(minutes=59)).state == "due"
    late = refresh_state(target, T0 + timedelta(hours=2))
    assert late.state == "breached"
    with pytest.raises(HarmValidationError) as info:
        mark_met(late, T0 + timedelta(hours=2), "PC 9")
    assert info.value.fields == ["late_reason"]
    met = mark_met(late, T0 + timedelta(hours=2), "PC 9", late_reason="victim not reachable")
    assert (met.state, met.met_by, met.late_reason) == ("met", "PC 9", "victim not reachable")
    assert refresh_state(met, T0 + timedelta(days=9)).state == "met"


def test_next_occurrence_of_recurring_targets() -> None:
    targets = initial_targets("high", T0)
    update = mark_met(targets[2], T0 + timedelta(days=3), "housing officer")
    nxt = next_occurrence(update)
    assert nxt is not None and nxt.due_at == T0 + timedelta(days=10)
    assert next_occurrence(update, level="standard").due_at == T0 + timedelta(days=31)
    assert next_occurrence(mark_met(targets[0], T0, "PC 1")) is None
    with pytest.raises(HarmValidationError):
        next_occurrence(replace(targets[2]))
