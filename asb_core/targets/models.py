"""Response targets keyed to the risk level, and follow-up targets raised by escalation rules.

Targets carry `closed_at` when their case closes: the state keeps its meaning (due, met,
breached) but a closed-out target is no longer worked, swept or listed in work queues.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Boolean, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from asb_core.agencies.models import Agency
from asb_core.orm import Base, agency_fk, case_fk, one_of, utcnow, uuid_pk

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


class Target(Base):
    __tablename__ = "targets"
    __table_args__ = (
        one_of("state", TARGET_STATES),
        one_of("kind", TARGET_KINDS),
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
    case_id: Mapped[uuid.UUID] = case_fk()
    kind: Mapped[str] = mapped_column(String(32))
    level: Mapped[str | None] = mapped_column(String(16))
    recurring: Mapped[bool] = mapped_column(Boolean, default=False)
    started_at: Mapped[datetime] = mapped_column()
    due_at: Mapped[datetime] = mapped_column()
    state: Mapped[str] = mapped_column(String(16), default="due")
    met_at: Mapped[datetime | None] = mapped_column()
    met_by_agency_id: Mapped[uuid.UUID | None] = agency_fk()
    late_reason: Mapped[str | None] = mapped_column(Text)
    closed_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    met_by_agency: Mapped[Agency | None] = relationship(lazy="joined")

    @property
    def met_by_agency_slug(self) -> str | None:
        return self.met_by_agency.slug if self.met_by_agency else None
