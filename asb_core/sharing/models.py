"""Case membership: which agencies share a case, since when, invited by whom, on what basis."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from asb_core.agencies.models import Agency, _in
from asb_core.orm import Base, utcnow, uuid_pk

CONSENT_BASES = ("consent", "legal_basis")


class Membership(Base):
    """An agency's membership of a case: it sees the case exactly while this row exists."""

    __tablename__ = "case_members"
    __table_args__ = (
        UniqueConstraint("agency_id", "case_id", name="uq_case_members_agency_id"),
        CheckConstraint(_in("consent_basis", CONSENT_BASES), name="consent_basis"),
        Index("ix_case_members_case_id", "case_id"),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    agency_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agencies.id"))
    since: Mapped[datetime] = mapped_column(default=utcnow)
    invited_by_agency_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("agencies.id"))
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
