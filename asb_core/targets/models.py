"""Response targets keyed to the risk level, and follow-up targets raised by escalation rules.

Every target has an owner agency: the agency whose work it is (`owner_of`: the case's lead
agency when it is made, follow-up targets of escalation rules included), moved by reassigning it.

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
    "case_review_outcome",
    "case_review_recommendation",
    # A referral's handover: the receiving service accepts or declines it (referrals/).
    "referral_handover",
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
        # The owner's work queue: an agency's open targets in due order.
        Index(
            "ix_targets_owner_open_due_at",
            "owner_agency_id",
            "due_at",
            "id",
            postgresql_where=text("state IN ('due', 'breached') AND closed_at IS NULL"),
        ),
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
    owner_agency_id: Mapped[uuid.UUID] = agency_fk()
    closed_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    met_by_agency: Mapped[Agency | None] = relationship(
        foreign_keys=[met_by_agency_id], lazy="joined"
    )
    owner_agency: Mapped[Agency] = relationship(foreign_keys=[owner_agency_id], lazy="joined")

    @property
    def met_by_agency_slug(self) -> str | None:
        return self.met_by_agency.slug if self.met_by_agency else None

    @property
    def owner_agency_slug(self) -> str:
        return self.owner_agency.slug


# Who owns each kind of target when it is made. The level targets and the follow-ups of
# escalation rules (the hate review, sharing the case with a police agency, the reassessment, the
# Case Review clock) are the lead agency's to see done; a referral's handover is the referring
# agency's (it chases the service, or records that nobody answered).
TARGET_OWNERS: dict[str, str] = dict.fromkeys(TARGET_KINDS, "lead_agency") | {
    "referral_handover": "referring_agency"}


def owner_of(kind: str, lead_agency_id: uuid.UUID,
             referring_agency_id: uuid.UUID | None = None) -> uuid.UUID:
    """The owner of a new target of `kind` on a case led by `lead_agency_id` (TARGET_OWNERS). A
    target keeps its owner when its level changes or it recurs; reassigning moves it."""
    if TARGET_OWNERS[kind] == "referring_agency" and referring_agency_id is not None:
        return referring_agency_id
    return lead_agency_id


def follow_up_needed(kind: str, *, police_member: bool) -> bool:
    """Whether an escalation flag's follow-up target of `kind` is made: sharing the case with a
    police agency is not, when a police agency is already a member (nothing is left to do)."""
    return not (kind == "share_with_police" and police_member)
