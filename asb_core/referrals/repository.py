"""Statements of the referrals slice: a new referral and its disclosure, one referral as the
caller may see it (a member of its case, or the agency answering for its service), a case's
referrals and an agency's received ones, the case's context for suggestions, and the counts the
statistics read."""

from __future__ import annotations

import uuid

from sqlalchemy import bindparam, select, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core import access
from asb_core.actor import Actor
from asb_core.assessments.models import Assessment
from asb_core.cases.models import Case
from asb_core.escalation.models import EscalationFlag
from asb_core.incidents.models import Incident
from asb_core.pagination import ascending_page
from asb_core.referrals.models import Referral, ReferralDisclosure


async def insert(session: AsyncSession, disclosure: dict, **values: object) -> Referral:
    row = Referral(id=uuid.uuid4(), **values)
    session.add(row)
    await session.flush()
    session.add(ReferralDisclosure(referral_id=row.id, data=disclosure))
    await session.flush()
    return await reload(session, row.id)


async def reload(session: AsyncSession, referral_id: uuid.UUID) -> Referral:
    found = await session.execute(select(Referral).where(Referral.id == referral_id)
                                  .execution_options(populate_existing=True))
    return found.unique().scalar_one()


def readable(actor: Actor):
    """The referrals `actor` may see (access policy); anything else is not found."""
    return access.readable_referral_rows(actor, Referral.case_id, Referral.receiving_agency_id)


async def visible(session: AsyncSession, actor: Actor, referral_id: uuid.UUID, *,
                  lock: bool = False) -> Referral | None:
    stmt = select(Referral).where(Referral.id == referral_id, readable(actor))
    if lock:
        stmt = stmt.with_for_update(of=Referral)
    found = await session.execute(stmt.execution_options(populate_existing=True))
    return found.unique().scalar_one_or_none()


async def lock_case(session: AsyncSession, case_id: uuid.UUID) -> Case:
    """The referral's case, row-locked (its targets and timeline change with the referral)."""
    found = await session.execute(select(Case).where(Case.id == case_id).with_for_update(of=Case)
                                  .execution_options(populate_existing=True))
    return found.unique().scalar_one()


async def disclosure(session: AsyncSession, referral_id: uuid.UUID) -> dict | None:
    """Restricted: what was shared with the service."""
    row = await session.get(ReferralDisclosure, referral_id)
    return dict(row.data) if row else None


async def case_page(session: AsyncSession, case_id: uuid.UUID, limit: int,
                    cursor: str | None) -> list[Referral]:
    stmt = select(Referral).where(Referral.case_id == case_id)
    return list(await ascending_page(session, stmt, (Referral.sent_at, Referral.id), cursor,
                                     limit))


async def received_page(session: AsyncSession, agency_id: uuid.UUID, state: str | None,
                        limit: int, cursor: str | None) -> list[Referral]:
    stmt = select(Referral).where(Referral.receiving_agency_id == agency_id)
    if state is not None:
        stmt = stmt.where(Referral.state == state)
    return list(await ascending_page(session, stmt, (Referral.sent_at, Referral.id), cursor,
                                     limit))


async def latest_assessment(session: AsyncSession, case_id: uuid.UUID) -> Assessment | None:
    found = await session.execute(select(Assessment).where(Assessment.case_id == case_id)
                                  .order_by(Assessment.assessed_at.desc(), Assessment.id.desc())
                                  .limit(1))
    return found.unique().scalar_one_or_none()


async def open_flags(session: AsyncSession, case_id: uuid.UUID) -> list[str]:
    found = await session.execute(select(EscalationFlag.rule_id).distinct().where(
        EscalationFlag.case_id == case_id, EscalationFlag.cleared_at.is_(None)))
    return list(found.scalars())


async def categories(session: AsyncSession, case_id: uuid.UUID) -> list[str]:
    found = await session.execute(select(Incident.category).distinct().where(
        Incident.case_id == case_id))
    return list(found.scalars())


async def referred_services(session: AsyncSession, case_id: uuid.UUID) -> set[uuid.UUID]:
    found = await session.execute(select(Referral.service_id).where(
        Referral.case_id == case_id, Referral.state != "closed"))
    return set(found.scalars())


# A referral's webhook event, written to the outbox in the transaction of the change, with one
# delivery per subscription of a member agency (as the timeline trigger does for the case's
# events). The payload is the case document every event carries and the referral's own
# non-identifying fields.
_ANNOUNCE = text(
    """
    WITH ins AS (
      INSERT INTO outbox_events (id, event_type, case_id, occurred_at, payload, created_at)
      SELECT gen_random_uuid(), 'referral.changed', CAST(:case_id AS uuid), :at,
             jsonb_build_object('case', webhook_case_doc(CAST(:case_id AS uuid)),
                                'by_agency', CAST(:agency AS text),
                                'entity_id', CAST(:referral_id AS uuid),
                                'referral', CAST(:referral AS jsonb)),
             now()
      WHERE EXISTS (
        SELECT 1 FROM webhook_subscriptions s
        JOIN case_members m ON m.agency_id = s.agency_id AND m.case_id = CAST(:case_id AS uuid)
        WHERE s.active AND 'referral.changed' = ANY (s.event_types))
      RETURNING id
    )
    INSERT INTO webhook_deliveries (id, event_id, subscription_id, state, attempts,
                                    next_attempt_at, created_at)
    SELECT gen_random_uuid(), ins.id, s.id, 'pending', 0, now(), now()
    FROM ins
    JOIN case_members m ON m.case_id = CAST(:case_id AS uuid)
    JOIN webhook_subscriptions s ON s.agency_id = m.agency_id
    WHERE s.active AND 'referral.changed' = ANY (s.event_types)
    """
).bindparams(bindparam("referral", type_=JSONB))


async def announce(session: AsyncSession, actor: Actor, row: Referral, at,
                   previous: str | None) -> None:
    """The `referral.changed` webhook event: no identity, only what the referral is."""
    doc = {"id": str(row.id), "service_id": str(row.service_id), "service": row.service.name,
           "need": row.need, "level": row.level, "area": row.area, "state": row.state,
           "previous_state": previous, "outcome": row.outcome,
           "consent_basis": row.consent_basis}
    await session.execute(_ANNOUNCE, {"case_id": row.case_id, "at": at,
                                      "agency": actor.agency_slug, "referral_id": row.id,
                                      "referral": doc})
