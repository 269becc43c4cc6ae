"""Prometheus metrics: request counts and latency by route template and status.

With several worker processes, `asb serve` sets `PROMETHEUS_MULTIPROC_DIR` so a scrape of any
worker reports the sum over all of them.
"""

from __future__ import annotations

import os
import time
from typing import Any

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


_MAX_BOUND = 2048  # label sets kept bound; beyond that (odd methods) children are looked up


def metrics_middleware(app: ASGIApp) -> ASGIApp:
    # The label children of each (method, route, status), bound once: a request costs one dict
    # lookup, not a labels() call (tuple building, lock, validation) per metric.
    bound: dict[tuple[str, str, int], tuple[Any, Any]] = {}
    clock = time.perf_counter

    def children(method: str, route: str, status: int) -> tuple[Any, Any]:
        pair = (REQUESTS.labels(method, route, str(status)), LATENCY.labels(method, route))
        if len(bound) < _MAX_BOUND:
            bound[(method, route, status)] = pair
        return pair

    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        start = clock()
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
            method = scope["method"]
            route = scope.get("path_template") or "unmatched"
            pair = bound.get((method, route, status)) or children(method, route, status)
            pair[0].inc()
            pair[1].observe(clock() - start)

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
