"""Response targets keyed to the risk level: specs per level, due times, and recomputation when
the level changes.

Recomputation rule (DOMAIN: "a met target stays met; a tighter one applies at once"): for each
open target, the due time becomes the earlier of its current due time and the due time of the
same kind at the new level counted from the change. A drop in level therefore never loosens an
open target silently: it keeps its due time, and the next occurrence (set by the caller when the
target is met) follows the new level. A breached target stays breached.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC as _UTC
from datetime import datetime, timedelta
from typing import Any

from harm_model.calendar import add_working_days, require_aware
from harm_model.errors import HarmValidationError
from harm_model.levels import Level
from harm_model.policy import Policy, resolve_policy
from harm_model.specs import TargetSpec

TARGET_STATES: tuple[str, ...] = ("due", "met", "breached")


def target_specs(level: Level | str, policy: Policy | str | None = None) -> tuple[TargetSpec, ...]:
    """The policy's targets for ``level``: first contact, multi-agency, victim update, review."""
    return resolve_policy(policy).targets[Level.parse(level)]


def due_at(spec: TargetSpec, start: datetime) -> datetime:
    """When a target started at ``start`` is due (UTC). Hours and days are exact durations;
    working days end at 23:59:59 London time (see ``calendar.add_working_days``)."""
    require_aware(start, "start")
    if spec.unit == "hours":
        return (start + timedelta(hours=spec.amount)).astimezone(_UTC)
    if spec.unit == "days":
        return (start + timedelta(days=spec.amount)).astimezone(_UTC)
    if spec.unit == "working_days":
        return add_working_days(start, spec.amount)
    raise HarmValidationError("unit", f"unknown target unit {spec.unit!r}")


@dataclass
class TargetState:
    """One target on a case: due, met (when and by whom) or breached (met late needs a reason)."""

    kind: str
    level: Level
    due_at: datetime
    state: str
    met_at: datetime | None
    met_by: str | None
    started_at: datetime
    late_reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "level": self.level.value,
            "due_at": self.due_at.isoformat(),
            "state": self.state,
            "met_at": None if self.met_at is None else self.met_at.isoformat(),
            "met_by": self.met_by,
            "started_at": self.started_at.isoformat(),
            "late_reason": self.late_reason,
        }


def initial_targets(
    level: Level | str, start: datetime, policy: Policy | str | None = None
) -> list[TargetState]:
    """Open targets for a case (or a new level) starting at ``start``."""
    start = require_aware(start, "start").astimezone(_UTC)
    lvl = Level.parse(level)
    return [
        TargetState(spec.kind, lvl, due_at(spec, start), "due", None, None, start)
        for spec in target_specs(lvl, policy)
    ]


def recompute_targets(
    current: Sequence[TargetState],
    new_level: Level | str,
    now: datetime,
    policy: Policy | str | None = None,
) -> list[TargetState]:
    """Targets after the level changes to ``new_level`` at ``now`` (see the module docstring).

    Met targets are returned unchanged; open ones get the tighter of their due time and the new
    level's (restarted at ``now``); kinds with no target yet are added from ``now``. Returns new
    objects; the input is not modified.
    """
    now = require_aware(now, "now").astimezone(_UTC)
    lvl = Level.parse(new_level, "new_level")
    specs = {s.kind: s for s in target_specs(lvl, policy)}
    out: list[TargetState] = []
    seen: set[str] = set()
    for target in current:
        seen.add(target.kind)
        spec = specs.get(target.kind)
        if target.state == "met" or spec is None:
            out.append(replace(target))
            continue
        new_due = due_at(spec, now)
        if new_due < target.due_at:
            out.append(replace(target, level=lvl, due_at=new_due, started_at=now, state="due"))
        else:
            out.append(replace(target, state=_open_state(target.due_at, now)))
    for kind, spec in specs.items():
        if kind not in seen:
            out.append(TargetState(kind, lvl, due_at(spec, now), "due", None, None, now))
    return out


def _open_state(due: datetime, now: datetime) -> str:
    return "breached" if now > due else "due"


def refresh_state(target: TargetState, now: datetime) -> TargetState:
    """The target with ``state`` updated for ``now`` (an open target past its due is breached)."""
    if target.state == "met":
        return replace(target)
    return replace(target, state=_open_state(target.due_at, require_aware(now, "now")))


def mark_met(
    target: TargetState, at: datetime, by: str, late_reason: str | None = None
) -> TargetState:
    """The target met at ``at`` by ``by``; meeting it after its due time needs a late reason."""
    require_aware(at, "met_at")
    if not by or not by.strip():
        raise HarmValidationError("met_by", "say who met the target")
    if target.state == "met":
        raise HarmValidationError("state", "target is already met")
    if at > target.due_at and not (late_reason and late_reason.strip()):
        raise HarmValidationError("late_reason", "target met after its due time: give a reason")
    return replace(
        target,
        state="met",
        met_at=at.astimezone(_UTC),
        met_by=by,
        late_reason=late_reason if at > target.due_at else None,
    )


def next_occurrence(
    target: TargetState, policy: Policy | str | None = None, level: Level | str | None = None
) -> TargetState | None:
    """For a met recurring target (victim update, case review): the next one, counted from when
    it was met, at ``level`` (default: the target's level). None for one-off targets."""
    if target.state != "met" or target.met_at is None:
        raise HarmValidationError("state", "only a met target has a next occurrence")
    lvl = Level.parse(level) if level is not None else target.level
    spec = next((s for s in target_specs(lvl, policy) if s.kind == target.kind), None)
    if spec is None or not spec.recurring:
        return None
    start = target.met_at
    return TargetState(spec.kind, lvl, due_at(spec, start), "due", None, None, start)
