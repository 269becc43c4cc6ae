"""Incidents and the escalation rules, evaluated from a small running state.

A case keeps a :class:`CaseState` (stored by the caller, e.g. in a JSONB column). Each new
incident is folded in with ``fold(state, incident)``; ``flags(state, now)`` reads the rules off the
state. The state holds bounded aggregates only (per severity the first and last incident, the
most recent ``max_evidence`` entries of each kind), so folding costs the same for the 10th or the
10,000th incident. A reference that rescans a whole list lives with the tests
(``tests/oracles/escalation_history.py``); property tests check that both agree.

Every aggregate is a maximum, a minimum or a bounded "most recent N" set, so folding is
order-independent and idempotent: an incident that arrives late (occurred before ones already
folded) gives the same state as if it had come in time order, and folding the same incident twice
changes nothing. Incident ids must be unique; a report of the same incident to another agency
carries ``same_as`` = the id of the original (point at the original, not at another duplicate).

Rule definitions (windows are measured back from ``now``; months are calendar months):

- ``hate-perceived``: some incident has a hostility strand. Evidence: the latest such incidents.
- ``hate-crime``: some incident has a strand and a category that can be an offence.
- ``hate-screen``: some incident has the victim feeling targeted, the highest severity reached is
  at least 3, and no incident asked the hostility question (a strand counts as asked). It is a
  prompt: asking the question resolves it.
- ``severity-rise``: the highest severity in the last 30 days is at least 3 and its earliest
  incident exceeds every incident before it (and there was an incident before it). Evidence: the
  earlier highest incident and the new peak.
- ``critical-incident``: some incident is in a critical category (threats, assault, arson,
  weapon): level high at once.
- ``repeat-victim``: two or more distinct incidents (``same_as`` counted once) occurred in the last
  12 months.
- ``case-review-eligible``: three or more distinct qualifying complaints (reported within one
  month of the behaviour) reported in the last 6 months; or, with the policy's hate variant on,
  one hate incident reported in the last 6 months.

``flags`` does not cap windows at ``now``: incidents are expected not to lie in the future.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import msgspec

from harm_model.calendar import add_months, require_aware
from harm_model.engine import Assessment
from harm_model.errors import HarmValidationError
from harm_model.levels import Level
from harm_model.policy import Policy, resolve_policy
from harm_model.specs import TargetSpec
from harm_model.targets import due_at

ESCALATION_RULES: tuple[str, ...] = (
    "hate-perceived",
    "hate-crime",
    "hate-screen",
    "severity-rise",
    "critical-incident",
    "repeat-victim",
    "case-review-eligible",
)

# (time it is ordered by, incident id, reported_at, group key)
Entry = tuple[datetime, str, datetime, str]


@dataclass(frozen=True, slots=True)
class Incident:
    """One incident (or diary entry) of anti-social behaviour on a case."""

    id: str
    occurred_at: datetime
    reported_at: datetime
    category: str
    hostility_strands: frozenset[str] = field(default_factory=frozenset)
    hostility_asked: bool = False
    victim_feels_targeted: bool | None = None
    reported_by_agency: str | None = None
    same_as: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id:
            raise HarmValidationError("id", "an incident needs a non-empty id")
        occurred = require_aware(self.occurred_at, "occurred_at").astimezone(UTC)
        reported = require_aware(self.reported_at, "reported_at").astimezone(UTC)
        if reported < occurred:
            raise HarmValidationError("reported_at", "reported before the behaviour occurred")
        strands = self.hostility_strands
        if isinstance(strands, str) or not all(isinstance(s, str) for s in strands or ()):
            raise HarmValidationError("hostility_strands", "expected a set of strand names")
        object.__setattr__(self, "occurred_at", occurred)
        object.__setattr__(self, "reported_at", reported)
        object.__setattr__(self, "hostility_strands", frozenset(strands or ()))
        if self.same_as == self.id:
            object.__setattr__(self, "same_as", None)

    @property
    def group_key(self) -> str:
        """The incident this one counts as (itself, or the original it duplicates)."""
        return self.same_as or self.id


@dataclass(frozen=True, slots=True)
class Flag:
    rule_id: str
    evidence: tuple[str, ...]
    raised_at: datetime | None
    follow_up: TargetSpec | None
    text: str
    raises_to: Level | None = None

    @property
    def follow_up_due_at(self) -> datetime | None:
        if self.follow_up is None or self.raised_at is None:
            return None
        return due_at(self.follow_up, self.raised_at)

    def to_dict(self) -> dict[str, Any]:
        due = self.follow_up_due_at
        return {
            "rule_id": self.rule_id,
            "evidence": list(self.evidence),
            "raised_at": None if self.raised_at is None else self.raised_at.isoformat(),
            "follow_up": None if self.follow_up is None else self.follow_up.to_dict(),
            "follow_up_due_at": None if due is None else due.isoformat(),
            "raises_to": None if self.raises_to is None else self.raises_to.value,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class CaseState:
    """Bounded running aggregate of a case's incidents (see the module docstring)."""

    policy_version: str
    # (severity, earliest entry, latest entry) for each severity seen, ascending.
    severities: tuple[tuple[int, Entry, Entry], ...] = ()
    hate: tuple[Entry, ...] = ()
    hate_strands: frozenset[str] = frozenset()
    hate_crime: tuple[Entry, ...] = ()
    critical: tuple[Entry, ...] = ()
    groups: tuple[Entry, ...] = ()
    complaints: tuple[Entry, ...] = ()
    hate_complaints: tuple[Entry, ...] = ()
    feels_targeted: Entry | None = None
    hostility_asked: bool = False

    def to_json(self) -> dict[str, Any]:
        """JSON-serialisable form (timestamps as ISO 8601 UTC strings)."""
        return {
            "v": 1,
            "policy_version": self.policy_version,
            "severities": [[s, _entry_json(a), _entry_json(b)] for s, a, b in self.severities],
            "hate": [_entry_json(e) for e in self.hate],
            "hate_strands": sorted(self.hate_strands),
            "hate_crime": [_entry_json(e) for e in self.hate_crime],
            "critical": [_entry_json(e) for e in self.critical],
            "groups": [_entry_json(e) for e in self.groups],
            "complaints": [_entry_json(e) for e in self.complaints],
            "hate_complaints": [_entry_json(e) for e in self.hate_complaints],
            "feels_targeted": None
            if self.feels_targeted is None
            else _entry_json(self.feels_targeted),
            "hostility_asked": self.hostility_asked,
        }

    @classmethod
    def from_json(cls, data: Any) -> CaseState:
        try:
            if data.get("v") != 1:
                raise ValueError("unknown state format")
            ft = data.get("feels_targeted")
            return cls(
                policy_version=str(data["policy_version"]),
                severities=tuple(
                    (int(s), _entry_load(a), _entry_load(b)) for s, a, b in data["severities"]
                ),
                hate=tuple(_entry_load(e) for e in data["hate"]),
                hate_strands=frozenset(data["hate_strands"]),
                hate_crime=tuple(_entry_load(e) for e in data["hate_crime"]),
                critical=tuple(_entry_load(e) for e in data["critical"]),
                groups=tuple(_entry_load(e) for e in data["groups"]),
                complaints=tuple(_entry_load(e) for e in data["complaints"]),
                hate_complaints=tuple(_entry_load(e) for e in data["hate_complaints"]),
                feels_targeted=None if ft is None else _entry_load(ft),
                hostility_asked=bool(data["hostility_asked"]),
            )
        except (AttributeError, KeyError, TypeError, ValueError) as exc:
            raise HarmValidationError("state", f"not a harm_model case state: {exc}") from None


def _entry_json(e: Entry) -> list[str]:
    return [_time_json(e[0]), e[1], _time_json(e[2]), e[3]]


def _entry_load(raw: Any) -> Entry:
    t, iid, rep, key = raw
    return (_time_load(t), str(iid), _time_load(rep), str(key))


# A case's state is read and written back whole each time an incident lands on it (two
# timestamps an entry, a few hundred in a busy case), so these two run hot. `isoformat` on an
# aware datetime costs about 1.6 us here against 0.2 us for msgspec's RFC 3339 writer (UTC as
# "Z", which `fromisoformat` reads back since Python 3.11); a UTC string parses straight to
# the UTC singleton, so the awareness check and conversion are only for other offsets.
_encode = msgspec.json.Encoder().encode


def _time_load(text: str) -> datetime:
    if not isinstance(text, str):
        raise TypeError("a state timestamp is an ISO 8601 string")
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo is UTC else require_aware(moment, "state").astimezone(UTC)


def _time_json(moment: datetime) -> str:
    return _encode(moment)[1:-1].decode() if moment.tzinfo is UTC else moment.isoformat()


def empty_state(policy: Policy | str | None = None) -> CaseState:
    return CaseState(policy_version=resolve_policy(policy).version)


def _order(e: Entry) -> tuple[datetime, str]:
    return (e[0], e[1])


def _keep_latest(entries: tuple[Entry, ...], new: Entry, limit: int) -> tuple[Entry, ...]:
    """The ``limit`` greatest entries by (time, id) of ``entries`` + ``new``, one per group key
    (the group's greatest member), ascending. A group pushed out never returns with an older
    member, because the cut-off only rises."""
    key = new[3]
    for i, old in enumerate(entries):
        if old[3] == key:
            if _order(old) >= _order(new):
                return entries
            entries = entries[:i] + entries[i + 1 :]
            break
    if len(entries) >= limit and _order(new) <= _order(entries[0]):
        return entries
    pos = len(entries)
    while pos > 0 and _order(entries[pos - 1]) > _order(new):
        pos -= 1
    merged = entries[:pos] + (new,) + entries[pos:]
    return merged[-limit:] if len(merged) > limit else merged


def _check_incident(incident: Incident, pol: Policy):
    if not isinstance(incident, Incident):
        raise HarmValidationError("incident", "expected an Incident")
    category = pol.categories.get(incident.category)
    if category is None:
        raise HarmValidationError(
            "category",
            f"unknown category {incident.category!r}; expected one of: "
            + ", ".join(pol.categories),
        )
    bad = incident.hostility_strands.difference(pol.hostility_strands)
    if bad:
        raise HarmValidationError("hostility_strands", f"unknown strand {sorted(bad)[0]!r}")
    return category


def _qualifies(incident: Incident, pol: Policy) -> bool:
    within = pol.escalation.review_complaint_within_months
    return incident.reported_at <= add_months(incident.occurred_at, within)


def fold(state: CaseState, incident: Incident, policy: Policy | str | None = None) -> CaseState:
    """The state after one more incident. Cost does not depend on how many came before."""
    pol = resolve_policy(policy if policy is not None else state.policy_version)
    if state.policy_version != pol.version:
        raise HarmValidationError(
            "policy_version", f"state was built with {state.policy_version}, not {pol.version}"
        )
    category = _check_incident(incident, pol)
    k = pol.escalation.max_evidence
    occ, iid, rep = incident.occurred_at, incident.id, incident.reported_at
    entry: Entry = (occ, iid, rep, iid)
    order = (occ, iid)

    sev = category.severity
    severities = list(state.severities)
    for i, (s, first, last) in enumerate(severities):
        if s == sev:
            severities[i] = (
                s,
                entry if order < _order(first) else first,
                entry if order > _order(last) else last,
            )
            break
    else:
        severities.append((sev, entry, entry))
        severities.sort(key=lambda item: item[0])

    strands = incident.hostility_strands
    hate, hate_crime, hate_complaints = state.hate, state.hate_crime, state.hate_complaints
    hate_strands = state.hate_strands
    if strands:
        hate = _keep_latest(hate, entry, k)
        hate_strands = hate_strands | strands
        hate_complaints = _keep_latest(hate_complaints, (rep, iid, rep, incident.group_key), k)
        if category.can_be_offence:
            hate_crime = _keep_latest(hate_crime, entry, k)
    critical = _keep_latest(state.critical, entry, k) if category.critical else state.critical
    key = incident.group_key
    groups = _keep_latest(state.groups, (occ, iid, rep, key), k)
    complaints = state.complaints
    if _qualifies(incident, pol):
        complaints = _keep_latest(complaints, (rep, iid, rep, key), k)
    ft = state.feels_targeted
    if incident.victim_feels_targeted is True and (ft is None or order > _order(ft)):
        ft = entry
    return CaseState(
        policy_version=state.policy_version,
        severities=tuple(severities),
        hate=hate,
        hate_strands=hate_strands,
        hate_crime=hate_crime,
        critical=critical,
        groups=groups,
        complaints=complaints,
        hate_complaints=hate_complaints,
        feels_targeted=ft,
        hostility_asked=state.hostility_asked or incident.hostility_asked or bool(strands),
    )


def _flag(
    rule: str,
    entries: Iterable[Entry],
    follow_up: TargetSpec | None,
    text: str,
    raises_to: Level | None = None,
    use_key: bool = False,
) -> Flag:
    entries = list(entries)
    return Flag(
        rule_id=rule,
        evidence=tuple(e[3] if use_key else e[1] for e in entries),
        raised_at=max(e[2] for e in entries),
        follow_up=follow_up,
        text=text,
        raises_to=raises_to,
    )


def flags(state: CaseState, now: datetime, policy: Policy | str | None = None) -> list[Flag]:
    """The escalation flags the state raises at ``now``, in ``ESCALATION_RULES`` order."""
    pol = resolve_policy(policy if policy is not None else state.policy_version)
    now = require_aware(now, "now")
    esc = pol.escalation
    out: list[Flag] = []
    strands_text = ", ".join(s for s in pol.hostility_strands if s in state.hate_strands)
    if state.hate:
        out.append(
            _flag(
                "hate-perceived",
                state.hate,
                esc.hate_review,
                f"Hate incident: hostility perceived ({strands_text})",
            )
        )
    if state.hate_crime:
        out.append(
            _flag(
                "hate-crime",
                state.hate_crime,
                esc.share_with_police,
                _hate_crime_text(strands_text),
            )
        )
    sev = state.severities
    if (
        state.feels_targeted is not None
        and not state.hostility_asked
        and sev
        and sev[-1][0] >= esc.hate_screen_min_severity
    ):
        evidence = sorted({state.feels_targeted, sev[-1][1]}, key=_order)
        out.append(
            _flag(
                "hate-screen",
                evidence,
                None,
                (
                    "The victim feels targeted and the behaviour has reached level "
                    f"{sev[-1][0]}: ask whether anyone perceives hostility"
                ),
            )
        )
    rise = _severity_rise(sev, now - timedelta(days=esc.rise_window_days), esc.rise_min_severity)
    if rise is not None:
        before, peak, level = rise
        out.append(
            _flag(
                "severity-rise",
                (before, peak),
                esc.reassessment,
                _rise_text(level, esc.rise_window_days),
            )
        )
    if state.critical:
        out.append(
            _flag(
                "critical-incident",
                state.critical,
                esc.critical_follow_up,
                (
                    "Threats, assault, arson or a weapon reported: level "
                    f"{esc.critical_raises_to.value} at once"
                ),
                raises_to=esc.critical_raises_to,
            )
        )
    cutoff = add_months(now, -esc.repeat_window_months)
    recent = [g for g in state.groups if g[0] > cutoff]
    if len(recent) >= esc.repeat_min_incidents:
        out.append(
            _flag(
                "repeat-victim",
                recent,
                None,
                (
                    f"Repeat victim: {_count(recent, esc.max_evidence)} incidents in the last "
                    f"{esc.repeat_window_months} months"
                ),
                use_key=True,
            )
        )
    review = _case_review(state, now, pol)
    if review is not None:
        out.append(review)
    return out


def _hate_crime_text(strands_text: str) -> str:
    return (
        f"Possible hate crime: hostility perceived ({strands_text}) and behaviour that can be "
        "an offence"
    )


def _rise_text(severity: int, days: int) -> str:
    return f"Case escalating: severity {severity} in the last {days} days exceeds all before it"


def _count(entries: list[Entry], cap: int) -> str:
    return f"{cap} or more" if len(entries) >= cap else str(len(entries))


def _severity_rise(
    severities: tuple[tuple[int, Entry, Entry], ...], cutoff: datetime, min_severity: int
) -> tuple[Entry, Entry, int] | None:
    in_window = [s for s in severities if s[2][0] > cutoff]
    if not in_window:
        return None
    top, peak, _ = in_window[-1]
    # A higher severity anywhere (necessarily before the window) means no rise.
    if top < min_severity or severities[-1][0] > top or peak[0] <= cutoff:
        return None
    earlier = [s for s in severities if s[0] < top and _order(s[1]) < _order(peak)]
    if not earlier:
        return None
    return earlier[-1][1], peak, top


def _case_review(state: CaseState, now: datetime, pol: Policy) -> Flag | None:
    esc = pol.escalation
    cutoff = add_months(now, -esc.review_window_months)
    complaints = [c for c in state.complaints if c[0] > cutoff]
    by_count = len(complaints) >= esc.review_min_complaints
    hate = [h for h in state.hate_complaints if h[0] > cutoff] if esc.review_hate_variant else []
    by_hate = len(hate) >= esc.review_hate_min_incidents
    if not (by_count or by_hate):
        return None
    parts = []
    evidence: list[Entry] = []
    if by_count:
        parts.append(f"{_count(complaints, esc.max_evidence)} qualifying complaints")
        evidence.extend(complaints)
    if by_hate:
        parts.append(f"{_count(hate, esc.max_evidence)} hate incident(s)")
        seen = {e[3] for e in evidence}
        evidence.extend(h for h in hate if h[3] not in seen)
    return _flag(
        "case-review-eligible",
        evidence,
        None,
        (
            f"ASB case review threshold met: {' and '.join(parts)} in the last "
            f"{esc.review_window_months} months"
        ),
        use_key=True,
    )


def assessment_flags(
    assessment: Assessment, at: datetime | None = None, policy: Policy | str | None = None
) -> list[Flag]:
    """Flags raised by an assessment itself: ``hate-perceived`` from its hostility answer,
    ``hate-crime`` when hostility comes with an answer describing an offence (threats or
    violence, property damage), and ``critical-incident`` when a critical item forced high.
    Evidence names the question ids; ``raised_at`` is ``at`` (the assessment time), if given."""
    pol = resolve_policy(policy if policy is not None else assessment.policy_version)
    esc = pol.escalation
    if at is not None:
        at = require_aware(at, "at").astimezone(UTC)
    answers = assessment.answers
    out: list[Flag] = []
    strands_text = ", ".join(assessment.hate_strands)
    if assessment.hate_flag:
        out.append(
            Flag(
                "hate-perceived",
                (pol.hostility_question,),
                at,
                esc.hate_review,
                f"Hate incident: hostility perceived ({strands_text})",
            )
        )
        offences = tuple(q for q in pol.offence_questions if answers.get(q) is True)
        if offences:
            out.append(
                Flag(
                    "hate-crime",
                    (pol.hostility_question, *offences),
                    at,
                    esc.share_with_police,
                    _hate_crime_text(strands_text),
                )
            )
    critical = tuple(q for q in pol.critical_ids if answers.get(q) is True)
    if critical:
        out.append(
            Flag(
                "critical-incident",
                critical,
                at,
                esc.critical_follow_up,
                ("Critical item answered yes: level high at once"),
                raises_to=Level.HIGH,
            )
        )
    return out
