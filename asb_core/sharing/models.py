"""Case membership: which agencies share a case, since when, invited by whom, on what basis."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from asb_core.agencies.models import Agency
from asb_core.orm import Base, agency_fk, case_fk, one_of, utcnow, uuid_pk

CONSENT_BASES = ("consent", "legal_basis")


class Membership(Base):
    """An agency's membership of a case: it sees the case exactly while this row exists."""

    __tablename__ = "case_members"
    __table_args__ = (
        UniqueConstraint("agency_id", "case_id", name="uq_case_members_agency_id"),
        one_of("consent_basis", CONSENT_BASES),
        Index("ix_case_members_case_id", "case_id"),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    case_id: Mapped[uuid.UUID] = case_fk()
    agency_id: Mapped[uuid.UUID] = agency_fk()
    since: Mapped[datetime] = mapped_column(default=utcnow)
    invited_by_agency_id: Mapped[uuid.UUID | None] = agency_fk()
    consent_basis: Mapped[str] = mapped_column(String(16))
    legal_basis: Mapped[str | None] = mapped_column(Text)

    agency: Mapped[Agency] = relationship(foreign_keys=[agency_id], lazy="joined")
    invited_by_agency: Mapped[Agency | None] = relationship(
        foreign_keys=[invited_by_agency_id], lazy="joined"
    )

    @property
    def agency_slug(self) -> str:
        return self.agency.slug

    @property
    def invited_by_agency_slug(self) -> str | None:
        return self.invited_by_agency.slug if self.invited_by_agency else None
