"""Folding incidents into a case's running escalation state: the one place that turns new
incidents into a new state, flags raised or cleared, and a level raised for a critical incident.

Callers hold the case row lock (case_repo.load_case(..., lock=True)) and write the incidents
themselves; this module updates `escalation_states`, the flags and the level. The diary service's
lean write path (services/diary.py) does the same for the common case of one entry that raises no
new flag and no level, and falls back to `apply_outcome` here when it does.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import harm_model as hm
from asb_core.actor import Actor
from asb_core.cases import levels
from asb_core.cases.models import Case, EscalationState
from asb_core.errors import ValidationFailed
from asb_core.escalation import flags as flag_writer


def fold_all(state: hm.CaseState, incidents: Sequence[hm.Incident]) -> hm.CaseState:
    """The state after `incidents` in order; a harm-model refusal becomes a field error."""
    try:
        for incident in incidents:
            state = hm.fold(state, incident)
    except hm.HarmValidationError as exc:
        raise ValidationFailed(str(exc), errors=list(exc.errors)) from None
    return state


def level_raise(computed: Sequence[hm.Flag], current_level: str) -> str | None:
    """The level a critical incident raises the case to, if above `current_level`."""
    raise_to = [f.raises_to for f in computed if f.raises_to is not None]
    if raise_to and hm.max_level(*raise_to) > hm.Level.parse(current_level):
        return hm.max_level(*raise_to).value
    return None


async def apply_outcome(
    session, actor: Actor, case: Case, computed: list[hm.Flag], now: datetime, *, reason: str
) -> Case:
    """Raise/refresh/clear the incident flags and raise the level where a flag demands it."""
    await flag_writer.apply_flags(session, actor, case.id, computed, "incidents", now)
    new_level = level_raise(computed, case.risk_level)
    if new_level is not None:
        case = await levels.change_level(session, actor, case, new_level, now, reason=reason)
    return case


async def fold_incidents(
    session, actor: Actor, case: Case, incidents: Sequence[hm.Incident], now: datetime, *,
    reason: str,
) -> Case:
    """Fold `incidents` into the locked case's state and apply what the new state says."""
    row = await session.get(EscalationState, case.id, with_for_update=True)
    state = fold_all(hm.CaseState.from_json(row.state), incidents)
    row.state, row.incidents, row.updated_at = (
        state.to_json(), row.incidents + len(incidents), now)
    case = await apply_outcome(session, actor, case, hm.flags(state, now), now, reason=reason)
    await session.flush()
    return case
