"""Statements on the case row: loading a case through the access policy (every read of a case
starts from `access.readable_cases`), a page of the cases a caller may see, reloading a case,
bumping its version, case references, membership checks, a page of a case's timeline and its
closures (one row per closing)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TypeVar

from sqlalchemy import and_, exists, or_, select, tuple_, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core import access
from asb_core.actor import Actor
from asb_core.cases.models import Case, CaseClosure, CaseEvent, CaseReferenceCounter
from asb_core.clock import utcnow
from asb_core.errors import PreconditionFailed
from asb_core.escalation.models import EscalationFlag
from asb_core.pagination import TIME_ID, TIME_SEQ, ascending_page, decode_cursor
from asb_core.sharing.models import Membership
from asb_core.targets.models import Target

T = TypeVar("T")

# The states a case's open targets can be filtered on (list_cases' target_state).
TARGET_STATES = ("due", "met", "breached")


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


async def case_by_reference(session: AsyncSession, actor: Actor, reference: str) -> Case | None:
    """The case with this reference if `actor` may see it (access policy), else None."""
    stmt = access.readable_cases(actor).where(Case.reference == reference)
    return (await session.execute(stmt)).unique().scalar_one_or_none()


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
    """Change the case row and increment its version in one UPDATE (`bump_row`)."""
    await bump_row(session, case, f"case {case.reference}", expected_version=expected_version,
                   now=now, **values)
    return await reload(session, case.id)


async def bump_row(
    session: AsyncSession, row: object, what: str, *, expected_version: int | None,
    now: datetime | None, **values: object,
) -> None:
    """Change a versioned row (a case, a party: `id`, `version`, `updated_at`) and increment
    its version in one UPDATE.

    With `expected_version` the UPDATE only matches that version: a writer that read an older
    version changes nothing and is refused (no lost update between agencies).
    """
    model = type(row)
    stmt = (
        update(model)
        .where(model.id == row.id)
        .values(version=model.version + 1, updated_at=utcnow(now), **values)
        .returning(model.version)
        .execution_options(synchronize_session=False)
    )
    if expected_version is not None:
        stmt = stmt.where(model.version == expected_version)
    if (await session.execute(stmt)).scalar_one_or_none() is None:
        raise PreconditionFailed(
            f"{what} has changed since version {expected_version}; fetch it again and retry")


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


async def row_of_case(
    session: AsyncSession, model: type[T], case_id: uuid.UUID, row_id: uuid.UUID, *,
    lock: bool = False,
) -> T | None:
    """The row of a case's child table (`model`: a target, an update, a case review...) with
    this id, if it belongs to the case; `lock=True` takes its row lock (SELECT ... FOR UPDATE)."""
    stmt = select(model).where(model.id == row_id, model.case_id == case_id)
    if lock:
        stmt = stmt.with_for_update(of=model)
    return (await session.execute(stmt)).scalar_one_or_none()


async def is_member(session: AsyncSession, case_id: uuid.UUID, agency_id: uuid.UUID) -> bool:
    found = await session.execute(
        select(Membership.id).where(
            Membership.case_id == case_id, Membership.agency_id == agency_id
        )
    )
    return found.first() is not None


def _has_open_flag(rule_id: str):
    return exists().where(
        EscalationFlag.case_id == Case.id,
        EscalationFlag.rule_id == rule_id,
        EscalationFlag.cleared_at.is_(None),
    )


def _has_open_target(state: str, now: datetime):
    """An open target of the case in `state` (one of TARGET_STATES): breached means swept to
    breached, or still due but past its due time."""
    open_t = and_(Target.case_id == Case.id, Target.closed_at.is_(None))
    if state == "breached":
        cond = or_(Target.state == "breached", and_(Target.state == "due", Target.due_at < now))
    else:
        cond = Target.state == state
    return exists().where(open_t, cond)


async def cases_page(
    session: AsyncSession, actor: Actor, limit: int, cursor: str | None, *, now: datetime,
    level: str | None = None, status: str | None = None, area: str | None = None,
    flag: str | None = None, target_state: str | None = None, reference: str | None = None,
) -> list[Case]:
    """The cases `actor` may see (access policy) matching the filters given, newest first,
    after the keyset `cursor` on (opened_at, id); limit+1 of them."""
    stmt = access.readable_cases(actor)
    for column, value in ((Case.risk_level, level), (Case.status, status), (Case.area, area),
                          (Case.reference, reference)):
        if value is not None:
            stmt = stmt.where(column == value)
    if flag is not None:
        stmt = stmt.where(_has_open_flag(flag))
    if target_state is not None:
        stmt = stmt.where(_has_open_target(target_state, now))
    key = decode_cursor(cursor, 2, convert=TIME_ID)
    if key:
        stmt = stmt.where(tuple_(Case.opened_at, Case.id) < tuple(key))
    stmt = stmt.order_by(Case.opened_at.desc(), Case.id.desc()).limit(limit + 1)
    return list((await session.execute(stmt)).unique().scalars().all())


async def events_page(
    session: AsyncSession, case_id: uuid.UUID, limit: int, cursor: str | None
) -> list[CaseEvent]:
    """A case's timeline events in time order, after the keyset `cursor` on (at, seq) (the
    (case_id, at, seq) index); limit+1 of them."""
    return await ascending_page(
        session, select(CaseEvent).where(CaseEvent.case_id == case_id),
        (CaseEvent.at, CaseEvent.seq), cursor, limit, TIME_SEQ,
    )


async def last_open_closure(session: AsyncSession, case_id: uuid.UUID) -> CaseClosure | None:
    """The closure the case is closed by (its latest, not yet reopened), locked."""
    stmt = (select(CaseClosure)
            .where(CaseClosure.case_id == case_id, CaseClosure.reopened_at.is_(None))
            .order_by(CaseClosure.closed_at.desc()).limit(1)
            .with_for_update(of=CaseClosure))
    return (await session.execute(stmt)).unique().scalar_one_or_none()


async def closures_of_case(session: AsyncSession, case_id: uuid.UUID) -> list[CaseClosure]:
    """Every closing of the case, oldest first."""
    stmt = (select(CaseClosure).where(CaseClosure.case_id == case_id)
            .order_by(CaseClosure.closed_at, CaseClosure.id))
    return list((await session.execute(stmt)).unique().scalars().all())
