"""Assessments: every one kept, with answers, policy version, score, level, reasons, override."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Index, Integer, String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column, relationship

from asb_core.agencies.models import Agency
from asb_core.cases.models import LEVELS
from asb_core.orm import Base, agency_fk, case_fk, one_of, utcnow, uuid_pk


class Assessment(Base):
    __tablename__ = "assessments"
    __table_args__ = (
        one_of("level", LEVELS),
        one_of("computed_level", LEVELS),
        Index("ix_assessments_case_id_assessed_at_id", "case_id", "assessed_at", "id"),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    case_id: Mapped[uuid.UUID] = case_fk()
    answers: Mapped[dict] = mapped_column(JSONB)
    policy_version: Mapped[str] = mapped_column(String(64))
    score: Mapped[int] = mapped_column(Integer)
    computed_level: Mapped[str] = mapped_column(String(16))
    level: Mapped[str] = mapped_column(String(16))
    reasons: Mapped[list] = mapped_column(JSONB)
    judgement: Mapped[dict | None] = mapped_column(JSONB)
    assessed_at: Mapped[datetime] = mapped_column(default=utcnow)
    assessed_by_agency_id: Mapped[uuid.UUID] = agency_fk()
    assessed_by_principal_id: Mapped[uuid.UUID | None] = mapped_column()

    assessed_by_agency: Mapped[Agency] = relationship(lazy="joined")

    @property
    def assessed_by_agency_slug(self) -> str:
        return self.assessed_by_agency.slug
