"""Interventions on a case (the 2014 Act toolkit): record one (idempotent), list and read them,
change a status, and record a breach, which lands on the case as an incident."""

from __future__ import annotations

from litestar import Response, get, post
from litestar.params import JSONBody

from asb_api import serialize
from asb_api.deps import ActorDep, DbSession
from asb_api.http import (
    Cursor,
    IdempotencyKey,
    Limit,
    PathId,
    json_response,
    page_response,
    request_key,
)
from asb_core.interventions import service as interventions
from asb_core.interventions.schemas import BreachIn, InterventionIn, StatusChangeIn


@post("/v1/cases/{case_id:uuid}/interventions")
async def record_intervention(
    actor: ActorDep, db_session: DbSession, case_id: PathId, data: JSONBody[InterventionIn],
    idempotency_key: IdempotencyKey = None,
) -> Response:
    # A replay answers exactly as the first request did: 201 with the same intervention.
    row, _created = await interventions.record_intervention(
        db_session, actor, case_id, data,
        idempotency_key=request_key(idempotency_key, data))
    return json_response(serialize.intervention(row), status=201, headers={
        "Location": f"/v1/cases/{case_id}/interventions/{row.id}"})


@get("/v1/cases/{case_id:uuid}/interventions")
async def list_interventions(
    actor: ActorDep, db_session: DbSession, case_id: PathId, limit: Limit = 50,
    cursor: Cursor = None,
) -> Response:
    result = await interventions.list_interventions(
        db_session, actor, case_id, limit=limit, cursor=cursor)
    return page_response(result, serialize.intervention)


@get("/v1/cases/{case_id:uuid}/interventions/{intervention_id:uuid}")
async def get_intervention(
    actor: ActorDep, db_session: DbSession, case_id: PathId, intervention_id: PathId,
) -> Response:
    return json_response(serialize.intervention(
        await interventions.get_intervention(db_session, actor, case_id, intervention_id)))


@post("/v1/cases/{case_id:uuid}/interventions/{intervention_id:uuid}/status", status_code=200)
async def change_intervention_status(
    actor: ActorDep, db_session: DbSession, case_id: PathId, intervention_id: PathId,
    data: JSONBody[StatusChangeIn],
) -> Response:
    return json_response(serialize.intervention(await interventions.change_status(
        db_session, actor, case_id, intervention_id, data)))


@post("/v1/cases/{case_id:uuid}/interventions/{intervention_id:uuid}/breaches")
async def record_breach(
    actor: ActorDep, db_session: DbSession, case_id: PathId, intervention_id: PathId,
    data: JSONBody[BreachIn], idempotency_key: IdempotencyKey = None,
) -> Response:
    row, incident, _created = await interventions.record_breach(
        db_session, actor, case_id, intervention_id, data,
        idempotency_key=request_key(idempotency_key, data))
    return json_response(
        {"intervention": serialize.intervention(row), "incident": serialize.incident(incident)},
        status=201, headers={"Location": f"/v1/cases/{case_id}/incidents/{incident.id}"})


route_handlers = [record_intervention, list_interventions, get_intervention,
                  change_intervention_status, record_breach]
