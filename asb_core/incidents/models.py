"""Diary entries, the incidents derived from them, and idempotency keys for integration writes.

Diary entries are never edited (they may be disclosed in court): a correction is a new entry whose
`amends` points at the entry it corrects. Each entry yields one `incidents` row, the input the
harm model folds into the case's running escalation state.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    ARRAY,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from asb_core.agencies.models import Agency, _in
from asb_core.orm import Base, utcnow, uuid_pk

PERCEIVED_BY = ("victim", "witness", "officer", "other")
INCIDENT_SOURCES = ("diary_entry", "officer_report")


class DiaryEntry(Base):
    __tablename__ = "diary_entries"
    __table_args__ = (
        CheckConstraint(
            "hostility_perceived_by IS NULL OR " + _in("hostility_perceived_by", PERCEIVED_BY),
            name="perceived_by",
        ),
        Index("ix_diary_entries_case_id_recorded_at_id", "case_id", "recorded_at", "id"),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    started_at: Mapped[datetime] = mapped_column()
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    location: Mapped[str | None] = mapped_column(Text)
    what_happened: Mapped[str] = mapped_column(Text)
    responsible: Mapped[str | None] = mapped_column(Text)
    witnesses: Mapped[str | None] = mapped_column(Text)
    effect_on_victim: Mapped[str | None] = mapped_column(Text)
    reported_to: Mapped[str | None] = mapped_column(Text)
    reported_reference: Mapped[str | None] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(64))
    nsir_type: Mapped[str] = mapped_column(String(32))
    severity: Mapped[int] = mapped_column(Integer)
    hostility_perceived: Mapped[list[str]] = mapped_column(ARRAY(Text), default=list)
    hostility_perceived_by: Mapped[str | None] = mapped_column(String(16))
    hostility_asked: Mapped[bool] = mapped_column(Boolean, default=False)
    victim_feels_targeted: Mapped[bool | None] = mapped_column(Boolean)
    source_system: Mapped[str | None] = mapped_column(Text)
    amends: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("diary_entries.id"))
    # The incident of the case this entry repeats (counted once by the rules), and when the
    # victim reported it to the agency (null: when it was recorded).
    same_as: Mapped[uuid.UUID | None] = mapped_column()
    reported_at: Mapped[datetime | None] = mapped_column()
    author_agency_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agencies.id"))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    acknowledged_at: Mapped[datetime] = mapped_column()
    acknowledgement_reference: Mapped[str] = mapped_column(String(40))

    author_agency: Mapped[Agency] = relationship(lazy="joined")

    @property
    def author_agency_slug(self) -> str:
        return self.author_agency.slug


class Incident(Base):
    """An incident as the harm model sees it, derived from a diary entry or an officer report.

    An officer report (source `officer_report`, no diary entry) carries the officer's own
    `account` and may carry the officer's reference (a police incident or log number) and where
    it happened; an incident from a diary entry keeps those in the entry itself.
    """

    __tablename__ = "incidents"
    __table_args__ = (
        CheckConstraint(_in("source", INCIDENT_SOURCES), name="source"),
        CheckConstraint(
            "source <> 'officer_report' OR (account IS NOT NULL AND diary_entry_id IS NULL)",
            name="officer_report_account",
        ),
        Index("ix_incidents_case_id_occurred_at", "case_id", "occurred_at"),
        Index("ix_incidents_case_id_reported_at_id", "case_id", "reported_at", "id"),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    diary_entry_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("diary_entries.id"), unique=True
    )
    source: Mapped[str] = mapped_column(String(16))
    occurred_at: Mapped[datetime] = mapped_column()
    reported_at: Mapped[datetime] = mapped_column()
    category: Mapped[str] = mapped_column(String(64))
    nsir_type: Mapped[str] = mapped_column(String(32))
    severity: Mapped[int] = mapped_column(Integer)
    hostility_strands: Mapped[list[str]] = mapped_column(ARRAY(Text), default=list)
    hostility_perceived_by: Mapped[str | None] = mapped_column(String(16))
    hostility_asked: Mapped[bool] = mapped_column(Boolean, default=False)
    victim_feels_targeted: Mapped[bool | None] = mapped_column(Boolean)
    reported_by_agency_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("agencies.id"))
    same_as: Mapped[uuid.UUID | None] = mapped_column()
    account: Mapped[str | None] = mapped_column(Text)
    officer_reference: Mapped[str | None] = mapped_column(Text)
    location: Mapped[str | None] = mapped_column(Text)

    reported_by_agency: Mapped[Agency | None] = relationship(lazy="joined")

    @property
    def reported_by_agency_slug(self) -> str | None:
        return self.reported_by_agency.slug if self.reported_by_agency else None

    @property
    def evidence_id(self) -> uuid.UUID:
        """The id the escalation rules know this incident by (and cite as a flag's evidence):
        the diary entry's id for an incident from a diary entry, else the incident's own."""
        return self.diary_entry_id or self.id


class IdempotencyKey(Base):
    """A client's Idempotency-Key, per agency, claimed in the transaction of the write."""

    __tablename__ = "idempotency_keys"

    agency_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agencies.id"), primary_key=True)
    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(128))
    case_id: Mapped[uuid.UUID | None] = mapped_column()
    resource_type: Mapped[str] = mapped_column(String(32))
    resource_id: Mapped[uuid.UUID | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
