"""Tables of the interventions slice: an intervention recorded on a case against an alleged
perpetrator (or, for closure powers, premises), and each breach of one, which points at the
incident the breach landed as on the case (incidents/)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ARRAY, Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from asb_core.agencies.models import Agency
from asb_core.interventions.toolkit import STATUSES, TOOL_IDS, TOOLS
from asb_core.orm import Base, agency_fk, case_fk, one_of, uuid_pk


class Intervention(Base):
    __tablename__ = "interventions"
    __table_args__ = (
        one_of("type", TOOL_IDS),
        one_of("status", STATUSES),
        Index("ix_interventions_case_id_created_at_id", "case_id", "created_at", "id"),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    case_id: Mapped[uuid.UUID] = case_fk()
    type: Mapped[str] = mapped_column(String(40))
    against_party_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("parties.id", ondelete="CASCADE"))
    premises: Mapped[str | None] = mapped_column(Text)
    issuing_agency_id: Mapped[uuid.UUID] = agency_fk()
    recorded_by_agency_id: Mapped[uuid.UUID] = agency_fk()
    status: Mapped[str] = mapped_column(String(16))
    status_reason: Mapped[str | None] = mapped_column(Text)
    issued_at: Mapped[datetime | None] = mapped_column()
    served_at: Mapped[datetime | None] = mapped_column()
    expires_at: Mapped[datetime | None] = mapped_column()
    conditions: Mapped[list[str]] = mapped_column(ARRAY(Text))
    documents: Mapped[list[str]] = mapped_column(ARRAY(Text))
    power_of_arrest: Mapped[bool] = mapped_column(Boolean)
    court: Mapped[str | None] = mapped_column(Text)
    breach_count: Mapped[int] = mapped_column(Integer)
    last_breach_incident_id: Mapped[uuid.UUID | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column()
    updated_at: Mapped[datetime] = mapped_column()

    issuing_agency: Mapped[Agency] = relationship(foreign_keys=[issuing_agency_id],
                                                  lazy="joined")
    recorded_by_agency: Mapped[Agency] = relationship(foreign_keys=[recorded_by_agency_id],
                                                      lazy="joined")

    @property
    def breach_in_law(self) -> str:
        """What a breach of this tool means in law (toolkit.BREACH_MEANINGS)."""
        return TOOLS[self.type].breach

    @property
    def issuing_agency_slug(self) -> str:
        return self.issuing_agency.slug

    @property
    def recorded_by_agency_slug(self) -> str:
        return self.recorded_by_agency.slug


class InterventionBreach(Base):
    """One breach of an intervention: the incident it landed as, and who recorded it when."""

    __tablename__ = "intervention_breaches"
    __table_args__ = (
        Index("ix_intervention_breaches_intervention_id", "intervention_id"),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    intervention_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("interventions.id", ondelete="CASCADE"))
    case_id: Mapped[uuid.UUID] = case_fk()
    incident_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("incidents.id", ondelete="CASCADE"), unique=True)
    occurred_at: Mapped[datetime] = mapped_column()
    recorded_at: Mapped[datetime] = mapped_column()
    recorded_by_agency_id: Mapped[uuid.UUID] = agency_fk()
