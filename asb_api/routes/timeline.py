"""A case's timeline: everything that happened on it, in time order, a page at a time."""

from __future__ import annotations

from litestar import Response, get

from asb_api import serialize
from asb_api.deps import ActorDep, DbSession
from asb_api.http import Cursor, Limit, PathId, page_response
from asb_core.cases import timeline


@get("/v1/cases/{case_id:uuid}/timeline")
async def get_timeline(
    actor: ActorDep, db_session: DbSession, case_id: PathId, limit: Limit = 50,
    cursor: Cursor = None,
) -> Response:
    result = await timeline.timeline(db_session, actor, case_id, limit=limit, cursor=cursor)
    return page_response(result, serialize.timeline_item)


route_handlers = [get_timeline]
