"""How incidents land on a case, computed without IO: the one place that turns validated diary
entries and officer reports into every row they change.

Given the case as read (its level, escalation state, audit chain head, open flags and open level
targets) and the new incidents, `plan` folds the incidents into the escalation state in order,
raises, refreshes or clears the incident flags (with their follow-up targets), raises the level
for a critical incident (recomputing the level targets), restarts the victim-update clock when a
diary entry was acknowledged, and chains one audit event per change. The result is a `Landing`:
the rows of each table as parameters of the single set-wise statement in `repository.py`.

Used alike by one diary entry, an amendment, an officer report, a batch and the importer.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

import msgspec

import harm_model as hm
from asb_core.actor import Actor
from asb_core.audit import chain as audit
from asb_core.targets.models import LEVEL_TARGET_KINDS, follow_up_needed, owner_of
from asb_core.targets.repository import TARGET_KIND_ALIASES

_ENCODER = msgspec.json.Encoder()


def to_json(value: object) -> str:
    # msgspec (installed with Litestar) encodes about 3x faster than json.dumps; uuids and aware
    # datetimes encode as the ISO strings PostgreSQL reads back.
    return _ENCODER.encode(value).decode()


@dataclass(frozen=True, slots=True)
class EntryView:
    """A diary entry as written (the API serialises it like the ORM row)."""

    id: uuid.UUID
    case_id: uuid.UUID
    started_at: datetime
    duration_minutes: int | None
    location: str | None
    what_happened: str
    responsible: str | None
    witnesses: str | None
    effect_on_victim: str | None
    reported_to: str | None
    reported_reference: str | None
    category: str
    nsir_type: str
    severity: int
    hostility_perceived: list[str]
    hostility_perceived_by: str | None
    hostility_asked: bool
    victim_feels_targeted: bool | None
    source_system: str | None
    amends: uuid.UUID | None
    same_as: uuid.UUID | None
    reported_at: datetime | None
    author_agency_id: uuid.UUID
    author_agency_slug: str
    recorded_at: datetime
    acknowledged_at: datetime
    acknowledgement_reference: str


@dataclass(frozen=True, slots=True)
class IncidentView:
    """An incident as written (the API serialises it like the ORM row)."""

    id: uuid.UUID
    case_id: uuid.UUID
    source: str
    diary_entry_id: uuid.UUID | None
    occurred_at: datetime
    reported_at: datetime
    category: str
    nsir_type: str
    severity: int
    hostility_strands: list[str]
    hostility_perceived_by: str | None
    hostility_asked: bool
    victim_feels_targeted: bool | None
    reported_by_agency_id: uuid.UUID
    reported_by_agency_slug: str
    same_as: uuid.UUID | None
    account: str | None
    officer_reference: str | None
    location: str | None

    @property
    def evidence_id(self) -> uuid.UUID:
        return self.diary_entry_id or self.id


ENTRY_COLUMNS = (
    "id", "case_id", "started_at", "duration_minutes", "location", "what_happened",
    "responsible", "witnesses", "effect_on_victim", "reported_to", "reported_reference",
    "category", "nsir_type", "severity", "hostility_perceived", "hostility_perceived_by",
    "hostility_asked", "victim_feels_targeted", "source_system", "amends", "same_as",
    "reported_at", "author_agency_id", "recorded_at", "acknowledged_at",
    "acknowledgement_reference",
)
INCIDENT_COLUMNS = (
    "id", "case_id", "diary_entry_id", "source", "occurred_at", "reported_at", "category",
    "nsir_type", "severity", "hostility_strands", "hostility_perceived_by", "hostility_asked",
    "victim_feels_targeted", "reported_by_agency_id", "same_as", "account", "officer_reference",
    "location",
)


@dataclass(frozen=True, slots=True)
class Arrival:
    """One validated incident about to land: a diary entry (with its `entry`) or an officer
    report (`entry` None), with the Idempotency-Key it was sent with."""

    incident: IncidentView
    entry: EntryView | None
    key: str | None = None
    fingerprint: str = ""

    @property
    def resource_type(self) -> str:
        return "diary_entry" if self.entry is not None else "incident"

    @property
    def resource_id(self) -> uuid.UUID:
        return self.entry.id if self.entry is not None else self.incident.id

    @property
    def view(self) -> EntryView | IncidentView:
        return self.entry if self.entry is not None else self.incident


def diary_arrival(actor: Actor, case_id: uuid.UUID, body, now: datetime, *,
                  amends: uuid.UUID | None, root: uuid.UUID | None,
                  key: str | None = None, fingerprint: str = "") -> Arrival:
    """A diary entry (a validated DiaryEntryIn) acknowledged now, and its incident."""
    category = hm.CATEGORIES[body.category]
    entry_id = uuid.uuid4()
    values = {f: getattr(body, f) for f in (
        "duration_minutes", "location", "what_happened", "responsible", "witnesses",
        "effect_on_victim", "reported_to", "reported_reference", "hostility_perceived",
        "hostility_perceived_by", "hostility_asked", "victim_feels_targeted", "source_system")}
    reported = getattr(body, "reported_at", None)
    entry = EntryView(
        id=entry_id, case_id=case_id, started_at=body.started_at.astimezone(UTC),
        category=category.id, nsir_type=category.nsir, severity=category.severity,
        amends=amends, same_as=getattr(body, "same_as", None),
        reported_at=reported.astimezone(UTC) if reported else None,
        author_agency_id=actor.agency_id, author_agency_slug=actor.agency_slug,
        recorded_at=now, acknowledged_at=now,
        acknowledgement_reference="",  # numbered on the case when it lands (plan)
        **values,
    )
    incident = IncidentView(
        id=uuid.uuid4(), case_id=case_id, source="diary_entry", diary_entry_id=entry_id,
        occurred_at=min(entry.started_at, now), reported_at=now, category=category.id,
        nsir_type=category.nsir, severity=category.severity,
        hostility_strands=entry.hostility_perceived,
        hostility_perceived_by=entry.hostility_perceived_by,
        hostility_asked=entry.hostility_asked, victim_feels_targeted=entry.victim_feels_targeted,
        reported_by_agency_id=actor.agency_id, reported_by_agency_slug=actor.agency_slug,
        same_as=root, account=None, officer_reference=None, location=None,
    )
    return Arrival(incident, entry, key, fingerprint)


def report_arrival(actor: Actor, case_id: uuid.UUID, body, now: datetime, *,
                   root: uuid.UUID | None, key: str | None = None,
                   fingerprint: str = "") -> Arrival:
    """An officer report (a validated OfficerReportIn) recorded now."""
    category = hm.CATEGORIES[body.category]
    incident = IncidentView(
        id=uuid.uuid4(), case_id=case_id, source="officer_report", diary_entry_id=None,
        occurred_at=min(body.occurred_at.astimezone(UTC), now), reported_at=now,
        category=category.id, nsir_type=category.nsir, severity=category.severity,
        hostility_strands=list(body.hostility_perceived),
        hostility_perceived_by=body.hostility_perceived_by,
        hostility_asked=body.hostility_asked, victim_feels_targeted=body.victim_feels_targeted,
        reported_by_agency_id=actor.agency_id, reported_by_agency_slug=actor.agency_slug,
        same_as=root, account=body.account, officer_reference=body.officer_reference,
        location=body.location,
    )
    return Arrival(incident, None, key, fingerprint)


@dataclass(frozen=True, slots=True)
class CaseAsRead:
    """What the write needs of a case, read in one statement (repository.read_case)."""

    id: uuid.UUID
    reference: str
    incidents: int  # how many incidents the case holds: the next one is numbered after them
    status: str
    level: str
    state: dict
    head_seq: int
    head_hash: str
    open_flags: list  # [flag id, rule id, source, evidence]
    targets: list  # open level targets: [id, kind, level, started_at, due_at, state]
    lead_agency_id: uuid.UUID  # owns the case's new targets (targets.models.owner_of)
    police_member: bool  # a police agency is a member (no share_with_police follow-up)


@dataclass(slots=True)
class Landing:
    """Every row the arrivals change, as the parameters of repository's write statement."""

    arrivals: list[Arrival]
    params: dict
    refused: dict[int, Exception] = field(default_factory=dict)  # arrival index -> error


def _fold(state: hm.CaseState, arrivals: Sequence[Arrival], actor: Actor, now: datetime):
    """Fold each arrival in order; one the harm model refuses is set aside with its error.
    A diary sheet posted late counts as reported when the victim reported it."""
    folded, refused = [], {}
    for i, a in enumerate(arrivals):
        inc = a.incident
        reported = a.entry.reported_at if a.entry is not None and a.entry.reported_at else now
        try:
            state = hm.fold(state, hm.Incident(
                id=str(inc.evidence_id), occurred_at=inc.occurred_at, reported_at=reported,
                category=inc.category, hostility_strands=frozenset(inc.hostility_strands),
                hostility_asked=inc.hostility_asked,
                victim_feels_targeted=inc.victim_feels_targeted,
                reported_by_agency=actor.agency_slug,
                same_as=str(inc.same_as) if inc.same_as else None))
        except hm.HarmValidationError as exc:
            refused[i] = exc
            continue
        folded.append(a)
    return state, folded, refused


def level_raise(computed: Sequence[hm.Flag], current_level: str) -> str | None:
    """The level a critical incident raises the case to, if above `current_level`."""
    raise_to = [f.raises_to for f in computed if f.raises_to is not None]
    if raise_to and hm.max_level(*raise_to) > hm.Level.parse(current_level):
        return hm.max_level(*raise_to).value
    return None


class _Rows:
    """Rows collected for each table, and the audit chain advanced event by event."""

    def __init__(self, actor: Actor, case: CaseAsRead, now: datetime) -> None:
        self.actor, self.case, self.now = actor, case, now
        self.events: list[dict] = []
        self.audit: list[dict] = []
        self.seq, self.hash = case.head_seq, case.head_hash

    def event(self, kind: str, entity_id, **summary) -> None:
        self.events.append({"at": self.now, "kind": kind, "entity_id": entity_id,
                            "summary": summary})

    def audited(self, action: str, entity: str, entity_id, detail: dict) -> None:
        values = audit.next_event(
            self.actor, action, chain_seq=self.seq + 1, prev_hash=self.hash,
            case_id=self.case.id, entity=entity, entity_id=entity_id, at=self.now,
            detail=detail)
        self.seq, self.hash = values["chain_seq"], values["hash"]
        self.audit.append({k: values[k] for k in (
            "chain_seq", "entity_id", "detail", "prev_hash", "hash", "key_id")} | {"action": action,
                                                                          "entity": entity})


def _arrival_rows(rows: _Rows, a: Arrival) -> None:
    inc = a.incident
    if a.entry is not None:
        e = a.entry
        amends = str(e.amends) if e.amends else None
        rows.event("diary_entry", e.id, category=e.category, severity=e.severity,
                   amends=amends, hostility=bool(e.hostility_perceived))
        rows.audited("diary.add", "diary_entry", e.id, {
            "category": e.category, "amends": amends, "source_system": e.source_system})
    else:
        same_as = str(inc.same_as) if inc.same_as else None
        # The timeline and the audit log carry no free text: the account may name people.
        rows.event("officer_report", inc.id, category=inc.category, severity=inc.severity,
                   hostility=bool(inc.hostility_strands), same_as=same_as)
        rows.audited("incident.add", "incident", inc.id, {
            "source": "officer_report", "category": inc.category, "same_as": same_as})


def _flag_rows(rows: _Rows, computed: list[hm.Flag], open_flags: list) -> dict:
    """New flags (with follow-up targets), refreshed evidence and cleared incident flags."""
    held = {rule_id: (uuid.UUID(str(fid)), source, list(evidence))
            for fid, rule_id, source, evidence in open_flags or ()}
    new_flags, new_targets, evidence = [], [], []
    for flag in computed:
        if flag.rule_id in held:
            fid, source, ev = held[flag.rule_id]
            if source == "incidents" and ev != list(flag.evidence):
                # The text names the evidence ("7 incidents in the last 12 months"): never stale.
                evidence.append({"id": fid, "ev": list(flag.evidence), "text": flag.text})
            continue
        target_id = None
        spec = flag.follow_up
        kind = None if spec is None else TARGET_KIND_ALIASES.get(spec.kind, spec.kind)
        if (spec is not None and spec.kind not in LEVEL_TARGET_KINDS
                and follow_up_needed(kind, police_member=rows.case.police_member)):
            target_id = uuid.uuid4()
            new_targets.append({
                "id": target_id, "kind": kind, "level": None, "recurring": False,
                "started_at": rows.now, "due_at": hm.due_at(spec, rows.now),
                "owner_agency_id": owner_of(kind, rows.case.lead_agency_id)})
        fid = uuid.uuid4()
        new_flags.append({"id": fid, "rule_id": flag.rule_id, "evidence": list(flag.evidence),
                          "text": flag.text, "follow_up_target_id": target_id})
        rows.event("flag_raised", fid, rule_id=flag.rule_id, evidence=list(flag.evidence),
                   text=flag.text)
        rows.audited("flag.raise", "escalation_flag", fid, {"rule_id": flag.rule_id})
    still = {f.rule_id for f in computed}
    cleared = []
    for rule_id, (fid, source, _ev) in held.items():
        if source == "incidents" and rule_id not in still:
            cleared.append(fid)
            rows.event("flag_cleared", fid, rule_id=rule_id)
            rows.audited("flag.clear", "escalation_flag", fid, {"rule_id": rule_id})
    return {"new_flags": new_flags, "new_targets": new_targets, "evidence": evidence,
            "cleared": cleared}


def _current_targets(targets: list) -> list[list]:
    """The current target of each level kind: the open one, else the latest met one (rows
    arrive in creation order)."""
    current: dict[str, list] = {}
    for t in targets:
        held = current.get(t[1])
        if held is None or t[5] != "met" or held[5] == "met":
            current[t[1]] = t
    return list(current.values())


def _as_time(value) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


def _target_rows(case: CaseAsRead, new_level: str | None, restart: bool, now: datetime,
                 new_targets: list) -> list[dict]:
    """Level targets recomputed for a raised level (harm_model's rule) and the victim-update
    clock restarted; returns the changed existing rows, appends new ones to `new_targets`."""
    level = new_level or case.level
    changed: dict[str, dict] = {}
    if new_level is not None:
        current = _current_targets(case.targets)
        states = [hm.TargetState(kind=t[1], level=hm.Level.parse(t[2]), due_at=_as_time(t[4]),
                                 state=t[5], met_at=None, met_by=None,
                                 started_at=_as_time(t[3])) for t in current]
        for i, st in enumerate(hm.recompute_targets(states, new_level, now)):
            if i < len(current):
                if current[i][5] != "met":
                    changed[str(current[i][0])] = {
                        "id": current[i][0], "was": current[i][5],
                        "started_at": st.started_at, "due_at": st.due_at, "state": st.state,
                        "level": st.level.value, "kind": st.kind}
            else:
                recurring = any(s.recurring for s in hm.target_specs(st.level)
                                if s.kind == st.kind)
                new_targets.append({"id": uuid.uuid4(), "kind": st.kind, "level": st.level.value,
                                    "recurring": recurring, "started_at": st.started_at,
                                    "due_at": st.due_at,
                                    "owner_agency_id": owner_of(st.kind, case.lead_agency_id)})
    if restart:
        due = victim_update_due(level, now)
        for t in case.targets:
            row = changed.get(str(t[0]))
            state = row["state"] if row else t[5]
            if t[1] == "victim_update" and state == "due":
                changed[str(t[0])] = {"id": t[0], "was": t[5], "started_at": now, "due_at": due,
                                      "state": "due", "level": level, "kind": t[1]}
        for t in new_targets:
            if t["kind"] == "victim_update":
                t.update(started_at=now, due_at=due)
    return [{k: v for k, v in row.items() if k != "kind"} for row in changed.values()]


def victim_update_due(level: str, now: datetime) -> datetime:
    spec = next(s for s in hm.target_specs(level) if s.kind == "victim_update")
    return hm.due_at(spec, now)


def _numbered(case: CaseAsRead, folded: list[Arrival]) -> list[Arrival]:
    """Each diary entry's acknowledgement reference: the case's reference and the entry's place
    among the case's incidents (`ASB-2026-000042-D7`), which a victim can quote to any agency."""
    out = []
    for n, a in enumerate(folded, start=case.incidents + 1):
        if a.entry is not None:
            ack = f"{case.reference}-D{n}"
            a = replace(a, entry=replace(a.entry, acknowledgement_reference=ack))
        out.append(a)
    return out


def plan(actor: Actor, case: CaseAsRead, arrivals: Sequence[Arrival], now: datetime) -> Landing:
    """Everything `arrivals` change on `case`, in the order the rules apply them. The landing's
    arrivals are the ones folded, in order, as written (numbered)."""
    state, folded, refused = _fold(hm.CaseState.from_json(case.state), arrivals, actor, now)
    folded = _numbered(case, folded)
    rows = _Rows(actor, case, now)
    for a in folded:
        _arrival_rows(rows, a)
    computed = hm.flags(state, now) if folded else []
    flags = _flag_rows(rows, computed, case.open_flags) if folded else {
        "new_flags": [], "new_targets": [], "evidence": [], "cleared": []}
    new_level = level_raise(computed, case.level) if folded else None
    restart = any(a.entry is not None for a in folded)
    targets = _target_rows(case, new_level, restart, now, flags["new_targets"])
    if new_level is not None:
        last = folded[-1]
        what = "diary entry" if last.entry is not None else "officer report"
        reason = f"critical incident in {what} {last.resource_id}"
        detail = {"from": case.level, "to": new_level, "reason": reason}
        rows.event("level_change", None, **detail)
        rows.audited("case.level_change", "case", case.id, detail)
    params = {
        "case_id": case.id, "now": now, "agency": actor.agency_slug,
        "principal_id": actor.principal_id, "role": actor.role, "chain": audit.chain_for(case.id),
        "seen_seq": case.head_seq, "last_seq": rows.seq, "last_hash": rows.hash,
        "last_mac": audit.head_mac(audit.chain_for(case.id), rows.seq, rows.hash),
        "state": to_json(state.to_json()), "incidents_added": len(folded),
        "new_level": new_level,
        # The case's representation changes (version, ETag, updated_at move) with its level or
        # its open flags.
        "case_changed": bool(new_level or flags["new_flags"] or flags["cleared"]) or None,
        "entries": to_json([{c: getattr(a.entry, c) for c in ENTRY_COLUMNS}
                            for a in folded if a.entry is not None]),
        "incidents": to_json([{c: getattr(a.incident, c) for c in INCIDENT_COLUMNS}
                              for a in folded]),
        "events": to_json(rows.events), "audit": to_json(rows.audit),
        "new_flags": to_json(flags["new_flags"]), "flag_evidence": to_json(flags["evidence"]),
        "cleared_flags": to_json(flags["cleared"]), "new_targets": to_json(flags["new_targets"]),
        "changed_targets": to_json(targets),
    }
    return Landing(list(folded), params, refused)
