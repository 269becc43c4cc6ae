"""`GET /v1/audit`: the audit log, for auditors, limited to what their agency may see."""

from __future__ import annotations

from uuid import UUID

from litestar import Response, get
from litestar.params import FromQuery

from asb_api import serialize
from asb_api.deps import ActorDep, DbSession
from asb_api.http import Cursor, Limit, page_response
from asb_core.audit import service as audit_read


@get("/v1/audit")
async def list_audit(
    actor: ActorDep,
    db_session: DbSession,
    case_id: FromQuery[UUID | None] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Response:
    result = await audit_read.list_audit(
        db_session, actor, case_id=case_id, limit=limit, cursor=cursor
    )
    return page_response(result, serialize.audit_event)
