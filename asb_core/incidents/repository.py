"""Every statement of the incidents slice: reading a case for a write (through the access
policy), claiming Idempotency-Keys, the one set-wise statement that lands incidents on a case,
and the reads of entries and incidents.

The write statement takes each table's rows as a JSON array (`landing.plan` builds them) and
writes them all at once, in the order the rules applied them: diary entries, incidents, the
folded escalation state, flags raised, refreshed and cleared, new and changed targets, the level
and version (when the level or the open flags changed),
the timeline, the audit events and the chain head. Two ways to run it (service.py explains when):

- gated: on a connection with no transaction open, it locks the case, its state and its chain
  head, goes on only if the chain head is still the one read (every change to a case writes an
  audit event on its chain, so an unchanged head means an unchanged case) and claims the one
  Idempotency-Key first: the statement is its own transaction, two round trips in all.
- locked: inside the caller's transaction, after SELECT ... FOR UPDATE and the claims.
"""

from __future__ import annotations

import functools
import uuid

from sqlalchemy import (
    JSON,
    String,
    Uuid,
    bindparam,
    exists,
    func,
    literal_column,
    or_,
    select,
    tuple_,
)
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core import access, driver, request_context
from asb_core.actor import Actor
from asb_core.agencies.models import Agency
from asb_core.audit import chain as audit
from asb_core.audit.models import AuditChainHead
from asb_core.cases.models import Case, EscalationState
from asb_core.escalation.models import EscalationFlag
from asb_core.incidents.landing import Arrival, CaseAsRead, Landing, to_json
from asb_core.incidents.models import DiaryEntry, Incident
from asb_core.pagination import TIME_ID, decode_cursor
from asb_core.sharing.models import Membership
from asb_core.targets.models import LEVEL_TARGET_KINDS, Target


@functools.cache
def _case_for_write(visibility: str, lock: bool) -> driver.Statement:
    """One statement for everything a write needs: the case (through the access policy), its
    escalation state, its audit chain head, its open flags and its open level targets. Built once
    per kind of visibility (the caller's ids are parameters).

    Locks are taken in FOR UPDATE OF order (case, state, head), the order every other writer
    takes them (case first, audit head last), so writers cannot deadlock."""
    open_flags = (
        select(func.json_agg(func.json_build_array(
            EscalationFlag.id, EscalationFlag.rule_id, EscalationFlag.source,
            EscalationFlag.evidence), type_=JSON))
        .where(EscalationFlag.case_id == Case.id, EscalationFlag.cleared_at.is_(None))
        .scalar_subquery()
    )
    open_targets = (
        select(func.json_agg(aggregate_order_by(func.json_build_array(
            Target.id, Target.kind, Target.level, Target.started_at, Target.due_at,
            Target.state), Target.created_at, Target.id), type_=JSON))
        .where(Target.case_id == Case.id,
               # constants written into the statement: it binds only the caller's ids
               Target.kind.in_([literal_column(f"'{k}'") for k in LEVEL_TARGET_KINDS]),
               Target.closed_at.is_(None))
        .scalar_subquery()
    )
    police_member = exists().where(
        Membership.case_id == Case.id, Membership.agency_id == Agency.id,
        Agency.kind == literal_column("'police'"))
    stmt = (
        select(Case.id, Case.reference, EscalationState.incidents, Case.status, Case.risk_level,
               EscalationState.state,
               AuditChainHead.last_seq, AuditChainHead.last_hash, open_flags, open_targets,
               Case.lead_agency_id, police_member)
        .join(EscalationState, EscalationState.case_id == Case.id)
        .join(AuditChainHead, AuditChainHead.chain == bindparam("chain", type_=String))
        .where(Case.id == bindparam("case_id", type_=Uuid),
               access.readable_filter_bound(visibility))
    )
    if lock:
        stmt = stmt.with_for_update(of=[Case, EscalationState, AuditChainHead])
    return driver.Statement(stmt)


def _as_read(row) -> CaseAsRead:
    (cid, reference, incidents, status, level, state, seq, head_hash, flags, targets, lead,
     police) = row
    return CaseAsRead(cid, reference, incidents, status, level, state, seq, head_hash,
                      flags or [], targets or [], lead, police)


async def read_case(session: AsyncSession, actor: Actor, case_id: uuid.UUID, *,
                    connection=None) -> CaseAsRead | None:
    """The case as the write needs it, unlocked, on an idle `connection` (the gated path)."""
    params = {"case_id": case_id, "chain": audit.chain_for(case_id),
              **access.policy_params(actor)}
    row = await _case_for_write(access.visibility(actor), False).fetchrow_on(
        session, connection, params)
    return _as_read(row) if row is not None else None


async def lock_case(session: AsyncSession, actor: Actor, case_id: uuid.UUID) -> CaseAsRead | None:
    """The case as the write needs it, locked in the session's transaction; None if the caller
    cannot see it. A case whose chain has no head yet (written before heads existed) gets one."""
    stmt = _case_for_write(access.visibility(actor), True)
    params = {"case_id": case_id, "chain": audit.chain_for(case_id),
              **access.policy_params(actor)}
    row = await stmt.fetchrow(session, params)
    if row is None:
        await session.execute(
            pg_insert(AuditChainHead)
            .values(chain=audit.chain_for(case_id), last_seq=0, last_hash=audit.GENESIS)
            .on_conflict_do_nothing(index_elements=["chain"]))
        row = await stmt.fetchrow(session, params)
    if row is None:
        return None
    # Read again now the locks are held: a statement that waited for a lock sees the locked
    # rows' latest versions but its subqueries (flags, targets) as of when it started.
    row = await _case_for_write(access.visibility(actor), False).fetchrow(session, params)
    return _as_read(row)


_CLAIMS = driver.Statement("""
  INSERT INTO idempotency_keys (agency_id, key, fingerprint, case_id, resource_type, resource_id,
    created_at)
  SELECT CAST(:agency_id AS uuid), x.key, x.fingerprint, CAST(:case_id AS uuid), x.resource_type,
    x.resource_id, CAST(:now AS timestamptz)
  FROM jsonb_to_recordset(CAST(:claims AS jsonb))
    AS x(key varchar, fingerprint varchar, resource_type varchar, resource_id uuid)
  ON CONFLICT (agency_id, key) DO NOTHING
  RETURNING key
""")


async def claim_keys(session: AsyncSession, actor: Actor, case_id: uuid.UUID,
                     arrivals: list[Arrival], now) -> set[str]:
    """Claim the arrivals' keys in the caller's transaction (the case locked); the keys claimed
    now (the others were claimed before: replays, or misuse)."""
    claims = [{"key": a.key, "fingerprint": a.fingerprint, "resource_type": a.resource_type,
               "resource_id": a.resource_id} for a in arrivals if a.key is not None]
    if not claims:
        return set()
    rows = await _CLAIMS.fetch(session, {"agency_id": actor.agency_id, "case_id": case_id,
                                         "now": now, "claims": to_json(claims)})
    return {r[0] for r in rows}


# Each table's rows, as one data-modifying CTE; a write includes only the CTEs its landing has
# rows for (an empty JSON array still costs the server a parse and a plan), so the statement
# exists in a few shapes, each compiled once (see `_statement`).
_PARTS = {
    "e": """e AS (
  INSERT INTO diary_entries (id, case_id, started_at, duration_minutes, location, what_happened,
    responsible, witnesses, effect_on_victim, reported_to, reported_reference, category,
    nsir_type, severity, hostility_perceived, hostility_perceived_by, hostility_asked,
    victim_feels_targeted, source_system, amends, same_as, reported_at, author_agency_id,
    recorded_at, acknowledged_at, acknowledgement_reference)
  SELECT x.* FROM jsonb_to_recordset(CAST(:entries AS jsonb)) AS x(id uuid, case_id uuid,
    started_at timestamptz, duration_minutes integer, location text, what_happened text,
    responsible text, witnesses text, effect_on_victim text, reported_to text,
    reported_reference text, category varchar, nsir_type varchar, severity integer,
    hostility_perceived text[], hostility_perceived_by varchar, hostility_asked boolean,
    victim_feels_targeted boolean, source_system text, amends uuid, same_as uuid,
    reported_at timestamptz, author_agency_id uuid, recorded_at timestamptz,
    acknowledged_at timestamptz, acknowledgement_reference varchar)
  WHERE EXISTS (SELECT FROM go)
)""",
    "i": """i AS (
  INSERT INTO incidents (id, case_id, diary_entry_id, source, occurred_at, reported_at, category,
    nsir_type, severity, hostility_strands, hostility_perceived_by, hostility_asked,
    victim_feels_targeted, reported_by_agency_id, same_as, account, officer_reference, location)
  SELECT x.* FROM jsonb_to_recordset(CAST(:incidents AS jsonb)) AS x(id uuid, case_id uuid,
    diary_entry_id uuid, source varchar, occurred_at timestamptz, reported_at timestamptz,
    category varchar, nsir_type varchar, severity integer, hostility_strands text[],
    hostility_perceived_by varchar, hostility_asked boolean, victim_feels_targeted boolean,
    reported_by_agency_id uuid, same_as uuid, account text, officer_reference text,
    location text)
  WHERE EXISTS (SELECT FROM go)
)""",
    "s": """s AS (
  UPDATE case_escalation_states SET state = CAST(:state AS jsonb),
    incidents = incidents + CAST(:incidents_added AS integer), updated_at = :now
  WHERE case_id = :case_id AND EXISTS (SELECT FROM go)
)""",
    "tn": """tn AS (
  INSERT INTO targets (id, case_id, kind, level, recurring, started_at, due_at, state,
    owner_agency_id, created_at)
  SELECT x.id, :case_id, x.kind, x.level, x.recurring, x.started_at, x.due_at, 'due',
    x.owner_agency_id, :now
  FROM jsonb_to_recordset(CAST(:new_targets AS jsonb)) AS x(id uuid, kind varchar,
    level varchar, recurring boolean, started_at timestamptz, due_at timestamptz,
    owner_agency_id uuid)
  WHERE EXISTS (SELECT FROM go)
)""",
    "tc": """tc AS (
  UPDATE targets t SET started_at = x.started_at, due_at = x.due_at, state = x.state,
    level = x.level
  FROM jsonb_to_recordset(CAST(:changed_targets AS jsonb)) AS x(id uuid, was varchar,
    started_at timestamptz, due_at timestamptz, state varchar, level varchar)
  WHERE t.id = x.id AND t.case_id = :case_id AND t.state = x.was AND t.closed_at IS NULL
    AND EXISTS (SELECT FROM go)
)""",
    "fn": """fn AS (
  INSERT INTO escalation_flags (id, case_id, rule_id, source, evidence, raised_at, text,
    follow_up_target_id)
  SELECT x.id, :case_id, x.rule_id, 'incidents', x.evidence, :now, x.text, x.follow_up_target_id
  FROM jsonb_to_recordset(CAST(:new_flags AS jsonb)) AS x(id uuid, rule_id varchar,
    evidence text[], text text, follow_up_target_id uuid)
  WHERE EXISTS (SELECT FROM go)
)""",
    "fe": """fe AS (
  UPDATE escalation_flags fl SET evidence = ARRAY(SELECT jsonb_array_elements_text(u.ev)),
    text = u.text
  FROM jsonb_to_recordset(CAST(:flag_evidence AS jsonb)) AS u(id uuid, ev jsonb, text text)
  WHERE fl.id = u.id AND fl.case_id = :case_id AND EXISTS (SELECT FROM go)
)""",
    "fc": """fc AS (
  UPDATE escalation_flags SET cleared_at = :now
  WHERE case_id = :case_id AND cleared_at IS NULL AND EXISTS (SELECT FROM go)
    AND id IN (SELECT CAST(jsonb_array_elements_text(CAST(:cleared_flags AS jsonb)) AS uuid))
)""",
    "c": """c AS (
  UPDATE cases SET risk_level = COALESCE(CAST(:new_level AS varchar), risk_level),
    version = version + 1, updated_at = :now
  WHERE id = :case_id AND EXISTS (SELECT FROM go)
)""",
    "ev": """ev AS (
  INSERT INTO case_events (case_id, at, kind, entity_id, agency, summary)
  SELECT :case_id, x.at, x.kind, x.entity_id, CAST(:agency AS varchar), x.summary
  FROM ROWS FROM (jsonb_to_recordset(CAST(:events AS jsonb))
    AS (at timestamptz, kind varchar, entity_id uuid, summary jsonb))
    WITH ORDINALITY AS x(at, kind, entity_id, summary, n)
  WHERE EXISTS (SELECT FROM go) ORDER BY x.n
)""",
    "a": """a AS (
  INSERT INTO audit_events (chain, chain_seq, at, principal_id, agency, role, action, case_id,
    entity, entity_id, fields, justification, detail, prev_hash, hash, key_id)
  SELECT CAST(:chain AS varchar), x.chain_seq, CAST(:now AS timestamptz),
    CAST(:principal_id AS uuid), :agency, CAST(:role AS varchar), x.action, :case_id, x.entity,
    x.entity_id, '{}', NULL, x.detail, x.prev_hash, x.hash, x.key_id
  FROM jsonb_to_recordset(CAST(:audit AS jsonb)) AS x(chain_seq integer, action varchar,
    entity varchar, entity_id varchar, detail jsonb, prev_hash varchar, hash varchar,
    key_id varchar)
  WHERE EXISTS (SELECT FROM go) ORDER BY x.chain_seq
)""",
    "h": """h AS (
  UPDATE audit_chain_heads SET last_seq = CAST(:last_seq AS integer),
    last_hash = CAST(:last_hash AS varchar), mac = CAST(:last_mac AS varchar)
  WHERE chain = :chain AND EXISTS (SELECT FROM go)
)""",
}
# A part is needed when its parameter has rows; the others are always written.
_OPTIONAL = {
    "e": "entries", "tn": "new_targets", "tc": "changed_targets", "fn": "new_flags",
    "fe": "flag_evidence", "fc": "cleared_flags", "c": "case_changed",
}


def _cte(shape: tuple[str, ...]) -> str:
    return ", ".join(_PARTS[name] for name in shape)


def shape_of(params: dict) -> tuple[str, ...]:
    """The CTEs a write with these parameters needs, in table order."""
    return tuple(n for n in _PARTS
                 if n not in _OPTIONAL or params[_OPTIONAL[n]] not in (None, "[]"))


# On its own: lock the case, its state and its chain head, go on only if the head is still the
# one read (FOR UPDATE re-checks the condition on the latest row version after waiting for a
# concurrent writer), then claim the one key; answers (gate passed, written).
_GATE = (
    "WITH g AS ("
    "  SELECT 1 FROM cases c"
    "  JOIN case_escalation_states es ON es.case_id = c.id"
    "  JOIN audit_chain_heads h ON h.chain = CAST(:chain AS varchar)"
    "  WHERE c.id = :case_id AND c.status <> 'closed' AND h.last_seq = :seen_seq"
    "  FOR UPDATE OF c, es, h"
    "), k AS ("
    "  INSERT INTO idempotency_keys (agency_id, key, fingerprint, case_id, resource_type,"
    "    resource_id, created_at)"
    "  SELECT CAST(:agency_id AS uuid), CAST(:idem_key AS varchar), :fingerprint, :case_id,"
    "    CAST(:resource_type AS varchar), CAST(:resource_id AS uuid), :now"
    "  FROM g WHERE CAST(:idem_key AS varchar) IS NOT NULL"
    "  ON CONFLICT (agency_id, key) DO NOTHING RETURNING 1"
    "), t AS ("
    # The request's trace for the webhook outbox rows this statement's triggers write (the
    # unit of work sets it on a transaction; this statement is its own): local to it, and set
    # before any AFTER trigger runs, since `go`, which every write waits on, reads it.
    "  SELECT set_config('asb.traceparent', CAST(:traceparent AS text), true),"
    "    set_config('asb.request_id', CAST(:request_id AS text), true)"
    "), go AS ("
    "  SELECT 1 FROM k, t UNION ALL"
    "  SELECT 1 FROM g, t WHERE CAST(:idem_key AS varchar) IS NULL"
    "), "
)


@functools.cache
def _statement(shape: tuple[str, ...], gated: bool) -> driver.Statement:
    """The write of `shape`: gated (its own transaction) or inside the caller's, the case
    locked and the keys claimed (lock_case, claim_keys)."""
    if gated:  # composed from the constants above only
        return driver.Statement(_GATE + _cte(shape) + " SELECT (SELECT count(*) FROM g), "  # noqa: S608
                                "(SELECT count(*) FROM go)")
    return driver.Statement("WITH go AS (SELECT 1), " + _cte(shape) + " SELECT 1")


async def write_locked(session: AsyncSession, landing: Landing) -> None:
    await _statement(shape_of(landing.params), False).fetchval(session, landing.params)


async def write_gated(session: AsyncSession, connection, actor: Actor, landing: Landing,
                      arrival: Arrival) -> tuple[bool, bool]:
    """(the case was unchanged since read, the arrival was written)."""
    trace = request_context.db_settings() or {}
    params = {**landing.params, "agency_id": actor.agency_id, "idem_key": arrival.key,
              "fingerprint": arrival.fingerprint, "resource_type": arrival.resource_type,
              "resource_id": arrival.resource_id,
              "traceparent": trace.get("traceparent", ""),
              "request_id": trace.get("request_id", "")}
    statement = _statement(shape_of(landing.params), True)
    gate, written = await statement.fetchrow_on(session, connection, params)
    return bool(gate), bool(written)


async def amendment_root(session: AsyncSession, case_id: uuid.UUID,
                         amends: uuid.UUID) -> uuid.UUID | None:
    """The first entry of the chain of corrections `amends` belongs to (None: not an entry of
    this case)."""
    found = (await session.execute(
        select(DiaryEntry.id, Incident.same_as)
        .outerjoin(Incident, Incident.diary_entry_id == DiaryEntry.id)
        .where(DiaryEntry.id == amends, DiaryEntry.case_id == case_id)
    )).first()
    return None if found is None else (found[1] or found[0])


async def original_incident(session: AsyncSession, case_id: uuid.UUID,
                            ref: uuid.UUID) -> uuid.UUID | None:
    """The id the rules know the incident `ref` names by (by its id or its diary entry's id),
    pointing at the original, never at another repeat of it (harm_model's rule)."""
    found = (await session.execute(
        select(Incident.id, Incident.diary_entry_id, Incident.same_as)
        .where(Incident.case_id == case_id,
               or_(Incident.id == ref, Incident.diary_entry_id == ref)).limit(1)
    )).first()
    if found is None:
        return None
    return found[2] or found[1] or found[0]


async def entry(session: AsyncSession, case_id: uuid.UUID, entry_id: uuid.UUID):
    return (await session.execute(
        select(DiaryEntry).where(DiaryEntry.id == entry_id, DiaryEntry.case_id == case_id)
    )).scalar_one_or_none()


async def incident(session: AsyncSession, case_id: uuid.UUID, incident_id: uuid.UUID):
    return (await session.execute(
        select(Incident)
        .where(Incident.id == incident_id, Incident.case_id == case_id)
        .execution_options(populate_existing=True)
    )).unique().scalar_one_or_none()


async def entries_page(session: AsyncSession, case_id: uuid.UUID, limit: int,
                       cursor: str | None) -> list:
    stmt = select(DiaryEntry).where(DiaryEntry.case_id == case_id)
    key = decode_cursor(cursor, 2, convert=TIME_ID)
    if key:
        stmt = stmt.where(tuple_(DiaryEntry.recorded_at, DiaryEntry.id) > tuple(key))
    return list((await session.execute(
        stmt.order_by(DiaryEntry.recorded_at, DiaryEntry.id).limit(limit + 1)
    )).scalars().all())


async def incidents_page(session: AsyncSession, case_id: uuid.UUID, limit: int,
                         cursor: str | None, source: str | None) -> list:
    """Keyset on (reported_at, id), served by ix_incidents_case_id_reported_at_id."""
    stmt = select(Incident).where(Incident.case_id == case_id)
    if source is not None:
        stmt = stmt.where(Incident.source == source)
    key = decode_cursor(cursor, 2, convert=TIME_ID)
    if key:
        stmt = stmt.where(tuple_(Incident.reported_at, Incident.id) > tuple(key))
    return list((await session.execute(
        stmt.order_by(Incident.reported_at, Incident.id).limit(limit + 1)
    )).unique().scalars().all())
