"""What a request must be before its body is read: authenticated first (a request without a
valid credential is answered 401 and its body never read), then JSON by its Content-Type (415
otherwise, a missing type included), then JSON with every object's keys named once (a repeated
key is a 422 naming it, never "the last one wins").

`guard` is the guard of every route that takes an actor or a body (the evaluate hot path, a raw
ASGI handler, makes the same checks itself); `StrictRequest` is the app's request class, whose
`json()` refuses repeated keys.
"""

from __future__ import annotations

import json
from typing import Any

from litestar import Request
from litestar.exceptions import ClientException, ValidationException
from litestar.handlers import BaseRouteHandler
from litestar.types import Empty

from asb_api.auth import actor_for_scope
from asb_api.problems import Problem


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


class _Repeated(Exception):  # noqa: N818 - not ValueError: json.loads must not wrap it
    pass


def _refuse_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj: dict[str, Any] = {}
    for key, value in pairs:
        if key in obj:
            raise _Repeated(key)
        obj[key] = value
    return obj


def decode_json(body: bytes) -> Any:
    """The JSON value of `body`, refusing an object that names a key twice (422 naming it);
    malformed JSON is a 400."""
    try:
        return json.loads(body or b"null", object_pairs_hook=_refuse_repeats,
                          parse_constant=_no_constant)
    except _Repeated as exc:
        raise ValidationException(
            "a key appears twice in one object",
            extra=[{"key": str(exc.args[0]), "source": "body",
                    "message": "appears more than once in the same object"}]) from None
    except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError
        raise ClientException(f"JSON is malformed: {exc}") from None
    except RecursionError:
        raise ClientException("the request body is nested too deeply") from None


def is_json(content_type: str | None) -> bool:
    """`application/json` or `application/<something>+json`, any parameters."""
    if not content_type:
        return False
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or (media.startswith("application/")
                                          and media.endswith("+json"))


def require_json(headers) -> None:
    """415 unless the request declares a JSON body; a request with no body and no type passes
    (a body that is optional, e.g. marking a target met)."""
    content_type = headers.get("content-type")
    if is_json(content_type):
        return
    if content_type is None and headers.get("content-length") in (None, "0") \
            and headers.get("transfer-encoding") is None:
        return
    raise Problem(415, "the request body must be JSON (Content-Type: application/json)")


class StrictRequest(Request):
    """The app's request: `json()` refuses repeated keys (see `decode_json`)."""

    async def json(self) -> Any:
        if self._json is Empty:
            cached = self._connection_state.json
            if cached is not Empty:
                self._json = cached
            else:
                self._json = self._connection_state.json = decode_json(await self.body())
        return self._json


async def guard(connection, route_handler: BaseRouteHandler) -> None:
    """Authenticate before anything else is read, then check the body's media type."""
    parameters = route_handler.parsed_fn_signature.parameters
    if "actor" in parameters:
        await actor_for_scope(connection.scope, connection.app.state)
    if "data" in parameters:
        require_json(connection.headers)
