"""Incidents on a case: officers' reports (idempotent, like diary entries) and the list of every
incident, from diary entries and officer reports alike."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Response, get, post
from litestar.params import JSONBody, QueryParameter

from asb_api import serialize
from asb_api.deps import ActorDep, DbSession
from asb_api.http import Cursor, IdempotencyKey, Limit, PathId, fingerprint, json_response, page
from asb_core.incidents import service as incidents

Source = Annotated[
    str | None,
    QueryParameter(max_length=32, description="only incidents from this source"),
]


@post("/v1/cases/{case_id:uuid}/incidents")
async def add_officer_report(
    actor: ActorDep, db_session: DbSession, case_id: PathId, data: JSONBody[dict[str, Any]],
    idempotency_key: IdempotencyKey = None,
) -> Response:
    # The slice parses the body (OfficerReportIn), so that whether `same_as` names an incident
    # of the case is reported with every other field error at once.
    incident, _created = await incidents.add_officer_report(
        db_session, actor, case_id, data=data, idempotency_key=idempotency_key,
        fingerprint_of=fingerprint)
    # A replay answers exactly as the first request did: 201 with the same incident.
    return json_response(
        serialize.incident(incident), status=201,
        headers={"Location": f"/v1/cases/{case_id}/incidents/{incident.id}"})


@get("/v1/cases/{case_id:uuid}/incidents")
async def list_incidents(
    actor: ActorDep, db_session: DbSession, case_id: PathId, limit: Limit = 50,
    cursor: Cursor = None, source: Source = None,
) -> Response:
    result = await incidents.list_incidents(
        db_session, actor, case_id, limit=limit, cursor=cursor, source=source)
    return json_response(page([serialize.incident(i) for i in result.items], result.next_cursor))


@get("/v1/cases/{case_id:uuid}/incidents/{incident_id:uuid}")
async def get_incident(
    actor: ActorDep, db_session: DbSession, case_id: PathId, incident_id: PathId
) -> Response:
    return json_response(serialize.incident(
        await incidents.get_incident(db_session, actor, case_id, incident_id)))


route_handlers = [add_officer_report, list_incidents, get_incident]
