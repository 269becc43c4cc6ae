"""Failed authentications over HTTP, as an attacker sends them: a client that floods bad keys
is slowed (429 with Retry-After past ASB_BAD_KEY_LIMIT a minute, counted across every worker in
PostgreSQL), but a valid key or embed token from the same address, or with the same key
prefix, is always served; `X-Forwarded-For` names the client only when the peer is one of
ASB_TRUSTED_PROXIES, so a client cannot pick (or rotate) its own address.

Two `asb serve` processes with two workers each. The flooding clients are told apart by
`X-Forwarded-For` through a trusted proxy (127.0.0.1) with addresses of the documentation
ranges, so the shared counters of 127.0.0.1 itself, which other tests' servers also count, are
moved only by the few requests of the spoofing check.
"""

from __future__ import annotations

import secrets

import httpx
import pytest

from tests.reliability.server import ServerProcess, bearer, committed_keys, unique_slug

pytestmark = pytest.mark.slow

LIMIT = 10
FLOOD = 100


def _bad_key(prefix: str | None = None) -> str:
    return f"asb_{prefix or secrets.token_hex(4)}_{secrets.token_urlsafe(32)}"


def _from(address: str) -> dict[str, str]:
    return {"X-Forwarded-For": address}


def _fresh_client(base_url: str) -> httpx.AsyncClient:
    # No keep-alive: each request may land on either worker.
    return httpx.AsyncClient(base_url=base_url, timeout=30,
                             limits=httpx.Limits(max_keepalive_connections=0))


@pytest.fixture(scope="module")
async def keys(engine):
    slug = unique_slug("badcred")
    made = await committed_keys(engine, {slug: ("police", ["call_handler", "caseworker"])})
    return made[(slug, "call_handler")], made[(slug, "caseworker")]


async def test_a_flood_of_bad_keys_locks_out_no_valid_credential(database_url, keys):
    handler_key, caseworker_key = keys
    attacker = f"203.0.113.{secrets.randbelow(250) + 1}"
    with ServerProcess(database_url, "bad-credentials", workers=2, env={
            "ASB_BAD_KEY_LIMIT": str(LIMIT), "ASB_TRUSTED_PROXIES": "127.0.0.1/32"}) as server:
        async with _fresh_client(server.base_url) as c:
            r = await c.post("/v1/embed-tokens", headers=bearer(handler_key))
            assert r.status_code == 201, r.text
            token = r.json()["token"]
            statuses = [(await c.get("/v1/me", headers={**bearer(_bad_key()), **_from(attacker)})
                         ).status_code for _ in range(FLOOD)]
            print(f"{FLOOD} bad keys from one address: {statuses.count(401)} x 401, "
                  f"{statuses.count(429)} x 429")
            # Counted across both workers: no more than the limit is ever answered 401.
            assert statuses.count(401) == LIMIT and statuses[-1] == 429, statuses
            r = await c.get("/v1/me", headers={**bearer(_bad_key()), **_from(attacker)})
            assert r.status_code == 429 and int(r.headers["Retry-After"]) >= 1
            assert r.headers["content-type"].startswith("application/problem+json")
            # The same address, valid credentials: served, again and again.
            for _ in range(4):
                r = await c.get("/v1/me", headers={**bearer(caseworker_key), **_from(attacker)})
                assert r.status_code == 200, r.text
                r = await c.post("/v1/assessments/evaluate", json={"answers": {"repeat": True}},
                                 headers={**bearer(token), **_from(attacker)})
                assert r.status_code == 200, r.text
            # Another client behind the same proxy is judged on its own failures.
            r = await c.get("/v1/me", headers={**bearer(_bad_key()), **_from("198.51.100.9")})
            assert r.status_code == 401
            # Putting another address in front of its own does not help the attacker.
            r = await c.get("/v1/me", headers={**bearer(_bad_key()),
                                               **_from(f"198.51.100.10, {attacker}")})
            assert r.status_code == 429

            # Guessing at one key's secret from many addresses: its prefix is slowed...
            prefix = caseworker_key.split("_")[1]
            targeted = [(await c.get("/v1/me", headers={
                **bearer(_bad_key(prefix)), **_from(f"192.0.2.{n + 1}")})).status_code
                for n in range(LIMIT + 5)]
            assert targeted.count(401) == LIMIT and targeted[-1] == 429, targeted
            # ...and the key itself still works, from anywhere.
            for address in ("192.0.2.1", "192.0.2.200", attacker):
                r = await c.get("/v1/me", headers={**bearer(caseworker_key), **_from(address)})
                assert r.status_code == 200, r.text


async def test_forwarded_for_is_ignored_from_an_untrusted_peer(database_url, keys):
    """Without ASB_TRUSTED_PROXIES the peer is the client: rotating X-Forwarded-For does not
    escape the count (a few requests: 127.0.0.1's counter is shared with other tests)."""
    _, caseworker_key = keys
    with ServerProcess(database_url, "bad-credentials-direct", env={
            "ASB_BAD_KEY_LIMIT": "3"}) as server:
        async with _fresh_client(server.base_url) as c:
            statuses = [(await c.get("/v1/me", headers={
                **bearer(_bad_key()), **_from(f"198.51.100.{n + 20}")})).status_code
                for n in range(6)]
            assert statuses[-1] == 429 and statuses.count(401) <= 3, statuses
            r = await c.get("/v1/me", headers=bearer(caseworker_key))
            assert r.status_code == 200, r.text
