"""The hot-path key lookup: one indexed query, one round trip, no ORM, no transaction.

Every authenticated request pays for this, so it skips what `agencies.service.authenticate` does
through the ORM (session, BEGIN/COMMIT, identity map, and the engine pool's pre-ping, which
costs three more round trips per checkout) and runs a single prepared statement in autocommit
on a small asyncpg pool of its own, one per engine and process. Concurrent requests with the
same key share one query that starts after all of them arrived (`FreshReads`).

Revocation: with `cache_seconds` (ASB_KEY_CACHE_SECONDS, default 1, at most 5) a worker answers a
key from a read that found it valid and *began* less than `cache_seconds` before the request; so
a key revoked with `asb key revoke` is refused by every worker at most `cache_seconds` after the
revocation committed (and at once by a worker whose read sees it first: a read that finds the key
revoked or gone replaces what the worker remembered). A key in use is read again in the
background once its last read is half that old, so requests do not wait for the database each
window. Only digests and Actors are remembered, never keys. With `cache_seconds=0` nothing is
remembered between requests: every request is answered from a read issued after it arrived,
and a revoked key is refused on the very next one.
"""

from __future__ import annotations

import asyncio
import logging
import time
import weakref
from typing import Any

import asyncpg
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from asb_core.actor import Actor
from asb_core.agencies import keys

log = logging.getLogger("asb_core")

# A key is refused when it is revoked or its agency is disabled (`asb agency disable`).
_SQL = (
    "SELECT p.id, p.role, p.key_hash, p.revoked_at IS NOT NULL OR a.disabled_at IS NOT NULL,"
    " a.id, a.slug, a.kind"
    " FROM principals p JOIN agencies a ON a.id = p.agency_id WHERE p.key_hash = $1"
)
# Whether the principal behind an embed token may still act: its key unrevoked, its agency
# enabled. A token is refused once this is false, within the same cache window as a key.
_ACTIVE_SQL = (
    "SELECT p.revoked_at IS NULL AND a.disabled_at IS NULL"
    " FROM principals p JOIN agencies a ON a.id = p.agency_id WHERE p.id = $1"
)
# A connection the server closed (restart, failover) is retried once on a fresh connection.
_LOST = (asyncpg.ConnectionDoesNotExistError, asyncpg.InterfaceError,
         asyncpg.AdminShutdownError, ConnectionResetError)
_pools: weakref.WeakKeyDictionary[Any, asyncio.Task] = weakref.WeakKeyDictionary()
# When each read began; tests replace it to step through a remembered key's lifetime.
clock = time.monotonic
_RECENT_MAX = 10_000


async def actor_for_key(driver_connection: Any, presented: str) -> Actor | None:
    """The Actor for a valid, unrevoked key, looked up on an asyncpg connection."""
    if not keys.looks_like_key(presented):
        return None
    digest = keys.digest(presented)
    row = await driver_connection.fetchrow(_SQL, digest)
    return _actor(row, digest)


def _actor(row: Any, digest: str) -> Actor | None:
    """The Actor of a looked-up row, if the key is valid and unrevoked (`digest`: the presented
    key's, computed once per request; compared with the stored one in constant time)."""
    if row is None or row[3] or not keys.digests_match(row[2], digest):
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
        timeout=timeout, command_timeout=timeout, reset=_keep,
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

    Each caller waits on a future of its own, which the batch completes: a caller that is
    cancelled leaves the batch and everyone else in it untouched.
    """

    def __init__(self, fetch) -> None:
        self._fetch = fetch
        self._waiting: dict[Any, list[asyncio.Future]] = {}  # batches not started: their callers
        self._last: dict[Any, asyncio.Future] = {}  # per key: done when its latest batch is
        self._tasks: set[asyncio.Task] = set()  # strong references while they run

    async def read(self, key: Any) -> Any:
        loop = asyncio.get_running_loop()
        waiter = loop.create_future()
        batch = self._waiting.get(key)
        if batch is None:
            batch = self._waiting[key] = []
            previous = self._last.get(key)
            done = self._last[key] = loop.create_future()
            task = loop.create_task(self._run(key, batch, previous, done))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        batch.append(waiter)
        return await waiter

    async def _run(self, key: Any, batch: list[asyncio.Future], previous, done) -> None:
        if previous is not None and not previous.done():
            await asyncio.wait([previous])
        del self._waiting[key]  # the batch is closed: later callers start the next one
        try:
            result = await self._fetch(key)
        except BaseException as exc:  # noqa: BLE001 - handed to every caller of the batch
            for waiter in batch:
                if not waiter.done():
                    waiter.set_exception(exc)
            if not isinstance(exc, Exception):
                raise
        else:
            for waiter in batch:
                if not waiter.done():
                    waiter.set_result(result)
        finally:
            done.set_result(None)
            if self._last.get(key) is done:
                del self._last[key]


class _Lookups:
    """Per engine and process: the shared reads, and what the latest read of each recently used
    key found: digest -> (when that read began, stored digest and Actor, or None and None for
    a key it found revoked or gone). The principals behind embed tokens are remembered the same
    way: principal id -> (when, "active" and True, or None and None)."""

    __slots__ = ("reads", "recent", "refreshing")

    def __init__(self, fetch) -> None:
        self.reads = FreshReads(fetch)
        self.recent: dict[str, tuple[float, str | None, Actor | None]] = {}
        self.refreshing: dict[str, asyncio.Task] = {}

    def refresh(self, digest: str, cache_seconds: float) -> None:
        """Read the key again in the background (once at a time per key), so that a key in
        steady use is answered from a new read before the last one is `cache_seconds` old, and
        requests do not queue behind the database once a window. If the read fails (database
        away), the window simply ends and the next request reads in the foreground."""
        if digest in self.refreshing:
            return

        async def read_again() -> None:
            try:
                self.remember(digest, await self.reads.read(digest), cache_seconds)
            except Exception:  # noqa: BLE001 - the foreground read reports it, if it persists
                log.debug("background key read failed", exc_info=True)
            finally:
                self.refreshing.pop(digest, None)

        self.refreshing[digest] = asyncio.get_running_loop().create_task(read_again())

    def remember(self, digest: str, found: tuple[float, str | None, Actor | None],
                 cache_seconds: float) -> None:
        recent = self.recent
        current = recent.get(digest)
        if current is not None and current[0] >= found[0]:
            return  # a read that began later has answered already
        if found[2] is None and current is None:
            return  # nothing to forget (and unknown keys are never remembered)
        if current is None and len(recent) >= _RECENT_MAX:
            now = clock()
            for old in [d for d, r in recent.items() if now - r[0] >= cache_seconds]:
                del recent[old]
            if len(recent) >= _RECENT_MAX:
                recent.clear()
        recent[digest] = found


_lookups: weakref.WeakKeyDictionary[Any, _Lookups] = weakref.WeakKeyDictionary()
_latest: tuple[Any, _Lookups] | None = None  # (weak reference to an engine, its lookups)


def _lookups_of(engine: AsyncEngine) -> _Lookups:
    """The engine's lookups; the latest engine's without building a weak reference per call."""
    global _latest
    latest = _latest
    if latest is not None and latest[0]() is engine:
        return latest[1]
    sync_engine = engine.sync_engine
    lookups = _lookups.get(sync_engine)
    if lookups is None:
        lookups = _lookups[sync_engine] = _Lookups(lambda digest: _fetch_actor(engine, digest))
    _latest = (weakref.ref(engine), lookups)
    return lookups


_principal_lookups: weakref.WeakKeyDictionary[Any, _Lookups] = weakref.WeakKeyDictionary()


async def _fetch_active(engine: AsyncEngine, principal_id: Any) -> tuple[float, Any, Any]:
    """(when the read began, "active", True) for a principal whose key is unrevoked and whose
    agency is enabled; (when, None, None) otherwise."""
    started = clock()
    active = await _fetch_row(engine, principal_id, _ACTIVE_SQL)
    return (started, "active", True) if active is not None and active[0] else (started, None, None)


async def _fetch_actor(engine: AsyncEngine, digest: str) -> tuple[float, str | None, Actor | None]:
    """(when the read began, stored digest, Actor) of a valid, unrevoked key; (when, None, None)
    otherwise. The Actor is built once per shared read."""
    started = clock()
    row = await _fetch_row(engine, digest)
    if row is None or row[3]:
        return started, None, None
    return started, row[2], Actor(row[0], row[4], row[5], row[6], row[1])


async def _fetch_row(engine: AsyncEngine, key: Any, sql: str = _SQL) -> Any:
    timeout = _timeout(engine)
    # One bound for the whole read (pool, connection, statement, the retry): a hung database
    # costs a request ASB_DB_TIMEOUT, then a 503, however many steps it hangs in.
    async with asyncio.timeout(timeout):
        pool = await _pool(engine)
        for attempt in (1, 2):
            try:
                async with pool.acquire(timeout=timeout) as conn:
                    return await conn.fetchrow(sql, key, timeout=timeout)
            except _LOST:
                if attempt == 2:
                    raise
    return None  # not reached


async def actor_for_key_on_engine(
    engine: AsyncEngine, presented: str, cache_seconds: float = 0.0
) -> Actor | None:
    """`actor_for_key` on the engine's auth pool, concurrent lookups of one key shared
    (`FreshReads`). A key found valid by a read that began less than `cache_seconds` ago is
    answered without another (see the module docstring); with 0, by a read issued after this
    call began."""
    if not keys.looks_like_key(presented):
        return None
    digest = keys.digest(presented)
    found = await _remembered(_lookups_of(engine), engine, digest, cache_seconds)
    if found[1] is None or not keys.digests_match(found[1], digest):
        return None
    return found[2]  # immutable, so shared by the callers of one read


async def principal_active_on_engine(
    engine: AsyncEngine, principal_id: Any, cache_seconds: float = 0.0
) -> bool:
    """Whether the principal that minted an embed token may still act (key unrevoked, agency
    enabled), answered as a key is: from a read that began less than `cache_seconds` ago, or
    a new one shared with concurrent callers. So a token is refused at most `cache_seconds`
    after its key is revoked or its agency disabled."""
    lookups = _principal_lookups.get(engine.sync_engine)
    if lookups is None:
        lookups = _principal_lookups[engine.sync_engine] = _Lookups(
            lambda pid: _fetch_active(engine, pid))
    found = await _remembered(lookups, engine, principal_id, cache_seconds)
    return found[2] is True


async def principal_active(driver_connection: Any, principal_id: Any) -> bool:
    """`principal_active_on_engine` on an asyncpg connection, without remembering."""
    row = await driver_connection.fetchrow(_ACTIVE_SQL, principal_id)
    return row is not None and bool(row[0])


async def _remembered(lookups: _Lookups, engine: AsyncEngine, key: Any,
                      cache_seconds: float) -> tuple[float, Any, Any]:
    """What the latest read of `key` found, if it began less than `cache_seconds` ago and found
    it valid (refreshed in the background once half that old); else a new shared read."""
    if cache_seconds > 0:
        hit = lookups.recent.get(key)
        if hit is not None and hit[1] is not None:
            age = clock() - hit[0]
            if age < cache_seconds:
                if age >= cache_seconds / 2:
                    lookups.refresh(key, cache_seconds)
                return hit
    # Bounded as a whole: waiting behind an earlier read of the key counts too.
    async with asyncio.timeout(_timeout(engine)):
        found = await lookups.reads.read(key)
    if cache_seconds > 0 or key in lookups.recent:
        lookups.remember(key, found, cache_seconds)
    return found
