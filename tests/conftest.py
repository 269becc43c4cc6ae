"""Shared fixtures: a real PostgreSQL for the whole run, one fresh database per run, and a
transaction rolled back after each test.

The server is the embedded one (started in a temporary directory) unless
`ASB_TEST_DATABASE_URL` names another; either way the run creates its own database on it and
drops it at the end, so runs never see each other's rows.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import tempfile
from collections.abc import AsyncIterator
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, create_async_engine

from asb_core.embedded_pg import start_embedded, to_asyncpg_url
from asb_core.migrate import upgrade


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))


def _asyncpg_dsn(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


@pytest.fixture(scope="session")
def server_url() -> str:
    """The asyncpg URL of the server under test (maintenance database)."""
    configured = os.environ.get("ASB_TEST_DATABASE_URL")
    if configured:
        return to_asyncpg_url(configured)
    data_dir = os.environ.get("ASB_TEST_DATA_DIR") or tempfile.mkdtemp(prefix="asb-test-")
    return start_embedded(data_dir)


@pytest.fixture(scope="session")
def database_url(server_url: str) -> str:
    """A database created for this run, migrated to head, dropped when the run ends."""
    name = f"asb_test_{os.getpid()}_{secrets.token_hex(3)}"

    async def create() -> None:
        conn = await asyncpg.connect(_asyncpg_dsn(server_url))
        try:
            await conn.execute(f'CREATE DATABASE "{name}"')
        finally:
            await conn.close()

    asyncio.run(create())
    url = _with_database(server_url, name)
    upgrade(url)
    os.environ["ASB_TEST_RUN_DATABASE_URL"] = url
    yield url

    async def drop() -> None:
        conn = await asyncpg.connect(_asyncpg_dsn(server_url))
        try:
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await conn.close()

    asyncio.run(drop())


@pytest.fixture(scope="session")
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    eng = create_async_engine(database_url, pool_size=5, max_overflow=20)
    yield eng
    await eng.dispose()


@pytest.fixture
async def connection(engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    """A connection inside a transaction that is rolled back when the test ends."""
    async with engine.connect() as conn:
        outer = await conn.begin()
        yield conn
        if outer.is_active:
            await outer.rollback()


@pytest.fixture
async def session(connection: AsyncConnection) -> AsyncIterator[AsyncSession]:
    """A session whose commits are SAVEPOINTs inside the test's rolled-back transaction."""
    async with AsyncSession(
        bind=connection, expire_on_commit=False, join_transaction_mode="create_savepoint"
    ) as s:
        yield s


@pytest.fixture
def settings():
    from asb_core.settings import Settings

    return Settings()


@pytest.fixture
async def app(connection: AsyncConnection, engine: AsyncEngine, settings):
    """The real application, its sessions joined to the test's rolled-back transaction."""
    from sqlalchemy.ext.asyncio import async_sessionmaker

    from asb_api.app import create_app

    maker = async_sessionmaker(
        bind=connection, expire_on_commit=False, join_transaction_mode="create_savepoint"
    )
    return create_app(settings, engine=engine, sessionmaker=maker)


@pytest.fixture
async def client(app) -> AsyncIterator:
    import httpx

    # ASGITransport runs the app in the test's own event loop, so the app can share the test's
    # connection (Litestar's AsyncTestClient would run it in a portal thread with another loop).
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


@pytest.fixture
def make_key(session: AsyncSession):
    """`await make_key("slug", "role", kind="council")` -> an API key, creating the agency once."""
    from sqlalchemy import select

    from asb_core.actor import Actor
    from asb_core.agencies.models import Agency
    from asb_core.agencies.service import add_agency, issue_key

    async def make(slug: str, role: str, *, kind: str = "council", areas=("fenland",)) -> str:
        existing = (await session.execute(select(Agency).where(Agency.slug == slug))).scalar()
        if existing is None:
            await add_agency(session, Actor.system(), slug, slug.title(), kind, list(areas))
        _, key = await issue_key(session, Actor.system(), slug, role)
        await session.commit()
        return key

    return make
