"""Escalation flags of a case (open ones, or all with `include_cleared`)."""

from __future__ import annotations

from litestar import Response, get
from litestar.params import FromQuery

from asb_api import serialize
from asb_api.deps import ActorDep, DbSession
from asb_api.http import PathId, items_response
from asb_core.escalation import service as escalations


@get("/v1/cases/{case_id:uuid}/escalations")
async def list_escalations(
    actor: ActorDep,
    db_session: DbSession,
    case_id: PathId,
    include_cleared: FromQuery[bool] = False,
) -> Response:
    flags = await escalations.list_flags(
        db_session, actor, case_id, include_cleared=include_cleared
    )
    return items_response(flags, serialize.flag)


route_handlers = [list_escalations]
