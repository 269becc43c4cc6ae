"""The production key lookup (own pool, shared concurrent reads, keys remembered briefly).

- With ASB_KEY_CACHE_SECONDS=0 a revoked key is refused on the very next request, even while
  other requests with that key are in flight.
- With the default (1 s), a worker answers a key from a read that began less than that long
  ago: a revoked key is refused once that much time has passed since the read that last found it
  valid, and from then on; a key in use is read again in the background when its last read is
  half a window old, and a read that finds it revoked ends the window at once. The clock is
  stepped by hand (no waiting, no timing asserted).
- Only digests are remembered, never keys; within the window the database is not read again.
"""

from __future__ import annotations

import asyncio
import secrets

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core.actor import Actor
from asb_core.agencies import key_lookup, keys
from asb_core.agencies.service import add_agency, issue_key, revoke_key

BODY = {"answers": {"immediate_danger": False, "repeat": True}}


async def _new_key(engine) -> str:
    slug = f"hot-{secrets.token_hex(4)}"
    async with AsyncSession(engine, expire_on_commit=False) as s, s.begin():
        await add_agency(s, Actor.system(), slug, "Hot Path", "police", ["fenland"])
        _, key = await issue_key(s, Actor.system(), slug, "call_handler")
    return key


async def _revoke(engine, key: str) -> None:
    async with AsyncSession(engine) as s, s.begin():
        await revoke_key(s, Actor.system(), key)


def _app(database_url: str, **settings):
    from asb_api.app import create_app
    from asb_core.settings import Settings

    return create_app(Settings(DATABASE_URL=database_url, ASB_SECRET_KEY="t" * 32, **settings))


def _client(app) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t")


async def test_without_the_cache_revocation_is_effective_on_the_next_request(
    database_url, engine
):
    key = await _new_key(engine)
    app = _app(database_url, ASB_KEY_CACHE_SECONDS=0)
    headers = {"Authorization": f"Bearer {key}"}
    async with app.lifespan(), _client(app) as client:
        burst = await asyncio.gather(*(
            client.post("/v1/assessments/evaluate", json=BODY, headers=headers)
            for _ in range(50)
        ))
        assert {r.status_code for r in burst} == {200}

        # Requests in flight while the key is revoked may finish either way; the first one
        # sent after the revocation has committed must be refused.
        in_flight = [asyncio.ensure_future(
            client.post("/v1/assessments/evaluate", json=BODY, headers=headers))
            for _ in range(20)]
        await _revoke(engine, key)
        after = await client.post("/v1/assessments/evaluate", json=BODY, headers=headers)
        assert after.status_code == 401
        assert {r.status_code for r in await asyncio.gather(*in_flight)} <= {200, 401}


class SteppedClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    stepped = SteppedClock()
    monkeypatch.setattr(key_lookup, "clock", stepped)
    return stepped


@pytest.fixture
def reads(monkeypatch):
    """Every key lookup that reaches the database, by digest."""
    seen: list[str] = []
    original = key_lookup._fetch_row

    async def counting(engine, digest, *sql):
        seen.append(digest)
        return await original(engine, digest, *sql)

    monkeypatch.setattr(key_lookup, "_fetch_row", counting)
    return seen


async def _settled(app) -> None:
    """Let the background reads the last request started finish."""
    lookups = key_lookup._lookups[app.state.engine.sync_engine]
    while lookups.refreshing:
        await asyncio.gather(*lookups.refreshing.values())


async def test_a_revoked_key_is_refused_within_the_cache_window(
    database_url, engine, clock, reads
):
    from asb_core.settings import Settings

    assert Settings().key_cache_seconds == 1.0  # the documented default
    key = await _new_key(engine)
    app = _app(database_url)
    headers = {"Authorization": f"Bearer {key}"}
    evaluate = "/v1/assessments/evaluate"

    async def status() -> int:
        r = await client.post(evaluate, json=BODY, headers=headers)
        await _settled(app)
        return r.status_code

    async with app.lifespan(), _client(app) as client:
        assert await status() == 200
        assert len(reads) == 1  # the read that found the key valid began at 1000.0
        clock.now += 0.4
        assert await status() == 200
        assert len(reads) == 1  # answered from what that read found
        clock.now += 0.2  # the last read is over half a window old: read again, meanwhile
        assert await status() == 200
        assert len(reads) == 2  # a background read, begun at 1000.6

        await _revoke(engine, key)
        clock.now += 0.3  # 0.3 s after the last read: within the window, not read again
        assert await status() == 200
        assert len(reads) == 2
        clock.now += 0.7  # 1 s after the last read that found the key valid: refused
        r = await client.post(evaluate, json=BODY, headers=headers)
        assert r.status_code == 401, r.text
        assert r.headers["content-type"].startswith("application/problem+json")
        for _ in range(3):  # and from then on
            assert await status() == 401
        assert (await client.get("/v1/me", headers=headers)).status_code == 401

        recent = key_lookup._lookups[app.state.engine.sync_engine].recent
        assert key not in str(recent)  # digests only, never the key
        assert recent[keys.digest(key)][1] is None  # remembered as refused, not valid


async def test_a_background_read_that_finds_the_key_revoked_ends_the_window(
    database_url, engine, clock, reads
):
    key = await _new_key(engine)
    app = _app(database_url)
    headers = {"Authorization": f"Bearer {key}"}
    async with app.lifespan(), _client(app) as client:
        assert (await client.get("/v1/me", headers=headers)).status_code == 200
        await _revoke(engine, key)
        clock.now += 0.6  # within the window: answered, and read again in the background
        assert (await client.get("/v1/me", headers=headers)).status_code == 200
        await _settled(app)
        assert len(reads) == 2
        # The window of the first read has 0.4 s left, but a later read found the key revoked.
        assert (await client.get("/v1/me", headers=headers)).status_code == 401


async def test_a_read_that_finds_the_key_revoked_ends_the_window_at_once(
    database_url, engine, clock, reads
):
    key = await _new_key(engine)
    app = _app(database_url)
    headers = {"Authorization": f"Bearer {key}"}
    async with app.lifespan(), _client(app) as client:
        assert (await client.get("/v1/me", headers=headers)).status_code == 200
        await _revoke(engine, key)
        clock.now += 1.0  # the window ends: the next request reads, finds the key revoked
        assert (await client.get("/v1/me", headers=headers)).status_code == 401
        clock.now -= 0.5  # even a request stamped inside the old window cannot use it
        assert (await client.get("/v1/me", headers=headers)).status_code == 401


async def test_an_unknown_key_is_never_remembered(database_url, engine, clock, reads):
    app = _app(database_url)
    forged = "asb_deadbeef_" + "A" * 43
    async with app.lifespan(), _client(app) as client:
        for _ in range(2):
            r = await client.get("/v1/me", headers={"Authorization": f"Bearer {forged}"})
            assert r.status_code == 401
        assert len(reads) == 2  # each bad key costs its own indexed read
        assert keys.digest(forged) not in key_lookup._lookups[
            app.state.engine.sync_engine].recent
