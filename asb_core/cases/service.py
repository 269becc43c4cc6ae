"""Cases: open from a first-contact assessment, read, list, change (optimistic version check),
close and reopen.

Closing: the outcome, a final victim update and the victim's view at closure are required; the
final update meets the open victim_update target, and every other open target is closed out
(`closed_at` set, state kept) so it leaves work queues and the breach sweep. Each closing is a
`case_closures` row (outcome, the victim's view, who closed it, the case's area, level and lead
agency then); reopening records when, by whom and why on that row and starts a fresh set of
level targets from the moment of reopening, so the history of every closing is kept.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

import harm_model as hm
from asb_core import access, clock, idempotency
from asb_core.actor import Actor
from asb_core.agencies import repository as agency_repo
from asb_core.assessments.service import flags_of, run_assessment, store_assessment
from asb_core.audit import chain as audit
from asb_core.cases import events, versions
from asb_core.cases import repository as case_repo
from asb_core.cases.models import Case, CaseClosure, EscalationState
from asb_core.cases.schemas import CasePatchIn, CloseIn, OpenCaseIn, ReopenIn
from asb_core.cases.versions import IfMatch
from asb_core.errors import Conflict, Forbidden, PreconditionFailed, ValidationFailed
from asb_core.escalation import flags as flag_writer
from asb_core.idempotency import RequestKey
from asb_core.pagination import Page, check_limit, page_of
from asb_core.parties import repository as party_repo
from asb_core.parties.lookup_digest import load_pepper
from asb_core.parties.models import CONSENT_STATES, Party, PartyIdentity
from asb_core.sharing.models import Membership
from asb_core.targets import repository as target_repo
from asb_core.targets.models import owner_of
from asb_core.uow import unit_of_work
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


def check_consent(state: str, legal_basis: str | None, field: str = "consent") -> None:
    """The consent's shape is the model's (ConsentIn); a legal basis must also say something."""
    if state not in CONSENT_STATES:
        raise _invalid(f"{field}.state", f"one of {', '.join(CONSENT_STATES)}")
    if legal_basis is not None and not legal_basis.strip():
        raise _invalid(f"{field}.legal_basis", "a non-empty text")


def identity_row(
    party_id: uuid.UUID, values: dict, prefix: str, pepper: bytes, role: str = "victim"
) -> PartyIdentity:
    dob = _parse_dob(values.get("date_of_birth"), f"{prefix}date_of_birth")
    return PartyIdentity(party_id=party_id, **party_repo.identity_values(
        {**values, "date_of_birth": dob}, role, pepper))


@unit_of_work
async def open_case(
    session: AsyncSession, actor: Actor, data: OpenCaseIn, *, now: datetime | None = None,
    idempotency_key: RequestKey | None = None,
) -> Case:
    """Open a case; with `idempotency_key`, a retry of the same request answers with the case
    the first one opened (see `asb_core.idempotency`)."""
    access.require(actor, "case.open")
    if actor.agency_id is None:
        raise Forbidden("only an agency's principal can open a case")
    now = clock.utcnow(now)
    earlier = await idempotency.replay_of(session, actor, idempotency_key, case_id=None,
                                          resource_type="case")
    if earlier is not None:
        return await case_repo.reload(session, earlier)
    victim, consent = data.victim, data.consent
    check_consent(consent.state, consent.legal_basis)
    state, legal_basis = consent.state, consent.legal_basis
    result = run_assessment(actor, data.answers, data.judgement, data.policy_version)

    case = Case(
        id=uuid.uuid4(),
        reference=await case_repo.next_reference(session, now),
        area=data.area,
        status="open",
        risk_level=result.level.value,
        lead_agency_id=actor.agency_id,
        created_by_agency_id=actor.agency_id,
        created_by_principal_id=actor.principal_id,
        summary=data.summary,
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
    role = victim.role
    party = Party(
        id=uuid.uuid4(), case_id=case.id, role=role, display_name=f"{role.title()} 1",
        consent_state=state, consent_recorded_at=now, consent_legal_basis=legal_basis,
        created_by_agency_id=actor.agency_id, created_at=now,
    )
    session.add(party)
    await session.flush()
    session.add(identity_row(party.id, victim.model_dump(), "victim.",
                            await load_pepper(session), role))
    session.add(
        EscalationState(
            case_id=case.id, policy_version=result.policy_version,
            state=hm.empty_state(result.policy_version).to_json(), incidents=0, updated_at=now,
        )
    )
    for t in hm.initial_targets(result.level, now, result.policy_version):
        session.add(target_repo.new_target(
            case.id, t.kind, t.level.value, t.started_at, t.due_at,
            owner_agency_id=owner_of(t.kind, case.lead_agency_id)))
    await session.flush()
    await events.event(session, actor, case.id, "case_opened", now, case.id,
                         reference=case.reference, level=case.risk_level)
    await audit.record(
        session, actor, "case.open", case_id=case.id, entity="case", entity_id=case.id,
        detail={"reference": case.reference, "area": case.area, "level": case.risk_level},
    )
    await audit.record(
        session, actor, "party.add", case_id=case.id, entity="party", entity_id=party.id,
        fields=[f for f in IDENTITY_FIELDS if getattr(victim, f) is not None],
        detail={"role": role, "consent": state},
    )
    stored = await store_assessment(session, actor, case.id, result, now)
    await flag_writer.apply_flags(
        session, actor, case.id, flags_of(result, stored, now), "assessment", now,
        lead_agency_id=case.lead_agency_id,
    )
    await idempotency.bind_key(session, actor, idempotency_key, case.id)
    return await case_repo.reload(session, case.id)


@unit_of_work
async def get_case(session: AsyncSession, actor: Actor, case_id: object) -> Case:
    return await case_repo.load_case(session, actor, case_id, "case.read")


@unit_of_work
async def find_case(session: AsyncSession, actor: Actor, reference: str) -> Case:
    """The case with this reference (`ASB-2026-000123`), if the caller may see it; otherwise
    NotFound, exactly as for a reference that names no case."""
    case = await case_repo.case_by_reference(session, actor, reference)
    if case is None:
        raise access.not_found(reference)
    access.require(actor, "case.read")
    return case


@unit_of_work
async def list_cases(
    session: AsyncSession,
    actor: Actor,
    *,
    level: str | None = None,
    status: str | None = None,
    flag: str | None = None,
    target_state: str | None = None,
    area: str | None = None,
    reference: str | None = None,
    limit: int = 50,
    cursor: str | None = None,
    now: datetime | None = None,
) -> Page:
    """Cases the actor may see, newest first, keyset-paginated on (opened_at, id); `reference`
    finds the one case with that reference (none when the caller may not see it)."""
    check_limit(limit)
    access.require(actor, "case.read")
    now = clock.utcnow(now)
    if target_state is not None and target_state not in case_repo.TARGET_STATES:
        raise _invalid("target_state", "due, met or breached")
    rows = await case_repo.cases_page(
        session, actor, limit, cursor, now=now, level=level, status=status, area=area,
        flag=flag, target_state=target_state, reference=reference,
    )
    return page_of(rows, limit, lambda c: (c.opened_at.isoformat(), c.id))


@unit_of_work
async def update_case(
    session: AsyncSession,
    actor: Actor,
    case_id: object,
    data: CasePatchIn,
    *,
    expected_version: int | IfMatch,
) -> Case:
    """Change the fields the client sent. `expected_version` is the version the caller last
    read, or the request's If-Match (required here), checked only once the case is known to be
    visible, so a non-member learns nothing from the precondition answers."""
    case = await case_repo.load_case(session, actor, case_id)
    version = versions.expected(expected_version, required=True)
    access.require(actor, "case.update")
    changes = data.changes()
    values = await _patch_values(session, actor, case, changes)
    case = await case_repo.bump(session, case, expected_version=version, **values)
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


async def _patch_values(session: AsyncSession, actor: Actor, case: Case, changes: dict) -> dict:
    """The column values for a PATCH: the model has checked each field's shape; null is still
    refused for the fields that cannot be empty."""
    values: dict = {}
    if "summary" in changes:
        values["summary"] = changes["summary"]
    if "status" in changes:
        if changes["status"] is None:
            raise _invalid("status", "open, active or review (close with the close action)")
        if case.status == "closed":
            raise Conflict("the case is closed: reopen it first")
        values["status"] = changes["status"]
    if "area" in changes:
        if changes["area"] is None:
            raise _invalid("area", "required")
        values["area"] = changes["area"]
    if "lead_agency" in changes:
        access.require_lead_handover(actor, case)
        lead = await agency_repo.agency_by_slug(session, changes["lead_agency"], "lead_agency")
        if not await case_repo.is_member(session, case.id, lead.id):
            raise _invalid("lead_agency", "must be a member agency")
        values["lead_agency_id"] = lead.id
    return values


@unit_of_work
async def close_case(
    session: AsyncSession,
    actor: Actor,
    case_id: object,
    data: CloseIn,
    *,
    expected_version: int | IfMatch | None = None,
    now: datetime | None = None,
) -> Case:
    now = clock.utcnow(now)
    case = await case_repo.load_case(session, actor, case_id, lock=True)
    expected_version = versions.expected(expected_version, required=False)
    access.require(actor, "case.close")
    _check_closing(data)
    if case.status == "closed":
        raise Conflict("the case is already closed")
    if expected_version is not None and expected_version != case.version:
        raise PreconditionFailed("the case has changed; fetch it again")
    await record_update(session, actor, case, kind="victim_update", text=data.final_victim_update,
                        owner_agency=None, due_at=None, now=now)
    await target_repo.close_open_targets(session, case.id, now)
    closure = _closure(actor, case, data, now)
    session.add(closure)
    case = await case_repo.bump(session, case, expected_version=expected_version, now=now,
                               status="closed", closed_at=now, outcome=data.outcome)
    view = data.victim_view
    await events.event(session, actor, case.id, "case_closed", now, case.id,
                       outcome=data.outcome, closure_id=closure.id,
                       victim_satisfied=view.satisfied, victim_kept_informed=view.kept_informed,
                       victim_feels_safer=view.feels_safer)
    # The outcome is free text (it may name people): an erasable note, not the chained detail.
    await audit.record(session, actor, "case.close", case_id=case.id, entity="case",
                       entity_id=case.id, justification=data.outcome,
                       detail={"closure_id": str(closure.id),
                               "victim_satisfied": view.satisfied})
    return case


def _check_closing(data: CloseIn) -> None:
    """Text that is only blanks says nothing: the model lets it through, the closing may not."""
    errors = []
    if not data.outcome.strip():
        errors.append({"field": "outcome", "message": "closing a case needs an outcome"})
    if not data.final_victim_update.strip():
        errors.append({"field": "final_victim_update",
                       "message": "tell the victim the case is closing, and record it"})
    if errors:
        raise ValidationFailed("cannot close the case", errors=errors)


def _closure(actor: Actor, case: Case, data: CloseIn, now: datetime) -> CaseClosure:
    view = data.victim_view
    return CaseClosure(
        id=uuid.uuid4(), case_id=case.id, closed_at=now, closed_by_agency_id=actor.agency_id,
        closed_by_principal_id=actor.principal_id, outcome=data.outcome, area=case.area,
        risk_level=case.risk_level, lead_agency_id=case.lead_agency_id,
        victim_satisfied=view.satisfied, victim_kept_informed=view.kept_informed,
        victim_feels_safer=view.feels_safer, victim_comment=view.comment,
        not_asked_reason=view.not_asked_reason,
    )


@unit_of_work
async def reopen_case(
    session: AsyncSession, actor: Actor, case_id: object, data: ReopenIn, *,
    now: datetime | None = None,
) -> Case:
    now = clock.utcnow(now)
    case = await case_repo.load_case(session, actor, case_id, "case.reopen", lock=True)
    reason = data.reason
    if not reason.strip():
        raise _invalid("reason", "say why the case is reopened")
    if case.status != "closed":
        raise Conflict("the case is not closed")
    if case.anonymised_at is not None:
        # Its people and words are gone under the retention schedule: there is nothing to work.
        raise Conflict("the case was anonymised under its retention schedule: open a new case")
    closure = await case_repo.last_open_closure(session, case.id)
    if closure is not None:  # cases closed before closures were recorded have none
        closure.reopened_at, closure.reopened_by_agency_id = now, actor.agency_id
        closure.reopen_reason = reason
    case = await case_repo.bump(session, case, now=now, status="open", closed_at=None,
                               outcome=None)
    for t in hm.initial_targets(case.risk_level, now):
        session.add(target_repo.new_target(
            case.id, t.kind, t.level.value, t.started_at, t.due_at,
            owner_agency_id=owner_of(t.kind, case.lead_agency_id)))
    await session.flush()
    await events.event(session, actor, case.id, "case_reopened", now, case.id, reason=reason)
    await audit.record(session, actor, "case.reopen", case_id=case.id, entity="case",
                       entity_id=case.id, justification=reason)
    return case


@unit_of_work
async def list_closures(session: AsyncSession, actor: Actor, case_id: object) -> list[CaseClosure]:
    """Every closing of the case with the victim's view then, oldest first."""
    case = await case_repo.load_case(session, actor, case_id, "case.read")
    return await case_repo.closures_of_case(session, case.id)
