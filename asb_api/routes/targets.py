"""Response targets: a case's targets, marking one met, reassigning its owner agency, and the
agency's work queue (`GET /v1/targets`: the work it owns, or every member case's)."""

from __future__ import annotations

from typing import Annotated

from litestar import Request, Response, get, post
from litestar.params import JSONBody, QueryParameter

from asb_api import serialize
from asb_api.deps import ActorDep, DbSession
from asb_api.http import Cursor, Limit, PathId, items_response, json_response, page_response
from asb_api.problems import Problem
from asb_core.targets import service as targets
from asb_core.targets.schemas import TargetMetIn, TargetOwnerIn


@get("/v1/cases/{case_id:uuid}/targets")
async def list_case_targets(actor: ActorDep, db_session: DbSession, case_id: PathId) -> Response:
    return items_response(
        await targets.list_case_targets(db_session, actor, case_id), serialize.target
    )


@post("/v1/cases/{case_id:uuid}/targets/{target_id:uuid}/met", status_code=200)
async def meet_target(
    actor: ActorDep,
    db_session: DbSession,
    case_id: PathId,
    target_id: PathId,
    data: JSONBody[TargetMetIn | None] = None,
) -> Response:
    target = await targets.mark_target_met(db_session, actor, case_id, target_id, data)
    return json_response(serialize.target(target))


@post("/v1/cases/{case_id:uuid}/targets/{target_id:uuid}/reassign", status_code=200)
async def reassign_target(
    actor: ActorDep,
    db_session: DbSession,
    case_id: PathId,
    target_id: PathId,
    data: JSONBody[TargetOwnerIn],
) -> Response:
    target = await targets.reassign_target(db_session, actor, case_id, target_id, data)
    return json_response(serialize.target(target))


# `state` is read by hand: Litestar reserves the name for application state.
@get("/v1/targets", opt={"query_params": ("state",)})
async def work_queue(
    request: Request,
    actor: ActorDep,
    db_session: DbSession,
    queue_scope: Annotated[
        str, QueryParameter(name="scope", pattern="^(owned|all_member_cases)$")
    ] = "owned",
    within_hours: Annotated[int, QueryParameter(ge=1, le=24 * 90)] = 24,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Response:
    queue_state = request.query_params.get("state", "due")
    if queue_state not in targets.QUEUE_STATES:
        raise Problem(
            422,
            "state must be due, due_soon or breached",
            errors=[{"field": "state", "message": "one of due, due_soon, breached"}],
        )
    result = await targets.work_queue_items(
        db_session, actor, state=queue_state, scope=queue_scope, within_hours=within_hours,
        limit=limit,
        cursor=cursor,
    )
    return page_response(result, lambda i: serialize.queue_item(i.target, i.case_reference))


route_handlers = [list_case_targets, meet_target, reassign_target, work_queue]
