"""Escalation flags raised on a case by the harm model's rules (from its assessments or its
incidents), with their evidence and the follow-up target each started."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ARRAY, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from asb_core.orm import Base, case_fk, one_of, uuid_pk

FLAG_SOURCES = ("assessment", "incidents")


class EscalationFlag(Base):
    __tablename__ = "escalation_flags"
    __table_args__ = (
        one_of("source", FLAG_SOURCES),
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
    case_id: Mapped[uuid.UUID] = case_fk()
    rule_id: Mapped[str] = mapped_column(String(32))
    source: Mapped[str] = mapped_column(String(16))
    evidence: Mapped[list[str]] = mapped_column(ARRAY(Text), default=list)
    raised_at: Mapped[datetime] = mapped_column()
    cleared_at: Mapped[datetime | None] = mapped_column()
    text: Mapped[str] = mapped_column(Text)
    follow_up_target_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("targets.id"))
