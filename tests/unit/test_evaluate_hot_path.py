"""`POST /v1/assessments/evaluate` (a plain ASGI handler with its own body reading, input check
and JSON encoding) answers exactly as the straightforward `@post` handler it replaced: the same
status, headers and bytes for valid and invalid bodies, every other method, size limits, bad
Content-Length, missing or bad credentials and websockets. The reference below is that handler
(Litestar's request body, the pydantic model on every body, `Response(result.to_dict())`),
served with the same state and exception handlers. No database: embed tokens authenticate, and
the question whether their key may still act (tested against PostgreSQL in
tests/integration/test_embed.py and tests/reliability/test_agency_disable.py) is answered here
by a table of the principals this test minted for.

Also: the metrics middleware still counts evaluate, by route template and status.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from litestar import Litestar, Request, Response, post
from litestar.exceptions import ClientException, ValidationException
from prometheus_client import REGISTRY
from pydantic import ValidationError

import harm_model
from asb_api import embed_tokens, request_log
from asb_api.app import create_app
from asb_api.auth import provide_actor
from asb_api.problems import exception_handlers
from asb_api.routes.assessments import assessment_json, harm_problem, judgement_for
from asb_core import access
from asb_core.actor import Actor
from asb_core.assessments.schemas import EvaluateIn
from asb_core.settings import Settings

PATH = "/v1/assessments/evaluate"
MAX_BODY = 2_000
POLICY = harm_model.get_policy()
QUESTION_IDS = [q.id for q in POLICY.questions]
STRANDS = list(POLICY.hostility_strands)


@post(PATH, status_code=200)
async def reference_evaluate(request: Request) -> Response:
    actor = await provide_actor(request)
    access.require(actor, "assess.evaluate")
    body = await request.body()
    try:
        raw = msgspec.json.decode(body)
    except msgspec.DecodeError as exc:
        raise ClientException(f"JSON is malformed: {exc}") from exc
    try:
        data = EvaluateIn.model_validate(raw)
    except ValidationError as exc:
        extra = [
            {"message": e["msg"], "key": ".".join(str(p) for p in e["loc"]) or "body",
             "source": "body"}
            for e in exc.errors(include_url=False)
        ]
        raise ValidationException(
            "Validation failed for POST /v1/assessments/evaluate", extra=extra) from None
    try:
        result = harm_model.assess(
            data.answers, data.policy_version, judgement=judgement_for(actor, data.judgement))
    except harm_model.HarmValidationError as exc:
        raise harm_problem(exc) from exc
    return Response(result.to_dict())


def _known_principals(app, *actors: Actor) -> None:
    """Answer "may this token's key still act?" from the actors this test minted for."""
    active = {a.principal_id for a in actors}

    async def principal_checker(_sessionmaker, principal_id, _cache_seconds) -> bool:
        return principal_id in active

    app.state["principal_checker"] = principal_checker


@pytest.fixture(scope="module")
def apps():
    settings_ = Settings(ASB_SECRET_KEY="s" * 32, ASB_MAX_BODY_BYTES=MAX_BODY,
                         ASB_RATE_LIMIT_PER_MINUTE=10_000_000)
    real = create_app(settings_)
    # With the app-wide request context (X-Request-ID on every answer), as the real app.
    reference = request_log.install(Litestar(
        route_handlers=[reference_evaluate], exception_handlers=exception_handlers,
        state=real.state, request_max_body_size=MAX_BODY, openapi_config=None, debug=False,
    ))
    supervisor = Actor(uuid.uuid4(), uuid.uuid4(), "fen-police", "police", "supervisor")
    token, _ = embed_tokens.issue(supervisor, embed_tokens.signing_key(real.state))
    _known_principals(real, supervisor)
    return real, reference, token


def _scope(method: str, headers: list[tuple[bytes, bytes]], kind: str = "http") -> dict:
    scope = {
        "type": kind, "asgi": {"version": "3.0"}, "http_version": "1.1", "scheme": "http",
        "path": PATH, "raw_path": PATH.encode(), "query_string": b"", "root_path": "",
        # A fixed request id: both apps answer with it.
        "headers": [(b"host", b"testserver"), (b"content-type", b"application/json"),
                    (b"x-request-id", b"hot-path"), *headers],
        "client": ("10.1.2.3", 5000),
        "server": ("testserver", 80),
    }
    if kind == "http":
        scope["method"] = method
    else:
        scope["subprotocols"] = []
    return scope


async def _call(app, scope: dict, chunks: list[bytes]) -> tuple:
    """What the app sends for one request (status, headers, body; or websocket messages)."""
    events = [{"type": "http.request", "body": c, "more_body": i < len(chunks) - 1}
              for i, c in enumerate(chunks)] or [{"type": "http.request", "body": b""}]
    if scope["type"] == "websocket":
        events = [{"type": "websocket.connect"}]
    sent: list[dict] = []

    async def receive() -> dict:
        if events:
            return events.pop(0)
        return {"type": "http.disconnect" if scope["type"] == "http"
                else "websocket.disconnect", "code": 1000}

    async def send(message: dict) -> None:
        sent.append(message)

    await app(scope, receive, send)
    if scope["type"] == "websocket":
        return tuple(json.dumps(m, sort_keys=True) for m in sent)
    start = sent[0]
    body = b"".join(m.get("body", b"") for m in sent[1:])
    return start["status"], list(start.get("headers", [])), body


async def _both(apps, method: str, body: bytes | list[bytes], token: str | None = None,
                extra: list[tuple[bytes, bytes]] | None = None, kind: str = "http"):
    real, reference, default_token = apps
    chunks = body if isinstance(body, list) else [body]
    headers = [(b"content-type", b"application/json")]
    if extra is None:
        headers.append((b"content-length", str(sum(map(len, chunks))).encode()))
    else:
        headers += extra
    token = default_token if token is None else token
    if token:
        headers.append((b"authorization", f"Bearer {token}".encode()))
    got = await _call(real, _scope(method, headers, kind), chunks)
    want = await _call(reference, _scope(method, headers, kind), chunks)
    assert got == want
    return got


def _body(data: Any, ascii_only: bool = False) -> bytes:
    return json.dumps(data, ensure_ascii=ascii_only).encode()


SCREEN = {"immediate_danger": False, "threats_or_violence": False, "repeat": True,
          "feels_targeted": True, "hostility_perceived": ["race"],
          "disability_or_illness": True, "reported_elsewhere": False}


async def test_a_valid_body_gets_the_same_bytes_as_the_reference(apps):
    status, headers, body = await _both(apps, "POST", _body({"answers": SCREEN}))
    assert status == 200
    assert headers == [(b"content-type", b"application/json"),
                       (b"content-length", str(len(body)).encode()),
                       (b"x-request-id", b"hot-path")]
    assert json.loads(body)["level"] == "high"
    await _both(apps, "POST", _body({"answers": SCREEN, "policy_version": "fenland-harm-v1"}))
    await _both(apps, "POST", _body({"answers": {}, "judgement": {
        "level": "medium", "reason": "known to us"}}))
    await _both(apps, "POST", _body({"answers": SCREEN, "judgement": {
        "level": "standard", "reason": "supervisor's call"}}))


@pytest.mark.parametrize("method", ["GET", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS",
                                    "TRACE", "CONNECT", "FOO"])
async def test_other_methods_answer_as_a_post_route(apps, method):
    status, headers, _ = await _both(apps, method, _body({"answers": SCREEN}))
    assert status == (204 if method == "OPTIONS" else 405)


async def test_size_limits_content_length_and_streaming_as_the_reference(apps):
    big = _body({"answers": {"repeat": True}, "policy_version": "x" * MAX_BODY})
    assert (await _both(apps, "POST", big))[0] == 413  # announced
    assert (await _both(apps, "POST", [big[:500], big[500:]], extra=[]))[0] == 413  # streamed
    ok = _body({"answers": SCREEN})
    assert (await _both(apps, "POST", [ok[:10], ok[10:20], ok[20:]], extra=[]))[0] == 200
    bad = [(b"content-length", b"abc")]
    assert (await _both(apps, "POST", ok, extra=bad))[0] == 400
    assert (await _both(apps, "POST", ok, extra=[(b"content-length", b"-1")]))[0] == 200
    assert (await _both(apps, "POST", b"", extra=[]))[0] == 400


async def test_credentials_problems_as_the_reference(apps):
    body = _body({"answers": SCREEN})
    assert (await _both(apps, "POST", body, token=""))[0] == 401
    assert (await _both(apps, "POST", body, token="not-a-key"))[0] == 401
    forged = apps[2][:-3] + ("AAA" if not apps[2].endswith("AAA") else "BBB")
    assert (await _both(apps, "POST", body, token=forged))[0] == 401


async def test_a_websocket_is_refused_as_the_reference(apps):
    got = await _both(apps, "GET", b"", kind="websocket")
    assert got and "websocket.close" in got[0]


text = st.text(st.characters(codec="utf-8"), max_size=12) | st.sampled_from(
    ["\x00", "a\x1fb", "\x7f", "tab\tok", "line\nok", "quote\"", "back\\slash", "é", ""])
scalar = st.none() | st.booleans() | st.integers(-3, 3) | st.floats(allow_nan=False) | text | \
    st.sampled_from(["yes", "no", "unknown", "daily", "weekly", "monthly", "less_often"])
value = scalar | st.lists(scalar | st.sampled_from(STRANDS), max_size=3) | \
    st.dictionaries(text, scalar, max_size=2) | st.lists(st.lists(scalar, max_size=2), max_size=2)
answers = st.dictionaries(st.sampled_from(QUESTION_IDS) | text, value, max_size=8)
judgement = st.none() | st.fixed_dictionaries(
    {"level": st.sampled_from(["standard", "medium", "high", "extreme"]), "reason": text}) | \
    st.dictionaries(text, scalar, max_size=2) | scalar

@st.composite
def valid_answers(draw: st.DrawFn) -> dict[str, Any]:
    """Answers the harm model accepts, in every spelling it takes."""
    out: dict[str, Any] = {}
    for q in POLICY.questions:
        if not draw(st.booleans()):
            continue
        if q.answer_type == "boolean":
            out[q.id] = draw(st.sampled_from([True, False, None, "yes", "no", "unknown"]))
        elif q.answer_type == "frequency":
            out[q.id] = draw(st.sampled_from([*q.points, None, "unknown"]))
        else:
            out[q.id] = draw(st.none() | st.just("unknown")
                             | st.lists(st.sampled_from(STRANDS), max_size=3))
    return out


valid_body = st.fixed_dictionaries(
    {"answers": valid_answers()},
    optional={"policy_version": st.none() | st.just("fenland-harm-v1"),
              "judgement": st.none() | st.fixed_dictionaries(
                  {"level": st.sampled_from(["standard", "medium", "high"]),
                   "reason": st.sampled_from(["known to us", "supervisor's call"])})},
)
junk_body = st.fixed_dictionaries(
    {"answers": answers | valid_answers() | scalar},
    optional={"policy_version": st.none() | text | st.sampled_from(
        ["fenland-harm-v1", "x" * 500, "x" * 501]) | st.integers(),
              "judgement": judgement, "extra": scalar},
) | st.dictionaries(text, value, max_size=3) | value
body = st.booleans().flatmap(lambda valid: valid_body if valid else junk_body)


@settings(max_examples=400, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=body, ascii_only=st.booleans())
async def test_any_json_body_gets_the_same_answer_as_the_reference(apps, data, ascii_only):
    await _both(apps, "POST", _body(data, ascii_only))


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=40) | st.sampled_from(
    [b"{", b"[]", b"null", b'{"answers":{"repeat":tru}}', b'\xff\xfe', b'{"answers":{}} x']))
async def test_any_bytes_get_the_same_answer_as_the_reference(apps, raw):
    await _both(apps, "POST", raw)


@settings(max_examples=300, deadline=None)
@given(answers=st.dictionaries(
    st.sampled_from(QUESTION_IDS),
    st.none() | st.booleans() | st.sampled_from(["daily", "weekly", "monthly", "less_often"])
    | st.lists(st.sampled_from(STRANDS), max_size=3, unique=True), max_size=24),
    judged=st.none() | st.sampled_from(["standard", "medium", "high"]))
def test_assessment_json_is_the_encoded_to_dict(answers, judged):
    clean = {k: v for k, v in answers.items() if _fits(k, v)}
    judgement = None if judged is None else harm_model.Judgement(
        judged, "reason", "by", supervisor=True)
    result = harm_model.assess(clean, judgement=judgement)
    assert assessment_json(result) == msgspec.json.encode(result.to_dict())


def _fits(qid: str, value: Any) -> bool:
    kind = POLICY.question(qid).answer_type
    if value is None:
        return True
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "frequency":
        return isinstance(value, str)
    return isinstance(value, list)


def _count(status: str) -> float:
    return REGISTRY.get_sample_value(
        "asb_http_requests_total", {"method": "POST", "route": PATH, "status": status}) or 0.0


async def test_evaluate_is_counted_in_the_metrics(apps):
    real, _, token = apps
    ok, refused = _count("200"), _count("401")
    latency = REGISTRY.get_sample_value(
        "asb_http_request_duration_seconds_count", {"method": "POST", "route": PATH}) or 0.0
    headers = [(b"authorization", f"Bearer {token}".encode())]
    assert (await _call(real, _scope("POST", headers), [_body({"answers": SCREEN})]))[0] == 200
    assert (await _call(real, _scope("POST", []), [_body({"answers": SCREEN})]))[0] == 401
    assert _count("200") == ok + 1 and _count("401") == refused + 1
    assert REGISTRY.get_sample_value(
        "asb_http_request_duration_seconds_count", {"method": "POST", "route": PATH}
    ) == latency + 2


async def test_rate_limits_apply_to_evaluate():
    app = create_app(Settings(ASB_SECRET_KEY="r" * 32, ASB_RATE_LIMIT_PER_MINUTE=3,
                              ASB_BAD_KEY_LIMIT=2))
    caller = Actor(uuid.uuid4(), uuid.uuid4(), "fen-police", "police", "call_handler")
    token, _ = embed_tokens.issue(caller, embed_tokens.signing_key(app.state))
    _known_principals(app, caller)
    good = [(b"authorization", f"Bearer {token}".encode())]
    body = [_body({"answers": SCREEN})]
    assert [(await _call(app, _scope("POST", good), body))[0] for _ in range(3)] == [200] * 3
    status, headers, problem = await _call(app, _scope("POST", good), body)
    assert status == 429 and json.loads(problem)["type"].endswith("/rate-limited")
    assert int(dict(headers)[b"retry-after"]) >= 1

    # Bad credentials from an address never lock out a valid one from it (its own budget
    # aside): failures are counted and refused alone (tests/reliability/test_bad_credentials.py).
    other = _scope("POST", [(b"authorization", b"Bearer not-a-key")])
    other["client"] = ("10.9.9.9", 5000)
    assert [(await _call(app, dict(other), body))[0] for _ in range(3)] == [401] * 3
    fresh = create_app(Settings(ASB_SECRET_KEY="r" * 32, ASB_BAD_KEY_LIMIT=2))
    token, _ = embed_tokens.issue(caller, embed_tokens.signing_key(fresh.state))
    _known_principals(fresh, caller)
    same = _scope("POST", [(b"authorization", f"Bearer {token}".encode())])
    same["client"] = ("10.9.9.9", 5000)
    assert (await _call(fresh, same, body))[0] == 200
