"""Diary entries: validate, store (immutable), acknowledge, derive the incident, fold it into the
case's running escalation state, raise flags, raise the level for a critical incident, recompute
targets and restart the victim-update clock, all as one transaction.

Concurrency: nothing is written unless the case, its escalation state and its audit chain head
are locked and unchanged since they were read (the optimistic path checks the chain head in its
single write statement; the locked path holds SELECT ... FOR UPDATE from the read on), so two
entries posted to one case at once fold one after the other and neither is lost. Idempotency:
the (agency, key) row is claimed inside the write with INSERT ... ON CONFLICT DO NOTHING, after
the case lock is held, so a retry racing the original waits for it and then returns the entry it
created. `add_diary_entry` explains the two paths.
"""
from __future__ import annotations

import functools
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import msgspec
from sqlalchemy import JSON, String, Uuid, bindparam, func, select, text, tuple_
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

import harm_model as hm
from asb_core import access, clock, idempotency
from asb_core import driver as driver_sql
from asb_core.actor import Actor
from asb_core.audit import chain as audit
from asb_core.audit.models import AuditChainHead
from asb_core.cases import repository as case_repo
from asb_core.cases.models import Case, EscalationState
from asb_core.errors import Conflict, NotFound, ValidationFailed
from asb_core.escalation.models import EscalationFlag
from asb_core.incidents import folding
from asb_core.incidents.models import PERCEIVED_BY, DiaryEntry, Incident
from asb_core.pagination import TIME_ID, Page, check_limit, decode_cursor, page_of

CLOCK_SKEW = timedelta(minutes=5)
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
TEXT_FIELDS = ("location", "responsible", "witnesses", "effect_on_victim", "reported_to",
               "reported_reference", "source_system")
KNOWN = set(TEXT_FIELDS) | {
    "started_at", "duration_minutes", "what_happened", "category", "hostility_perceived",
    "hostility_perceived_by", "hostility_asked", "victim_feels_targeted", "amends",
}
MAX_TEXT = 20_000


def _parse_time(value: object) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo else None
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
        return parsed if parsed.tzinfo else None
    return None


def incident_time(data: dict, field: str, now: datetime, bad) -> datetime | None:
    """`data[field]` as a UTC time when an incident can have happened then (a zone given, not
    in the future beyond clock skew, not before 1900); else reports it through `bad`. Shared by
    diary entries and officer reports."""
    value = _parse_time(data.get(field))
    if value is None:
        bad(field, "a date-time with a time zone")
    elif value > now + CLOCK_SKEW:
        bad(field, "is in the future")
    elif value < EARLIEST:
        bad(field, "is before 1900")
    else:
        return value.astimezone(UTC)
    return None


def validate(data: object, now: datetime) -> dict:
    """Field errors for every problem at once; returns clean values."""
    if not isinstance(data, dict):
        raise ValidationFailed("expected an object", errors=[{"field": "body",
                                                              "message": "expected an object"}])
    errors: list[dict] = []

    def bad(field: str, message: str) -> None:
        errors.append({"field": field, "message": message})

    for extra in sorted(set(data) - KNOWN):
        bad(extra, "unknown field")
    out: dict = {}
    started = incident_time(data, "started_at", now, bad)
    if started is not None:
        out["started_at"] = started
    what = data.get("what_happened")
    if not isinstance(what, str) or not what.strip():
        bad("what_happened", "required")
    elif len(what) > MAX_TEXT:
        bad("what_happened", f"at most {MAX_TEXT} characters")
    else:
        out["what_happened"] = what
    category = hm.CATEGORIES.get(data.get("category")) if isinstance(
        data.get("category"), str) else None
    if category is None:
        bad("category", "one of " + ", ".join(hm.CATEGORIES))
    else:
        out["category"] = category
    dur = data.get("duration_minutes")
    if dur is not None and (not isinstance(dur, int) or isinstance(dur, bool)
                            or not 0 <= dur <= 60 * 24 * 31):
        bad("duration_minutes", "minutes, 0 to 44640")
    out["duration_minutes"] = dur
    for f in TEXT_FIELDS:
        v = data.get(f)
        if v is not None and (not isinstance(v, str) or len(v) > MAX_TEXT):
            bad(f, "a text")
        out[f] = v
    strands = data.get("hostility_perceived") or []
    if not isinstance(strands, list) or not all(isinstance(s, str) for s in strands):
        bad("hostility_perceived", "a list of strands")
        strands = []
    else:
        unknown = [s for s in strands if s not in hm.get_policy().hostility_strands]
        if unknown:
            bad("hostility_perceived", f"unknown strand {unknown[0]!r}")
    out["hostility_perceived"] = sorted(set(strands))
    by = data.get("hostility_perceived_by")
    if by is not None and by not in PERCEIVED_BY:
        bad("hostility_perceived_by", ", ".join(PERCEIVED_BY))
    if strands and by is None:
        bad("hostility_perceived_by", "say who perceived the hostility")
    out["hostility_perceived_by"] = by
    for f in ("hostility_asked",):
        v = data.get(f, False)
        if not isinstance(v, bool):
            bad(f, "true or false")
        out[f] = bool(v)
    vft = data.get("victim_feels_targeted")
    if vft is not None and not isinstance(vft, bool):
        bad("victim_feels_targeted", "true, false or null")
    out["victim_feels_targeted"] = vft
    amends = data.get("amends")
    if amends is not None:
        try:
            out["amends"] = uuid.UUID(str(amends))
        except ValueError:
            bad("amends", "an entry id")
    else:
        out["amends"] = None
    if errors:
        raise ValidationFailed("the diary entry is not valid", errors=errors)
    return out


@dataclass(frozen=True, slots=True)
class EntryView:
    """A diary entry as written by `add_diary_entry` (the API serialises it like the ORM row)."""

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
    author_agency_id: uuid.UUID
    author_agency_slug: str
    recorded_at: datetime
    acknowledged_at: datetime
    acknowledgement_reference: str


@functools.cache
def _locked_case(visibility: str, lock: bool = True):
    """One statement for everything the write needs, under the row locks it needs: the case
    (through the access policy), its escalation state, its audit chain head and its open flags.
    Built once per kind of visibility (the caller's ids are parameters): building it per
    request cost more CPU than the database spent running it.

    Locks are taken in FOR UPDATE OF order (case, state, head), the order every other writer
    takes them (case first, audit head last), so writers cannot deadlock."""
    open_flags = (
        select(func.json_agg(func.json_build_array(
            EscalationFlag.id, EscalationFlag.rule_id, EscalationFlag.source,
            EscalationFlag.evidence), type_=JSON))
        .where(EscalationFlag.case_id == Case.id, EscalationFlag.cleared_at.is_(None))
        .scalar_subquery()
    )
    stmt = (
        select(Case.id, Case.status, Case.risk_level, EscalationState.state,
               AuditChainHead.last_seq, AuditChainHead.last_hash, open_flags)
        .join(EscalationState, EscalationState.case_id == Case.id)
        .join(AuditChainHead, AuditChainHead.chain == bindparam("chain", type_=String))
        .where(Case.id == bindparam("case_id", type_=Uuid),
               access.readable_filter_bound(visibility))
    )
    return stmt.with_for_update(of=[Case, EscalationState, AuditChainHead]) if lock else stmt


@functools.cache
def _lock_statement(visibility: str) -> driver_sql.Statement:
    return driver_sql.Statement(_locked_case(visibility))


@functools.cache
def _read_statement(visibility: str) -> driver_sql.Statement:
    """The same read without row locks, for the optimistic path (its write checks instead)."""
    return driver_sql.Statement(_locked_case(visibility, lock=False))


async def _lock(session: AsyncSession, actor: Actor, case_id: object):
    cid = access.parse_uuid(case_id)
    stmt = _lock_statement(access.visibility(actor))
    params = {"case_id": cid, "chain": audit.chain_for(cid), **access.policy_params(actor)}
    row = await stmt.fetchrow(session, params)
    if row is None:
        # Not visible (NotFound from the policy), or a case whose audit chain has no head yet
        # (written before heads existed): create the head and lock again.
        await case_repo.load_case(session, actor, cid)
        await session.execute(
            pg_insert(AuditChainHead)
            .values(chain=audit.chain_for(cid), last_seq=0, last_hash=audit.GENESIS)
            .on_conflict_do_nothing(index_elements=["chain"])
        )
        row = await stmt.fetchrow(session, params)
    access.require(actor, "diary.add")
    return row


async def add_diary_entry(
    session: AsyncSession,
    actor: Actor,
    case_id: object,
    *,
    data: dict,
    idempotency_key: str | None = None,
    request_fingerprint: str | None = None,
    now: datetime | None = None,
) -> tuple[EntryView | DiaryEntry, bool]:
    """Add one diary entry; (the entry, True) or, for a replayed Idempotency-Key, (the entry the
    first request created, False).

    The write path is lean because integrations push entries in bulk. Everything the entry
    changes (the entry, its incident, the folded state, the victim-update clock, refreshed flag
    evidence, the timeline event, the audit event and its chain head, the idempotency claim) is
    written by one statement, and the claim runs only once the case is locked, so two requests
    with one key queue on the case and never deadlock on the key. Two ways to get there:

    - optimistic (`_optimistic`), when the session has no transaction open yet (an API
      request): read without locks, then one self-contained statement that locks the case, its
      state and its audit chain head, checks that the chain head is still the one read (every
      change to a case writes an audit event on its chain, so an unchanged head means an
      unchanged case) and only then writes. Two round trips, no BEGIN/COMMIT. If the case
      changed in between, it reads again; after two misses it takes the locked path.
    - locked (`_locked`): SELECT ... FOR UPDATE, then the same write, in the caller's
      transaction. Used inside an open transaction, after optimistic misses, and whenever the
      fold raises or clears a flag or raises the level, which the general services
      (folding.apply_outcome) then apply in the same transaction."""
    now = clock.utcnow(now)
    if idempotency_key is not None:
        idempotency.check_key(idempotency_key)
    request = _Request(actor, data, idempotency_key, request_fingerprint or "", now)
    connection = await driver_sql.autocommit_driver(session)
    if connection is not None:
        for _attempt in range(OPTIMISTIC_ATTEMPTS):
            done = await _optimistic(session, connection, request, case_id)
            if done is _GENERAL:
                break
            if done is not _CHANGED:
                return done
    return await _locked(session, request, case_id)


OPTIMISTIC_ATTEMPTS = 2
_CHANGED = object()  # the case changed between the read and the write: read again
_GENERAL = object()  # the fold raises/clears a flag or the level: the locked path applies it


@dataclass(frozen=True, slots=True)
class _Request:
    actor: Actor
    data: dict
    key: str | None
    fingerprint: str
    now: datetime


@dataclass(slots=True)
class _Prepared:
    entry: EntryView
    params: dict
    general: bool
    computed: list


async def _prepare(session: AsyncSession, request: _Request, row) -> _Prepared | tuple:
    """Validate and fold against the case as read; a replay or a refusal ends here."""
    actor, now = request.actor, request.now
    cid, status, level, state_json, head_seq, head_hash, open_flags = row
    if status == "closed":
        # A retry of an entry accepted before the case was closed still gets its answer.
        replay = await _replay(session, actor, cid, request.key, request.fingerprint)
        if replay is not None:
            return replay, False
        raise Conflict("the case is closed: reopen it first")
    entry_id = uuid.uuid4()
    v = validate(request.data, now)
    root = await _amendment_root(session, cid, v["amends"]) if v["amends"] else None
    category: hm.Category = v.pop("category")
    entry = EntryView(
        id=entry_id, case_id=cid, category=category.id, nsir_type=category.nsir,
        severity=category.severity, author_agency_id=actor.agency_id,
        author_agency_slug=actor.agency_slug, recorded_at=now, acknowledged_at=now,
        acknowledgement_reference=f"ACK-{entry_id.hex[:12].upper()}", **v,
    )
    occurred = min(entry.started_at, now)
    state = folding.fold_all(hm.CaseState.from_json(state_json), [hm.Incident(
        id=str(entry_id), occurred_at=occurred, reported_at=now, category=category.id,
        hostility_strands=frozenset(entry.hostility_perceived),
        hostility_asked=entry.hostility_asked, victim_feels_targeted=entry.victim_feels_targeted,
        reported_by_agency=actor.agency_slug, same_as=str(root) if root else None,
    )])
    computed = hm.flags(state, now)
    held = {rule_id: (uuid.UUID(fid), source, evidence)
            for fid, rule_id, source, evidence in open_flags or ()}
    # The general path is needed only when a flag is raised or cleared or the level rises.
    general = (
        any(f.rule_id not in held for f in computed)
        or any(src == "incidents" and rule_id not in {f.rule_id for f in computed}
               for rule_id, (_, src, _ev) in held.items())
        or folding.level_raise(computed, level) is not None
    )
    audit_values = audit.next_event(
        actor, "diary.add", chain_seq=head_seq + 1, prev_hash=head_hash, case_id=cid,
        entity="diary_entry", entity_id=entry_id, at=now, detail={
            "category": entry.category,
            "amends": str(entry.amends) if entry.amends else None,
            "source_system": entry.source_system})
    evidence = [] if general else [
        {"id": str(held[f.rule_id][0]), "ev": list(f.evidence)} for f in computed
        if held[f.rule_id][1] == "incidents" and list(held[f.rule_id][2]) != list(f.evidence)
    ]
    params = {
        **{k: getattr(entry, k) for k in ENTRY_COLUMNS},
        "idem_key": request.key, "fingerprint": request.fingerprint,
        "incident_id": uuid.uuid4(), "occurred_at": occurred, "same_as": root,
        "state": _json(state.to_json()), "agency": actor.agency_slug,
        "summary": _json({"category": entry.category, "severity": entry.severity,
                          "amends": str(entry.amends) if entry.amends else None,
                          "hostility": bool(entry.hostility_perceived)}),
        "chain": audit_values["chain"], "chain_seq": audit_values["chain_seq"],
        "seen_seq": head_seq, "principal_id": actor.principal_id, "role": actor.role,
        "audit_entity_id": audit_values["entity_id"], "detail": _json(audit_values["detail"]),
        "prev_hash": head_hash, "hash": audit_values["hash"],
        "flag_evidence": _json(evidence), "restart_clock": not general,
        "victim_due": _victim_update_due(level, now), "level": level,
    }
    return _Prepared(entry, params, general, computed)


async def _optimistic(session: AsyncSession, connection, request: _Request, case_id: object):
    actor = request.actor
    cid = access.parse_uuid(case_id)
    row = await _read_statement(access.visibility(actor)).fetchrow_on(
        session, connection, {"case_id": cid, "chain": audit.chain_for(cid),
                     **access.policy_params(actor)})
    if row is None:
        return _GENERAL  # not visible, or no chain head yet: the locked path sorts it out
    access.require(actor, "diary.add")
    prepared = await _prepare(session, request, row)
    if isinstance(prepared, tuple):
        return prepared
    if prepared.general:
        return _GENERAL
    gate, claimed = await _GATED_WRITE.fetchrow_on(session, connection, prepared.params)
    if not gate:
        return _CHANGED
    if not claimed:
        # The key was claimed before (the statement wrote nothing): a replay, or a misuse.
        return await _replay(session, actor, cid, request.key, request.fingerprint), False
    return prepared.entry, True


async def _locked(session: AsyncSession, request: _Request, case_id: object):
    actor, now = request.actor, request.now
    row = await _lock(session, actor, case_id)
    cid = row[0]
    prepared = await _prepare(session, request, row)
    if isinstance(prepared, tuple):
        return prepared
    claimed = await _WRITE.fetchval(session, prepared.params)
    if not claimed:
        # The key was claimed before (the statement wrote nothing): a replay, or a misuse.
        return await _replay(session, actor, cid, request.key, request.fingerprint), False
    if prepared.general:
        case = await case_repo.reload(session, cid)
        case = await folding.apply_outcome(
            session, actor, case, prepared.computed, now,
            reason=f"critical incident in diary entry {prepared.entry.id}")
        await session.execute(_RESTART, {"case_id": cid, "recorded_at": now, "level":
                                         case.risk_level,
                                         "victim_due": _victim_update_due(case.risk_level, now)})
    return prepared.entry, True


# The whole common write in one statement (one round trip): the entry, its incident, the folded
# state, the timeline event, the audit event and its chain head, refreshed flag evidence, and
# the victim-update clock restarted (the entry is acknowledged). Data-modifying CTEs all run to
# completion; the targets trigger writes the reschedule to the timeline as for any target change.
_CLAIM = """
  INSERT INTO idempotency_keys (agency_id, key, fingerprint, case_id, resource_type, resource_id,
    created_at)
  SELECT :author_agency_id, CAST(:idem_key AS varchar), :fingerprint, :case_id, 'diary_entry',
    :id, :recorded_at
  FROM %s
  WHERE CAST(:idem_key AS varchar) IS NOT NULL
  ON CONFLICT (agency_id, key) DO NOTHING
  RETURNING 1
"""
_WRITES = """e AS (
  INSERT INTO diary_entries (id, case_id, started_at, duration_minutes, location, what_happened,
    responsible, witnesses, effect_on_victim, reported_to, reported_reference, category,
    nsir_type, severity, hostility_perceived, hostility_perceived_by, hostility_asked,
    victim_feels_targeted, source_system, amends, author_agency_id, recorded_at,
    acknowledged_at, acknowledgement_reference)
  SELECT CAST(:id AS uuid), CAST(:case_id AS uuid), CAST(:started_at AS timestamptz),
    CAST(:duration_minutes AS integer), CAST(:location AS text), CAST(:what_happened AS text),
    CAST(:responsible AS text), CAST(:witnesses AS text), CAST(:effect_on_victim AS text),
    CAST(:reported_to AS text), CAST(:reported_reference AS text), CAST(:category AS varchar),
    CAST(:nsir_type AS varchar), CAST(:severity AS integer),
    CAST(:hostility_perceived AS text[]), CAST(:hostility_perceived_by AS varchar),
    CAST(:hostility_asked AS boolean), CAST(:victim_feels_targeted AS boolean),
    CAST(:source_system AS text), CAST(:amends AS uuid), CAST(:author_agency_id AS uuid),
    CAST(:recorded_at AS timestamptz), CAST(:acknowledged_at AS timestamptz),
    CAST(:acknowledgement_reference AS varchar)
  FROM go
), i AS (
  INSERT INTO incidents (id, case_id, diary_entry_id, source, occurred_at, reported_at, category,
    nsir_type, severity, hostility_strands, hostility_perceived_by, hostility_asked,
    victim_feels_targeted, reported_by_agency_id, same_as)
  SELECT CAST(:incident_id AS uuid), :case_id, :id, 'diary_entry',
    CAST(:occurred_at AS timestamptz), :recorded_at, :category, :nsir_type, :severity,
    :hostility_perceived, :hostility_perceived_by, :hostility_asked, :victim_feels_targeted,
    :author_agency_id, CAST(:same_as AS uuid)
  FROM go
), s AS (
  UPDATE case_escalation_states SET state = CAST(:state AS jsonb), incidents = incidents + 1,
    updated_at = :recorded_at
  WHERE case_id = :case_id AND EXISTS (SELECT FROM go)
), ev AS (
  INSERT INTO case_events (case_id, at, kind, entity_id, agency, summary)
  SELECT :case_id, :recorded_at, 'diary_entry', :id, CAST(:agency AS varchar),
    CAST(:summary AS jsonb)
  FROM go
), a AS (
  INSERT INTO audit_events (chain, chain_seq, at, principal_id, agency, role, action, case_id,
    entity, entity_id, fields, justification, detail, prev_hash, hash)
  SELECT CAST(:chain AS varchar), CAST(:chain_seq AS integer), :recorded_at,
    CAST(:principal_id AS uuid), :agency, CAST(:role AS varchar), 'diary.add', :case_id,
    'diary_entry', CAST(:audit_entity_id AS varchar), '{}', NULL, CAST(:detail AS jsonb),
    CAST(:prev_hash AS varchar), CAST(:hash AS varchar)
  FROM go
), h AS (
  UPDATE audit_chain_heads SET last_seq = :chain_seq, last_hash = :hash
  WHERE chain = :chain AND EXISTS (SELECT FROM go)
), f AS (
  UPDATE escalation_flags fl SET evidence = ARRAY(SELECT jsonb_array_elements_text(u.ev))
  FROM jsonb_to_recordset(CAST(:flag_evidence AS jsonb)) AS u(id uuid, ev jsonb)
  WHERE fl.id = u.id AND fl.case_id = :case_id AND EXISTS (SELECT FROM go)
), t AS (
  UPDATE targets SET started_at = :recorded_at, due_at = CAST(:victim_due AS timestamptz),
    level = CAST(:level AS varchar)
  WHERE case_id = :case_id AND kind = 'victim_update' AND state = 'due' AND closed_at IS NULL
    AND CAST(:restart_clock AS boolean) AND EXISTS (SELECT FROM go)
)
"""
# In the caller's transaction, the case already locked (_locked): claim, then write if claimed.
_WRITE = driver_sql.Statement(
    "WITH k AS (" + _CLAIM % "(SELECT 1) AS one" + "), go AS ("  # noqa: S608 (constants only)
    "  SELECT 1 FROM k UNION ALL SELECT 1 WHERE CAST(:idem_key AS varchar) IS NULL"
    "), " + _WRITES + "SELECT count(*) FROM go")
# On its own (_optimistic): lock the case, its state and its chain head, and go on only if the
# head is still the one read (FOR UPDATE re-checks the condition on the latest row version after
# waiting for a concurrent writer); answers (gate passed, claimed).
_GATED_WRITE = driver_sql.Statement(
    "WITH g AS ("  # noqa: S608 (composed from the constants above only)
    "  SELECT 1 FROM cases c"
    "  JOIN case_escalation_states es ON es.case_id = c.id"
    "  JOIN audit_chain_heads h ON h.chain = CAST(:chain AS varchar)"
    "  WHERE c.id = :case_id AND c.status <> 'closed' AND h.last_seq = :seen_seq"
    "  FOR UPDATE OF c, es, h"
    "), k AS (" + _CLAIM % "g" + "), go AS ("
    "  SELECT 1 FROM k UNION ALL SELECT 1 FROM g WHERE CAST(:idem_key AS varchar) IS NULL"
    "), " + _WRITES + "SELECT (SELECT count(*) FROM g), (SELECT count(*) FROM go)")
# After the general path (the level may have changed): the same restart on its own.
_RESTART = text("""
    UPDATE targets SET started_at = :recorded_at, due_at = :victim_due, level = :level
    WHERE case_id = :case_id AND kind = 'victim_update' AND state = 'due' AND closed_at IS NULL
""")


_ENCODER = msgspec.json.Encoder()


def _json(value: object) -> str:
    # msgspec (already installed with Litestar) encodes about 3x faster than json.dumps; the
    # values here are plain dicts, lists, strings, numbers and booleans.
    return _ENCODER.encode(value).decode()


def _victim_update_due(level: str, now: datetime) -> datetime:
    spec = next(s for s in hm.target_specs(level) if s.kind == "victim_update")
    return hm.due_at(spec, now)


ENTRY_COLUMNS = (
    "id", "case_id", "started_at", "duration_minutes", "location", "what_happened",
    "responsible", "witnesses", "effect_on_victim", "reported_to", "reported_reference",
    "category", "nsir_type", "severity", "hostility_perceived", "hostility_perceived_by",
    "hostility_asked", "victim_feels_targeted", "source_system", "amends", "author_agency_id",
    "recorded_at", "acknowledged_at", "acknowledgement_reference",
)


async def _replay(
    session: AsyncSession, actor: Actor, cid: uuid.UUID, key: str | None, fingerprint: str
) -> DiaryEntry | None:
    """The entry an earlier request with `key` created (None without a claimed key); a key used
    for a different request is refused."""
    if key is None:
        return None
    existing = await idempotency.earlier(
        session, actor, key=key, fingerprint=fingerprint, case_id=cid,
        resource_type="diary_entry")
    if existing is None:
        return None
    return (await session.execute(
        select(DiaryEntry).where(DiaryEntry.id == existing))).scalar_one()


async def _amendment_root(
    session: AsyncSession, cid: uuid.UUID, amends: uuid.UUID
) -> uuid.UUID:
    """The first entry of the chain of corrections `amends` belongs to."""
    found = (await session.execute(
        select(DiaryEntry.id, Incident.same_as)
        .outerjoin(Incident, Incident.diary_entry_id == DiaryEntry.id)
        .where(DiaryEntry.id == amends, DiaryEntry.case_id == cid)
    )).first()
    if found is None:
        raise ValidationFailed("amends an unknown entry",
                               errors=[{"field": "amends", "message": "not an entry of this case"}])
    return found[1] or found[0]


async def list_diary_entries(
    session: AsyncSession, actor: Actor, case_id: object, *, limit: int = 50,
    cursor: str | None = None,
) -> Page:
    check_limit(limit)
    case = await case_repo.load_case(session, actor, case_id, "diary.read")
    stmt = select(DiaryEntry).where(DiaryEntry.case_id == case.id)
    key = decode_cursor(cursor, 2, convert=TIME_ID)
    if key:
        stmt = stmt.where(tuple_(DiaryEntry.recorded_at, DiaryEntry.id)
                          > tuple(key))
    rows = (await session.execute(
        stmt.order_by(DiaryEntry.recorded_at, DiaryEntry.id).limit(limit + 1)
    )).scalars().all()
    return page_of(list(rows), limit, lambda r: (r.recorded_at.isoformat(), r.id))


async def get_diary_entry(
    session: AsyncSession, actor: Actor, case_id: object, entry_id: object
) -> DiaryEntry:
    case = await case_repo.load_case(session, actor, case_id, "diary.read")
    eid = access.parse_uuid(entry_id, "diary entry")
    entry = (await session.execute(
        select(DiaryEntry).where(DiaryEntry.id == eid, DiaryEntry.case_id == case.id)
    )).scalar_one_or_none()
    if entry is None:
        raise NotFound(f"no diary entry {entry_id}")
    return entry
