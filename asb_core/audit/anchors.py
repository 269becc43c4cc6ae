"""Audit anchors: periodic records of every audit chain's head, chained by hash.

`asb audit verify` checks each chain against its head row, but a database superuser could cut
rows off the end of a chain and rewrite its head to match. An anchor fixes, at one moment, the
(chain, last_seq, last_hash) of every chain; once an anchor covers a row, removing or rewriting
that row is detected even with the head rewritten, and publishing an anchor's hash elsewhere
(`asb audit anchor` prints it) lets an operator prove later that the anchors themselves were not
rewritten (`asb audit verify --anchor HASH`).

Storage, chosen for a million chains: an anchor stores only the heads that moved since the
anchor before it, in `audit_anchor_heads` (one short row per chain touched in the interval; an
anchor of an idle system stores none). Its `digest` is the SHA-256 of those rows in chain order
and its `hash` covers the digest, the counts and the previous anchor's hash, so each anchor's
hash commits to every head at its moment. Making one is one statement in the database (a hash
join of the heads with `audit_anchor_tips`, the latest anchored head of each chain, kept as an
untrusted cache), then a read of the rows it wrote in batches; verifying costs a read of every
anchored row with one index lookup of the audit event it names, never a rescan of all heads per
anchor. The alternatives cost more: a digest over all heads per anchor could only be checked by
rebuilding every anchor's full set of heads (chains x anchors), and finding the moved heads by
probing the side table for each chain's latest row took 10 to 17 s at a million chains on the
loaded 2-core test machine, the hash join 2.5 to 4 s (the first anchor, which stores every
head, about 50 s, once).

An anchor must see one snapshot: `anchor_now` runs it in a REPEATABLE READ transaction. Two
anchors made at once cannot fork the chain: both take the next `seq`, and the second fails on
the primary key or on the tips it would update (the worker then simply skips its turn).
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from asb_core.audit.chain import GENESIS
from asb_core.audit.models import AuditAnchor

log = logging.getLogger("asb_core.audit.chain.anchors")
BATCH = 5000

# Every head whose (last_seq, last_hash) differs from the latest anchored one of its chain (the
# tips cache), or that no anchor holds yet, becomes a row of the new anchor and its new tip. A
# head still at 0 (created by a writer that has not written its event yet) has nothing to anchor.
_INSERT_MOVED = text("""
WITH moved AS (
  SELECT h.chain COLLATE "C" AS chain, h.last_seq, h.last_hash
  FROM audit_chain_heads h
  LEFT JOIN audit_anchor_tips t ON t.chain = h.chain COLLATE "C"
  WHERE h.last_seq > 0
    AND (t.last_seq IS DISTINCT FROM h.last_seq OR t.last_hash IS DISTINCT FROM h.last_hash)
), tips AS (
  INSERT INTO audit_anchor_tips (chain, last_seq, last_hash, anchor_seq)
  SELECT chain, last_seq, last_hash, :seq FROM moved
  ON CONFLICT (chain) DO UPDATE SET last_seq = EXCLUDED.last_seq,
    last_hash = EXCLUDED.last_hash, anchor_seq = EXCLUDED.anchor_seq
)
INSERT INTO audit_anchor_heads (anchor_seq, chain, last_seq, last_hash)
SELECT :seq, chain, last_seq, last_hash FROM moved
""")
_TOTALS = text(
    "SELECT count(*), COALESCE(sum(last_seq), 0) FROM audit_chain_heads WHERE last_seq > 0")
_ROWS = text("""
SELECT chain, last_seq, last_hash FROM audit_anchor_heads
WHERE anchor_seq = :seq AND chain > :after ORDER BY chain LIMIT :batch
""")
# The anchored rows joined to the audit events they name (uq_audit_events_chain_seq).
_ROWS_WITH_EVENTS = text("""
SELECT h.chain, h.last_seq, h.last_hash, e.hash AS event_hash
FROM audit_anchor_heads h
LEFT JOIN audit_events e
  ON e.chain = h.chain COLLATE "default" AND e.chain_seq = h.last_seq
WHERE h.anchor_seq = :seq AND h.chain > :after
ORDER BY h.chain LIMIT :batch
""")


def _line(chain: str, last_seq: int, last_hash: str) -> bytes:
    return f"{chain}\t{last_seq}\t{last_hash}\n".encode()


def anchor_hash(prev_hash: str, *, seq: int, at: datetime, chains: int, events: int,
                changed: int, digest: str) -> str:
    body = {"seq": seq, "at": at.astimezone(UTC).isoformat(), "chains": chains,
            "events": events, "changed": changed, "digest": digest}
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256((prev_hash + canonical).encode()).hexdigest()


def _hash_of(a: AuditAnchor) -> str:
    return anchor_hash(a.prev_hash, seq=a.seq, at=a.at, chains=a.chains, events=a.events,
                       changed=a.changed, digest=a.digest)


async def latest(session: AsyncSession) -> AuditAnchor | None:
    return (await session.execute(
        select(AuditAnchor).order_by(AuditAnchor.seq.desc()).limit(1)
    )).scalar_one_or_none()


async def create_anchor(
    session: AsyncSession, *, now: datetime | None = None, batch: int = BATCH
) -> AuditAnchor:
    """Anchor every chain head as this transaction sees them (run it in a REPEATABLE READ
    transaction, as `anchor_now` does, so that every statement here sees one snapshot)."""
    at = (now or datetime.now(UTC)).astimezone(UTC)
    prev = await latest(session)
    seq = prev.seq + 1 if prev else 1
    prev_hash = prev.hash if prev else GENESIS
    await session.execute(_INSERT_MOVED, {"seq": seq})
    chains, events = (await session.execute(_TOTALS)).one()
    digest = hashlib.sha256()
    after, counted = "", 0
    while True:
        rows = (await session.execute(
            _ROWS, {"seq": seq, "after": after, "batch": batch})).all()
        for chain, last_seq, last_hash in rows:
            digest.update(_line(chain, last_seq, last_hash))
        counted += len(rows)
        if len(rows) < batch:
            break
        after = rows[-1][0]
    anchor = AuditAnchor(seq=seq, at=at, chains=chains, events=events, changed=counted,
                         digest=digest.hexdigest(), prev_hash=prev_hash, hash="")
    anchor.hash = _hash_of(anchor)
    session.add(anchor)
    await session.flush()
    return anchor


async def _repeatable_read(session: AsyncSession) -> None:
    await session.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"))


async def _due(session: AsyncSession, every: timedelta | None, events: int | None) -> bool:
    """Whether an anchor is due: none yet, the latest `every` old, or `events` events written
    since it (the sum of the chains' lengths, one read of the heads)."""
    last = await latest(session)
    if last is None:
        return True
    if every is not None and last.at <= datetime.now(UTC) - every:
        return True
    if events is not None:
        _, total = (await session.execute(_TOTALS)).one()
        return total - last.events >= events
    return False


async def anchor_now(session_factory: async_sessionmaker, *, every: timedelta | None = None,
                     events: int | None = None) -> AuditAnchor | None:
    """Make an anchor in its own REPEATABLE READ transaction and commit it. With `every` and/or
    `events`, only when the latest anchor is at least that old or that many events behind. None
    when not due, or when another process made the same anchor at the same moment."""
    try:
        async with session_factory() as session, session.begin():
            await _repeatable_read(session)
            if (every is not None or events is not None) and not await _due(
                    session, every, events):
                return None
            anchor = await create_anchor(session)
            session.expunge(anchor)
        return anchor
    except IntegrityError:
        log.info("another process made audit anchor at the same moment; skipped")
        return None
    except DBAPIError as exc:  # a serialization failure: the same race, seen differently
        orig = exc.orig
        if (getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)) == "40001":
            log.info("another process made audit anchor at the same moment; skipped")
            return None
        raise


# ----- verification ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AnchorCheck:
    ok: bool
    anchors: int
    latest_hash: str | None = None
    problem: str | None = None
    anchor_seq: int | None = None
    chain: str | None = None


def _short(h: str | None) -> str:
    return (h or "")[:16]


def _link_problem(a: AuditAnchor, prev_seq: int, prev_hash: str) -> str | None:
    """What is wrong with anchor `a` as the successor of (`prev_seq`, `prev_hash`), if anything."""
    if a.seq != prev_seq + 1:
        return f"follows anchor {prev_seq} (anchors removed)"
    if a.prev_hash != prev_hash:
        return "prev_hash does not match the anchor before it"
    if _hash_of(a) != a.hash:
        return "content does not match its hash (altered)"
    return None


@dataclass
class _Anchored:
    """The latest anchored seq of every chain seen so far, and the events they add up to."""

    seqs: dict[str, int] = field(default_factory=dict)
    events: int = 0


async def _rows_problem(
    session: AsyncSession, a: AuditAnchor, anchored: _Anchored, batch: int
) -> tuple[str, str | None] | None:
    """Check anchor `a`'s rows against the audit events they name and against its digest and
    counts, folding them into `anchored`; (problem, chain) for the first that does not hold."""
    digest, rows, after = hashlib.sha256(), 0, ""
    while True:
        page = (await session.execute(
            _ROWS_WITH_EVENTS, {"seq": a.seq, "after": after, "batch": batch})).all()
        for chain, last_seq, last_hash, event_hash in page:
            if event_hash is None:
                return (f"chain {chain} row {last_seq} is missing (anchored hash "
                        f"{_short(last_hash)}...): rows were removed from the chain"), chain
            if event_hash != last_hash:
                return (f"chain {chain} row {last_seq} has hash {_short(event_hash)}... "
                        f"but was anchored as {_short(last_hash)}... (rewritten)"), chain
            digest.update(_line(chain, last_seq, last_hash))
            anchored.events += last_seq - anchored.seqs.get(chain, 0)
            anchored.seqs[chain] = last_seq
        rows += len(page)
        if len(page) < batch:
            break
        after = page[-1][0]
    if rows != a.changed or digest.hexdigest() != a.digest:
        return "its anchored heads do not match its digest (altered)", None
    if (len(anchored.seqs), anchored.events) != (a.chains, a.events):
        return (f"covers {a.chains} chains and {a.events} events, but the anchored heads "
                f"add up to {len(anchored.seqs)} chains and {anchored.events} events"), None
    return None


async def verify_anchors(
    session: AsyncSession, *, published: Iterable[str] = (), batch: int = BATCH
) -> AnchorCheck:
    """Check every anchor: the anchors link (seq contiguous, prev_hash, own hash), each one's
    rows add up to its digest and counts, and each anchored (chain, seq, hash) is an audit
    event with that hash. Then every `published` hash must be one of the anchors.

    Memory: one integer per chain (the latest anchored seq), to check the counts."""
    wanted = {h.strip().lower() for h in published}
    found: set[str] = set()
    anchored = _Anchored()
    prev_seq, prev_hash = 0, GENESIS
    count = 0

    def broken(seq: int, problem: str, chain: str | None = None) -> AnchorCheck:
        return AnchorCheck(False, count, prev_hash if prev_seq else None,
                           f"anchor {seq}: {problem}", seq, chain)

    while True:
        anchors = (await session.execute(
            select(AuditAnchor).where(AuditAnchor.seq > prev_seq)
            .order_by(AuditAnchor.seq).limit(batch)
        )).scalars().all()
        if not anchors:
            break
        for a in anchors:
            count += 1
            problem = _link_problem(a, prev_seq, prev_hash)
            if problem:
                return broken(a.seq, problem)
            in_rows = await _rows_problem(session, a, anchored, batch)
            if in_rows:
                return broken(a.seq, *in_rows)
            if a.hash in wanted:
                found.add(a.hash)
            prev_seq, prev_hash = a.seq, a.hash
        session.expunge_all()
    missing = sorted(wanted - found)
    if missing:
        return AnchorCheck(False, count, prev_hash if prev_seq else None,
                           f"published anchor {missing[0]} is not in the log "
                           "(the anchors were truncated or rewritten)")
    return AnchorCheck(True, count, prev_hash if prev_seq else None)
