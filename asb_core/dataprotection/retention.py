"""Applying the retention schedules: closed cases past their period are anonymised.

A case is due when it is closed, not anonymised yet, and its lead agency's kind's schedule
(`retention_schedules`, else the `default` row) has run out since it was closed; a case under
an active legal hold is skipped and reported as held. Anonymising is `dataprotection.rules`
applied to the case, `cases.anonymised_at` set, and one `retention.anonymise` audit event
naming the schedule and how many rows of each table changed (never a value).

`plan` finds the due and held cases; `anonymise_case` anonymises one (its own unit of work,
so a long run keeps what it has done; the case is locked and checked again first); `run` does
both with an optional progress callback, as `asb retention run` and `asb worker` do. A dry run
counts what would change and changes nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import and_, func, literal, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from asb_core import access, clock
from asb_core.actor import Actor
from asb_core.agencies.models import Agency
from asb_core.audit import chain as audit
from asb_core.cases import repository as case_repo
from asb_core.cases.models import Case
from asb_core.dataprotection import redaction
from asb_core.dataprotection.models import DEFAULT_KIND, LegalHold, RetentionSchedule
from asb_core.uow import unit_of_work


@dataclass(frozen=True)
class DueCase:
    case_id: uuid.UUID
    reference: str
    lead_agency_kind: str
    schedule: str  # the schedule row applied (an agency kind, or "default")
    closed_at: datetime
    due_at: datetime


@dataclass(frozen=True)
class HeldCase:
    case_id: uuid.UUID
    reference: str
    due_at: datetime
    hold_id: uuid.UUID
    until: datetime | None


@dataclass
class RetentionReport:
    at: datetime
    dry_run: bool
    schedules: list[RetentionSchedule] = field(default_factory=list)
    due: list[DueCase] = field(default_factory=list)
    held: list[HeldCase] = field(default_factory=list)
    anonymised: list[str] = field(default_factory=list)  # references
    skipped: list[str] = field(default_factory=list)  # changed since the plan (reopened, held)
    changes: dict[str, int] = field(default_factory=dict)  # rows per table
    vacuumed: list[str] = field(default_factory=list)  # tables vacuumed after the run (CLI)


def active_hold(case_id_column, now: datetime):
    """The condition that a hold on the case is in force at `now`."""
    return and_(LegalHold.case_id == case_id_column, LegalHold.released_at.is_(None),
                or_(LegalHold.until.is_(None), LegalHold.until > now))


async def schedules(session: AsyncSession) -> list[RetentionSchedule]:
    return list((await session.execute(
        select(RetentionSchedule).order_by(RetentionSchedule.agency_kind))).scalars())


def _due_statement(actor: Actor, now: datetime):
    own = aliased(RetentionSchedule)
    default = aliased(RetentionSchedule)
    days = func.coalesce(own.anonymise_after_days, default.anonymise_after_days)
    due_at = Case.closed_at + func.make_interval(0, 0, 0, days)
    hold = (select(LegalHold.id, LegalHold.until).where(active_hold(Case.id, now))
            .order_by(LegalHold.placed_at).limit(1).lateral("hold"))
    return (
        select(Case.id, Case.reference, Agency.kind,
               func.coalesce(own.agency_kind, default.agency_kind), Case.closed_at,
               due_at.label("due_at"), hold.c.id, hold.c.until)
        .join(Agency, Agency.id == Case.lead_agency_id)
        .outerjoin(own, own.agency_kind == Agency.kind)
        .outerjoin(default, default.agency_kind == literal(DEFAULT_KIND))
        .outerjoin(hold, literal(True))
        .where(access.data_protection_filter(actor), Case.status == "closed",
               Case.anonymised_at.is_(None), Case.closed_at.is_not(None), due_at <= now)
        .order_by(Case.closed_at, Case.id)
    )


@unit_of_work
async def plan(session: AsyncSession, actor: Actor, *, now: datetime | None = None,
               dry_run: bool = True) -> RetentionReport:
    """The cases due for anonymising at `now` among those `actor` may do data protection work
    on (the operator: all), and those held back by a legal hold."""
    access.require(actor, "retention.read")
    now = clock.utcnow(now)
    report = RetentionReport(now, dry_run, await schedules(session))
    for row in (await session.execute(_due_statement(actor, now))).all():
        cid, ref, kind, schedule, closed, due, hold_id, until = row
        if hold_id is not None:
            report.held.append(HeldCase(cid, ref, due, hold_id, until))
        else:
            report.due.append(DueCase(cid, ref, kind, schedule, closed, due))
    return report


@unit_of_work
async def anonymise_case(session: AsyncSession, actor: Actor, due: DueCase, *,
                         now: datetime | None = None, dry_run: bool = False
                         ) -> dict[str, int] | None:
    """Anonymise one due case (a dry run: count what would change); None when the case is no
    longer due (reopened, held or anonymised since the plan)."""
    now = clock.utcnow(now)
    if not dry_run:
        access.require(actor, "retention.run")
    case = (await session.execute(
        select(Case).where(Case.id == due.case_id, access.data_protection_filter(actor))
        .with_for_update(of=Case).execution_options(populate_existing=True)
    )).unique().scalar_one_or_none()
    held = (await session.execute(select(LegalHold.id).where(active_hold(due.case_id, now))
                                  .limit(1))).first()
    if (case is None or case.status != "closed" or case.anonymised_at is not None
            or case.closed_at != due.closed_at or held is not None):
        return None
    changes = await redaction.anonymise(session, [case.id], now, dry_run=dry_run)
    if dry_run:
        return changes
    # The case's representation changed (summary, outcome): its version moves, as for any
    # change, so a client holding an old ETag re-reads it.
    await case_repo.bump(session, case, now=now, anonymised_at=now)
    await audit.record(
        session, actor, "retention.anonymise", case_id=case.id, entity="case",
        entity_id=case.id, at=now,
        detail={"schedule": due.schedule,
                "closed_at": due.closed_at.isoformat(), "due_at": due.due_at.isoformat(),
                "changed": {t: n for t, n in changes.items() if n}})
    return changes


async def run(session: AsyncSession, actor: Actor, *, now: datetime | None = None,
              dry_run: bool = False, progress: Callable[[int, int], None] | None = None
              ) -> RetentionReport:
    """Plan, then anonymise each due case in its own unit of work (joined to the caller's
    transaction when one is open), calling `progress(done, total)` after each."""
    now = clock.utcnow(now)
    report = await plan(session, actor, now=now, dry_run=dry_run)
    if progress:
        progress(0, len(report.due))
    for i, due in enumerate(report.due, 1):
        changes = await anonymise_case(session, actor, due, now=now, dry_run=dry_run)
        if changes is None:
            report.skipped.append(due.reference)
        else:
            report.anonymised.append(due.reference)
            for table, n in changes.items():
                report.changes[table] = report.changes.get(table, 0) + n
        if progress:
            progress(i, len(report.due))
    return report


def report_lines(report: RetentionReport) -> list[str]:
    """The report as text: what was (or, in a dry run, would be) anonymised and held."""
    verb = "would anonymise" if report.dry_run else "anonymised"
    lines = [f"retention {'dry run' if report.dry_run else 'run'} at "
             f"{report.at.isoformat()}: {verb} {len(report.anonymised)} case(s); "
             f"{len(report.held)} held by a legal hold; {len(report.skipped)} changed since "
             "planned"]
    for d in report.due:
        if d.reference in report.anonymised:
            lines.append(f"  {d.reference}: closed {d.closed_at.date()}, due "
                         f"{d.due_at.date()} ({d.schedule} schedule)")
    for h in report.held:
        until = h.until.date().isoformat() if h.until else "released"
        lines.append(f"  {h.reference}: HELD (hold {h.hold_id}, until {until}); due "
                     f"{h.due_at.date()}")
    if report.changes:
        lines.append("rows " + ("that would change" if report.dry_run else "changed") + ":")
        lines.extend(f"  {t}: {n}" for t, n in sorted(report.changes.items()) if n)
    return lines



@unit_of_work
async def report(session: AsyncSession, actor: Actor, *, now: datetime | None = None
                 ) -> RetentionReport:
    """The data protection officer's retention report: a dry run over its agency's member
    cases, in one transaction (it changes nothing)."""
    return await run(session, actor, now=now, dry_run=True)
