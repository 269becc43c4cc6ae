"""Use cases of the interventions slice: record an intervention on a case, change its status,
record a breach, and read them. Each public function is one unit of work.

What an agency may issue, how long a tool lasts and what a breach means come from `toolkit`
only. A breach lands on the case as an incident through the one write path of incidents
(`incidents.service.land`, as an officer report with the breach's category and account), so it
folds through the escalation rules like any other incident: its flags, level, targets, timeline
and audit are written there, never here. This slice writes only its own rows, its own timeline
events (`intervention_recorded`, `intervention_status_changed`, `intervention_breached`: the
tool, statuses and severity, never identity or conditions) and its own audit events.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

import harm_model as hm
from asb_core import access, clock, idempotency
from asb_core.actor import Actor
from asb_core.agencies import repository as agency_repo
from asb_core.audit import chain as audit
from asb_core.cases import events
from asb_core.cases import repository as case_repo
from asb_core.cases.models import Case
from asb_core.errors import Conflict, NotFound, ValidationFailed
from asb_core.idempotency import RequestKey
from asb_core.incidents import repository as incident_repo
from asb_core.incidents import service as incidents
from asb_core.incidents.schemas import OfficerReportIn, parse
from asb_core.interventions import repository as repo
from asb_core.interventions import toolkit
from asb_core.interventions.models import Intervention
from asb_core.interventions.schemas import BreachIn, InterventionIn, StatusChangeIn, dates_errors
from asb_core.pagination import Page, check_limit, page_of
from asb_core.uow import unit_of_work


@unit_of_work
async def record_intervention(
    session: AsyncSession, actor: Actor, case_id: object, data: InterventionIn, *,
    idempotency_key: RequestKey | None = None,
    now: datetime | None = None,
) -> tuple[Intervention, bool]:
    """Record an intervention; (it, True), or for a replayed Idempotency-Key (the one the first
    request recorded, False)."""
    now = clock.utcnow(now)
    case = await case_repo.load_case(session, actor, case_id, "intervention.add", lock=True)
    existing = await idempotency.replay_of(session, actor, idempotency_key,
                                           case_id=case.id, resource_type="intervention")
    if existing is not None:
        return await repo.by_id(session, case.id, existing), False
    _open(case)
    tool = toolkit.tool(data.type)
    errors = data.errors()
    issuer_id = await _issuer(session, actor, case, data.issuing_agency, tool, errors)
    errors += await _party_errors(session, case.id, data.against_party_id, tool)
    if not errors and data.status == "issued":
        errors += await _sequence_errors(session, case.id, data.against_party_id, tool)
    if errors:
        raise ValidationFailed("the intervention is not valid", errors=errors)
    row = await repo.insert(
        session, case_id=case.id, type=tool.id, against_party_id=data.against_party_id,
        premises=data.premises, issuing_agency_id=issuer_id,
        recorded_by_agency_id=actor.agency_id, status=data.status, issued_at=data.issued_at,
        served_at=data.served_at, expires_at=data.expires_at, conditions=data.conditions,
        documents=data.documents, power_of_arrest=data.power_of_arrest, court=data.court,
        created_at=now, updated_at=now)
    await events.event(session, actor, case.id, "intervention_recorded", now, row.id,
                       type=row.type, status=row.status, issuing_agency=row.issuing_agency_slug)
    await audit.record(session, actor, "intervention.add", case_id=case.id,
                       entity="intervention", entity_id=row.id,
                       detail={"type": row.type, "status": row.status})
    await idempotency.bind_key(session, actor, idempotency_key, row.id)
    return row, True


def _open(case: Case) -> None:
    if case.status == "closed":
        raise Conflict("the case is closed: reopen it first")


async def _issuer(session: AsyncSession, actor: Actor, case: Case, slug: str | None,
                  tool: toolkit.Tool, errors: list[dict]) -> uuid.UUID | None:
    """The issuing agency (the caller's unless named): a member of the case, of a kind the
    toolkit lets issue `tool`. Problems are added to `errors`."""
    if slug is None:
        agency = await agency_repo.get_agency(session, actor.agency_id)
    else:
        try:
            agency = await agency_repo.agency_by_slug(session, slug, "issuing_agency")
        except ValidationFailed as exc:
            errors += exc.errors
            return None
        if not await case_repo.is_member(session, case.id, agency.id):
            errors.append({"field": "issuing_agency", "message": "must be a member agency"})
            return None
    if agency.kind not in tool.issuers:
        errors.append({"field": "issuing_agency", "message": (
            f"an agency of kind {agency.kind} may not issue or apply for a {tool.label}; "
            f"it may be issued by: {', '.join(tool.issuers)}")})
    return agency.id


async def _party_errors(session: AsyncSession, case_id: uuid.UUID, party_id: uuid.UUID | None,
                        tool: toolkit.Tool) -> list[dict]:
    if party_id is None:
        return []
    role = await repo.party_role(session, case_id, party_id)
    if role is None:
        return [{"field": "against_party_id", "message": "not a party of this case"}]
    if role != "alleged_perpetrator":
        return [{"field": "against_party_id",
                 "message": "an intervention is against an alleged perpetrator party"}]
    if not tool.against_party:
        return [{"field": "against_party_id", "message": f"a {tool.label} is against premises"}]
    return []


async def _sequence_errors(session: AsyncSession, case_id: uuid.UUID,
                           party_id: uuid.UUID | None, tool: toolkit.Tool) -> list[dict]:
    """A tool that may only follow another against the same person (a CPN after a CPW)."""
    if tool.needs_before is None or party_id is None:
        return []
    if await repo.used_before(session, case_id, party_id, tool.needs_before):
        return []
    before = toolkit.tool(tool.needs_before)
    return [{"field": "type", "message": (
        f"a {tool.label} may only be issued after a {before.label} to the same person: "
        "record that first")}]


@unit_of_work
async def change_status(
    session: AsyncSession, actor: Actor, case_id: object, intervention_id: object,
    data: StatusChangeIn, *, now: datetime | None = None,
) -> Intervention:
    """Issue, discharge or mark expired an intervention (a breach has its own operation)."""
    now = clock.utcnow(now)
    case = await case_repo.load_case(session, actor, case_id, "intervention.update", lock=True)
    row = await _locked(session, case, intervention_id)
    _open(case)
    if data.status not in toolkit.TRANSITIONS[row.status]:
        raise Conflict(f"an intervention that is {row.status} cannot become {data.status}")
    tool = toolkit.tool(row.type)
    dates = {
        "issued_at": data.issued_at or row.issued_at or (now if data.status == "issued" else None),
        "served_at": data.served_at or row.served_at,
        "expires_at": data.expires_at or row.expires_at,
    }
    errors = dates_errors(tool, data.status, **dates)
    if data.status == "issued":
        errors += await _sequence_errors(session, case.id, row.against_party_id, tool)
    if errors:
        raise ValidationFailed("the status change is not valid", errors=errors)
    before = row.status
    row = await repo.change(session, row, status=data.status, status_reason=data.reason,
                            updated_at=now, **dates)
    await events.event(session, actor, case.id, "intervention_status_changed", now, row.id,
                       type=row.type, **{"from": before, "to": row.status})
    await audit.record(session, actor, "intervention.status", case_id=case.id,
                       entity="intervention", entity_id=row.id,
                       detail={"type": row.type, "from": before, "to": row.status})
    return row


async def _locked(session: AsyncSession, case: Case, intervention_id: object) -> Intervention:
    iid = access.parse_uuid(intervention_id, "intervention")
    row = await repo.by_id(session, case.id, iid, lock=True)
    if row is None:
        raise NotFound(f"no intervention {intervention_id}")
    return row


@unit_of_work
async def record_breach(
    session: AsyncSession, actor: Actor, case_id: object, intervention_id: object,
    data: BreachIn, *, idempotency_key: RequestKey | None = None, now: datetime | None = None,
) -> tuple[Intervention, object, bool]:
    """Record a breach: it lands on the case as an incident (and folds through the escalation
    rules there), and the intervention becomes breached. (intervention, incident, created)."""
    now = clock.utcnow(now)
    case = await case_repo.load_case(session, actor, case_id, "intervention.breach", lock=True)
    row = await _locked(session, case, intervention_id)
    existing = await idempotency.replay_of(session, actor, idempotency_key,
                                           case_id=case.id, resource_type="intervention_breach")
    if existing is not None:
        return row, await incident_repo.incident(session, case.id, existing), False
    _open(case)
    tool = toolkit.tool(row.type)
    if not tool.breachable:
        raise Conflict(f"a {tool.label} cannot be breached")
    if row.status not in toolkit.BREACHABLE_STATUSES:
        raise Conflict(f"only an issued intervention can be breached; this one is {row.status}")
    report = _breach_report(tool, row, data, now)
    (landed,) = await incidents.land(session, actor, case.id, [incidents.Sent(report)],
                                     "incident.add", now)
    if isinstance(landed, Exception):
        raise landed
    incident, _created = landed
    await repo.add_breach(session, row, incident.id, incident.occurred_at, actor.agency_id, now)
    row = await repo.change(session, row, status="breached", breach_count=row.breach_count + 1,
                            last_breach_incident_id=incident.id, updated_at=now)
    await events.event(session, actor, case.id, "intervention_breached", now, row.id,
                       type=row.type, breach=tool.breach, severity=incident.severity,
                       incident_id=incident.id)
    await audit.record(session, actor, "intervention.breach", case_id=case.id,
                       entity="intervention", entity_id=row.id,
                       detail={"type": row.type, "incident_id": str(incident.id)})
    await idempotency.bind_key(session, actor, idempotency_key, incident.id)
    return row, incident, True


def breach_category(tool: toolkit.Tool, behaviour: str | None) -> str | None:
    """The category a breach lands under: the tool's breach category (severity 4: an offence
    or contempt of court), unless the behaviour that breached it is at least as severe (a
    threat, an assault: then the critical-incident rule applies too); for a tool whose breach
    means nothing in law, the behaviour's own category (None when not given)."""
    if tool.breach_category is None:
        return behaviour
    floor = hm.CATEGORIES[tool.breach_category]
    if behaviour is not None and hm.CATEGORIES[behaviour].severity >= floor.severity:
        return behaviour
    return tool.breach_category


def _breach_report(tool: toolkit.Tool, row: Intervention, data: BreachIn,
                   now: datetime) -> OfficerReportIn:
    """The breach as the incident it lands as (an account by the recording agency)."""
    errors = []
    category = breach_category(tool, data.category)
    if category is None:
        errors.append({"field": "category", "message": (
            f"required: a breach of a {tool.label} is no offence in law, so give the "
            "behaviour that breached it")})
    if row.issued_at is not None and data.occurred_at < row.issued_at:
        errors.append({"field": "occurred_at", "message": "before the intervention was issued"})
    if errors:
        raise ValidationFailed("the breach is not valid", errors=errors)
    arrest = " (a power of arrest is attached)" if row.power_of_arrest else ""
    body = data.model_dump(exclude={"category"}) | {
        "category": category, "account": f"Breach of {tool.label}{arrest}: {data.account}"}
    return parse(OfficerReportIn, body, now=now, what="the breach")


@unit_of_work
async def list_interventions(session: AsyncSession, actor: Actor, case_id: object, *,
                             limit: int = 50, cursor: str | None = None) -> Page:
    check_limit(limit)
    case = await case_repo.load_case(session, actor, case_id, "intervention.read")
    rows = await repo.page(session, case.id, limit, cursor)
    return page_of(rows, limit, lambda r: (r.created_at.isoformat(), r.id))


@unit_of_work
async def get_intervention(session: AsyncSession, actor: Actor, case_id: object,
                           intervention_id: object) -> Intervention:
    case = await case_repo.load_case(session, actor, case_id, "intervention.read")
    row = await repo.by_id(session, case.id,
                           access.parse_uuid(intervention_id, "intervention"))
    if row is None:
        raise NotFound(f"no intervention {intervention_id}")
    return row
