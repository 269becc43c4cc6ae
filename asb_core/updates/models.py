"""Updates (what an agency did), actions (a thing to do, with an owner and a due date) and
victim updates (the victim was told what is being done)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Boolean, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from asb_core.agencies.models import Agency
from asb_core.orm import Base, agency_fk, case_fk, one_of, utcnow, uuid_pk

UPDATE_KINDS = ("update", "action", "victim_update")


class Update(Base):
    __tablename__ = "updates"
    __table_args__ = (
        one_of("kind", UPDATE_KINDS),
        Index("ix_updates_case_id_created_at_id", "case_id", "created_at", "id"),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    case_id: Mapped[uuid.UUID] = case_fk()
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    author_agency_id: Mapped[uuid.UUID] = agency_fk()
    owner_agency_id: Mapped[uuid.UUID | None] = agency_fk()
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
