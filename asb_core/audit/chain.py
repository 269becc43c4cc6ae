"""Writing to and verifying the hash-chained audit log.

`record` appends one event in the caller's transaction, so an event exists exactly when the change
it describes was committed. Chains are per case (`case:<uuid>`), per agency for events outside a
case (`agency:<slug>`) and one `system` chain for the operator: the row lock on a chain's head
serialises writers to that chain only, never the whole system.
`verify` recomputes every hash and reports the first row that does not match.

Keyed (asb_core/audit/keys.py): with an audit key configured, each row's hash is an HMAC under
that key (its id recorded in `key_id`) and each chain head carries an HMAC of (chain, last_seq,
last_hash) in `mac`, so without the key nobody (a database superuser included) can forge a row,
re-hash a chain after removing a row, or point a head at an earlier row. A new case chain is
registered by an `audit.chain_open` event on the acting agency's chain (a new agency chain on
the system chain), so removing a whole new chain leaves a registration naming it.
Without the key, verification still checks every link and every unkeyed hash.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import select, tuple_
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core.actor import Actor
from asb_core.audit.keys import AuditKeys, load
from asb_core.audit.models import AuditChainHead, AuditEvent, AuditNote

GENESIS = "0" * 64
CHAIN_OPEN = "audit.chain_open"
NOTE = "note:"
ERASED = "[erased]"
_keys: AuditKeys | None = None


def keys() -> AuditKeys:
    """The audit keys, loaded once from the settings (tests may set them with `use_keys`)."""
    global _keys
    if _keys is None:
        from asb_core.settings import get_settings

        s = get_settings()
        _keys = load(s.audit_key.get_secret_value() if s.audit_key else None, s.audit_key_file)
    return _keys


def use_keys(new: AuditKeys | None) -> AuditKeys | None:
    """Set the keys this process hashes with (None: load from the settings next time); the
    keys in use before."""
    global _keys
    before, _keys = _keys, new
    return before


def chain_for(case_id: uuid.UUID | None, agency: str | None = None) -> str:
    # Events outside a case chain per agency, so agencies never queue behind one another.
    if case_id:
        return f"case:{case_id}"
    return f"agency:{agency}" if agency else "system"


def _digest(prev_hash: str, body: dict, key_id: str | None = None,
            ring: AuditKeys | None = None) -> str | None:
    """SHA-256 of the link and body when `key_id` is None; else their HMAC under that key (the
    key id covered too), None when the key is not known here."""
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), default=str)
    if key_id is None:
        return hashlib.sha256((prev_hash + canonical).encode()).hexdigest()
    return (ring or keys()).mac(key_id, f"{key_id}|{prev_hash}{canonical}".encode())


def head_mac(chain: str, last_seq: int, last_hash: str, ring: AuditKeys | None = None,
             key_id: str | None = None) -> str | None:
    """A chain head's HMAC ("<key id>:<hex>") under the current key (or `key_id`); None without
    a key."""
    ring = ring or keys()
    kid = key_id or (ring.current[0] if ring.current else None)
    if kid is None:
        return None
    mac = ring.mac(kid, f"head|{chain}|{last_seq}|{last_hash}".encode())
    return f"{kid}:{mac}" if mac else None


_BODY_KEYS = ("chain", "chain_seq", "at", "principal_id", "agency", "role", "action", "case_id",
              "entity", "entity_id", "fields", "justification", "detail")


def _body(event: AuditEvent) -> dict:
    return _body_of({k: getattr(event, k) for k in _BODY_KEYS})


def _body_of(v: dict) -> dict:
    """What the hash covers, in canonical form, from an event's column values."""
    return {
        "chain": v["chain"],
        "chain_seq": v["chain_seq"],
        "at": v["at"].astimezone(UTC).isoformat(),
        "principal_id": str(v["principal_id"]) if v["principal_id"] else None,
        "agency": v["agency"],
        "role": v["role"],
        "action": v["action"],
        "case_id": str(v["case_id"]) if v["case_id"] else None,
        "entity": v["entity"],
        "entity_id": v["entity_id"],
        "fields": list(v["fields"] or []),
        "justification": v["justification"],
        "detail": v["detail"] or {},
    }


def commitment(salt: bytes, text: str) -> str:
    """What an event's `justification` holds for free text kept in `audit_notes`: a salted
    SHA-256 of the text, so the chain commits to the words without containing them."""
    return NOTE + hashlib.sha256(salt + text.encode()).hexdigest()


async def justification_of(session: AsyncSession, event: AuditEvent) -> str | None:
    """The free text of an event's justification: its note's text, `[erased]` once retention
    or erasure removed it, or the column itself for rows written before notes existed."""
    value = event.justification
    if value is None or not value.startswith(NOTE):
        return value
    note = await session.get(AuditNote, (event.chain, event.chain_seq))
    return note.text if note is not None and note.text is not None else ERASED


async def justifications(session: AsyncSession, events: list[AuditEvent]) -> dict[int, str | None]:
    """`justification_of` for many events at once, by `seq`."""
    keys = [(e.chain, e.chain_seq) for e in events
            if e.justification and e.justification.startswith(NOTE)]
    notes: dict[tuple[str, int], str | None] = {}
    if keys:
        rows = await session.execute(
            select(AuditNote.chain, AuditNote.chain_seq, AuditNote.text)
            .where(tuple_(AuditNote.chain, AuditNote.chain_seq).in_(keys)))
        notes = {(r.chain, r.chain_seq): r.text for r in rows}
    out = {}
    for e in events:
        value = e.justification
        if value is not None and value.startswith(NOTE):
            value = notes.get((e.chain, e.chain_seq)) or ERASED
        out[e.seq] = value
    return out


def _by(actor: Actor, action: str, case_id: uuid.UUID | None, entity: str | None,
        entity_id: object | None) -> dict:
    """Who did what to which entity: the columns every event fills the same way."""
    return {
        "principal_id": actor.principal_id, "agency": actor.agency_slug, "role": actor.role,
        "action": action, "case_id": case_id, "entity": entity,
        "entity_id": str(entity_id) if entity_id is not None else None,
    }


def _chained(values: dict, prev_hash: str) -> dict:
    """An event's column values linked to the one before it: `prev_hash`, its own hash and the
    id of the key that made it (None: unkeyed)."""
    ring = keys()
    kid = ring.current[0] if ring.current else None
    return {**values, "prev_hash": prev_hash, "key_id": kid,
            "hash": _digest(prev_hash, _body_of(values), kid, ring)}


async def record(
    session: AsyncSession,
    actor: Actor,
    action: str,
    *,
    case_id: uuid.UUID | None = None,
    entity: str | None = None,
    entity_id: object | None = None,
    fields: Iterable[str] = (),
    justification: str | None = None,
    detail: dict | None = None,
    at: datetime | None = None,
) -> AuditEvent:
    """Append one audit event to the chain of `case_id` (or the system chain)."""
    chain = chain_for(case_id, actor.agency_slug)
    # Create the head if missing, then lock it: concurrent writers to one chain queue here.
    created = (await session.execute(
        pg_insert(AuditChainHead)
        .values(chain=chain, last_seq=0, last_hash=GENESIS)
        .on_conflict_do_nothing(index_elements=["chain"])
        .returning(AuditChainHead.chain)
    )).scalar_one_or_none()
    if created and chain != "system":
        # Registered on another chain, so that removing the whole new chain is seen: a case's on
        # the acting agency's chain (a new head is invisible to other writers until commit, so
        # this cannot wait on a writer that waits on it), an agency's on the system chain.
        by = actor if chain.startswith("case:") else Actor.system()
        await record(session, by, CHAIN_OPEN, detail={"chain": chain}, at=at)
    # populate_existing: the head may have been advanced by a Core UPDATE earlier in this
    # transaction (incidents/repository.py), so an identity-mapped copy must not be trusted.
    head = (
        await session.execute(
            select(AuditChainHead).where(AuditChainHead.chain == chain).with_for_update()
            .execution_options(populate_existing=True)
        )
    ).scalar_one()
    note = None
    if justification is not None:
        # Free text goes to an erasable note; the chain holds only its salted commitment.
        salt = secrets.token_bytes(16)
        note = AuditNote(chain=chain, chain_seq=head.last_seq + 1, case_id=case_id, salt=salt,
                         text=justification)
        justification = commitment(salt, justification)
    event = AuditEvent(**_chained(
        {
            "chain": chain, "chain_seq": head.last_seq + 1, "at": at or datetime.now(UTC),
            **_by(actor, action, case_id, entity, entity_id),
            "fields": sorted(fields), "justification": justification, "detail": detail or {},
        },
        head.last_hash,
    ))
    session.add(event)
    if note is not None:
        session.add(note)
    head.last_seq = event.chain_seq
    head.last_hash = event.hash
    head.mac = head_mac(chain, event.chain_seq, event.hash)
    await session.flush()
    return event


def next_event(
    actor: Actor,
    action: str,
    *,
    chain_seq: int,
    prev_hash: str,
    case_id: uuid.UUID | None = None,
    entity: str | None = None,
    entity_id: object | None = None,
    detail: dict | None = None,
    at: datetime,
) -> dict:
    """The column values of the event that follows (`chain_seq` - 1, `prev_hash`) on the chain
    of `case_id`, hash included, for a writer that already holds the chain head's row lock and
    writes the row and the new head itself (set-wise, in one statement)."""
    return _chained(
        {
            "chain": chain_for(case_id, actor.agency_slug), "chain_seq": chain_seq, "at": at,
            **_by(actor, action, case_id, entity, entity_id),
            "fields": [], "justification": None, "detail": detail or {},
        },
        prev_hash,
    )


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    events: int
    chains: int
    problem: str | None = None
    seq: int | None = None
    keyed: int = 0  # rows whose hash is an HMAC
    authenticated: bool = False  # every keyed row and head checked with its key
    unchecked: int = 0  # keyed rows whose key was not available here (links checked only)


@dataclass
class _Walk:
    """What the walk has seen: each chain's tip, whether it has keyed rows, the chains that
    were registered, and the counts."""

    ring: AuditKeys
    tips: dict[str, tuple[int, str, str | None]] = field(default_factory=dict)
    keyed_chains: set[str] = field(default_factory=set)
    registered: dict[str, int] = field(default_factory=dict)
    count: int = 0
    keyed: int = 0
    unchecked: int = 0


def _row_problem(w: _Walk, event: AuditEvent) -> str | None:
    """What is wrong with `event` as the next row of its chain, if anything."""
    prev_seq, prev_hash, _ = w.tips.get(event.chain, (0, GENESIS, None))
    if event.chain_seq != prev_seq + 1:
        return (f"chain {event.chain} jumps from {prev_seq} to {event.chain_seq} "
                "(a row is missing)")
    if event.prev_hash != prev_hash:
        return "prev_hash does not match the row before it"
    if event.key_id is None:
        # Once rows are keyed (every process was given the key), an unkeyed row is a row
        # re-hashed without it, as is any row of a chain whose keyed registration names it.
        if w.keyed or event.chain in w.keyed_chains:
            return "an unkeyed row after keyed rows (re-hashed without the key)"
        if _digest(event.prev_hash, _body(event)) != event.hash:
            return "content does not match its hash (altered)"
        return None
    w.keyed += 1
    w.keyed_chains.add(event.chain)
    expected = _digest(event.prev_hash, _body(event), event.key_id, w.ring)
    if expected is None:
        if w.ring.known:
            return f"hashed with audit key {event.key_id}, which is not one of the keys given"
        w.unchecked += 1
    elif not hmac.compare_digest(expected, event.hash):
        return "content does not match its keyed hash (altered or forged)"
    return None


def _head_problem(w: _Walk, head: AuditChainHead) -> str | None:
    tip = w.tips.get(head.chain, (0, GENESIS, None))
    if (head.last_seq, head.last_hash) != tip[:2]:
        return (f"chain {head.chain}: head says {head.last_seq} rows but {tip[0]} found "
                "(rows removed from its end)")
    if tip[2] is None or not w.ring.known:
        return None  # an unkeyed tip, or no key here: nothing to authenticate
    kid = (head.mac or "").partition(":")[0]
    if not head.mac or kid not in w.ring.known:
        return f"chain {head.chain}: head is not authenticated (rewritten without the key)"
    if not hmac.compare_digest(head.mac, head_mac(head.chain, head.last_seq, head.last_hash,
                                                  w.ring, kid) or ""):
        return (f"chain {head.chain}: head does not match its MAC (pointed at an earlier row "
                "or rewritten)")
    return None


def _registration_problem(w: _Walk) -> str | None:
    for chain, seq in w.registered.items():
        if chain not in w.tips:
            return (f"chain {chain}, registered by row {seq}, has no rows "
                    "(a whole chain removed)")
    return None


async def verify(session: AsyncSession, *, batch: int = 5000,
                 ring: AuditKeys | None = None,
                 progress: Callable[[int], None] | None = None) -> VerifyResult:
    """Walk every chain in order; report the first row whose hash or link does not hold, a head
    that does not match its chain (or its MAC), or a registered chain that is gone. Keyed rows
    are authenticated with `ring` (default: the configured keys); without a key, only their
    links are checked. `progress(n)` is told how many rows are checked after each batch."""
    w = _Walk(ring if ring is not None else keys())
    heads = {
        h.chain: h for h in (await session.execute(select(AuditChainHead))).scalars().all()
    }
    last = 0

    def broken(problem: str, seq: int | None) -> VerifyResult:
        return VerifyResult(False, w.count, len(w.tips), problem, seq, w.keyed, False,
                            w.unchecked)

    while True:
        rows = (
            await session.execute(
                select(AuditEvent).where(AuditEvent.seq > last).order_by(AuditEvent.seq)
                .limit(batch)
            )
        ).scalars().all()
        if not rows:
            break
        for event in rows:
            w.count += 1
            last = event.seq
            problem = _row_problem(w, event)
            if problem:
                return broken(f"row {event.seq}: {problem}", event.seq)
            w.tips[event.chain] = (event.chain_seq, event.hash, event.key_id)
            if event.action == CHAIN_OPEN and (event.detail or {}).get("chain"):
                w.registered[event.detail["chain"]] = event.seq
                if event.key_id:
                    w.keyed_chains.add(event.detail["chain"])
        session.expunge_all()
        if progress is not None:
            progress(w.count)
    for head in heads.values():
        problem = _head_problem(w, head)
        if problem:
            return broken(problem, None)
    if set(w.tips) - set(heads):
        return broken("a chain has rows but no head", None)
    problem = _registration_problem(w)
    if problem:
        return broken(problem, None)
    return VerifyResult(True, w.count, len(w.tips), keyed=w.keyed,
                        authenticated=bool(w.ring.known) and w.unchecked == 0,
                        unchecked=w.unchecked)
