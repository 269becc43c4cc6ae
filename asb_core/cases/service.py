"""Cases: open from a first-contact assessment, read, list, change (optimistic version check),
close and reopen.

Closing: the outcome and a final victim update are required; the final update meets the open
victim_update target, and every other open target is closed out (`closed_at` set, state kept)
so it leaves work queues and the breach sweep. Reopening starts a fresh set of level targets from
the moment of reopening.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import and_, exists, or_, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession

import harm_model as hm
from asb_core import access, clock
from asb_core.actor import Actor
from asb_core.agencies import repository as agency_repo
from asb_core.assessments.service import flags_of, run_assessment, store_assessment
from asb_core.audit import chain as audit
from asb_core.cases import events
from asb_core.cases import repository as case_repo
from asb_core.cases.models import Case, EscalationState
from asb_core.errors import Conflict, Forbidden, PreconditionFailed, ValidationFailed
from asb_core.escalation import flags as flag_writer
from asb_core.escalation.models import EscalationFlag
from asb_core.pagination import TIME_ID, Page, check_limit, decode_cursor, page_of
from asb_core.parties.lookup_digest import address_digest, load_pepper, phone_digest
from asb_core.parties.models import CONSENT_STATES, Party, PartyIdentity
from asb_core.sharing.models import Membership
from asb_core.targets import repository as target_repo
from asb_core.targets.models import Target
from asb_core.updates.service import record_update

OPEN_STATUSES = ("open", "active", "review")
IDENTITY_FIELDS = ("name", "phone", "email", "address", "date_of_birth")


def _invalid(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(f"{field}: {message}", errors=[{"field": field, "message": message}])


def _parse_dob(value: object, field: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise _invalid(field, "a date (YYYY-MM-DD)") from None


def check_consent(consent: object, field: str = "consent") -> tuple[str, str | None]:
    if not isinstance(consent, dict) or consent.get("state") not in CONSENT_STATES:
        raise _invalid(f"{field}.state", f"one of {', '.join(CONSENT_STATES)}")
    basis = consent.get("legal_basis")
    if basis is not None and (not isinstance(basis, str) or not basis.strip()):
        raise _invalid(f"{field}.legal_basis", "a non-empty text")
    return consent["state"], basis


def identity_row(
    party_id: uuid.UUID, values: dict, prefix: str, pepper: bytes
) -> PartyIdentity:
    for name in ("name", "phone", "email", "address"):
        v = values.get(name)
        if v is not None and not isinstance(v, str):
            raise _invalid(f"{prefix}{name}", "a text")
    return PartyIdentity(
        party_id=party_id,
        name=values.get("name"),
        phone=values.get("phone"),
        email=values.get("email"),
        address=values.get("address"),
        date_of_birth=_parse_dob(values.get("date_of_birth"), f"{prefix}date_of_birth"),
        phone_digest=phone_digest(pepper, values.get("phone")),
        address_digest=address_digest(pepper, values.get("address")),
    )


async def open_case(
    session: AsyncSession,
    actor: Actor,
    *,
    area: str,
    answers: dict,
    victim: dict,
    consent: dict,
    judgement: dict | None = None,
    summary: str | None = None,
    policy_version: str | None = None,
    now: datetime | None = None,
) -> Case:
    access.require(actor, "case.open")
    if actor.agency_id is None:
        raise Forbidden("only an agency's principal can open a case")
    now = clock.utcnow(now)
    if not isinstance(area, str) or not area.strip():
        raise _invalid("area", "required")
    if not isinstance(victim, dict) or victim.get("role", "victim") not in (
        "victim",
        "complainant",
    ):
        raise _invalid("victim.role", "victim or complainant")
    state, legal_basis = check_consent(consent)
    result = run_assessment(actor, answers, judgement, policy_version)

    case = Case(
        id=uuid.uuid4(),
        reference=await case_repo.next_reference(session, now),
        area=area.strip(),
        status="open",
        risk_level=result.level.value,
        lead_agency_id=actor.agency_id,
        created_by_agency_id=actor.agency_id,
        created_by_principal_id=actor.principal_id,
        summary=summary,
        version=1,
        opened_at=now,
        updated_at=now,
    )
    session.add(case)
    await session.flush()
    session.add(
        Membership(
            case_id=case.id, agency_id=actor.agency_id, since=now, invited_by_agency_id=None,
            # The opening agency collected the data itself; consent or not, it holds it.
            consent_basis="consent" if state == "given" else "legal_basis",
            legal_basis=None if state == "given" else (legal_basis or "collecting agency"),
        )
    )
    role = victim.get("role", "victim")
    party = Party(
        id=uuid.uuid4(), case_id=case.id, role=role,
        display_name=victim.get("display_name") or f"{role.title()} 1",
        consent_state=state, consent_recorded_at=now, consent_legal_basis=legal_basis,
        created_by_agency_id=actor.agency_id, created_at=now,
    )
    session.add(party)
    await session.flush()
    session.add(identity_row(party.id, victim, "victim.", await load_pepper(session)))
    session.add(
        EscalationState(
            case_id=case.id, policy_version=result.policy_version,
            state=hm.empty_state(result.policy_version).to_json(), incidents=0, updated_at=now,
        )
    )
    for t in hm.initial_targets(result.level, now, result.policy_version):
        session.add(target_repo.new_target(case.id, t.kind, t.level.value, t.started_at, t.due_at))
    await session.flush()
    await events.event(session, actor, case.id, "case_opened", now, case.id,
                         reference=case.reference, level=case.risk_level)
    await audit.record(
        session, actor, "case.open", case_id=case.id, entity="case", entity_id=case.id,
        detail={"reference": case.reference, "area": case.area, "level": case.risk_level},
    )
    await audit.record(
        session, actor, "party.add", case_id=case.id, entity="party", entity_id=party.id,
        fields=[f for f in IDENTITY_FIELDS if victim.get(f) is not None],
        detail={"role": role, "consent": state},
    )
    stored = await store_assessment(session, actor, case.id, result, now)
    await flag_writer.apply_flags(
        session, actor, case.id, flags_of(result, stored, now), "assessment", now
    )
    return await case_repo.reload(session, case.id)


async def get_case(session: AsyncSession, actor: Actor, case_id: object) -> Case:
    return await case_repo.load_case(session, actor, case_id, "case.read")


async def list_cases(
    session: AsyncSession,
    actor: Actor,
    *,
    level: str | None = None,
    status: str | None = None,
    flag: str | None = None,
    target_state: str | None = None,
    area: str | None = None,
    limit: int = 50,
    cursor: str | None = None,
    now: datetime | None = None,
) -> Page:
    """Cases the actor may see, newest first, keyset-paginated on (opened_at, id)."""
    check_limit(limit)
    access.require(actor, "case.read")
    now = clock.utcnow(now)
    stmt = access.readable_cases(actor)
    if level is not None:
        stmt = stmt.where(Case.risk_level == level)
    if status is not None:
        stmt = stmt.where(Case.status == status)
    if area is not None:
        stmt = stmt.where(Case.area == area)
    if flag is not None:
        stmt = stmt.where(
            exists().where(
                EscalationFlag.case_id == Case.id,
                EscalationFlag.rule_id == flag,
                EscalationFlag.cleared_at.is_(None),
            )
        )
    if target_state is not None:
        open_t = and_(Target.case_id == Case.id, Target.closed_at.is_(None))
        if target_state == "breached":
            cond = or_(Target.state == "breached", and_(Target.state == "due", Target.due_at < now))
        elif target_state in ("due", "met"):
            cond = Target.state == target_state
        else:
            raise _invalid("target_state", "due, met or breached")
        stmt = stmt.where(exists().where(open_t, cond))
    key = decode_cursor(cursor, 2, convert=TIME_ID)
    if key:
        stmt = stmt.where(
            tuple_(Case.opened_at, Case.id) < tuple(key)
        )
    stmt = stmt.order_by(Case.opened_at.desc(), Case.id.desc()).limit(limit + 1)
    rows = (await session.execute(stmt)).unique().scalars().all()
    return page_of(list(rows), limit, lambda c: (c.opened_at.isoformat(), c.id))


async def update_case(
    session: AsyncSession, actor: Actor, case_id: object, *, expected_version: int, changes: dict
) -> Case:
    case = await case_repo.load_case(session, actor, case_id, "case.update")
    if not isinstance(expected_version, int) or isinstance(expected_version, bool):
        raise _invalid("If-Match", "the case version you last read")
    allowed = {"summary", "status", "area", "lead_agency"}
    unknown = sorted(set(changes) - allowed)
    if unknown:
        raise _invalid(unknown[0], "cannot be changed here")
    values: dict = {}
    if "summary" in changes:
        if changes["summary"] is not None and not isinstance(changes["summary"], str):
            raise _invalid("summary", "a text")
        values["summary"] = changes["summary"]
    if "status" in changes:
        if changes["status"] not in OPEN_STATUSES:
            raise _invalid("status", "open, active or review (close with the close action)")
        if case.status == "closed":
            raise Conflict("the case is closed: reopen it first")
        values["status"] = changes["status"]
    if "area" in changes:
        if not isinstance(changes["area"], str) or not changes["area"].strip():
            raise _invalid("area", "required")
        values["area"] = changes["area"].strip()
    if "lead_agency" in changes:
        access.require(actor, "case.reassign_lead")
        lead = await agency_repo.agency_by_slug(session, changes["lead_agency"], "lead_agency")
        if not await case_repo.is_member(session, case.id, lead.id):
            raise _invalid("lead_agency", "must be a member agency")
        values["lead_agency_id"] = lead.id
    case = await case_repo.bump(session, case, expected_version=expected_version, **values)
    now = case.updated_at
    fields = sorted(changes)
    await events.event(session, actor, case.id, "case_updated", now, case.id,
                         fields=fields, version=case.version)
    await audit.record(
        session, actor, "case.update", case_id=case.id, entity="case", entity_id=case.id,
        fields=fields, detail={"version": case.version,
                               **({"lead_agency": changes["lead_agency"]}
                                  if "lead_agency" in changes else {})},
    )
    return case


async def close_case(
    session: AsyncSession,
    actor: Actor,
    case_id: object,
    *,
    outcome: str,
    final_victim_update: str,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Case:
    now = clock.utcnow(now)
    case = await case_repo.load_case(session, actor, case_id, "case.close", lock=True)
    errors = []
    if not isinstance(outcome, str) or not outcome.strip():
        errors.append({"field": "outcome", "message": "closing a case needs an outcome"})
    if not isinstance(final_victim_update, str) or not final_victim_update.strip():
        errors.append({"field": "final_victim_update",
                       "message": "tell the victim the case is closing, and record it"})
    if errors:
        raise ValidationFailed("cannot close the case", errors=errors)
    if case.status == "closed":
        raise Conflict("the case is already closed")
    if expected_version is not None and expected_version != case.version:
        raise PreconditionFailed("the case has changed; fetch it again")
    await record_update(session, actor, case, kind="victim_update", text=final_victim_update,
                        owner_agency=None, due_at=None, now=now)
    await session.execute(
        update(Target)
        .where(Target.case_id == case.id, Target.state != "met", Target.closed_at.is_(None))
        .values(closed_at=now)
        .execution_options(synchronize_session=False)
    )
    case = await case_repo.bump(session, case, expected_version=expected_version, now=now,
                               status="closed", closed_at=now, outcome=outcome)
    await events.event(session, actor, case.id, "case_closed", now, case.id, outcome=outcome)
    await audit.record(session, actor, "case.close", case_id=case.id, entity="case",
                       entity_id=case.id, detail={"outcome": outcome})
    return case


async def reopen_case(
    session: AsyncSession, actor: Actor, case_id: object, *, reason: str,
    now: datetime | None = None,
) -> Case:
    now = clock.utcnow(now)
    case = await case_repo.load_case(session, actor, case_id, "case.reopen", lock=True)
    if not isinstance(reason, str) or not reason.strip():
        raise _invalid("reason", "say why the case is reopened")
    if case.status != "closed":
        raise Conflict("the case is not closed")
    case = await case_repo.bump(session, case, now=now, status="open", closed_at=None,
                               outcome=None)
    for t in hm.initial_targets(case.risk_level, now):
        session.add(target_repo.new_target(case.id, t.kind, t.level.value, t.started_at, t.due_at))
    await session.flush()
    await events.event(session, actor, case.id, "case_reopened", now, case.id, reason=reason)
    await audit.record(session, actor, "case.reopen", case_id=case.id, entity="case",
                       entity_id=case.id, justification=reason)
    return case
