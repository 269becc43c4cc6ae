"""Statements on case membership (which agencies share a case): a new member, removing one, a
case's members, and the victim's consent the sharing rule depends on."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core.agencies.models import Agency
from asb_core.cases import repository as case_repo
from asb_core.errors import NotFound
from asb_core.parties.models import CALLER_ROLES, Party
from asb_core.sharing.models import Membership


async def first_victim(session: AsyncSession, case_id: uuid.UUID) -> Party | None:
    """The case's first victim or complainant not removed (whose consent decides how the case
    is shared)."""
    return (
        await session.execute(
            select(Party)
            .where(Party.case_id == case_id, Party.role.in_(CALLER_ROLES),
                   Party.removed_at.is_(None))
            .order_by(Party.created_at, Party.id)
            .limit(1)
        )
    ).scalar_one_or_none()


async def add_member(
    session: AsyncSession, case_id: uuid.UUID, agency_id: uuid.UUID, *, since: datetime,
    invited_by_agency_id: uuid.UUID | None, consent_basis: str, legal_basis: str | None,
) -> Membership:
    member = Membership(
        case_id=case_id, agency_id=agency_id, since=since,
        invited_by_agency_id=invited_by_agency_id, consent_basis=consent_basis,
        legal_basis=legal_basis,
    )
    session.add(member)
    await session.flush()
    await session.refresh(member)
    return member


async def member_by_id(
    session: AsyncSession, case_id: uuid.UUID, member_id: uuid.UUID
) -> Membership:
    """A membership of the case (one a replayed share made); NotFound once it was removed."""
    member = await case_repo.row_of_case(session, Membership, case_id, member_id)
    if member is None:
        raise NotFound("the agency this request shared the case with was removed since")
    return member


async def remove_member(session: AsyncSession, case_id: uuid.UUID, agency_id: uuid.UUID) -> bool:
    """Delete the agency's membership of the case; False if it was not a member."""
    deleted = await session.execute(
        delete(Membership)
        .where(Membership.case_id == case_id, Membership.agency_id == agency_id)
        .returning(Membership.id)
    )
    return deleted.first() is not None


async def case_members(session: AsyncSession, case_id: uuid.UUID) -> list[Membership]:
    rows = await session.execute(
        select(Membership).where(Membership.case_id == case_id).order_by(Membership.since)
    )
    return list(rows.scalars().all())


async def has_member_of_kind(session: AsyncSession, case_id: uuid.UUID, kind: str) -> bool:
    """Whether an agency of `kind` (e.g. police) is a member of the case."""
    found = await session.execute(
        select(Membership.id)
        .join(Agency, Agency.id == Membership.agency_id)
        .where(Membership.case_id == case_id, Agency.kind == kind)
        .limit(1)
    )
    return found.first() is not None
