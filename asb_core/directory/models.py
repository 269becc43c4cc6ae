"""Tables of the directory slice, named after Open Referral UK's objects.

An organisation and a service keep the id the directory gave them (`oruk_id`); our own id is a
UUID derived from it (uuid5), so importing the same directory twice finds the same rows.
`content_hash` is the hash of the imported object: a re-import that changes nothing writes
nothing. Opening hours are kept twice: as the ORUK schedules (`schedules`, shown as given) and
as minutes of the week in London time (`directory_opening_hours`), which the "open now" filter
reads with one indexed comparison.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import Mapped, mapped_column, relationship

from asb_core.agencies.models import Agency
from asb_core.orm import Base, agency_fk, one_of, uuid_pk

SERVICE_STATUSES = ("active", "inactive", "defunct", "temporarily closed")
REFERRAL_METHODS = ("api", "email", "phone")


class DirectoryOrganization(Base):
    __tablename__ = "directory_organizations"

    id: Mapped[uuid.UUID] = uuid_pk()
    oruk_id: Mapped[str] = mapped_column(Text, unique=True)
    name: Mapped[str] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    email: Mapped[str | None] = mapped_column(Text)
    website: Mapped[str | None] = mapped_column(Text)
    # The agency whose API key answers this organisation's referrals (None: the referring
    # officer records the answer).
    agency_id: Mapped[uuid.UUID | None] = agency_fk()
    content_hash: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column()

    agency: Mapped[Agency | None] = relationship(lazy="joined")

    @property
    def agency_slug(self) -> str | None:
        return self.agency.slug if self.agency else None


class DirectoryService(Base):
    __tablename__ = "directory_services"
    __table_args__ = (
        one_of("status", SERVICE_STATUSES),
        one_of("referral_method", REFERRAL_METHODS),
        Index("ix_directory_services_areas", "areas", postgresql_using="gin"),
        Index("ix_directory_services_needs", "needs", postgresql_using="gin"),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    oruk_id: Mapped[str] = mapped_column(Text, unique=True)
    organization_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("directory_organizations.id"), index=True)
    name: Mapped[str] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    email: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(24))
    areas: Mapped[list[str]] = mapped_column(ARRAY(Text))
    needs: Mapped[list[str]] = mapped_column(ARRAY(Text))
    eligibility_description: Mapped[str | None] = mapped_column(Text)
    minimum_age: Mapped[int | None] = mapped_column(Integer)
    maximum_age: Mapped[int | None] = mapped_column(Integer)
    contacts: Mapped[list] = mapped_column(JSONB)
    schedules: Mapped[list] = mapped_column(JSONB)
    out_of_hours: Mapped[bool] = mapped_column(Boolean)
    referral_method: Mapped[str] = mapped_column(String(16))
    referral_email: Mapped[str | None] = mapped_column(Text)
    referral_phone: Mapped[str | None] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column()

    organization: Mapped[DirectoryOrganization] = relationship(lazy="joined")


class OpeningHours(Base):
    """One opening of a service in a week: [starts, ends) in minutes from Monday 00:00, London
    time (a schedule across midnight is two rows)."""

    __tablename__ = "directory_opening_hours"
    __table_args__ = (Index("ix_directory_opening_hours_service_id", "service_id", "starts"),)

    id: Mapped[uuid.UUID] = uuid_pk()
    service_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("directory_services.id", ondelete="CASCADE"))
    starts: Mapped[int] = mapped_column(Integer)
    ends: Mapped[int] = mapped_column(Integer)
