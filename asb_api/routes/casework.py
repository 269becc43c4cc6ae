"""Work on a case: assessments, updates and actions, targets,
escalation flags, the timeline and ASB Case Review applications."""

from __future__ import annotations

from typing import Annotated

from litestar import Request, Response, get, post
from litestar.params import FromQuery, JSONBody, QueryParameter

import harm_model
from asb_api import serialize
from asb_api.deps import ActorDep, DbSession
from asb_api.http import (
    Cursor,
    IdempotencyKey,
    Limit,
    PathId,
    fingerprint,
    json_response,
    page,
)
from asb_api.problems import Problem
from asb_api.routes.assessments import harm_problem
from asb_api.schemas import (
    CaseReviewIn,
    ReassessIn,
    TargetMetIn,
    UpdateIn,
)
from asb_core.assessments import service as assessments
from asb_core.case_review import service as case_review
from asb_core.cases import references, timeline
from asb_core.escalation import service as escalations
from asb_core.targets import service as targets
from asb_core.updates import service as updates

QUEUE_STATES = ("due", "due_soon", "breached")


@post("/v1/cases/{case_id:uuid}/assessments")
async def reassess_case(
    actor: ActorDep, db_session: DbSession, case_id: PathId, data: JSONBody[ReassessIn]
) -> Response:
    try:
        async with db_session.begin():
            assessment = await assessments.reassess(
                db_session,
                actor,
                case_id,
                answers=data.answers,
                judgement=data.judgement.model_dump() if data.judgement else None,
                policy_version=data.policy_version,
            )
            return json_response(serialize.assessment(assessment), status=201)
    except harm_model.HarmValidationError as exc:
        raise harm_problem(exc) from exc


@get("/v1/cases/{case_id:uuid}/assessments")
async def list_assessments(
    actor: ActorDep,
    db_session: DbSession,
    case_id: PathId,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Response:
    async with db_session.begin():
        result = await assessments.list_assessments(
            db_session, actor, case_id, limit=limit, cursor=cursor
        )
        return json_response(
            page([serialize.assessment(a) for a in result.items], result.next_cursor)
        )


@post("/v1/cases/{case_id:uuid}/updates")
async def add_update(
    actor: ActorDep,
    db_session: DbSession,
    case_id: PathId,
    data: JSONBody[UpdateIn],
    idempotency_key: IdempotencyKey = None,
) -> Response:
    async with db_session.begin():
        update = await updates.add_update(
            db_session,
            actor,
            case_id,
            kind=data.kind,
            text=data.text,
            owner_agency=data.owner_agency,
            due_at=data.due_at,
            idempotency_key=idempotency_key,
            request_fingerprint=fingerprint(data.model_dump(mode="json")),
        )
        return json_response(serialize.update(update), status=201)


@get("/v1/cases/{case_id:uuid}/updates")
async def list_updates(
    actor: ActorDep,
    db_session: DbSession,
    case_id: PathId,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Response:
    async with db_session.begin():
        result = await updates.list_updates(db_session, actor, case_id, limit=limit, cursor=cursor)
        return json_response(page([serialize.update(u) for u in result.items], result.next_cursor))


@post("/v1/cases/{case_id:uuid}/updates/{update_id:uuid}/done", status_code=200)
async def complete_action(
    actor: ActorDep, db_session: DbSession, case_id: PathId, update_id: PathId
) -> Response:
    async with db_session.begin():
        update = await updates.complete_action(db_session, actor, case_id, update_id)
        return json_response(serialize.update(update))


@get("/v1/cases/{case_id:uuid}/targets")
async def list_case_targets(actor: ActorDep, db_session: DbSession, case_id: PathId) -> Response:
    async with db_session.begin():
        items = await targets.list_case_targets(db_session, actor, case_id)
        return json_response({"items": [serialize.target(t) for t in items]})


@post("/v1/cases/{case_id:uuid}/targets/{target_id:uuid}/met", status_code=200)
async def meet_target(
    actor: ActorDep,
    db_session: DbSession,
    case_id: PathId,
    target_id: PathId,
    data: JSONBody[TargetMetIn | None] = None,
) -> Response:
    async with db_session.begin():
        target = await targets.mark_target_met(
            db_session,
            actor,
            case_id,
            target_id,
            late_reason=data.late_reason if data else None,
        )
        return json_response(serialize.target(target))


@get("/v1/targets")
async def work_queue(
    request: Request,
    actor: ActorDep,
    db_session: DbSession,
    within_hours: Annotated[int, QueryParameter(ge=1, le=24 * 90)] = 24,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Response:
    # `state` is read by hand: Litestar reserves the name for application state.
    queue_state = request.query_params.get("state", "due")
    if queue_state not in QUEUE_STATES:
        raise Problem(
            422,
            "state must be due, due_soon or breached",
            errors=[{"field": "state", "message": "one of due, due_soon, breached"}],
        )
    async with db_session.begin():
        result = await targets.work_queue(
            db_session,
            actor,
            state=queue_state,
            within_hours=within_hours,
            limit=limit,
            cursor=cursor,
        )
        labels = await references.case_labels(db_session, (t.case_id for t in result.items))
        return json_response(
            page(
                [serialize.queue_item(t, labels[t.case_id][0]) for t in result.items],
                result.next_cursor,
            )
        )


@get("/v1/cases/{case_id:uuid}/escalations")
async def list_escalations(
    actor: ActorDep,
    db_session: DbSession,
    case_id: PathId,
    include_cleared: FromQuery[bool] = False,
) -> Response:
    async with db_session.begin():
        items = await escalations.list_flags(
            db_session, actor, case_id, include_cleared=include_cleared
        )
        return json_response({"items": [serialize.flag(f) for f in items]})


@get("/v1/cases/{case_id:uuid}/timeline")
async def get_timeline(
    actor: ActorDep,
    db_session: DbSession,
    case_id: PathId,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Response:
    async with db_session.begin():
        result = await timeline.timeline(db_session, actor, case_id, limit=limit, cursor=cursor)
        return json_response(
            page([serialize.timeline_item(i) for i in result.items], result.next_cursor)
        )


@post("/v1/cases/{case_id:uuid}/case-review")
async def log_case_review(
    actor: ActorDep, db_session: DbSession, case_id: PathId, data: JSONBody[CaseReviewIn]
) -> Response:
    async with db_session.begin():
        review = await case_review.log_application(
            db_session,
            actor,
            case_id,
            applicant_description=data.applicant_description,
            applied_at=data.applied_at,
        )
        return json_response(serialize.case_review(review), status=201)


@get("/v1/cases/{case_id:uuid}/case-review")
async def list_case_reviews(actor: ActorDep, db_session: DbSession, case_id: PathId) -> Response:
    async with db_session.begin():
        items = await case_review.list_applications(db_session, actor, case_id)
        return json_response({"items": [serialize.case_review(r) for r in items]})


route_handlers = [
    reassess_case, list_assessments, add_update, list_updates, complete_action, list_case_targets,
    meet_target, work_queue, list_escalations, get_timeline, log_case_review, list_case_reviews,
]
