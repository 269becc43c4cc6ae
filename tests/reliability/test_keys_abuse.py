"""Keys and abuse: keys stored only as digests and compared in constant time; a bad key costs at
most one indexed lookup (and one counter statement); `asb key revoke` takes effect within
ASB_KEY_CACHE_SECONDS; the per-key limit answers 429 with Retry-After; a client address sending
many bad keys is throttled (429, with no more counting) while valid keys, from it or from other
addresses, keep being served.

In process, with small limits (this module's `settings` fixture overrides the suite's); the
client address is varied through `httpx.ASGITransport(client=...)`, a label with no network.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import time

import httpx
import pytest
from sqlalchemy import text

from asb_core.agencies import keys
from asb_core.settings import Settings
from tests.reliability.server import bearer, committed_keys, run_cli, unique_slug

RATE = 5
BAD_KEYS = 5


@pytest.fixture
def settings():
    return Settings(rate_limit_per_minute=RATE, bad_key_limit_per_minute=BAD_KEYS)


def _client_from(app, address: str) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=(address, 40000))
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


class QueryLog:
    """Every statement sent on the test's connection (asyncpg's own query logger, so it also
    sees the key lookup, which bypasses SQLAlchemy's cursor events)."""

    def __init__(self) -> None:
        self.queries: list[str] = []

    def __call__(self, record) -> None:
        self.queries.append(record.query)

    async def attach(self, connection) -> QueryLog:
        raw = await connection.get_raw_connection()
        raw.driver_connection.add_query_logger(self)
        return self


async def test_keys_are_stored_as_digests_and_compared_in_constant_time(
    make_key, session, monkeypatch, app
):
    key = await make_key("keys-council", "caseworker")
    rows = (await session.execute(text(
        "SELECT key_hash, key_prefix, p.* FROM principals p JOIN agencies a ON a.id = p.agency_id"
        " WHERE a.slug = 'keys-council'"))).all()
    assert len(rows) == 1
    assert rows[0].key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert all(key not in str(v) for v in rows[0])  # the key itself is stored nowhere
    assert key.split("_", 2)[2] not in str(tuple(rows[0]))  # nor its secret part (all of it:
    # URL-safe base64 has underscores of its own, and a one-letter fragment is in "tzinfo")
    compared = []
    original = hmac.compare_digest

    def spy(a, b):
        compared.append((a, b))
        return original(a, b)

    monkeypatch.setattr(keys.hmac, "compare_digest", spy)
    async with _client_from(app, "10.0.0.9") as c:
        r = await c.get("/v1/me", headers=bearer(key))
        assert r.status_code == 200, r.text
    assert compared and compared[-1][0] == rows[0].key_hash
    index = (await session.execute(text(
        "SELECT indexdef FROM pg_indexes WHERE tablename = 'principals'"))).scalars().all()
    assert any("UNIQUE" in d and "(key_hash)" in d for d in index), index


async def test_a_bad_key_costs_at_most_one_indexed_lookup(make_key, connection, app):
    good = await make_key("keys-lookup", "caseworker")
    log = await QueryLog().attach(connection)
    async with _client_from(app, "10.0.0.10") as c:
        r = await c.get("/v1/me", headers=bearer("not-a-key-at-all"))
        assert r.status_code == 401 and r.headers["content-type"].startswith(
            "application/problem+json")
        assert log.queries == [], "a malformed key reached the database"
        forged = good[:-4] + ("AAAA" if not good.endswith("AAAA") else "BBBB")
        r = await c.get("/v1/me", headers=bearer(forged))
        assert r.status_code == 401
    assert len(log.queries) == 1, log.queries
    assert "key_hash" in log.queries[0] and "$1" in log.queries[0]
    # The failure is counted (shared with every worker) against its address and key prefix;
    # the malformed key, which cannot be a guess, is not.
    counted = dict((await connection.execute(text(
        "SELECT scope, used FROM lookup_budget WHERE scope IN (:a, :k)"),
        {"a": "bad-addr:10.0.0.10", "k": "bad-key:" + "_".join(good.split("_")[:2])})).all())
    assert counted == {"bad-addr:10.0.0.10": 1, "bad-key:" + "_".join(good.split("_")[:2]): 1}


async def test_revoke_takes_effect_within_the_key_cache_window(
    shared_server, engine, database_url
):
    """`asb key revoke` from another process: the server (default ASB_KEY_CACHE_SECONDS, 1 s)
    refuses the key once its last read that found it valid is that old, and from then on. The
    deadline only bounds the wait for a loaded machine; the window itself is stepped by hand in
    tests/integration/test_key_lookup_hot_path.py."""
    slug = unique_slug("revoke")
    key = (await committed_keys(engine, {slug: ("council", ["caseworker"])}))[
        (slug, "caseworker")]
    async with httpx.AsyncClient(base_url=shared_server.base_url, timeout=10) as c:
        assert (await c.get("/v1/me", headers=bearer(key))).status_code == 200
        assert (await c.get("/v1/me", headers=bearer(key))).status_code == 200
        done = run_cli(database_url, "key", "revoke", key)
        assert done.returncode == 0, done.stderr
        assert key not in done.stdout + done.stderr  # only the prefix is ever printed
        deadline = time.monotonic() + 30
        while (r := await c.get("/v1/me", headers=bearer(key))).status_code == 200:
            assert time.monotonic() < deadline, "a revoked key kept working"
            await asyncio.sleep(0.1)
        assert r.status_code == 401, r.text
        assert r.headers["content-type"].startswith("application/problem+json")
        for _ in range(3):
            assert (await c.get("/v1/me", headers=bearer(key))).status_code == 401


async def test_per_key_rate_limit_is_429_with_retry_after(make_key, app):
    busy = await make_key("keys-rate", "caseworker")
    calm = await make_key("keys-rate", "auditor")
    async with _client_from(app, "10.0.0.20") as c:
        statuses = [(await c.get("/v1/me", headers=bearer(busy))).status_code
                    for _ in range(RATE)]
        assert statuses == [200] * RATE
        r = await c.get("/v1/me", headers=bearer(busy))
        assert r.status_code == 429
        assert r.json()["type"].endswith("/rate-limited")
        assert int(r.headers["Retry-After"]) >= 1
        # Another key is not affected by this key's budget.
        assert (await c.get("/v1/me", headers=bearer(calm))).status_code == 200


async def test_an_address_sending_bad_keys_is_throttled_valid_keys_are_served(
    make_key, connection, app
):
    good = await make_key("keys-abuse", "caseworker")
    async with _client_from(app, "10.0.0.66") as attacker, \
            _client_from(app, "10.0.0.77") as honest:
        for n in range(BAD_KEYS):
            r = await attacker.get("/v1/me", headers=bearer(f"asb_dead{n:04d}_{n:040d}"))
            assert r.status_code == 401
        log = await QueryLog().attach(connection)
        for n in range(20):
            r = await attacker.get("/v1/me", headers=bearer(f"asb_beef{n:04d}_{n + 99:040d}"))
            assert r.status_code == 429, r.text
            assert int(r.headers["Retry-After"]) >= 1
            assert r.headers["content-type"].startswith("application/problem+json")
        # A throttled address costs the key's one indexed read each, and no more counting.
        assert len(log.queries) == 20 and all("key_hash" in q for q in log.queries), log.queries
        used = (await connection.execute(text(
            "SELECT used FROM lookup_budget WHERE scope = 'bad-addr:10.0.0.66'"))).scalar_one()
        assert used == BAD_KEYS + 1
        # Valid keys are served, from other addresses and from the throttled one (within the
        # key's own budget of RATE requests).
        for _ in range(2):
            assert (await honest.get("/v1/me", headers=bearer(good))).status_code == 200
            assert (await attacker.get("/v1/me", headers=bearer(good))).status_code == 200
