"""Cases, their member agencies, the per-case running escalation state and the case event log.

`cases.version` is the optimistic-concurrency counter: every change to the case row (PATCH, level
change, close, reopen, lead reassignment) increments it, and a writer that read an older version
is refused. `case_events` is the timeline: one row per thing that happened on a case, written in
the same transaction as the change, indexed (case_id, at, seq) so a case with 10,000 entries pages
as fast as one with ten.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column, relationship

if TYPE_CHECKING:
    from asb_core.escalation.models import EscalationFlag
    from asb_core.sharing.models import Membership

from asb_core.agencies.models import Agency
from asb_core.orm import Base, agency_fk, case_fk, identity_pk, one_of, utcnow, uuid_pk

LEVELS = ("standard", "medium", "high")
CASE_STATUSES = ("open", "active", "review", "closed")


class Case(Base):
    __tablename__ = "cases"
    __table_args__ = (
        one_of("status", CASE_STATUSES),
        one_of("risk_level", LEVELS),
        Index("ix_cases_opened_at_id", "opened_at", "id"),
        # The case list filtered by level (migration 0005, measured by bench/queries.py).
        Index("ix_cases_risk_level_opened_at_id", "risk_level", "opened_at", "id"),
        Index("ix_cases_created_by_principal_id", "created_by_principal_id", "opened_at"),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    reference: Mapped[str] = mapped_column(String(32), unique=True)
    area: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))
    risk_level: Mapped[str] = mapped_column(String(16))
    lead_agency_id: Mapped[uuid.UUID] = agency_fk()
    created_by_agency_id: Mapped[uuid.UUID] = agency_fk()
    created_by_principal_id: Mapped[uuid.UUID | None] = mapped_column()
    summary: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column()
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    # When retention anonymised the case (asb_core/dataprotection/retention.py): its people's
    # identity erased and its free text redacted; facts kept for statistics.
    anonymised_at: Mapped[datetime | None] = mapped_column()

    lead_agency: Mapped[Agency] = relationship(foreign_keys=[lead_agency_id], lazy="joined")
    created_by_agency: Mapped[Agency] = relationship(
        foreign_keys=[created_by_agency_id], lazy="joined"
    )
    members: Mapped[list[Membership]] = relationship(
        lazy="selectin", order_by="Membership.since", viewonly=True
    )
    open_flags: Mapped[list[EscalationFlag]] = relationship(
        primaryjoin="and_(EscalationFlag.case_id == Case.id, EscalationFlag.cleared_at.is_(None))",
        lazy="selectin",
        viewonly=True,
    )

    @property
    def lead_agency_slug(self) -> str:
        return self.lead_agency.slug

    @property
    def created_by_agency_slug(self) -> str:
        return self.created_by_agency.slug

    @property
    def member_agencies(self) -> list[str]:
        return [m.agency.slug for m in self.members]

    @property
    def flags(self) -> list[str]:
        return sorted({f.rule_id for f in self.open_flags})


class EscalationState(Base):
    """The harm_model `CaseState` of a case (bounded aggregates), folded on every incident."""

    __tablename__ = "case_escalation_states"

    case_id: Mapped[uuid.UUID] = case_fk(primary_key=True)
    policy_version: Mapped[str] = mapped_column(String(64))
    state: Mapped[dict] = mapped_column(JSONB)
    incidents: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class CaseReferenceCounter(Base):
    """Per-year sequence behind `ASB-YYYY-NNNNNN` references."""

    __tablename__ = "case_reference_counters"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last: Mapped[int] = mapped_column(Integer)


class CaseEvent(Base):
    """One timeline item. Written by the services in the transaction of the change it records."""

    __tablename__ = "case_events"
    __table_args__ = (Index("ix_case_events_case_id_at_seq", "case_id", "at", "seq"),)

    seq: Mapped[int] = identity_pk()
    case_id: Mapped[uuid.UUID] = case_fk()
    at: Mapped[datetime] = mapped_column()
    kind: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[uuid.UUID | None] = mapped_column()
    agency: Mapped[str | None] = mapped_column(String(63))
    summary: Mapped[dict] = mapped_column(JSONB, default=dict)


SATISFIED_ANSWERS = ("yes", "no", "not_asked")
INFORMED_ANSWERS = ("yes", "no")
SAFER_ANSWERS = ("yes", "no", "not_sure")


class CaseClosure(Base):
    """One closing of a case: its outcome, the victim's view at closure, who closed it, and the
    case's area, level and lead agency at that moment (what the statistics count). Reopening
    fills in `reopened_*`; a case closed again gets another row, so the history is kept."""

    __tablename__ = "case_closures"
    __table_args__ = (
        Index("ix_case_closures_case_id_closed_at", "case_id", "closed_at"),
        Index("ix_case_closures_closed_at", "closed_at"),
        one_of("victim_satisfied", SATISFIED_ANSWERS),
        one_of("victim_kept_informed", INFORMED_ANSWERS),
        one_of("victim_feels_safer", SAFER_ANSWERS),
        one_of("risk_level", LEVELS),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    case_id: Mapped[uuid.UUID] = case_fk()
    closed_at: Mapped[datetime] = mapped_column()
    closed_by_agency_id: Mapped[uuid.UUID] = agency_fk()
    closed_by_principal_id: Mapped[uuid.UUID | None] = mapped_column()
    outcome: Mapped[str] = mapped_column(Text)
    area: Mapped[str] = mapped_column(Text)
    risk_level: Mapped[str] = mapped_column(String(16))
    lead_agency_id: Mapped[uuid.UUID] = agency_fk()
    victim_satisfied: Mapped[str] = mapped_column(String(16))
    victim_kept_informed: Mapped[str | None] = mapped_column(String(16))
    victim_feels_safer: Mapped[str | None] = mapped_column(String(16))
    victim_comment: Mapped[str | None] = mapped_column(Text)
    not_asked_reason: Mapped[str | None] = mapped_column(Text)
    reopened_at: Mapped[datetime | None] = mapped_column()
    reopened_by_agency_id: Mapped[uuid.UUID | None] = agency_fk()
    reopen_reason: Mapped[str | None] = mapped_column(Text)

    closed_by_agency: Mapped[Agency] = relationship(
        foreign_keys=[closed_by_agency_id], lazy="joined")

    @property
    def closed_by_agency_slug(self) -> str:
        return self.closed_by_agency.slug
