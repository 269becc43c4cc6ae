"""The service directory: search services by area, need and whether they are open now, and read
one (Open Referral UK shape). For every role but the administrators."""

from __future__ import annotations

from typing import Annotated

from litestar import Response, get
from litestar.params import QueryParameter

from asb_api import serialize
from asb_api.deps import ActorDep, DbSession
from asb_api.http import Cursor, Limit, PathId, json_response, page_response
from asb_core.directory import service as directory

AreaQuery = Annotated[str | None, QueryParameter(pattern=r"^[a-z0-9][a-z0-9-]{0,62}$")]
NeedQuery = Annotated[str | None, QueryParameter(pattern=r"^[a-z][a-z_]{0,39}$")]


@get("/v1/services")
async def list_services(
    actor: ActorDep, db_session: DbSession, area: AreaQuery = None, need: NeedQuery = None,
    open_now: Annotated[bool, QueryParameter()] = False, limit: Limit = 50,
    cursor: Cursor = None,
) -> Response:
    result = await directory.list_services(db_session, actor, area=area, need=need,
                                           open_now=open_now, limit=limit, cursor=cursor)
    return page_response(result, serialize.directory_service)


@get("/v1/services/{service_id:uuid}")
async def get_service(actor: ActorDep, db_session: DbSession, service_id: PathId) -> Response:
    return json_response(serialize.directory_service(
        await directory.get_service(db_session, actor, service_id)))


route_handlers = [list_services, get_service]
