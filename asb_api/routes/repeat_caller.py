"""`POST /v1/repeat-caller-lookup`: a call handler asks whether the caller already has an open
case in the area, and at what level. POST, so the number and address never land in URLs or
access logs."""

from __future__ import annotations

from litestar import Response, post
from litestar.params import JSONBody

from asb_api.deps import ActorDep, DbSession
from asb_api.http import json_response
from asb_api.schemas import RepeatCallerIn
from asb_core.parties import repeat_caller


@post("/v1/repeat-caller-lookup", status_code=200)
async def repeat_caller_lookup(
    actor: ActorDep, db_session: DbSession, data: JSONBody[RepeatCallerIn]
) -> Response:
    async with db_session.begin():
        result = await repeat_caller.lookup(
            db_session, actor, phone=data.phone, address=data.address, area=data.area
        )
        return json_response({"match": result.match, "level": result.level})
