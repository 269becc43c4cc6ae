"""Database engine and session factory (SQLAlchemy 2 async over asyncpg).

`resolve_database_url` decides between the configured server and the embedded one; the engine is
created once per process with pool settings from `Settings`.
"""

from __future__ import annotations

import os
from typing import Any

import msgspec
from sqlalchemy import event, exc
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine

from asb_core import telemetry
from asb_core.embedded_pg import start_embedded, to_asyncpg_url
from asb_core.settings import Settings


def resolve_database_url(settings: Settings, *, keep_running: bool = False) -> str:
    """The asyncpg URL of the database to use, starting the embedded server when needed."""
    if settings.database_url:
        return to_asyncpg_url(settings.database_url)
    url = start_embedded(settings.data_dir, keep_running=keep_running)
    # Child processes (server workers, subcommands) reuse the server this process started.
    os.environ["DATABASE_URL"] = url
    return url


def create_engine(url: str, settings: Settings, *, serving: bool = False) -> AsyncEngine:
    """The engine of one process. `serving` (the API): every statement is bounded by
    ASB_DB_TIMEOUT, so a request that cannot complete against the database in that time fails
    (503 with Retry-After) instead of waiting for a hung server; commands and the worker, which
    may run long statements on purpose, allow each statement max(timeout x 6, 30) seconds."""
    timeout = settings.db_timeout_seconds
    engine = create_async_engine(
        url,
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_max_overflow,
        pool_timeout=timeout,
        # Not pool_pre_ping: on asyncpg it costs three round trips per checkout (BEGIN, a
        # query, ROLLBACK), more than a small write itself. `_refuse_closed` below catches the
        # connections a restarted or failed-over server closed, for free; a connection that
        # dies silently mid-request fails that request (503), and SQLAlchemy then invalidates
        # the pool so the next request reconnects.
        pool_pre_ping=False,
        pool_recycle=1800,
        # JSON and JSONB values come back through msgspec: the same Python values as json.loads,
        # in about half the time (a busy case's escalation state is read on every diary entry).
        json_deserializer=msgspec.json.decode,
        connect_args={
            "timeout": timeout,
            "command_timeout": timeout if serving else max(timeout * 6, 30.0),
            "server_settings": {"application_name": "asb-casework"},
        },
    )
    event.listen(engine.sync_engine, "checkout", _refuse_closed)
    telemetry.instrument_engine(engine)  # a span per statement, when tracing is on
    return engine


def _refuse_closed(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
    """Hand out no connection the server has closed: asyncpg sees the server's goodbye (or the
    socket's end) on the event loop while the connection idles in the pool, so this check needs
    no round trip. The pool replaces the connection and retries the checkout."""
    if dbapi_connection.driver_connection.is_closed():
        raise exc.DisconnectionError("connection closed by the server")


def session_factory(engine: AsyncEngine) -> async_sessionmaker:
    return async_sessionmaker(engine, expire_on_commit=False)
