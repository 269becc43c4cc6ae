"""Authentication: `Authorization: Bearer <key>` to an `Actor`, once per request.

A malformed or unknown key costs at most one indexed lookup and is answered 401 with a
problem-details body that does not say which part was wrong. A revoked key is refused within
ASB_KEY_CACHE_SECONDS (default 1 s; 0: on the next request), see `asb_core.agencies.key_lookup`,
and so is every embed token it minted; so are all keys and tokens of a disabled agency.
Failed authentications are counted per key prefix and client address across every worker and
answered 429 past ASB_BAD_KEY_LIMIT, never a valid credential (`asb_api.ratelimit`); each valid
key has its own request budget.
"""

from __future__ import annotations

from collections.abc import Awaitable, Hashable

from litestar import Request
from sqlalchemy.ext.asyncio import AsyncEngine

from asb_api import embed_tokens
from asb_api.problems import Problem
from asb_api.ratelimit import client_address, credential_prefix
from asb_core.actor import Actor
from asb_core.agencies.key_lookup import (
    actor_for_key,
    actor_for_key_on_engine,
    principal_active,
    principal_active_on_engine,
)
from asb_core.agencies.keys import looks_like_key

_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="asb"'}
# What a scoped actor (an embed token) may call: evaluating, reading the policy, opening a case,
# the repeat-caller lookup.
SCOPED_OPERATIONS = frozenset({
    ("GET", "/v1/assessment-policy"),
    ("POST", "/v1/assessments/evaluate"),
    ("POST", "/v1/cases"),
    ("POST", "/v1/repeat-caller-lookup"),
})


def authorization_header(scope) -> str | None:
    """The first Authorization header, read from the raw ASGI headers (names compared without
    regard to case, values decoded as latin-1: what `request.headers.get` answers, without
    building the request's header multidict)."""
    for name, value in scope["headers"]:
        if len(name) == 13 and name.lower() == b"authorization":
            return value.decode("latin-1")
    return None


def bearer_token(header: str | None) -> str | None:
    if not header:
        return None
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def _too_many(limiter, key: Hashable, what: str) -> Problem:
    return Problem(429, f"too many {what}; slow down", kind="rate-limited",
                   headers={"Retry-After": str(limiter.retry_after(key))})


async def provide_actor(request: Request) -> Actor:
    return await actor_for_scope(request.scope, request.app.state)


async def actor_for_scope(scope, state) -> Actor:
    """The request's Actor (once per request: kept in the scope), or the problem to answer:
    401 for a missing or invalid credential (429 with Retry-After once its key prefix or client
    address has failed too often, see `asb_api.ratelimit`), 429 for a key over its request
    budget, 403 for an embed token outside its scopes. A valid credential is never refused
    for anyone else's failures, and a success never touches the shared failure counters."""
    cached = scope.get("asb_actor")
    if cached is not None:
        return cached
    token = bearer_token(authorization_header(scope))
    if token is None:
        raise Problem(401, "an API key is required (Authorization: Bearer <key>)",
                      headers=_CHALLENGE)
    # Item access: Litestar's State answers attribute access only after a failed lookup has
    # built an AttributeError, several microseconds each.
    if token.startswith(embed_tokens.EMBED_PREFIX):
        # Checked against the signing key; then the key that minted it must still be valid (not
        # revoked, its agency not disabled), answered from the key cache window as a key is.
        actor = embed_tokens.verify(token, embed_tokens.signing_key(state))
        if actor is not None and not await state["principal_checker"](
                state["sessionmaker"], actor.principal_id,
                state["settings"].key_cache_seconds):
            actor = None
    else:
        actor = await state["authenticator"](
            state["sessionmaker"], token, state["settings"].key_cache_seconds)
    if actor is None:
        raise await _refused(scope, state, token)
    if actor.scopes and (scope["method"], scope.get("path_template")) \
            not in SCOPED_OPERATIONS:
        raise Problem(403, "this token may only evaluate assessments, open cases and look up "
                           "repeat callers")
    limiter = state["key_limiter"]
    if not limiter.allow(actor.principal_id):
        raise _too_many(limiter, actor.principal_id, "requests for this key")
    scope["asb_actor"] = actor
    return actor


async def _refused(scope, state, token: str) -> Problem:
    """The answer to a credential that is not valid. One that could be a key or an embed token
    is counted (shared, per prefix and address); garbage is not (it never reached the database
    and cannot be a guess at one)."""
    if looks_like_key(token) or token.startswith(embed_tokens.EMBED_PREFIX):
        wait = await state["bad_credentials"].failed(
            state["sessionmaker"], credential_prefix(token),
            client_address(scope, state["trusted_proxies"]))
        if wait is not None:
            return Problem(429, "too many failed authentications; slow down",
                           kind="rate-limited", headers={"Retry-After": str(wait)})
    return Problem(401, "the API key is not valid", headers=_CHALLENGE)


async def authenticate_in_transaction(
    sessionmaker, token: str, cache_seconds: float = 0.0
) -> Actor | None:
    """One indexed query, one round trip (see `asb_core.agencies.key_lookup`); no session is opened
    unless the sessions are bound to a caller's connection.

    With the app's own engine the lookup runs on a small pool without pre-ping or BEGIN/COMMIT,
    and a key found valid by a read that began less than `cache_seconds` ago (the setting
    ASB_KEY_CACHE_SECONDS) is answered without another; sessions joined to an outer connection
    (tests) run the same statement inside it, every time, so they see that transaction's rows.
    """
    if not looks_like_key(token):
        return None
    return await _lookup(sessionmaker, actor_for_key_on_engine, actor_for_key, token,
                         cache_seconds)


async def principal_active_in_transaction(
    sessionmaker, principal_id, cache_seconds: float = 0.0
) -> bool:
    """Whether the principal behind an embed token may still act: on the app's own engine
    through the key lookup's pool and cache window; inside a caller's connection (tests), by
    one statement every time."""
    return await _lookup(sessionmaker, principal_active_on_engine, principal_active,
                         principal_id, cache_seconds)


def _lookup(sessionmaker, on_engine, on_connection, key, cache_seconds: float) -> Awaitable:
    """`on_engine(engine, key, cache_seconds)` when the sessions are the app's own engine's;
    else `on_connection(asyncpg connection, key)` inside the caller's transaction. Returns the
    coroutine itself, so the hot path pays for no extra frame."""
    bind = getattr(sessionmaker, "kw", {}).get("bind")
    if isinstance(bind, AsyncEngine):
        return on_engine(bind, key, cache_seconds)
    return _on_callers_connection(sessionmaker, on_connection, key)


async def _on_callers_connection(sessionmaker, on_connection, key):
    async with sessionmaker() as session:
        connection = await session.connection()
        raw = await connection.get_raw_connection()
        return await on_connection(raw.driver_connection, key)
