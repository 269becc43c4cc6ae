"""Per-request context and the access log, as ASGI middleware.

Each HTTP request gets a request id (the client's `X-Request-ID` when it sends a sensible one,
else a new one), returned in the response's `X-Request-ID`, and a W3C trace context (continuing
the client's `traceparent`, else a new trace). Both are on every log line written while the
request is served (`asb_core.logs`) and on the webhooks it causes (`asb_core.uow`).

When it ends, one access log line: method, route template (never the raw path: ids and
references stay out of the labels), status, duration and the caller's agency slug. Never a
body, a query string, a key or anyone's identity.
"""

from __future__ import annotations

import logging
import time

from litestar.types import ASGIApp, Message, Receive, Scope, Send

from asb_core import logs, request_context, telemetry

log = logging.getLogger("asb_api.access")


def _headers(scope: Scope) -> tuple[str | None, str | None]:
    """The request's `X-Request-ID` and `traceparent` (None where absent or not ASCII), in one
    pass over its headers."""
    request_id = traceparent = None
    for key, value in scope["headers"]:
        if key == b"x-request-id" or key == b"traceparent":
            try:
                text = value.decode("ascii")
            except UnicodeDecodeError:
                continue
            if key == b"traceparent":
                traceparent = text
            else:
                request_id = text
    return request_id, traceparent


def install(app):
    """Wrap the whole of a Litestar app (its ASGI handler, as Litestar's own OpenTelemetry
    plugin does), so that answers the router gives itself (404, 405) get a request id and an
    access line too, which route middleware would miss. Returns the app."""
    app.asgi_handler = request_log_middleware(app.asgi_handler)
    return app


def request_log_middleware(app: ASGIApp) -> ASGIApp:
    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        method = scope["method"]
        request_id, traceparent = _headers(scope)
        if not telemetry.enabled():
            await _serve(app, scope, receive, send,
                         request_context.new_context(method, request_id, traceparent))
            return
        valid = traceparent if request_context.parse_traceparent(traceparent) else None
        with telemetry.span(method, "server", valid, **{"http.request.method": method}) as span:
            trace_id, span_id, _ = telemetry.ids(span)
            ctx = request_context.new_context(method, request_id, traceparent,
                                              trace_id=trace_id, span_id=span_id)
            status = await _serve(app, scope, receive, send, ctx)
            route = scope.get("path_template") or "unmatched"
            span.update_name(f"{method} {route}")
            span.set_attribute("http.route", route)
            span.set_attribute("http.response.status_code", status)
            span.set_attribute("asb.request_id", ctx.request_id)

    return middleware


async def _serve(app: ASGIApp, scope: Scope, receive: Receive, send: Send,
                 ctx: request_context.RequestContext) -> int:
    """Serve the request with `ctx` current; the access line at the end. Returns the status."""
    token = request_context.CURRENT.set(ctx)
    clock = time.perf_counter
    start = clock()
    status = 500
    rid = ctx.request_id.encode()

    async def send_wrapper(message: Message) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
            message["headers"] = [*message.get("headers", []), (b"x-request-id", rid)]
        await send(message)

    try:
        await app(scope, receive, send_wrapper)
    finally:
        actor = scope.get("asb_actor")  # set once authenticated (asb_api.auth)
        method, route = scope["method"], scope.get("path_template") or "unmatched"
        logs.info_line(log, f"{method} {route} {status}", {
            "method": method,
            "route": route,
            "status": status,
            "duration_ms": round((clock() - start) * 1000, 2),
            "agency": getattr(actor, "agency_slug", None),
        })
        request_context.CURRENT.reset(token)
    return status
