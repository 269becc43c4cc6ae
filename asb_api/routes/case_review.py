"""ASB Case Review applications on a case: log one, list them, read one, and record each step
after it (acknowledgement, threshold decision, review meeting, outcome, escalation and its
result; each idempotent with an Idempotency-Key)."""

from __future__ import annotations

from litestar import Response, get, post
from litestar.params import JSONBody
from pydantic import BaseModel

from asb_api import serialize
from asb_api.deps import ActorDep, DbSession
from asb_api.http import IdempotencyKey, PathId, items_response, json_response, request_key
from asb_core.case_review import service as case_review
from asb_core.case_review import steps
from asb_core.case_review.schemas import (
    AcknowledgementIn,
    CaseReviewIn,
    DecisionIn,
    EscalationIn,
    EscalationResultIn,
    MeetingIn,
    OutcomeIn,
)

REVIEW_PATH = "/v1/cases/{case_id:uuid}/case-review/{review_id:uuid}"


def _review_response(review, *, status: int = 200) -> Response:
    headers = {"Location": f"/v1/cases/{review.case_id}/case-review/{review.id}"}
    return json_response(serialize.case_review(review), status=status, headers=headers)


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


@get(REVIEW_PATH)
async def get_case_review(
    actor: ActorDep, db_session: DbSession, case_id: PathId, review_id: PathId
) -> Response:
    return json_response(serialize.case_review(
        await case_review.get_application(db_session, actor, case_id, review_id)))


def _step_route(suffix: str, record, model: type[BaseModel], name: str):
    """`POST .../case-review/{review_id}/<suffix>`: parse the body into `model`, record the step
    with `record` (a service of `asb_core.case_review.steps`), answer 201 with the application.
    Every step route has this one shape; only the path, body and service differ."""

    async def handler(actor, db_session, case_id, review_id, data, idempotency_key=None):
        review = await record(db_session, actor, case_id, review_id, data,
                              keyed=request_key(idempotency_key, data))
        return _review_response(review, status=201)

    handler.__name__ = handler.__qualname__ = name
    handler.__annotations__ = {
        "actor": ActorDep, "db_session": DbSession, "case_id": PathId, "review_id": PathId,
        "data": JSONBody[model], "idempotency_key": IdempotencyKey, "return": Response,
    }
    return post(f"{REVIEW_PATH}/{suffix}", name=name)(handler)


STEP_ROUTES = [
    _step_route("acknowledgement", steps.acknowledge, AcknowledgementIn,
                "acknowledge_case_review"),
    _step_route("decision", steps.decide, DecisionIn, "decide_case_review"),
    _step_route("meeting", steps.record_meeting, MeetingIn, "record_case_review_meeting"),
    _step_route("outcome", steps.record_outcome, OutcomeIn, "record_case_review_outcome"),
    _step_route("escalation", steps.request_escalation, EscalationIn, "escalate_case_review"),
    _step_route("escalation/result", steps.record_escalation_result, EscalationResultIn,
                "record_case_review_escalation_result"),
]


route_handlers = [log_case_review, list_case_reviews, get_case_review, *STEP_ROUTES]
