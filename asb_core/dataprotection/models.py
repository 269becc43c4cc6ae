"""Tables of data protection over a case's life: retention schedules (data, per agency kind)
and legal holds."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from asb_core.agencies.models import Agency
from asb_core.orm import Base, agency_fk, case_fk, uuid_pk

# The kind whose schedule applies when the lead agency's kind has none.
DEFAULT_KIND = "default"


class RetentionSchedule(Base):
    """How long a closed case is kept, by the kind of its lead agency, and the source of the
    period. What anonymising removes and keeps is `dataprotection.rules` (the same for all)."""

    __tablename__ = "retention_schedules"
    __table_args__ = (CheckConstraint("anonymise_after_days > 0", name="positive"),)

    agency_kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    anonymise_after_days: Mapped[int] = mapped_column(Integer)
    basis: Mapped[str] = mapped_column(Text)


class LegalHold(Base):
    """A case kept from retention (litigation, a complaint, an inquiry) until released or until
    its `until`. The reason is the holder's own words, shown to supervisors, auditors and the
    data protection officer."""

    __tablename__ = "legal_holds"
    __table_args__ = (
        Index("ix_legal_holds_case_id", "case_id"),
        CheckConstraint("(released_at IS NULL) = (released_by_agency_id IS NULL)",
                        name="released"),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    case_id: Mapped[uuid.UUID] = case_fk()
    reason: Mapped[str] = mapped_column(Text)
    until: Mapped[datetime | None] = mapped_column()
    placed_at: Mapped[datetime] = mapped_column()
    placed_by_agency_id: Mapped[uuid.UUID] = agency_fk()
    placed_by_principal_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    released_at: Mapped[datetime | None] = mapped_column()
    released_by_agency_id: Mapped[uuid.UUID | None] = agency_fk()
    release_reason: Mapped[str | None] = mapped_column(Text)

    placed_by_agency: Mapped[Agency] = relationship(foreign_keys=[placed_by_agency_id],
                                                    lazy="joined")
    released_by_agency: Mapped[Agency | None] = relationship(
        foreign_keys=[released_by_agency_id], lazy="joined")
