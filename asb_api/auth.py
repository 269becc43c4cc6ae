"""Authentication: `Authorization: Bearer <key>` to an `Actor`, once per request.

A malformed or unknown key costs at most one indexed lookup and is answered 401 with a
problem-details body that does not say which part was wrong.
"""

from __future__ import annotations

from litestar import Request

from asb_api.deps import DbSession
from asb_api.problems import Problem
from asb_core.actor import Actor
from asb_core.services.admin import authenticate

_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="asb"'}


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization")
    if not header:
        return None
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


async def provide_actor(request: Request, db_session: DbSession) -> Actor:
    cached = request.scope.get("asb_actor")
    if cached is not None:
        return cached
    token = bearer_token(request)
    if token is None:
        raise Problem(401, "an API key is required (Authorization: Bearer <key>)",
                      headers=_CHALLENGE)
    async with db_session.begin():
        actor = await authenticate(db_session, token)
    if actor is None:
        raise Problem(401, "the API key is not valid", headers=_CHALLENGE)
    request.scope["asb_actor"] = actor  # type: ignore[typeddict-unknown-key]
    return actor
