"""Tables of the referrals slice: a referral of a case's party to a directory service, and what
was disclosed to the service with it.

`referrals` holds nothing identifying: the need, level, area, states and times (statistics read
it). What the victim agreed to share (a first name, a contact route, ...) is in
`referral_disclosures`, read only by the receiving service and the case's restricted roles, every
read audited, like `party_identities`.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ARRAY, ForeignKey, Index, String, Text, Uuid
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column, relationship

from asb_core.agencies.models import Agency
from asb_core.directory.models import DirectoryService
from asb_core.orm import Base, agency_fk, case_fk, one_of, uuid_pk

REFERRAL_STATES = ("sent", "accepted", "declined", "no_response", "closed")
OUTCOMES = ("engaged", "did_not_engage", "not_eligible")
CONSENT_BASES = ("consent", "legal_basis")
# Which state may follow which (closed needs an outcome).
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "sent": ("accepted", "declined", "no_response"),
    "accepted": ("closed",),
    "declined": ("closed",),
    "no_response": ("accepted", "declined", "closed"),
    "closed": (),
}


class Referral(Base):
    __tablename__ = "referrals"
    __table_args__ = (
        one_of("state", REFERRAL_STATES),
        one_of("consent_basis", CONSENT_BASES),
        Index("ix_referrals_case_id_sent_at", "case_id", "sent_at", "id"),
        Index("ix_referrals_receiving_agency_id_sent_at", "receiving_agency_id", "sent_at", "id"),
    )

    id: Mapped[uuid.UUID] = uuid_pk()
    case_id: Mapped[uuid.UUID] = case_fk()
    service_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("directory_services.id"))
    party_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("parties.id", ondelete="CASCADE"))
    referring_agency_id: Mapped[uuid.UUID] = agency_fk()
    # The agency whose key answers for the service (None: the referring officer records it).
    receiving_agency_id: Mapped[uuid.UUID | None] = agency_fk()
    need: Mapped[str] = mapped_column(String(40))
    level: Mapped[str] = mapped_column(String(16))
    area: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16))
    consent_basis: Mapped[str] = mapped_column(String(16))
    legal_basis: Mapped[str | None] = mapped_column(Text)
    shared_fields: Mapped[list[str]] = mapped_column(ARRAY(Text))
    reason: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str | None] = mapped_column(String(16))
    handover_target_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("targets.id", ondelete="SET NULL"))
    created_by_principal_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    sent_at: Mapped[datetime] = mapped_column()
    answered_at: Mapped[datetime | None] = mapped_column()
    accepted_at: Mapped[datetime | None] = mapped_column()
    closed_at: Mapped[datetime | None] = mapped_column()
    updated_at: Mapped[datetime] = mapped_column()

    service: Mapped[DirectoryService] = relationship(lazy="joined")
    referring_agency: Mapped[Agency] = relationship(foreign_keys=[referring_agency_id],
                                                    lazy="joined")


class ReferralDisclosure(Base):
    """Restricted: what the referred person agreed the service may know. Never logged."""

    __tablename__ = "referral_disclosures"

    referral_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("referrals.id", ondelete="CASCADE"), primary_key=True)
    data: Mapped[dict] = mapped_column(JSONB)

    def __repr__(self) -> str:
        return f"<ReferralDisclosure {self.referral_id} (restricted)>"
