"""OpenTelemetry tracing: an optional extra (`pip install 'asb-casework[otel]'`), off unless
`OTEL_EXPORTER_OTLP_ENDPOINT` is set (the standard OTLP/HTTP exporter's variables apply:
`OTEL_EXPORTER_OTLP_HEADERS`, `OTEL_SERVICE_NAME`, ...).

When on, each API request is a SERVER span (continuing the caller's W3C `traceparent`), each
database statement a child span of it (opentelemetry-instrumentation-sqlalchemy on every engine
`asb_core.db.create_engine` makes), and each webhook delivery a CLIENT span whose parent is the
request that caused the event (its traceparent is kept with the outbox row), sent on to the
receiver as the delivery's `traceparent`. The request's log lines carry the same trace and span
ids. Off, none of the OpenTelemetry packages is imported and nothing here costs anything.

The tracer provider is this module's own (not the process-global one), so a test can turn
tracing on with an in-memory exporter (`configure(exporter=...)`).
"""

from __future__ import annotations

import logging
import os
from contextlib import contextmanager
from typing import Any

log = logging.getLogger("asb_core.telemetry")

_provider: Any = None
_tracer: Any = None


def enabled() -> bool:
    return _tracer is not None


def configure(exporter: Any = None) -> bool:
    """Turn tracing on when `exporter` is given (tests) or OTEL_EXPORTER_OTLP_ENDPOINT is set
    and the extra is installed. Returns whether tracing is on."""
    global _provider, _tracer
    if exporter is None and not os.environ.get("OTEL_EXPORTER_OTLP_ENDPOINT"):
        return enabled()
    try:
        from opentelemetry.sdk.resources import Resource
        from opentelemetry.sdk.trace import TracerProvider
        from opentelemetry.sdk.trace.export import BatchSpanProcessor, SimpleSpanProcessor
    except ImportError:
        log.warning("OTEL_EXPORTER_OTLP_ENDPOINT is set but the otel extra is not installed "
                    "(pip install 'asb-casework[otel]'): no traces")
        return False
    provider = TracerProvider(resource=Resource.create(
        {"service.name": os.environ.get("OTEL_SERVICE_NAME", "asb-casework")}))
    if exporter is None:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    else:
        provider.add_span_processor(SimpleSpanProcessor(exporter))
    _provider, _tracer = provider, provider.get_tracer("asb_casework")
    return True


def shutdown() -> None:
    """Flush and turn tracing off (tests; a process exiting flushes by itself)."""
    global _provider, _tracer
    if _provider is not None:
        from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor

        if SQLAlchemyInstrumentor().is_instrumented_by_opentelemetry:
            SQLAlchemyInstrumentor().uninstrument()
        _provider.shutdown()
    _provider = _tracer = None


def instrument_engine(engine: Any) -> None:
    """A span per statement on this engine, as a child of the current span."""
    if not enabled():
        return
    from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor

    SQLAlchemyInstrumentor().instrument(engine=engine.sync_engine, tracer_provider=_provider,
                                        enable_commenter=False,
                                        # It declares sqlalchemy < 2.1; 2.1 keeps the engine
                                        # events it listens to (test_telemetry.py proves it).
                                        skip_dep_check=True)


def _parent(traceparent: str | None) -> Any:
    from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

    return TraceContextTextMapPropagator().extract(
        {"traceparent": traceparent} if traceparent else {})


def ids(span: Any) -> tuple[str, str, bool]:
    """(trace id, span id, sampled) of a span, in W3C hex."""
    ctx = span.get_span_context()
    return f"{ctx.trace_id:032x}", f"{ctx.span_id:016x}", bool(ctx.trace_flags & 1)


@contextmanager
def span(name: str, kind: str, traceparent: str | None = None, **attributes: Any):
    """A current span named `name` of `kind` ("server", "client", "internal") under the
    caller's `traceparent` (or the current span); yields None when tracing is off."""
    if _tracer is None:
        yield None
        return
    from opentelemetry.trace import SpanKind

    with _tracer.start_as_current_span(
        name, context=_parent(traceparent) if traceparent is not None else None,
        kind=getattr(SpanKind, kind.upper()),
        attributes={k: v for k, v in attributes.items() if v is not None},
    ) as current:
        yield current


def traceparent_of(current: Any) -> str:
    trace_id, span_id, sampled = ids(current)
    return f"00-{trace_id}-{span_id}-{'01' if sampled else '00'}"
