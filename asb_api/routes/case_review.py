"""ASB Case Review applications on a case: log one, list them."""

from __future__ import annotations

from litestar import Response, get, post
from litestar.params import JSONBody

from asb_api import serialize
from asb_api.deps import ActorDep, DbSession
from asb_api.http import IdempotencyKey, PathId, items_response, json_response, request_key
from asb_core.case_review import service as case_review
from asb_core.case_review.schemas import CaseReviewIn


@post("/v1/cases/{case_id:uuid}/case-review")
async def log_case_review(
    actor: ActorDep, db_session: DbSession, case_id: PathId, data: JSONBody[CaseReviewIn],
    idempotency_key: IdempotencyKey = None,
) -> Response:
    review = await case_review.log_application(
        db_session, actor, case_id, data, idempotency_key=request_key(idempotency_key, data))
    return json_response(serialize.case_review(review), status=201)


@get("/v1/cases/{case_id:uuid}/case-review")
async def list_case_reviews(actor: ActorDep, db_session: DbSession, case_id: PathId) -> Response:
    return items_response(
        await case_review.list_applications(db_session, actor, case_id), serialize.case_review
    )


route_handlers = [log_case_review, list_case_reviews]
