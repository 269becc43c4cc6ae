"""The append-only, hash-chained audit log.

Rows are chained per case (and one `system` chain for events outside any case), so writers to
different cases never wait on one another; `audit_chain_heads` holds each chain's tip and is
locked row-by-row. A database trigger (see the migrations) refuses UPDATE, DELETE and TRUNCATE.
Periodic anchors (`audit_anchors`, append-only too) fix every chain's head at a moment, so a
tail cut off together with a rewritten head is still detected.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    ARRAY,
    BigInteger,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from asb_core.orm import Base, identity_pk


class AuditEvent(Base):
    __tablename__ = "audit_events"
    __table_args__ = (
        UniqueConstraint("chain", "chain_seq", name="uq_audit_events_chain_seq"),
        Index("ix_audit_events_agency_seq", "agency", "seq"),
    )

    seq: Mapped[int] = identity_pk()
    chain: Mapped[str] = mapped_column(String(64))
    chain_seq: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column()
    principal_id: Mapped[uuid.UUID | None] = mapped_column()
    agency: Mapped[str | None] = mapped_column(String(63))
    role: Mapped[str | None] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(64))
    case_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    entity: Mapped[str | None] = mapped_column(String(64))
    entity_id: Mapped[str | None] = mapped_column(String(64))
    fields: Mapped[list[str]] = mapped_column(ARRAY(Text), default=list)
    justification: Mapped[str | None] = mapped_column(Text)
    detail: Mapped[dict] = mapped_column(JSONB, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    # The id of the audit key whose HMAC `hash` is (asb_core/audit/keys.py); None: SHA-256.
    key_id: Mapped[str | None] = mapped_column(String(32))


class AuditNote(Base):
    """The free text of an audit event (its `justification`: a reason, a late reason, a legal
    basis), kept out of the chain so that retention and erasure can remove it.

    Free text may name people, and an audit row can never change. So the row's `justification`
    holds only a commitment, `note:<SHA-256 of salt and text>`, and the text and its random salt
    live here. Erasing a note drops the salt with the text: the chain still verifies, and a
    guess at the erased words can no longer be checked against the commitment. Not append-only:
    `asb_core/dataprotection` is its only writer after `audit.chain.record`.
    """

    __tablename__ = "audit_notes"
    __table_args__ = (Index("ix_audit_notes_case_id", "case_id"),)

    chain: Mapped[str] = mapped_column(String(64), primary_key=True)
    chain_seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[uuid.UUID | None] = mapped_column()
    salt: Mapped[bytes | None] = mapped_column(LargeBinary)
    text: Mapped[str | None] = mapped_column(Text)
    erased_at: Mapped[datetime | None] = mapped_column()

    def __repr__(self) -> str:  # the text may name people: never in logs or tracebacks
        return f"<AuditNote {self.chain}#{self.chain_seq}>"


class AuditChainHead(Base):
    __tablename__ = "audit_chain_heads"

    chain: Mapped[str] = mapped_column(String(64), primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))
    # "<key id>:<HMAC of chain, last_seq, last_hash>", so a head cannot be pointed at an
    # earlier row without the key; None when written without a key.
    mac: Mapped[str | None] = mapped_column(String(100))


class AuditAnchor(Base):
    """A periodic anchor over every chain head (asb_core/audit/anchors.py). Append-only.

    `digest` is the SHA-256 of the heads that moved since the previous anchor (its rows in
    `audit_anchor_heads`), and `hash` chains the anchor to the one before it, so each anchor's
    hash commits to every head at its moment. `chains` and `events` count all chains and the
    events in them at that moment; `changed` counts the anchor's rows in the side table.
    """

    __tablename__ = "audit_anchors"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column()
    chains: Mapped[int] = mapped_column(BigInteger)
    events: Mapped[int] = mapped_column(BigInteger)
    changed: Mapped[int] = mapped_column(BigInteger)
    digest: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class AuditAnchorHead(Base):
    """A chain head as an anchor saw it, stored only when it moved since the previous anchor.

    `chain` is compared byte-wise (collation "C"), so the digest's order is the same on every
    server, and the primary key gives it without a sort."""

    __tablename__ = "audit_anchor_heads"

    anchor_seq: Mapped[int] = mapped_column(
        ForeignKey("audit_anchors.seq", deferrable=True, initially="DEFERRED"),
        primary_key=True,
    )
    chain: Mapped[str] = mapped_column(String(64, collation="C"), primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))


class AuditAnchorTip(Base):
    """The latest anchored head of each chain: a cache that lets the next anchor find the heads
    that moved with one hash join instead of a probe per chain. Not append-only and never
    trusted by verification: a wrong tip only makes an anchor store a head it need not have, or
    miss one, which `asb audit verify` then reports as counts that do not add up."""

    __tablename__ = "audit_anchor_tips"

    chain: Mapped[str] = mapped_column(String(64, collation="C"), primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))
    anchor_seq: Mapped[int] = mapped_column(Integer)
