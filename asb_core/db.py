"""Database engine and session factory (SQLAlchemy 2 async over asyncpg).

`resolve_database_url` decides between the configured server and the embedded one; the engine is
created once per process with pool settings from `Settings`.
"""

from __future__ import annotations

import os

from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine

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


def create_engine(url: str, settings: Settings) -> AsyncEngine:
    timeout = settings.db_timeout_seconds
    return create_async_engine(
        url,
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_max_overflow,
        pool_timeout=timeout,
        pool_pre_ping=True,
        pool_recycle=1800,
        connect_args={
            "timeout": timeout,
            "command_timeout": max(timeout * 6, 30.0),
            "server_settings": {"application_name": "asb-casework"},
        },
    )


def session_factory(engine: AsyncEngine) -> async_sessionmaker:
    return async_sessionmaker(engine, expire_on_commit=False)
