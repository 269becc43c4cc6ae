"""Mechanics shared by the case services: loading a case through the access policy, bumping its
version, writing timeline events, changing the level (targets recomputed) and raising flags.

Not called by the API directly: every public service authorises first, then uses these.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

import harm_model as hm
from asb_core import access
from asb_core.actor import Actor
from asb_core.agencies.models import Agency
from asb_core.audit import chain as audit
from asb_core.cases.models import Case, CaseEvent, CaseReferenceCounter
from asb_core.errors import NotFound, PreconditionFailed, ValidationFailed
from asb_core.escalation.models import EscalationFlag
from asb_core.targets.models import LEVEL_TARGET_KINDS, Target

# harm_model names the threshold-decision target differently from the API vocabulary.
TARGET_KIND_ALIASES = {"case_review_threshold_decision": "case_review_decision"}


def utcnow(now: datetime | None = None) -> datetime:
    if now is None:
        return datetime.now(UTC)
    if now.tzinfo is None:
        raise ValidationFailed("naive time", errors=[{"field": "now", "message": "needs a zone"}])
    return now.astimezone(UTC)


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


async def agency_by_slug(session: AsyncSession, slug: str | None, field: str) -> Agency:
    agency = None
    if isinstance(slug, str):
        agency = (
            await session.execute(select(Agency).where(Agency.slug == slug))
        ).scalar_one_or_none()
    if agency is None:
        raise ValidationFailed(
            f"no agency {slug!r}", errors=[{"field": field, "message": "unknown agency"}]
        )
    return agency


async def is_member(session: AsyncSession, case_id: uuid.UUID, agency_id: uuid.UUID) -> bool:
    from asb_core.sharing.models import Membership

    found = await session.execute(
        select(Membership.id).where(
            Membership.case_id == case_id, Membership.agency_id == agency_id
        )
    )
    return found.first() is not None


async def event(
    session: AsyncSession,
    actor: Actor,
    case_id: uuid.UUID,
    kind: str,
    at: datetime,
    entity_id: uuid.UUID | None = None,
    /,
    **summary: object,
) -> None:
    """One timeline item. Summaries never carry restricted identity."""
    session.add(
        CaseEvent(
            case_id=case_id,
            at=at,
            kind=kind,
            entity_id=entity_id,
            agency=actor.agency_slug,
            summary={k: _jsonable(v) for k, v in summary.items()},
        )
    )


def _jsonable(value: object) -> object:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


# --- targets ---------------------------------------------------------------------------------


def _state_of(t: Target) -> hm.TargetState:
    return hm.TargetState(
        kind=t.kind,
        level=hm.Level.parse(t.level),
        due_at=t.due_at,
        state=t.state,
        met_at=t.met_at,
        met_by=None,
        started_at=t.started_at,
        late_reason=t.late_reason,
    )


async def open_level_targets(session: AsyncSession, case_id: uuid.UUID) -> list[Target]:
    rows = (
        await session.execute(
            select(Target)
            .where(
                Target.case_id == case_id,
                Target.kind.in_(LEVEL_TARGET_KINDS),
                Target.closed_at.is_(None),
            )
            .order_by(Target.created_at, Target.id)
        )
    ).scalars().all()
    # The current target of each kind: the open one, else the latest met one.
    current: dict[str, Target] = {}
    for t in rows:
        held = current.get(t.kind)
        if held is None or t.state != "met" or held.state == "met":
            current[t.kind] = t
    return list(current.values())


def _spec_recurring(kind: str, level: str) -> bool:
    return any(s.recurring for s in hm.target_specs(level) if s.kind == kind)


async def set_level_targets(
    session: AsyncSession, case_id: uuid.UUID, level: str, now: datetime
) -> None:
    """Recompute the case's level targets for `level` from `now` (harm_model rule: a met target
    stays met, an open one gets the tighter of its due time and the new level's)."""
    rows = await open_level_targets(session, case_id)
    new_states = hm.recompute_targets([_state_of(t) for t in rows], level, now)
    for i, st in enumerate(new_states):
        if i < len(rows):
            row = rows[i]
            if row.state == "met":
                continue
            row.due_at, row.started_at, row.state = st.due_at, st.started_at, st.state
            row.level = st.level.value
        else:
            session.add(new_target(case_id, st.kind, st.level.value, st.started_at, st.due_at))
    await session.flush()


def new_target(
    case_id: uuid.UUID, kind: str, level: str | None, start: datetime, due: datetime
) -> Target:
    kind = TARGET_KIND_ALIASES.get(kind, kind)
    recurring = _spec_recurring(kind, level) if level else False
    return Target(
        id=uuid.uuid4(), case_id=case_id, kind=kind, level=level, recurring=recurring,
        started_at=start, due_at=due, state="due",
    )


async def change_level(
    session: AsyncSession,
    actor: Actor,
    case: Case,
    new_level: str,
    now: datetime,
    *,
    reason: str,
) -> Case:
    """Set the case's risk level (version bumped), recompute targets, record the change."""
    old = case.risk_level
    if new_level == old:
        return case
    case = await bump(session, case, now=now, risk_level=new_level)
    await set_level_targets(session, case.id, new_level, now)
    await event(session, actor, case.id, "level_change", now, None,
                **{"from": old, "to": new_level, "reason": reason})
    await audit.record(
        session, actor, "case.level_change", case_id=case.id, entity="case", entity_id=case.id,
        detail={"from": old, "to": new_level, "reason": reason},
    )
    return case


# --- flags -----------------------------------------------------------------------------------


async def apply_flags(
    session: AsyncSession,
    actor: Actor,
    case_id: uuid.UUID,
    computed: list[hm.Flag],
    source: str,
    now: datetime,
) -> list[EscalationFlag]:
    """Insert flags not already open; refresh evidence of open ones; clear this source's flags
    that no longer hold. Follow-up targets (hate review, share with police, reassessment) start
    when the flag is raised; level follow-ups are covered by the level change itself."""
    open_flags = {
        f.rule_id: f
        for f in (
            await session.execute(
                select(EscalationFlag).where(
                    EscalationFlag.case_id == case_id, EscalationFlag.cleared_at.is_(None)
                )
            )
        ).scalars()
    }
    raised: list[EscalationFlag] = []
    for flag in computed:
        held = open_flags.get(flag.rule_id)
        if held is not None:
            if held.source == source and list(held.evidence) != list(flag.evidence):
                held.evidence = list(flag.evidence)
            continue
        target_id = None
        spec = flag.follow_up
        if spec is not None and spec.kind not in LEVEL_TARGET_KINDS:
            target = new_target(case_id, spec.kind, None, now, hm.due_at(spec, now))
            session.add(target)
            await session.flush()  # the flag row references it
            target_id = target.id
        row = EscalationFlag(
            id=uuid.uuid4(), case_id=case_id, rule_id=flag.rule_id, source=source,
            evidence=list(flag.evidence), raised_at=now, text=flag.text,
            follow_up_target_id=target_id,
        )
        session.add(row)
        await session.flush()
        raised.append(row)
        await event(session, actor, case_id, "flag_raised", now, row.id,
                    rule_id=flag.rule_id, evidence=list(flag.evidence), text=flag.text)
        await audit.record(
            session, actor, "flag.raise", case_id=case_id, entity="escalation_flag",
            entity_id=row.id, detail={"rule_id": flag.rule_id},
        )
    if source == "incidents":
        still = {f.rule_id for f in computed}
        for rule_id, held in open_flags.items():
            if held.source == source and rule_id not in still:
                held.cleared_at = now
                await event(session, actor, case_id, "flag_cleared", now, held.id, rule_id=rule_id)
                await audit.record(
                    session, actor, "flag.clear", case_id=case_id, entity="escalation_flag",
                    entity_id=held.id, detail={"rule_id": rule_id},
                )
    await session.flush()
    return raised


async def get_agency(session: AsyncSession, agency_id: uuid.UUID) -> Agency:
    agency = await session.get(Agency, agency_id)
    if agency is None:
        raise NotFound("no such agency")
    return agency
