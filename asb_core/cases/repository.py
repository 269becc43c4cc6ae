"""Statements on the case row: loading a case through the access policy (every read of a case
starts from `access.readable_cases`), reloading it, bumping its version, case references and
membership checks."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core import access
from asb_core.actor import Actor
from asb_core.cases.models import Case, CaseReferenceCounter
from asb_core.clock import utcnow
from asb_core.errors import PreconditionFailed
from asb_core.sharing.models import Membership


async def load_case(
    session: AsyncSession,
    actor: Actor,
    case_id: object,
    action: str | None = None,
    *,
    lock: bool = False,
) -> Case:
    """The case if `actor` may see it (else NotFound), then `action` checked (else Forbidden).

    `lock=True` takes the case row lock (SELECT ... FOR UPDATE): writers that fold incidents or
    change targets on one case queue here, so concurrent posts never lose a fold.
    """
    cid = access.parse_uuid(case_id)
    stmt = access.readable_cases(actor).where(Case.id == cid)
    if lock:
        stmt = stmt.with_for_update(of=Case)
    case = (
        await session.execute(stmt.execution_options(populate_existing=True))
    ).unique().scalar_one_or_none()
    if case is None:
        raise access.not_found(case_id)
    if action is not None:
        access.require(actor, action)
    return case


async def reload(session: AsyncSession, case_id: uuid.UUID) -> Case:
    stmt = select(Case).where(Case.id == case_id).execution_options(populate_existing=True)
    return (await session.execute(stmt)).unique().scalar_one()


async def bump(
    session: AsyncSession,
    case: Case,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
    **values: object,
) -> Case:
    """Change the case row and increment its version in one UPDATE.

    With `expected_version` the UPDATE only matches that version: a writer that read an older
    version changes nothing and is refused (no lost update between agencies).
    """
    stmt = (
        update(Case)
        .where(Case.id == case.id)
        .values(version=Case.version + 1, updated_at=utcnow(now), **values)
        .returning(Case.version)
        .execution_options(synchronize_session=False)
    )
    if expected_version is not None:
        stmt = stmt.where(Case.version == expected_version)
    if (await session.execute(stmt)).scalar_one_or_none() is None:
        raise PreconditionFailed(
            f"case {case.reference} has changed since version {expected_version}; "
            "fetch it again and retry"
        )
    return await reload(session, case.id)


async def next_reference(session: AsyncSession, now: datetime) -> str:
    year = now.year
    stmt = (
        pg_insert(CaseReferenceCounter)
        .values(year=year, last=1)
        .on_conflict_do_update(
            index_elements=["year"], set_={"last": CaseReferenceCounter.last + 1}
        )
        .returning(CaseReferenceCounter.last)
    )
    number = (await session.execute(stmt)).scalar_one()
    return f"ASB-{year}-{number:06d}"


async def is_member(session: AsyncSession, case_id: uuid.UUID, agency_id: uuid.UUID) -> bool:

    found = await session.execute(
        select(Membership.id).where(
            Membership.case_id == case_id, Membership.agency_id == agency_id
        )
    )
    return found.first() is not None
