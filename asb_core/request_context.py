"""The request a piece of work is done for: its request id and W3C trace context.

The API's request middleware (`asb_api/request_log.py`) sets it for each request; anything
asb_core logs meanwhile carries it (structlog's context variables, `asb_core/logs.py`), and a
writing request's unit of work hands it to PostgreSQL as the transaction's settings
`asb.request_id` and `asb.traceparent`, from which migration 0022's trigger stamps the webhook
outbox rows that transaction writes, so each delivery carries the trace of the request that
caused it. Outside a request (the worker, the CLI) there is none.

Trace context follows W3C Trace Context: a `traceparent` a client sends is accepted when
well-formed; the request continues its trace as a span of its own (a new span id whose parent
is the caller's), or starts a trace when there is none.
"""

from __future__ import annotations

import os
import re
from contextvars import ContextVar
from dataclasses import dataclass

_TRACEPARENT = re.compile(r"^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$")
# What a client may send as X-Request-ID: printable, short, no spaces (it goes into logs).
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:@/+=-]{1,128}$")


@dataclass
class RequestContext:
    request_id: str
    trace_id: str
    span_id: str
    parent_span_id: str | None
    sampled: bool
    writes: bool  # a method that may write (its transactions stamp the outbox)

    @property
    def traceparent(self) -> str:
        """This request's own span, as the parent of what it causes (webhook deliveries)."""
        return f"00-{self.trace_id}-{self.span_id}-{'01' if self.sampled else '00'}"


CURRENT: ContextVar[RequestContext | None] = ContextVar("asb_request", default=None)


def parse_traceparent(value: str | None) -> tuple[str, str, bool] | None:
    """(trace id, parent span id, sampled) from a W3C `traceparent`, None unless well-formed."""
    if not value:
        return None
    m = _TRACEPARENT.match(value.strip().lower())
    if m is None or m.group(1) == "0" * 32 or m.group(2) == "0" * 16:
        return None
    return m.group(1), m.group(2), bool(int(m.group(3), 16) & 1)


def request_id_from(value: str | None, made: str) -> str:
    """The client's X-Request-ID when it is a sensible token, else `made` (a new one)."""
    return value if value and _REQUEST_ID.match(value) else made


def new_context(method: str, request_id: str | None, traceparent: str | None, *,
                trace_id: str | None = None, span_id: str | None = None) -> RequestContext:
    """The context of a new request. `trace_id` and `span_id`: the request's span's, when
    OpenTelemetry made one (`asb_core.telemetry`); else they are made here."""
    # One read of the system's random source for all three ids (every request makes them):
    # 32 hex digits of request id, 32 of trace id, 16 of span id.
    fresh = os.urandom(40).hex()
    parsed = parse_traceparent(traceparent) if traceparent else None
    if parsed is None:
        new_trace, parent, sampled = fresh[32:64], None, True
    else:
        new_trace, parent, sampled = parsed
    return RequestContext(
        request_id=request_id_from(request_id, fresh[:32]), trace_id=trace_id or new_trace,
        span_id=span_id or fresh[64:], parent_span_id=parent, sampled=sampled,
        writes=method not in ("GET", "HEAD", "OPTIONS"),
    )


def current() -> RequestContext | None:
    return CURRENT.get()


def db_settings() -> dict[str, str] | None:
    """The transaction settings a writing request's unit of work sets, or None."""
    ctx = CURRENT.get()
    if ctx is None or not ctx.writes:
        return None
    return {"traceparent": ctx.traceparent, "request_id": ctx.request_id}
