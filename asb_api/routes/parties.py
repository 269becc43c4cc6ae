"""Parties: a case's parties (restricted identity only for permitted roles). The call handler's
repeat-caller lookup has its own module (routes/repeat_caller.py)."""

from __future__ import annotations

from litestar import Response, get

from asb_api import serialize
from asb_api.deps import ActorDep, DbSession
from asb_api.http import PathId, items_response
from asb_core.parties import service as parties


@get("/v1/cases/{case_id:uuid}/parties")
async def list_parties(actor: ActorDep, db_session: DbSession, case_id: PathId) -> Response:
    return items_response(await parties.list_parties(db_session, actor, case_id), serialize.party)


route_handlers = [list_parties]
