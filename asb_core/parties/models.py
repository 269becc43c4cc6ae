"""Parties to a case and their restricted identity.

`parties` holds only what any member may see: the role, a non-identifying label ("Victim 1"),
consent. Names and contact details live in `party_identities`, which no relationship loads: the
only reader is `services.parties.list_parties`, for permitted roles, and every read is audited.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from asb_core.orm import Base, agency_fk, case_fk, one_of, utcnow, uuid_pk

PARTY_ROLES = ("victim", "complainant", "alleged_perpetrator", "witness")
CONSENT_STATES = ("given", "refused", "not_asked")
RESTRICTED_FIELDS = ("name", "phone", "email", "address", "date_of_birth")


class Party(Base):
    __tablename__ = "parties"
    __table_args__ = (
        one_of("role", PARTY_ROLES),
        one_of("consent_state", CONSENT_STATES),
        Index("ix_parties_case_id", "case_id"),
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
