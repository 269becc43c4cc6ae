"""Prometheus metrics: request counts and latency by route template and status.

With several worker processes, `asb serve` sets `PROMETHEUS_MULTIPROC_DIR` so a scrape of any
worker reports the sum over all of them.
"""

from __future__ import annotations

import os
import time

from litestar import Response, get
from litestar.types import ASGIApp, Message, Receive, Scope, Send
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)

REQUESTS = Counter("asb_http_requests_total", "HTTP requests", ["method", "route", "status"])
LATENCY = Histogram(
    "asb_http_request_duration_seconds", "HTTP request latency", ["method", "route"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0),
)


def metrics_middleware(app: ASGIApp) -> ASGIApp:
    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500

        async def send_wrapper(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await app(scope, receive, send_wrapper)
        finally:
            # The route template, not the raw path: ids never become label values.
            route = scope.get("path_template") or "unmatched"
            REQUESTS.labels(scope["method"], route, str(status)).inc()
            LATENCY.labels(scope["method"], route).observe(time.perf_counter() - start)

    return middleware


@get("/metrics", sync_to_thread=False)
def metrics() -> Response:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        body = generate_latest(registry)
    else:
        body = generate_latest()
    # Litestar adds the charset itself; the exposition format's version is what matters.
    return Response(body, media_type=CONTENT_TYPE_LATEST.split(";")[0] + "; version=0.0.4")
