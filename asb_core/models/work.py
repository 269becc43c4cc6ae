"""The work on a case: updates and actions, response targets, escalation flags, and ASB Case
Review applications.

Targets carry `closed_at` when their case closes: the state keeps its meaning (due, met,
breached) but a closed-out target is no longer worked, swept or listed in work queues.
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
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from asb_core.models.agency import Agency, _in
from asb_core.models.base import Base, utcnow, uuid_pk

UPDATE_KINDS = ("update", "action", "victim_update")
TARGET_STATES = ("due", "met", "breached")
LEVEL_TARGET_KINDS = ("first_contact", "multi_agency", "victim_update", "case_review")
FOLLOW_UP_TARGET_KINDS = (
    "hate_review",
    "share_with_police",
    "reassessment",
    "case_review_acknowledge",
    "case_review_decision",
)
TARGET_KINDS = LEVEL_TARGET_KINDS + FOLLOW_UP_TARGET_KINDS
FLAG_SOURCES = ("assessment", "incidents")


class Update(Base):
    __tablename__ = "updates"
    __table_args__ = (
        CheckConstraint(_in("kind", UPDATE_KINDS), name="kind"),
        Index("ix_updates_case_id_created_at_id", "case_id", "created_at", "id"),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    author_agency_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agencies.id"))
    owner_agency_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("agencies.id"))
    due_at: Mapped[datetime | None] = mapped_column()
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    done_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    author_agency: Mapped[Agency] = relationship(foreign_keys=[author_agency_id], lazy="joined")
    owner_agency: Mapped[Agency | None] = relationship(
        foreign_keys=[owner_agency_id], lazy="joined"
    )

    @property
    def author_agency_slug(self) -> str:
        return self.author_agency.slug

    @property
    def owner_agency_slug(self) -> str | None:
        return self.owner_agency.slug if self.owner_agency else None


class Target(Base):
    __tablename__ = "targets"
    __table_args__ = (
        CheckConstraint(_in("state", TARGET_STATES), name="state"),
        CheckConstraint(_in("kind", TARGET_KINDS), name="kind"),
        # Work queues and the breach sweep read open targets in due order.
        Index(
            "ix_targets_open_due_at",
            "due_at",
            "id",
            postgresql_where=text("state = 'due' AND closed_at IS NULL"),
        ),
        Index(
            "ix_targets_unmet_due_at",
            "due_at",
            "id",
            postgresql_where=text("state IN ('due', 'breached') AND closed_at IS NULL"),
        ),
        Index("ix_targets_case_id_kind", "case_id", "kind"),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))
    level: Mapped[str | None] = mapped_column(String(16))
    recurring: Mapped[bool] = mapped_column(Boolean, default=False)
    started_at: Mapped[datetime] = mapped_column()
    due_at: Mapped[datetime] = mapped_column()
    state: Mapped[str] = mapped_column(String(16), default="due")
    met_at: Mapped[datetime | None] = mapped_column()
    met_by_agency_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("agencies.id"))
    late_reason: Mapped[str | None] = mapped_column(Text)
    closed_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    met_by_agency: Mapped[Agency | None] = relationship(lazy="joined")

    @property
    def met_by_agency_slug(self) -> str | None:
        return self.met_by_agency.slug if self.met_by_agency else None


class EscalationFlag(Base):
    __tablename__ = "escalation_flags"
    __table_args__ = (
        CheckConstraint(_in("source", FLAG_SOURCES), name="source"),
        # At most one open flag per rule and case: raising is "insert if not already open".
        Index(
            "uq_escalation_flags_open_rule",
            "case_id",
            "rule_id",
            unique=True,
            postgresql_where=text("cleared_at IS NULL"),
        ),
        Index("ix_escalation_flags_case_id_raised_at", "case_id", "raised_at"),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    rule_id: Mapped[str] = mapped_column(String(32))
    source: Mapped[str] = mapped_column(String(16))
    evidence: Mapped[list[str]] = mapped_column(ARRAY(Text), default=list)
    raised_at: Mapped[datetime] = mapped_column()
    cleared_at: Mapped[datetime | None] = mapped_column()
    text: Mapped[str] = mapped_column(Text)
    follow_up_target_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("targets.id"))


class CaseReview(Base):
    """An ASB Case Review ("Community Trigger") application logged on a case."""

    __tablename__ = "case_reviews"
    __table_args__ = (Index("ix_case_reviews_case_id_applied_at", "case_id", "applied_at"),)

    id: Mapped[uuid.UUID] = uuid_pk()
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    applicant_description: Mapped[str] = mapped_column(Text)
    applied_at: Mapped[datetime] = mapped_column()
    logged_at: Mapped[datetime] = mapped_column(default=utcnow)
    logged_by_agency_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agencies.id"))
    qualifying: Mapped[bool | None] = mapped_column(Boolean)
    acknowledge_by: Mapped[datetime] = mapped_column()
    decide_by: Mapped[datetime] = mapped_column()
    decision: Mapped[str | None] = mapped_column(Text)
    threshold_met: Mapped[bool | None] = mapped_column(Boolean)
    decided_at: Mapped[datetime | None] = mapped_column()
    decided_by_agency_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("agencies.id"))
