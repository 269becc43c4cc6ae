"""The hot-path key lookup: one indexed query, one round trip, no ORM, no transaction.

Every authenticated request pays for this, so it skips what `services.admin.authenticate` does
through the ORM (session, BEGIN/COMMIT, identity map, and the engine pool's pre-ping, which
costs three more round trips per checkout) and runs a single prepared statement in autocommit
on a small asyncpg pool of its own, one per engine and process. Concurrent requests with the
same key share one query that starts after all of them arrived (`FreshReads`); nothing is cached
between requests, so a key revoked with `asb key revoke` is refused on the very next request.
"""

from __future__ import annotations

import asyncio
import weakref
from typing import Any

import asyncpg
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from asb_core import keys
from asb_core.actor import Actor

_SQL = (
    "SELECT p.id, p.role, p.key_hash, p.revoked_at IS NOT NULL, a.id, a.slug, a.kind"
    " FROM principals p JOIN agencies a ON a.id = p.agency_id WHERE p.key_hash = $1"
)
# A connection the server closed (restart, failover) is retried once on a fresh connection.
_LOST = (asyncpg.ConnectionDoesNotExistError, asyncpg.InterfaceError,
         asyncpg.AdminShutdownError, ConnectionResetError)
_pools: weakref.WeakKeyDictionary[Any, asyncio.Task] = weakref.WeakKeyDictionary()


async def actor_for_key(driver_connection: Any, presented: str) -> Actor | None:
    """The Actor for a valid, unrevoked key, looked up on an asyncpg connection."""
    if not keys.looks_like_key(presented):
        return None
    row = await driver_connection.fetchrow(_SQL, keys.digest(presented))
    return _actor(row, presented)


def _actor(row: Any, presented: str) -> Actor | None:
    if row is None or row[3] or not keys.matches(row[2], presented):
        return None
    return Actor(row[0], row[4], row[5], row[6], row[1])


async def _keep(_connection: Any) -> None:
    """Release without asyncpg's reset query (a round trip): this pool only ever runs one
    autocommit SELECT, which leaves no session state behind."""


def _timeout(engine: AsyncEngine) -> float:
    """The engine pool's wait limit (ASB_DB_TIMEOUT): past it the request is answered 503."""
    pool = engine.sync_engine.pool
    return float(pool.timeout()) if hasattr(pool, "timeout") else 5.0


async def _create_pool(engine: AsyncEngine) -> asyncpg.Pool:
    url = engine.url.set(drivername="postgresql")
    size = max(1, min(10, engine.sync_engine.pool.size()))
    timeout = _timeout(engine)
    return await asyncpg.create_pool(
        url.render_as_string(hide_password=False), min_size=1, max_size=size,
        timeout=timeout, command_timeout=max(timeout * 6, 30.0), reset=_keep,
        server_settings={"application_name": "asb-casework-auth"},
    )


async def _pool(engine: AsyncEngine) -> asyncpg.Pool:
    sync_engine = engine.sync_engine
    task = _pools.get(sync_engine)
    if task is None or (task.done() and task.exception() is not None):
        task = _pools[sync_engine] = asyncio.ensure_future(_create_pool(engine))

        @event.listens_for(sync_engine, "engine_disposed", once=True)
        def _dispose(_engine, task=task) -> None:
            # The app's lifespan disposes its engine on shutdown: close this pool with it.
            _pools.pop(sync_engine, None)
            if task.done() and task.exception() is None:
                task.result().terminate()

    return await task


class FreshReads:
    """Shares one read between concurrent callers asking the same question, without ever
    answering a caller from a read that began before it asked.

    Callers of `read(key)` join the batch that has not started yet; a batch starts only when
    the previous read of that key has finished, and takes everyone who asked before it started.
    So each answer comes from a query issued after the caller arrived (a key revoked before a
    request arrives is refused, exactly as with a query per request), while under load a worker
    sends at most one query per key at a time instead of one per request.
    """

    def __init__(self, fetch) -> None:
        self._fetch = fetch
        self._waiting: dict[Any, asyncio.Future] = {}
        self._last: dict[Any, asyncio.Future] = {}
        self._tasks: set[asyncio.Task] = set()  # strong references while they run

    async def read(self, key: Any) -> Any:
        batch = self._waiting.get(key)
        if batch is None:
            batch = self._waiting[key] = asyncio.get_running_loop().create_future()
            previous = self._last.get(key)
            self._last[key] = batch
            task = asyncio.ensure_future(self._run(key, batch, previous))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        return await asyncio.shield(batch)

    async def _run(self, key: Any, batch: asyncio.Future, previous) -> None:
        if previous is not None and not previous.done():
            await asyncio.wait([previous])
        del self._waiting[key]  # the batch is closed: later callers start the next one
        try:
            batch.set_result(await self._fetch(key))
        except BaseException as exc:  # noqa: BLE001 - handed to every caller of the batch
            batch.set_exception(exc)
            batch.exception()  # marked retrieved: callers may all have gone
        finally:
            if self._last.get(key) is batch:
                del self._last[key]


_reads: weakref.WeakKeyDictionary[Any, FreshReads] = weakref.WeakKeyDictionary()


async def _fetch_row(engine: AsyncEngine, digest: str) -> Any:
    pool = await _pool(engine)
    timeout = _timeout(engine)
    for attempt in (1, 2):
        try:
            async with pool.acquire(timeout=timeout) as conn:
                return await conn.fetchrow(_SQL, digest, timeout=timeout)
        except _LOST:
            if attempt == 2:
                raise
    return None  # not reached


async def actor_for_key_on_engine(engine: AsyncEngine, presented: str) -> Actor | None:
    """`actor_for_key` on the engine's auth pool, concurrent lookups of one key shared
    (`FreshReads`): at most one indexed query per request, and no answer older than it."""
    if not keys.looks_like_key(presented):
        return None
    sync_engine = engine.sync_engine
    reads = _reads.get(sync_engine)
    if reads is None:
        reads = _reads[sync_engine] = FreshReads(lambda digest: _fetch_row(engine, digest))
    return _actor(await reads.read(keys.digest(presented)), presented)
