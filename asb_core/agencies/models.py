"""Agencies (police forces, councils, housing providers, ...) and their API principals."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ARRAY, CheckConstraint, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from asb_core.orm import Base, agency_fk, created_at_column, one_of, sql_in, uuid_pk

AGENCY_KINDS = ("police", "council", "housing_provider", "victim_service", "health", "other")
ROLES = (
    "call_handler",
    "caseworker",
    "supervisor",
    "auditor",
    "analyst",
    "integration",
    "admin",
    # The data protection officer: retention reports, legal holds, erasure and subject access
    # exports over its agency's member cases; no case work (asb_core/access.py).
    "dpo",
)

# The incidents and webhooks models still import the check-constraint helper from here.
_in = sql_in


class Agency(Base):
    __tablename__ = "agencies"
    __table_args__ = (
        one_of("kind", AGENCY_KINDS),
        CheckConstraint("slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'", name="slug_format"),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    slug: Mapped[str] = mapped_column(String(63), unique=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(32))
    areas: Mapped[list[str]] = mapped_column(ARRAY(Text), default=list, server_default="{}")
    created_at: Mapped[datetime] = created_at_column()
    # Set by `asb agency disable`: every key of the agency and every embed token they minted is
    # refused, and its webhook subscriptions receive nothing, until it is enabled again.
    disabled_at: Mapped[datetime | None] = mapped_column()
    disabled_reason: Mapped[str | None] = mapped_column(Text)

    principals: Mapped[list[Principal]] = relationship(back_populates="agency")


class Principal(Base):
    """An API key holder. The key itself is never stored: only its SHA-256 digest.

    Keys carry 256 bits of randomness, so a fast digest is the right tool (a slow password hash
    would only make every request slower); the lookup is by the indexed digest and the final
    comparison is constant-time.
    """

    __tablename__ = "principals"
    __table_args__ = (one_of("role", ROLES),)

    id: Mapped[uuid.UUID] = uuid_pk()
    agency_id: Mapped[uuid.UUID] = agency_fk(index=True)
    role: Mapped[str] = mapped_column(String(32))
    key_prefix: Mapped[str] = mapped_column(String(16))
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = created_at_column()
    revoked_at: Mapped[datetime | None] = mapped_column()

    agency: Mapped[Agency] = relationship(back_populates="principals", lazy="joined")
