"""Prometheus metrics: request counts and latency by route template and status, and the
business metrics counted in PostgreSQL (`asb_core.business_metrics`). Served only to an
operator: the bearer of `ASB_METRICS_TOKEN`, or a client on the same machine.

With several worker processes, `asb serve` sets `PROMETHEUS_MULTIPROC_DIR` so a scrape of any
worker reports the sum over all of them.
"""

from __future__ import annotations

import hmac
import ipaddress
import os
import time
from typing import Any

from litestar import Request, Response, get
from litestar.types import ASGIApp, Message, Receive, Scope, Send
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)

from asb_api.auth import authorization_header, bearer_token
from asb_api.problems import Problem
from asb_api.ratelimit import client_address
from asb_core import business_metrics

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


@get("/metrics")
async def metrics(request: Request) -> Response:
    state = request.app.state
    if not _operator(request.scope, state):
        # Not the world's: answered as if there were nothing here.
        raise Problem(404, "no such resource")
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        body = generate_latest(registry)
    else:
        body = generate_latest()
    session = state["sessionmaker"]()
    try:
        body += business_metrics.exposition(await business_metrics.collect(session))
    finally:
        await session.close()
    # Litestar adds the charset itself; the exposition format's version is what matters.
    return Response(body, media_type=CONTENT_TYPE_LATEST.split(";")[0] + "; version=0.0.4")


def _operator(scope, state) -> bool:
    """An operator: the bearer of ASB_METRICS_TOKEN, or a client on this machine (loopback,
    judged after ASB_TRUSTED_PROXIES, so a proxy on the same host does not make the world
    local)."""
    token = state["settings"].metrics_token
    if token is not None:
        presented = bearer_token(authorization_header(scope)) or ""
        if hmac.compare_digest(presented.encode(), token.get_secret_value().encode()):
            return True
    try:
        return ipaddress.ip_address(client_address(scope, state["trusted_proxies"])).is_loopback
    except ValueError:
        return False
