"""The Litestar application: wiring of routes, dependencies, errors and the database engine.

`create_app()` is the factory the server runs (one per worker process). Tests pass their own
engine and session factory so that each test's writes are rolled back.
"""

from __future__ import annotations

import gc
from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager

from litestar import Litestar, Router
from litestar.datastructures import State
from litestar.di import Provide
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

import harm_model
from asb_api import metrics, request_log, strict_input
from asb_api.auth import (
    authenticate_in_transaction,
    principal_active_in_transaction,
    provide_actor,
)
from asb_api.deps import ActorDep
from asb_api.problems import exception_handlers
from asb_api.query_params import query_check_middleware
from asb_api.ratelimit import BadCredentials, RateLimiter
from asb_api.routes import (
    assessments,
    audit,
    case_assessments,
    case_review,
    cases,
    dataprotection,
    diary,
    directory,
    docs,
    embed,
    escalations,
    health,
    incidents,
    interventions,
    me,
    parties,
    referrals,
    repeat_caller,
    sharing,
    targets,
    timeline,
    updates,
)
from asb_api.routes import stats as stats_routes
from asb_api.routes import webhooks as webhook_routes
from asb_core import logs, telemetry
from asb_core.db import create_engine, resolve_database_url, session_factory
from asb_core.networks import parse_networks
from asb_core.settings import Settings, get_settings


async def provide_db_session(state: State, actor: ActorDep) -> AsyncGenerator[AsyncSession, None]:
    """The request's session, after its actor. Every route that takes a session is
    authenticated anyway; depending on the actor puts the two in separate dependency batches,
    which Litestar resolves in turn instead of spawning a task group with a task for each on
    every request (about a tenth of a millisecond of a diary entry's CPU)."""
    del actor  # resolved first; the session itself does not need it
    session: AsyncSession = state.sessionmaker()
    try:
        yield session
    finally:
        await session.close()


def settle_heap() -> None:
    """Move everything built at startup (modules, routes, models, the policy tables) out of the
    cyclic garbage collector's sight (`gc.freeze`), after collecting what startup left over.

    Without it each full collection walks the ~130,000 startup objects: measured under load at
    about 100 ms every few seconds, which was the whole p99 of the evaluate endpoint (120 ms
    against 15 ms with it). Full collections then walk only what requests leave behind.
    """
    harm_model.assess({})  # build the default policy's tables now, to be frozen with the rest
    gc.collect()
    gc.freeze()


ROUTES = [
    health.health,
    health.ready,
    metrics.metrics,
    docs.openapi_yaml,
    docs.docs,
    me.whoami,
    assessments.get_assessment_policy,
    assessments.evaluate_assessment,
    embed.embed_assessment_page,
    embed.issue_embed_token,
    audit.list_audit,
    *repeat_caller.route_handlers,
    *cases.route_handlers,
    *parties.route_handlers,
    *sharing.route_handlers,
    *case_assessments.route_handlers,
    *updates.route_handlers,
    *targets.route_handlers,
    *escalations.route_handlers,
    *timeline.route_handlers,
    *case_review.route_handlers,
    *diary.route_handlers,
    *incidents.route_handlers,
    *interventions.route_handlers,
    *directory.route_handlers,
    *referrals.route_handlers,
    *webhook_routes.route_handlers,
    *stats_routes.route_handlers,
    *dataprotection.route_handlers,
]


def create_app(
    settings: Settings | None = None,
    *,
    engine: AsyncEngine | None = None,
    sessionmaker: async_sessionmaker | None = None,
) -> Litestar:
    settings = settings or get_settings()
    logs.configure(settings.log_level, settings.log_format)
    telemetry.configure()  # on only with OTEL_EXPORTER_OTLP_ENDPOINT and the otel extra

    @asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncGenerator[None, None]:
        if engine is not None:  # supplied by the caller, who owns it
            yield
            return
        app.state.engine = create_engine(resolve_database_url(settings), settings, serving=True)
        app.state.sessionmaker = session_factory(app.state.engine)
        settle_heap()
        try:
            yield
        finally:
            await app.state.engine.dispose()

    state = State({
        "settings": settings,
        "engine": engine,
        "sessionmaker": sessionmaker or (session_factory(engine) if engine else None),
        "authenticator": authenticate_in_transaction,
        "principal_checker": principal_active_in_transaction,
        "key_limiter": RateLimiter(settings.rate_limit_per_minute),
        "bad_credentials": BadCredentials(settings.bad_key_limit_per_minute),
        "trusted_proxies": parse_networks(settings.trusted_proxies, "ASB_TRUSTED_PROXIES"),
    })
    app = Litestar(
        # Every route but the evaluate hot path (which makes the same checks itself) is
        # guarded: authenticated before its body is read, and JSON bodies by Content-Type.
        route_handlers=[
            assessments.evaluate_assessment,
            Router("/", route_handlers=[r for r in ROUTES
                                        if r is not assessments.evaluate_assessment],
                   guards=[strict_input.guard]),
        ],
        request_class=strict_input.StrictRequest,
        dependencies={
            "db_session": Provide(provide_db_session),
            "actor": Provide(provide_actor),
        },
        exception_handlers=exception_handlers,
        middleware=[metrics.metrics_middleware, query_check_middleware],
        lifespan=[lifespan],
        state=state,
        openapi_config=None,  # the contract is the hand-written openapi.yaml, served as is
        request_max_body_size=settings.max_body_bytes,
        debug=False,
        # Logging is asb_core.logs' (structlog, JSON or console): Litestar must not replace
        # the root handler with its own format.
        logging_config=None,
    )
    return request_log.install(app)
