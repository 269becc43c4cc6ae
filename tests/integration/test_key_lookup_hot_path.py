"""The production key lookup (own pool, shared concurrent reads): a revoked key is refused on
the very next request, even while other requests with that key are in flight."""

from __future__ import annotations

import asyncio
import secrets

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core.actor import Actor
from asb_core.services.admin import add_agency, issue_key, revoke_key

BODY = {"answers": {"immediate_danger": False, "repeat": True}}


async def test_revocation_is_effective_on_the_next_request(database_url, engine):
    from asb_api.app import create_app
    from asb_core.settings import Settings

    slug = f"hot-{secrets.token_hex(4)}"
    async with AsyncSession(engine, expire_on_commit=False) as s, s.begin():
        await add_agency(s, Actor.system(), slug, "Hot Path", "police", ["fenland"])
        _, key = await issue_key(s, Actor.system(), slug, "call_handler")

    app = create_app(Settings(DATABASE_URL=database_url, ASB_SECRET_KEY="t" * 32))
    headers = {"Authorization": f"Bearer {key}"}
    async with app.lifespan(), httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://t"
    ) as client:
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
        async with AsyncSession(engine) as s, s.begin():
            await revoke_key(s, Actor.system(), key)
        after = await client.post("/v1/assessments/evaluate", json=BODY, headers=headers)
        assert after.status_code == 401
        assert {r.status_code for r in await asyncio.gather(*in_flight)} <= {200, 401}
