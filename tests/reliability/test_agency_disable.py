"""Issue 15, break 9: a revoked key's embed tokens, and a disabled agency.

The attack as it was run: a call handler's key mints an embed token (15 minutes), then the key is
revoked with `asb key revoke`; the token kept working for its whole life. Now a token is tied to
the key that minted it and is refused within the key cache window (ASB_KEY_CACHE_SECONDS, 1 s on
the shared server) of the revocation, like the key. `asb agency disable SLUG` refuses every key
of the agency and every token they minted at once (audited), leaves other agencies untouched, and
`asb agency enable SLUG` restores them. Against `asb serve` in its own process, with the CLI in
another, as an operator would run them.
"""

from __future__ import annotations

import asyncio
import time

import httpx
from sqlalchemy import text

from tests.reliability.server import bearer, committed_keys, run_cli, unique_slug

EVALUATE = {"answers": {"repeat": True, "feels_targeted": True}}


async def _token(c: httpx.AsyncClient, key: str) -> str:
    r = await c.post("/v1/embed-tokens", headers=bearer(key))
    assert r.status_code == 201, r.text
    return r.json()["token"]


async def _evaluate(c: httpx.AsyncClient, credential: str) -> int:
    return (await c.post("/v1/assessments/evaluate", json=EVALUATE,
                         headers=bearer(credential))).status_code


async def _refused_soon(c: httpx.AsyncClient, credential: str) -> httpx.Response:
    """Poll until the credential is refused; the deadline only bounds a loaded machine's wait
    (the window itself is 1 s)."""
    started = time.monotonic()
    while (r := await c.post("/v1/assessments/evaluate", json=EVALUATE,
                             headers=bearer(credential))).status_code == 200:
        assert time.monotonic() < started + 30, "a credential kept working"
        await asyncio.sleep(0.1)
    print(f"refused {time.monotonic() - started:.2f} s after the command returned")
    return r


async def test_a_revoked_keys_embed_token_is_refused_within_the_key_cache_window(
    shared_server, engine, database_url
):
    slug = unique_slug("tokrev")
    keys = await committed_keys(engine, {slug: ("police", ["call_handler", "caseworker"])})
    key, other = keys[(slug, "call_handler")], keys[(slug, "caseworker")]
    async with httpx.AsyncClient(base_url=shared_server.base_url, timeout=10) as c:
        token, other_token = await _token(c, key), await _token(c, other)
        assert await _evaluate(c, token) == 200
        done = run_cli(database_url, "key", "revoke", key)
        assert done.returncode == 0, done.stderr
        r = await _refused_soon(c, token)
        assert r.status_code == 401, r.text
        assert r.headers["content-type"].startswith("application/problem+json")
        assert r.headers["www-authenticate"].startswith("Bearer")
        for _ in range(3):
            assert await _evaluate(c, token) == 401
        # A token minted by another key of the same agency is untouched.
        assert await _evaluate(c, other_token) == 200


async def test_a_disabled_agency_loses_every_key_and_token_at_once_and_is_audited(
    shared_server, engine, database_url
):
    slug, bystander = unique_slug("disable"), unique_slug("bystander")
    keys = await committed_keys(engine, {slug: ("police", ["call_handler", "supervisor"]),
                                         bystander: ("council", ["caseworker"])})
    handler, boss = keys[(slug, "call_handler")], keys[(slug, "supervisor")]
    theirs = keys[(bystander, "caseworker")]
    async with httpx.AsyncClient(base_url=shared_server.base_url, timeout=10) as c:
        token = await _token(c, handler)
        for credential in (handler, boss, token, theirs):
            assert await _evaluate(c, credential) == 200

        done = run_cli(database_url, "agency", "disable", slug, "--reason", "contract ended")
        assert done.returncode == 0, done.stderr
        assert f"agency {slug} disabled" in done.stdout
        for credential in (handler, boss, token):
            assert (await _refused_soon(c, credential)).status_code == 401
        assert (await c.get("/v1/me", headers=bearer(boss))).status_code == 401
        assert (await c.post("/v1/embed-tokens", headers=bearer(boss))).status_code == 401
        assert await _evaluate(c, theirs) == 200  # another agency is untouched

        async with engine.connect() as conn:
            audited = (await conn.execute(text(
                "SELECT action, detail->>'reason' FROM audit_events e JOIN agencies a"
                " ON a.id::text = e.entity_id WHERE a.slug = :slug AND e.entity = 'agency'"
                " ORDER BY e.seq"), {"slug": slug})).all()
        assert [tuple(row) for row in audited] == [("agency.create", None),
                                                   ("agency.disable", "contract ended")]

        # Disabling twice changes nothing; enabling restores the keys and the unexpired token.
        assert run_cli(database_url, "agency", "disable", slug).returncode == 0
        assert run_cli(database_url, "agency", "enable", slug).returncode == 0
        deadline = time.monotonic() + 30
        while await _evaluate(c, token) != 200:
            assert time.monotonic() < deadline, "an enabled agency's token stayed refused"
            await asyncio.sleep(0.1)
        assert await _evaluate(c, handler) == 200
        missing = run_cli(database_url, "agency", "disable", unique_slug("nobody"))
        assert missing.returncode != 0 and "no agency" in missing.stderr
