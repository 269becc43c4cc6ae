"""Sharing: a case's member agencies, sharing the case with another agency, removing one."""

from __future__ import annotations

from typing import Annotated

from litestar import Response, delete, get, post
from litestar.params import JSONBody, QueryParameter

from asb_api import serialize
from asb_api.deps import ActorDep, DbSession
from asb_api.http import (
    IdempotencyKey,
    PathId,
    PathSlug,
    items_response,
    json_response,
    request_key,
)
from asb_core.sharing import service as sharing
from asb_core.sharing.schemas import ShareIn


@get("/v1/cases/{case_id:uuid}/members")
async def list_members(actor: ActorDep, db_session: DbSession, case_id: PathId) -> Response:
    return items_response(await sharing.list_members(db_session, actor, case_id), serialize.member)


@post("/v1/cases/{case_id:uuid}/members")
async def share_case(
    actor: ActorDep, db_session: DbSession, case_id: PathId, data: JSONBody[ShareIn],
    idempotency_key: IdempotencyKey = None,
) -> Response:
    member = await sharing.share_case(db_session, actor, case_id, data,
                                      idempotency_key=request_key(idempotency_key, data))
    return json_response(serialize.member(member), status=201)


@delete("/v1/cases/{case_id:uuid}/members/{agency:str}", status_code=204)
async def remove_member(
    actor: ActorDep,
    db_session: DbSession,
    case_id: PathId,
    agency: PathSlug,
    reason: Annotated[str, QueryParameter(min_length=1, max_length=2000)],
) -> None:
    await sharing.remove_member(db_session, actor, case_id, agency, reason=reason)


route_handlers = [list_members, share_case, remove_member]
