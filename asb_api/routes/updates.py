"""Updates, actions and victim updates on a case; completing an action."""

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
from asb_core.updates import service as updates
from asb_core.updates.schemas import UpdateIn


@post("/v1/cases/{case_id:uuid}/updates")
async def add_update(
    actor: ActorDep,
    db_session: DbSession,
    case_id: PathId,
    data: JSONBody[UpdateIn],
    idempotency_key: IdempotencyKey = None,
) -> Response:
    update = await updates.add_update(
        db_session, actor, case_id, data,
        idempotency_key=request_key(idempotency_key, data),
    )
    return json_response(serialize.update(update), status=201)


@get("/v1/cases/{case_id:uuid}/updates")
async def list_updates(
    actor: ActorDep, db_session: DbSession, case_id: PathId, limit: Limit = 50,
    cursor: Cursor = None,
) -> Response:
    result = await updates.list_updates(db_session, actor, case_id, limit=limit, cursor=cursor)
    return page_response(result, serialize.update)


@post("/v1/cases/{case_id:uuid}/updates/{update_id:uuid}/done", status_code=200)
async def complete_action(
    actor: ActorDep, db_session: DbSession, case_id: PathId, update_id: PathId
) -> Response:
    update = await updates.complete_action(db_session, actor, case_id, update_id)
    return json_response(serialize.update(update))


route_handlers = [add_update, list_updates, complete_action]
