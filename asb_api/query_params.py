"""Unknown query parameters are refused: a 422 problem naming each one, on every operation.

A misspelt filter (`?risk_levl=high`) silently ignored would answer with every case instead of
the ones asked for, so each request's query names are checked against those its handler
declares: its `QueryParameter`s (`Annotated[..., QueryParameter(...)]`, `FromQuery[...]`) and any
it reads by hand, named in the handler's `opt["query_params"]`. The set is worked out once per
handler; a request without a query string (the evaluate hot path's) costs one lookup.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

from litestar.handlers import BaseRouteHandler
from litestar.params import QueryParameter
from litestar.types import ASGIApp, Receive, Scope, Send

from asb_api.problems import Problem

_KNOWN: dict[BaseRouteHandler, frozenset[str]] = {}


def _query_names(signature) -> set[str]:
    return {kwarg.name or kwarg.query or name
            for name, field in signature.parameters.items()
            if isinstance(kwarg := field.kwarg_definition, QueryParameter)}


def declared_query_params(handler: BaseRouteHandler) -> frozenset[str]:
    """The query parameter names `handler` reads: its own, its dependencies' and those named in
    its `opt["query_params"]`."""
    known = _KNOWN.get(handler)
    if known is None:
        names = set(handler.opt.get("query_params", ())) | _query_names(handler.parsed_fn_signature)
        for provider in handler.resolve_dependencies().values():
            signature = getattr(provider, "parsed_fn_signature", None)
            if signature is not None:
                names |= _query_names(signature)
        known = _KNOWN[handler] = frozenset(names)
    return known


def unknown_query_params(scope: Scope) -> list[str]:
    """The names in the request's query string its handler does not read, in order given."""
    query = scope.get("query_string")
    if not query:
        return []
    known = declared_query_params(scope["route_handler"])
    names = dict.fromkeys(k for k, _ in parse_qsl(query.decode("latin-1"), keep_blank_values=True))
    return [n for n in names if n not in known]


def query_check_middleware(app: ASGIApp) -> ASGIApp:
    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("query_string"):
            unknown = unknown_query_params(scope)
            if unknown:
                raise Problem(
                    422, f"unknown query parameter: {', '.join(unknown)}",
                    errors=[{"field": n, "message": "unknown query parameter"} for n in unknown],
                )
        await app(scope, receive, send)

    return middleware
