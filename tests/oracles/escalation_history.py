"""Test oracle: the escalation flags of a whole incident history, by rescanning every incident.

A reference implementation of the rules in the `harm_model.escalation` docstring, for checking
`fold` and `flags` (which read a bounded running state folded one incident at a time): slow on
long histories, so it has no place in the library. It shares the library's flag wording and
evidence helpers, so the comparison is about which flags are raised and on what evidence, not
about phrasing.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from harm_model.calendar import add_months, require_aware
from harm_model.escalation import (
    Entry,
    Flag,
    Incident,
    _check_incident,
    _count,
    _flag,
    _hate_crime_text,
    _order,
    _qualifies,
    _rise_text,
)
from harm_model.policy import Policy, resolve_policy


def evaluate_history(
    incidents: Iterable[Incident], now: datetime, policy: Policy | str | None = None
) -> list[Flag]:
    """The same flags as folding every incident into a state and reading `flags` off it."""
    pol = resolve_policy(policy)
    now = require_aware(now, "now")
    esc = pol.escalation
    k = esc.max_evidence
    unique: dict[str, Incident] = {}
    for inc in incidents:
        _check_incident(inc, pol)
        unique.setdefault(inc.id, inc)
    items = sorted(unique.values(), key=lambda i: (i.occurred_at, i.id))
    sev_of = {i.id: pol.categories[i.category].severity for i in items}

    def entry(i: Incident) -> Entry:
        return (i.occurred_at, i.id, i.reported_at, i.id)

    def latest_groups(members: list[Incident], by_reported: bool) -> list[Entry]:
        best: dict[str, Entry] = {}
        for i in members:
            t = i.reported_at if by_reported else i.occurred_at
            e = (t, i.id, i.reported_at, i.group_key)
            if i.group_key not in best or _order(e) > _order(best[i.group_key]):
                best[i.group_key] = e
        return sorted(best.values(), key=_order)

    out: list[Flag] = []
    hate = [i for i in items if i.hostility_strands]
    strands = set().union(*(i.hostility_strands for i in hate))
    strands_text = ", ".join(s for s in pol.hostility_strands if s in strands)
    if hate:
        out.append(
            _flag(
                "hate-perceived",
                [entry(i) for i in hate[-k:]],
                esc.hate_review,
                f"Hate incident: hostility perceived ({strands_text})",
            )
        )
    hate_crime = [i for i in hate if pol.categories[i.category].can_be_offence]
    if hate_crime:
        out.append(
            _flag(
                "hate-crime",
                [entry(i) for i in hate_crime[-k:]],
                esc.share_with_police,
                _hate_crime_text(strands_text),
            )
        )
    asked = any(i.hostility_asked or i.hostility_strands for i in items)
    targeted = [i for i in items if i.victim_feels_targeted is True]
    top = max(sev_of.values(), default=0)
    if targeted and not asked and top >= esc.hate_screen_min_severity:
        first_top = next(i for i in items if sev_of[i.id] == top)
        evidence = sorted({entry(targeted[-1]), entry(first_top)}, key=_order)
        out.append(
            _flag(
                "hate-screen",
                evidence,
                None,
                (
                    "The victim feels targeted and the behaviour has reached level "
                    f"{top}: ask whether anyone perceives hostility"
                ),
            )
        )
    cutoff = now - timedelta(days=esc.rise_window_days)
    window = [i for i in items if i.occurred_at > cutoff]
    if window:
        peak_sev = max(sev_of[i.id] for i in window)
        peak = next(i for i in items if sev_of[i.id] == peak_sev)  # earliest at that severity
        before = items[: items.index(peak)]
        if (
            peak_sev >= esc.rise_min_severity
            and peak.occurred_at > cutoff
            and before
            and max(sev_of[i.id] for i in before) < peak_sev
            and top == peak_sev
        ):
            prev_sev = max(sev_of[i.id] for i in before)
            prev = next(i for i in items if sev_of[i.id] == prev_sev)
            out.append(
                _flag(
                    "severity-rise",
                    (entry(prev), entry(peak)),
                    esc.reassessment,
                    _rise_text(peak_sev, esc.rise_window_days),
                )
            )
    critical = [i for i in items if pol.categories[i.category].critical]
    if critical:
        out.append(
            _flag(
                "critical-incident",
                [entry(i) for i in critical[-k:]],
                esc.critical_follow_up,
                (
                    "Threats, assault, arson or a weapon reported: level "
                    f"{esc.critical_raises_to.value} at once"
                ),
                raises_to=esc.critical_raises_to,
            )
        )
    cutoff = add_months(now, -esc.repeat_window_months)
    recent = [g for g in latest_groups(items, False) if g[0] > cutoff][-k:]
    if len(recent) >= esc.repeat_min_incidents:
        out.append(
            _flag(
                "repeat-victim",
                recent,
                None,
                (
                    f"Repeat victim: {_count(recent, k)} incidents in the last "
                    f"{esc.repeat_window_months} months"
                ),
                use_key=True,
            )
        )
    cutoff = add_months(now, -esc.review_window_months)
    qualifying = [i for i in items if _qualifies(i, pol)]
    complaints = [g for g in latest_groups(qualifying, True) if g[0] > cutoff][-k:]
    hate_reports = latest_groups(hate, True) if esc.review_hate_variant else []
    hate_recent = [h for h in hate_reports if h[0] > cutoff][-k:]
    by_count = len(complaints) >= esc.review_min_complaints
    by_hate = len(hate_recent) >= esc.review_hate_min_incidents
    if by_count or by_hate:
        parts = []
        evidence = []
        if by_count:
            parts.append(f"{_count(complaints, k)} qualifying complaints")
            evidence.extend(complaints)
        if by_hate:
            parts.append(f"{_count(hate_recent, k)} hate incident(s)")
            listed = {e[3] for e in evidence}
            evidence.extend(h for h in hate_recent if h[3] not in listed)
        out.append(
            _flag(
                "case-review-eligible",
                evidence,
                None,
                (
                    f"ASB case review threshold met: {' and '.join(parts)} in the last "
                    f"{esc.review_window_months} months"
                ),
                use_key=True,
            )
        )
    return out
