"""The harm model over HTTP: the policy (questions, levels, targets) and stateless evaluation.

`POST /v1/assessments/evaluate` is the call handler's hot path: it never touches the database
beyond authenticating the key (one indexed query at most once per ASB_KEY_CACHE_SECONDS per key
and worker; none for an embed token), and the policy tables are precomputed once per process by
`harm_model`. It is a plain ASGI handler that authenticates, reads and checks its body and
encodes its answer itself, with the same checks and the same answers (problems included) as an
HTTP handler taking `data: EvaluateIn` and returning `result.to_dict()`
(tests/unit/test_evaluate_hot_path.py serves both and compares them).
"""

from __future__ import annotations

import math

import msgspec
from litestar import Response, asgi, get
from litestar.exceptions import (
    ClientException,
    InternalServerException,
    MethodNotAllowedException,
    ValidationException,
)
from litestar.exceptions.http_exceptions import RequestEntityTooLarge
from litestar.params import FromQuery
from litestar.types import Receive, Scope, Send
from pydantic import ValidationError

import harm_model
from asb_api.auth import actor_for_scope
from asb_api.deps import ActorDep
from asb_api.problems import CLIENT_GONE, Problem
from asb_api.strict_input import decode_json, is_json
from asb_core import access
from asb_core.assessments.schemas import EvaluateIn, JudgementIn


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


_EVALUATE_FIELDS = frozenset({"answers", "policy_version", "judgement"})
_SCALARS = (str, bool, int, float, type(None))


def _plain_input(raw: object, body: bytes) -> tuple[dict, str | None] | None:
    """(answers, policy_version) when the decoded body is certainly valid `EvaluateIn` input
    without a judgement; None when pydantic must decide (and word any error).

    Certainly valid: an object with `answers` (an object of scalars and lists of scalars) and
    at most a `policy_version` of 1 to 500 characters or null besides, and no control character
    in any string, which holds when the body has no backslash and no DEL byte (JSON cannot
    carry the other control characters unescaped; the decoder refuses them)."""
    if type(raw) is not dict or not raw.keys() <= _EVALUATE_FIELDS:
        return None
    answers = raw.get("answers")
    if type(answers) is not dict or raw.get("judgement") is not None:
        return None
    version = raw.get("policy_version")
    if version is not None and (type(version) is not str or not 0 < len(version) <= 500):
        return None
    # (find, not `in`: `bytes in bytes` first tries the operand as an integer and builds a
    # TypeError to discard, a few microseconds.)
    if body.find(b"\\") != -1 or body.find(b"\x7f") != -1:
        return None
    for value in answers.values():
        if type(value) is list:
            for item in value:
                if not isinstance(item, _SCALARS):
                    return None
        elif not isinstance(value, _SCALARS):
            return None
    return answers, version


def _may_repeat_keys(answers: dict, body: bytes) -> bool:
    """False when no key of a plainly valid body (`_plain_input`: no backslash, so every key is
    spelled as it is decoded) can appear twice: each key's quoted spelling occurs once in the
    body. Otherwise `decode_json` decides."""
    for key in answers:
        if body.count(b'"%s"' % key.encode()) != 1:
            return True
    return body.count(b'"answers"') != 1 or body.count(b'"policy_version"') > 1


def _evaluate_input(body: bytes) -> tuple[dict, str | None, JudgementIn | None]:
    """Decode and validate the body exactly as a `data: EvaluateIn` parameter would (the same
    400 and 422 answers), without the per-request signature-model machinery; a plainly valid
    body (`_plain_input`) skips the pydantic model, which would accept it unchanged."""
    try:
        raw = msgspec.json.decode(body)
    except msgspec.DecodeError as exc:
        raise ClientException(f"JSON is malformed: {exc}") from exc
    plain = _plain_input(raw, body)
    if plain is not None and not _may_repeat_keys(plain[0], body):
        return plain[0], plain[1], None
    raw = decode_json(body)  # the exact check: a key named twice in an object is a 422
    try:
        data = EvaluateIn.model_validate(raw)
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
    return data.answers, data.policy_version, data.judgement


def _require_json(scope: Scope) -> None:
    """415 unless the request's Content-Type is JSON (a missing one included)."""
    content_type = None
    for name, value in scope["headers"]:
        if len(name) == 12 and name.lower() == b"content-type":
            content_type = value
    if content_type is None or (content_type != b"application/json"
                                and not is_json(content_type.decode("latin-1"))):
        raise Problem(415, "the request body must be JSON (Content-Type: application/json)")


async def _read_body(scope: Scope, receive: Receive, limit: int | None) -> bytes:
    """The request body, with the same size limit and answers as Litestar's `Request.body()`
    (413 past `request_max_body_size`, announced or streamed; 400 for a bad Content-Length;
    500 when the client goes away mid-body)."""
    if limit is None:
        limit = math.inf
    _require_json(scope)
    for name, value in scope["headers"]:
        if len(name) == 14 and name.lower() == b"content-length":
            try:
                announced = int(value.decode("latin-1"))
            except ValueError:
                raise ClientException(
                    f"Invalid content-length: {value.decode('latin-1')!r}") from None
            if announced > limit:
                raise RequestEntityTooLarge
            break
    chunks: list[bytes] = []
    total = 0
    while True:
        event = await receive()
        if event["type"] == "http.request":
            chunk = event["body"]
            if chunk:
                total += len(chunk)
                if total > limit:
                    raise RequestEntityTooLarge
                chunks.append(chunk)
            if not event.get("more_body", False):
                break
        if event["type"] == "http.disconnect":
            raise InternalServerException(CLIENT_GONE)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


_TARGETS_JSON: dict[int, tuple[tuple, msgspec.Raw]] = {}


def _targets_json(targets: tuple) -> msgspec.Raw:
    """A level's targets, encoded once per policy (they are immutable and shared)."""
    hit = _TARGETS_JSON.get(id(targets))
    if hit is not None and hit[0] is targets:
        return hit[1]
    raw = msgspec.Raw(msgspec.json.encode([t.to_dict() for t in targets]))
    if len(_TARGETS_JSON) < 256:
        _TARGETS_JSON[id(targets)] = (targets, raw)  # the key's object is kept alive with it
    return raw


def assessment_json(a: harm_model.Assessment) -> bytes:
    """`msgspec.json.encode(a.to_dict())`, byte for byte, without building the nested dicts:
    reasons and the judgement are encoded from their dataclasses (fields in `to_dict` order),
    levels as their values, the targets from a per-policy cache."""
    return msgspec.json.encode({
        "policy_version": a.policy_version,
        "level": a.level,
        "computed_level": a.computed_level,
        "score": a.score,
        "max_score_possible": a.max_score_possible,
        "complete": a.complete,
        "could_raise_to": a.could_raise_to,
        "ask_next": a.ask_next,
        "hate_flag": a.hate_flag,
        "hate_strands": a.hate_strands,
        "reasons": a.reasons,
        "targets": _targets_json(a.targets),
        "judgement": a.judgement,
        "answers": a.answers,
    })


_JSON_TYPE = (b"content-type", b"application/json")
_METHOD_ALLOW = {"allow": "POST, OPTIONS"}


@asgi("/v1/assessments/evaluate", copy_scope=False, opt={"http_methods": ("POST",)})
async def evaluate_assessment(scope: Scope, receive: Receive, send: Send) -> None:
    """The call handler's hot path, as a plain ASGI handler inside Litestar's router, exception
    handling and middleware (metrics): authentication (no database read for an embed token or a
    key verified within ASB_KEY_CACHE_SECONDS), rate limits, validation, the full assessment and
    one JSON encoding, without the request object, signature model and response layers of an
    HTTP handler. Everything else answers as a `@post` handler would: OPTIONS 204 with Allow,
    other methods 405 with Allow, and every error raised here becomes the same problem answer
    through the app's exception handlers (tests/unit/test_evaluate_hot_path.py compares them).
    `opt["http_methods"]` tells route listings (the contract coverage test) what it
    serves."""
    method = scope.get("method")
    if method != "POST":
        if method == "OPTIONS":
            await send({"type": "http.response.start", "status": 204,
                        "headers": [(b"allow", b"OPTIONS, POST")]})
            await send({"type": "http.response.body", "body": b"", "more_body": False})
            return
        if method is None:  # a websocket: the router's answer for a path without one
            raise ClientException()
        raise MethodNotAllowedException(headers=_METHOD_ALLOW)
    app = scope["litestar_app"]
    actor = await actor_for_scope(scope, app.state)
    access.require(actor, "assess.evaluate")
    answers, version, judgement = _evaluate_input(
        await _read_body(scope, receive, app.request_max_body_size))
    try:
        result = harm_model.assess(answers, version, judgement=judgement_for(actor, judgement))
    except harm_model.HarmValidationError as exc:
        raise harm_problem(exc) from exc
    body = assessment_json(result)
    await send({"type": "http.response.start", "status": 200,
                "headers": [_JSON_TYPE, (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body, "more_body": False})
