"""Parties to a case and their restricted identity.

`parties` holds only what any member may see: the role, a non-identifying label ("Victim 1"),
consent, its version (the party's ETag) and, once removed, when, by whom and why (a removal is
soft: the row stays for the audit trail). Names and contact details live in `party_identities`,
which no relationship loads: the only readers are `parties.service.list_parties` and
`get_party`, for permitted roles, and every read is audited.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import (
    ARRAY,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Identity,
    Index,
    Integer,
    String,
    Text,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from asb_core.agencies.models import Agency
from asb_core.orm import Base, agency_fk, case_fk, one_of, sql_in, utcnow, uuid_pk

PARTY_ROLES = ("victim", "complainant", "alleged_perpetrator", "witness")
# The roles of the people who report the ASB: a case keeps at least one of them, and only their
# phone and address are digested for the repeat-caller lookup.
CALLER_ROLES = ("victim", "complainant")
CONSENT_STATES = ("given", "refused", "not_asked")
RESTRICTED_FIELDS = ("name", "phone", "email", "address", "date_of_birth")


class Party(Base):
    __tablename__ = "parties"
    __table_args__ = (
        one_of("role", PARTY_ROLES),
        one_of("consent_state", CONSENT_STATES),
        Index("ix_parties_case_id", "case_id"),
        CheckConstraint("(removed_at IS NULL) = (removed_reason IS NULL)", name="removed"),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    case_id: Mapped[uuid.UUID] = case_fk()
    role: Mapped[str] = mapped_column(String(32))
    display_name: Mapped[str] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    consent_state: Mapped[str] = mapped_column(String(16), default="not_asked")
    consent_recorded_at: Mapped[datetime | None] = mapped_column()
    consent_legal_basis: Mapped[str | None] = mapped_column(Text)
    created_by_agency_id: Mapped[uuid.UUID | None] = agency_fk()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_at: Mapped[datetime | None] = mapped_column()
    removed_at: Mapped[datetime | None] = mapped_column()
    removed_by_agency_id: Mapped[uuid.UUID | None] = agency_fk()
    removed_by_principal_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    removed_reason: Mapped[str | None] = mapped_column(Text)
    # Erased on request or by retention (asb_core/dataprotection): the identity row is gone.
    erased_at: Mapped[datetime | None] = mapped_column()
    erased_by_agency_id: Mapped[uuid.UUID | None] = agency_fk()

    removed_by_agency: Mapped[Agency | None] = relationship(
        foreign_keys=[removed_by_agency_id], lazy="joined")
    erased_by_agency: Mapped[Agency | None] = relationship(
        foreign_keys=[erased_by_agency_id], lazy="joined")

    @property
    def removed(self) -> dict | None:
        """When, by which agency and why the party was removed; None while it is on the case."""
        if self.removed_at is None:
            return None
        return {"at": self.removed_at, "reason": self.removed_reason,
                "by_agency": self.removed_by_agency.slug if self.removed_by_agency else None}

    @property
    def erased(self) -> dict | None:
        """When and by which agency the identity was erased; None while it is held."""
        if self.erased_at is None:
            return None
        return {"at": self.erased_at,
                "by_agency": self.erased_by_agency.slug if self.erased_by_agency else None}


class PartyIdentity(Base):
    """Restricted: never logged, never exported, read only through `list_parties`.

    The digests (keyed HMACs, see `asb_core.parties.lookup_digest`) serve the repeat-caller lookup.
    """

    __tablename__ = "party_identities"
    __table_args__ = (
        Index("ix_party_identities_phone_digest", "phone_digest"),
        Index("ix_party_identities_address_digest", "address_digest"),
    )

    party_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("parties.id", ondelete="CASCADE"), primary_key=True
    )
    name: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(Text)
    email: Mapped[str | None] = mapped_column(Text)
    address: Mapped[str | None] = mapped_column(Text)
    date_of_birth: Mapped[date | None] = mapped_column(Date)
    phone_digest: Mapped[str | None] = mapped_column(String(64))
    address_digest: Mapped[str | None] = mapped_column(String(64))

    def __repr__(self) -> str:  # never let identity leak into logs or tracebacks
        return f"<PartyIdentity {self.party_id} (restricted)>"


LOOKUP_OUTCOMES = ("hit", "miss", "refused")
LOOKUP_ANSWERS = ("level", "contact")


class LookupBudget(Base):
    """One counter in one window, shared by every worker and node and moved only by
    `asb_core.window_counters.add` (an atomic upsert): the repeat-caller lookup budget
    (`key:<id>`, `key-day:<id>`, `agency:<id>`, `misses:<id>`) and failed authentications
    (`bad-key:<key prefix>`, `bad-addr:<client address>`)."""

    __tablename__ = "lookup_budget"

    scope: Mapped[str] = mapped_column(String(100), primary_key=True)
    window_start: Mapped[datetime] = mapped_column(primary_key=True)
    used: Mapped[int] = mapped_column(Integer)


class RepeatCallerLookup(Base):
    """One repeat-caller lookup, whatever its outcome. Holds no phone number, address or digest
    of either: only which kinds were given, who asked, when, and (for hits) the cases matched."""

    __tablename__ = "repeat_caller_lookups"
    __table_args__ = (
        one_of("outcome", LOOKUP_OUTCOMES),
        CheckConstraint("answered IS NULL OR " + sql_in("answered", LOOKUP_ANSWERS),
                        name="answered"),
        Index("ix_repeat_caller_lookups_principal_id_at", "principal_id", "at"),
        Index("ix_repeat_caller_lookups_agency_id_at", "agency_id", "at"),
        Index("ix_repeat_caller_lookups_case_ids", "case_ids", postgresql_using="gin"),
    )

    seq: Mapped[int] = mapped_column(BigInteger, Identity(always=True), primary_key=True)
    at: Mapped[datetime] = mapped_column()
    principal_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    agency_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    agency: Mapped[str | None] = mapped_column(String(63))
    outcome: Mapped[str] = mapped_column(String(16))
    by_phone: Mapped[bool] = mapped_column(Boolean)
    by_address: Mapped[bool] = mapped_column(Boolean)
    area: Mapped[str | None] = mapped_column(Text)
    answered: Mapped[str | None] = mapped_column(String(16))
    case_ids: Mapped[list[uuid.UUID] | None] = mapped_column(ARRAY(Uuid))
