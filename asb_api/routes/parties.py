"""Parties: a case's parties (restricted identity only for permitted roles), and the call
handler's repeat-caller lookup (`POST /v1/repeat-caller-lookup`: POST, so the number and address
never land in URLs or access logs)."""

from __future__ import annotations

from litestar import Response, get, post
from litestar.params import JSONBody

from asb_api import serialize
from asb_api.deps import ActorDep, DbSession
from asb_api.http import PathId, items_response, json_response
from asb_core.parties import repeat_caller
from asb_core.parties import service as parties
from asb_core.parties.schemas import RepeatCallerIn


@get("/v1/cases/{case_id:uuid}/parties")
async def list_parties(actor: ActorDep, db_session: DbSession, case_id: PathId) -> Response:
    return items_response(await parties.list_parties(db_session, actor, case_id), serialize.party)


@post("/v1/repeat-caller-lookup", status_code=200)
async def repeat_caller_lookup(
    actor: ActorDep, db_session: DbSession, data: JSONBody[RepeatCallerIn]
) -> Response:
    result = await repeat_caller.lookup(db_session, actor, data)
    return json_response({"match": result.match, "level": result.level})


route_handlers = [list_parties, repeat_caller_lookup]
