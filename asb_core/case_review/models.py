"""ASB Case Review ("Community Trigger") applications on a case."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Boolean, Index, Text
from sqlalchemy.orm import Mapped, mapped_column

from asb_core.orm import Base, agency_fk, case_fk, utcnow, uuid_pk


class CaseReview(Base):
    """An ASB Case Review ("Community Trigger") application logged on a case."""

    __tablename__ = "case_reviews"
    __table_args__ = (Index("ix_case_reviews_case_id_applied_at", "case_id", "applied_at"),)

    id: Mapped[uuid.UUID] = uuid_pk()
    case_id: Mapped[uuid.UUID] = case_fk()
    applicant_description: Mapped[str] = mapped_column(Text)
    applied_at: Mapped[datetime] = mapped_column()
    logged_at: Mapped[datetime] = mapped_column(default=utcnow)
    logged_by_agency_id: Mapped[uuid.UUID] = agency_fk()
    qualifying: Mapped[bool | None] = mapped_column(Boolean)
    acknowledge_by: Mapped[datetime] = mapped_column()
    decide_by: Mapped[datetime] = mapped_column()
    decision: Mapped[str | None] = mapped_column(Text)
    threshold_met: Mapped[bool | None] = mapped_column(Boolean)
    decided_at: Mapped[datetime | None] = mapped_column()
    decided_by_agency_id: Mapped[uuid.UUID | None] = agency_fk()
