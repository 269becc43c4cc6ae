"""Writing to and verifying the hash-chained audit log.

`record` appends one event in the caller's transaction, so an event exists exactly when the change
it describes was committed. Chains are per case (`case:<uuid>`), per agency for events outside a
case (`agency:<slug>`) and one `system` chain for the operator: the row lock on a chain's head
serialises writers to that chain only, never the whole system.
`verify` recomputes every hash and reports the first row that does not match.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core.actor import Actor
from asb_core.audit.models import AuditChainHead, AuditEvent

GENESIS = "0" * 64


def chain_for(case_id: uuid.UUID | None, agency: str | None = None) -> str:
    # Events outside a case chain per agency, so agencies never queue behind one another.
    if case_id:
        return f"case:{case_id}"
    return f"agency:{agency}" if agency else "system"


def _digest(prev_hash: str, body: dict) -> str:
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256((prev_hash + canonical).encode()).hexdigest()


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


def _by(actor: Actor, action: str, case_id: uuid.UUID | None, entity: str | None,
        entity_id: object | None) -> dict:
    """Who did what to which entity: the columns every event fills the same way."""
    return {
        "principal_id": actor.principal_id, "agency": actor.agency_slug, "role": actor.role,
        "action": action, "case_id": case_id, "entity": entity,
        "entity_id": str(entity_id) if entity_id is not None else None,
    }


def _chained(values: dict, prev_hash: str) -> dict:
    """An event's column values linked to the one before it: `prev_hash` and its own hash."""
    return {**values, "prev_hash": prev_hash, "hash": _digest(prev_hash, _body_of(values))}


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
    await session.execute(
        pg_insert(AuditChainHead)
        .values(chain=chain, last_seq=0, last_hash=GENESIS)
        .on_conflict_do_nothing(index_elements=["chain"])
    )
    # populate_existing: the head may have been advanced by a Core UPDATE earlier in this
    # transaction (incidents/repository.py), so an identity-mapped copy must not be trusted.
    head = (
        await session.execute(
            select(AuditChainHead).where(AuditChainHead.chain == chain).with_for_update()
            .execution_options(populate_existing=True)
        )
    ).scalar_one()
    event = AuditEvent(**_chained(
        {
            "chain": chain, "chain_seq": head.last_seq + 1, "at": at or datetime.now(UTC),
            **_by(actor, action, case_id, entity, entity_id),
            "fields": sorted(fields), "justification": justification, "detail": detail or {},
        },
        head.last_hash,
    ))
    session.add(event)
    head.last_seq = event.chain_seq
    head.last_hash = event.hash
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


async def verify(session: AsyncSession, *, batch: int = 5000) -> VerifyResult:
    """Walk every chain in order; report the first row whose hash or link does not hold."""
    heads = {
        h.chain: h for h in (await session.execute(select(AuditChainHead))).scalars().all()
    }
    tips: dict[str, tuple[int, str]] = {}
    count = 0
    last = 0
    while True:
        rows = (
            await session.execute(
                select(AuditEvent)
                .where(AuditEvent.seq > last)
                .order_by(AuditEvent.seq)
                .limit(batch)
            )
        ).scalars().all()
        if not rows:
            break
        for event in rows:
            count += 1
            last = event.seq
            prev_seq, prev_hash = tips.get(event.chain, (0, GENESIS))
            if event.chain_seq != prev_seq + 1:
                return VerifyResult(
                    False, count, len(tips),
                    f"row {event.seq}: chain {event.chain} jumps from {prev_seq} to "
                    f"{event.chain_seq} (a row is missing)", event.seq,
                )
            if event.prev_hash != prev_hash:
                return VerifyResult(
                    False, count, len(tips),
                    f"row {event.seq}: prev_hash does not match the row before it", event.seq,
                )
            if _digest(event.prev_hash, _body(event)) != event.hash:
                return VerifyResult(
                    False, count, len(tips),
                    f"row {event.seq}: content does not match its hash (altered)", event.seq,
                )
            tips[event.chain] = (event.chain_seq, event.hash)
        session.expunge_all()
    for chain, head in heads.items():
        tip = tips.get(chain, (0, GENESIS))
        if (head.last_seq, head.last_hash) != tip:
            return VerifyResult(
                False, count, len(tips),
                f"chain {chain}: head says {head.last_seq} rows but {tip[0]} found "
                "(rows removed from its end)", None,
            )
    if set(tips) - set(heads):
        return VerifyResult(False, count, len(tips), "a chain has rows but no head", None)
    return VerifyResult(True, count, len(tips))
