"""Assessments saved to a case: reassess (moves the case level) and list them."""

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
from asb_core.assessments import service as assessments
from asb_core.assessments.schemas import ReassessIn


@post("/v1/cases/{case_id:uuid}/assessments")
async def reassess_case(
    actor: ActorDep, db_session: DbSession, case_id: PathId, data: JSONBody[ReassessIn],
    idempotency_key: IdempotencyKey = None,
) -> Response:
    assessment = await assessments.reassess(db_session, actor, case_id, data,
                                            idempotency_key=request_key(idempotency_key, data))
    return json_response(serialize.assessment(assessment), status=201)


@get("/v1/cases/{case_id:uuid}/assessments")
async def list_assessments(
    actor: ActorDep, db_session: DbSession, case_id: PathId, limit: Limit = 50,
    cursor: Cursor = None,
) -> Response:
    result = await assessments.list_assessments(
        db_session, actor, case_id, limit=limit, cursor=cursor
    )
    return page_response(result, serialize.assessment)


route_handlers = [reassess_case, list_assessments]
