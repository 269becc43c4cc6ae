"""The harm model over HTTP: the policy (questions, levels, targets) and stateless evaluation.

`POST /v1/assessments/evaluate` is the call handler's hot path: it never touches the database
beyond authenticating the key, and the policy tables are precomputed once per process by
`harm_model`.
"""

from __future__ import annotations

from litestar import Response, get, post

import harm_model
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
def get_assessment_policy(actor: ActorDep, version: str | None = None) -> Response:
    access.require(actor, "assess.evaluate")
    try:
        policy = harm_model.get_policy(version)
    except harm_model.HarmValidationError as exc:
        raise harm_problem(exc) from exc
    return Response(policy.to_dict())


@post("/v1/assessments/evaluate", status_code=200, sync_to_thread=False)
def evaluate_assessment(actor: ActorDep, data: EvaluateIn) -> Response:
    access.require(actor, "assess.evaluate")
    try:
        result = harm_model.assess(
            data.answers,
            data.policy_version,
            judgement=judgement_for(actor, data.judgement),
        )
    except harm_model.HarmValidationError as exc:
        raise harm_problem(exc) from exc
    return Response(result.to_dict())
