"""The harm model over HTTP: the policy (questions, levels, targets) and stateless evaluation.

`POST /v1/assessments/evaluate` is the call handler's hot path: it never touches the database
beyond authenticating the key (one indexed query; none for an embed token), and the policy
tables are precomputed once per process by `harm_model`. It authenticates and parses its body
itself (same checks, same problem answers) to skip Litestar's per-request injection layers.
"""

from __future__ import annotations

import msgspec
from litestar import MediaType, Request, Response, get, post
from litestar.exceptions import ClientException, ValidationException
from litestar.params import FromQuery
from litestar.response.base import ASGIResponse
from pydantic import ValidationError

import harm_model
from asb_api.auth import provide_actor
from asb_api.deps import ActorDep
from asb_api.problems import Problem
from asb_api.schemas import EvaluateIn
from asb_core import access


def judgement_for(actor, judgement) -> harm_model.Judgement | None:
    if judgement is None:
        return None
    return harm_model.Judgement(
        level=judgement.level,
        reason=judgement.reason,
        by=f"{actor.agency_slug}/{actor.principal_id}",
        supervisor=actor.role == "supervisor",
    )


def harm_problem(exc: harm_model.HarmValidationError) -> Problem:
    return Problem(422, str(exc), kind="validation-error", errors=list(exc.errors))


@get("/v1/assessment-policy", sync_to_thread=False)
def get_assessment_policy(actor: ActorDep, version: FromQuery[str | None] = None) -> Response:
    access.require(actor, "assess.evaluate")
    try:
        policy = harm_model.get_policy(version)
    except harm_model.HarmValidationError as exc:
        raise harm_problem(exc) from exc
    return Response(policy.to_dict())


def _evaluate_input(body: bytes) -> EvaluateIn:
    """Decode and validate the body exactly as a `data: EvaluateIn` parameter would (the same
    400 and 422 answers), without the per-request signature-model machinery."""
    try:
        raw = msgspec.json.decode(body)
    except msgspec.DecodeError as exc:
        raise ClientException(f"JSON is malformed: {exc}") from exc
    try:
        return EvaluateIn.model_validate(raw)
    except ValidationError as exc:
        extra = [
            {
                "message": e["msg"],
                "key": ".".join(str(p) for p in e["loc"]) or "body",
                "source": "body",
            }
            for e in exc.errors(include_url=False)
        ]
        raise ValidationException(
            "Validation failed for POST /v1/assessments/evaluate", extra=extra
        ) from None


@post("/v1/assessments/evaluate", status_code=200)
async def evaluate_assessment(request: Request) -> ASGIResponse:
    # The hot path: authentication (one indexed query for an API key, none for an embed token),
    # then validation, the assessment and one JSON encoding, with no dependency injection or
    # response-object layers in between.
    actor = await provide_actor(request)
    access.require(actor, "assess.evaluate")
    data = _evaluate_input(await request.body())
    try:
        result = harm_model.assess(
            data.answers,
            data.policy_version,
            judgement=judgement_for(actor, data.judgement),
        )
    except harm_model.HarmValidationError as exc:
        raise harm_problem(exc) from exc
    return ASGIResponse(body=msgspec.json.encode(result.to_dict()), media_type=MediaType.JSON)
