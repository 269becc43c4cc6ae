"""Authentication: `Authorization: Bearer <key>` to an `Actor`, once per request.

A malformed or unknown key costs at most one indexed lookup and is answered 401 with a
problem-details body that does not say which part was wrong. A client address that sends many
bad keys is answered 429 before any lookup; each valid key has its own request budget.
"""

from __future__ import annotations

from litestar import Request
from sqlalchemy.ext.asyncio import AsyncEngine

from asb_api import embed_tokens
from asb_api.problems import Problem
from asb_core.actor import Actor
from asb_core.key_lookup import actor_for_key, actor_for_key_on_engine
from asb_core.keys import looks_like_key

_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="asb"'}
# What a scoped actor (an embed token) may call: evaluating, reading the policy, opening a case.
SCOPED_OPERATIONS = frozenset({
    ("GET", "/v1/assessment-policy"),
    ("POST", "/v1/assessments/evaluate"),
    ("POST", "/v1/cases"),
})


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization")
    if not header:
        return None
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _too_many(limiter, key: str, what: str) -> Problem:
    return Problem(429, f"too many {what}; slow down", kind="rate-limited",
                   headers={"Retry-After": str(limiter.retry_after(key))})


async def provide_actor(request: Request) -> Actor:
    cached = request.scope.get("asb_actor")
    if cached is not None:
        return cached
    state = request.app.state
    bad_keys = state.bad_key_limiter
    client = _client(request)
    if bad_keys.blocked(client):
        raise _too_many(bad_keys, client, "failed authentications from this address")
    token = bearer_token(request)
    if token is None:
        bad_keys.allow(client)
        raise Problem(401, "an API key is required (Authorization: Bearer <key>)",
                      headers=_CHALLENGE)
    if token.startswith(embed_tokens.EMBED_PREFIX):
        # Stateless: checked against the signing key, no database access.
        actor = embed_tokens.verify(token, embed_tokens.signing_key(state))
    else:
        actor = await state.authenticator(state.sessionmaker, token)
    if actor is None:
        bad_keys.allow(client)
        raise Problem(401, "the API key is not valid", headers=_CHALLENGE)
    if actor.scopes and (request.method, request.scope.get("path_template")) \
            not in SCOPED_OPERATIONS:
        raise Problem(403, "this token may only evaluate assessments and open cases")
    limiter = state.key_limiter
    if not limiter.allow(str(actor.principal_id)):
        raise _too_many(limiter, str(actor.principal_id), "requests for this key")
    request.scope["asb_actor"] = actor  # type: ignore[typeddict-unknown-key]
    return actor


async def authenticate_in_transaction(sessionmaker, token: str) -> Actor | None:
    """One indexed query, one round trip (see `asb_core.key_lookup`); no session is opened
    unless the sessions are bound to a caller's connection.

    With the app's own engine the lookup runs on a small pool without pre-ping or BEGIN/COMMIT;
    sessions joined to an outer connection (tests) run the same statement inside it, so they
    see that transaction's rows.
    """
    if not looks_like_key(token):
        return None
    bind = getattr(sessionmaker, "kw", {}).get("bind")
    if isinstance(bind, AsyncEngine):
        return await actor_for_key_on_engine(bind, token)
    async with sessionmaker() as session:
        connection = await session.connection()
        raw = await connection.get_raw_connection()
        return await actor_for_key(raw.driver_connection, token)
