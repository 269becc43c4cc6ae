"""The repeat-caller lookup budget is shared state in PostgreSQL, not per process.

Two applications, each with its own engine and connection pool (as two worker processes or two
API nodes would have), on the same database: one key's lookups through both count against one
budget, sequentially and when sent all at once; the agency's budget is shared by its keys. The
lookup clock is fixed, so no window ends during a test.
"""

from __future__ import annotations

import asyncio
import secrets
from datetime import UTC, datetime

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core.actor import Actor
from asb_core.agencies.service import add_agency, issue_key
from asb_core.parties import repeat_caller

T0 = datetime(2026, 3, 10, 10, 15, tzinfo=UTC)


@pytest.fixture
def fixed_clock(monkeypatch):
    monkeypatch.setattr(repeat_caller, "_now", lambda: T0)


async def _agency_with_keys(engine, n: int) -> tuple[str, list[str]]:
    slug = f"lb-{secrets.token_hex(4)}"
    async with AsyncSession(engine, expire_on_commit=False) as s, s.begin():
        await add_agency(s, Actor.system(), slug, "Lookup Budget", "police", ["fenland"])
        keys = [(await issue_key(s, Actor.system(), slug, "call_handler"))[1] for _ in range(n)]
    return slug, keys


def _app(database_url: str, **settings):
    from asb_api.app import create_app
    from asb_core.settings import Settings

    return create_app(Settings(DATABASE_URL=database_url, ASB_SECRET_KEY="t" * 32, **settings))


def _client(app) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t")


async def _lookup(client: httpx.AsyncClient, key: str, n: int) -> int:
    r = await client.post("/v1/repeat-caller-lookup", headers={"Authorization": f"Bearer {key}"},
                          json={"phone": f"01632 9{n:05d}"})
    assert r.status_code in (200, 429), r.text
    if r.status_code == 429:
        assert int(r.headers["Retry-After"]) == 45 * 60
    return r.status_code


async def _outcomes(engine, slug: str) -> dict[str, int]:
    async with engine.connect() as conn:
        return dict((await conn.execute(text(
            "SELECT outcome, count(*) FROM repeat_caller_lookups WHERE agency = :a "
            "GROUP BY outcome"), {"a": slug})).all())


async def test_two_app_instances_spend_one_key_budget(database_url, engine, fixed_clock):
    slug, (key_a, key_b) = await _agency_with_keys(engine, 2)
    settings = {"ASB_LOOKUP_BUDGET_PER_KEY": 6, "ASB_LOOKUP_BUDGET_PER_KEY_DAY": 100,
                "ASB_LOOKUP_BUDGET_PER_AGENCY": 100}
    app1, app2 = _app(database_url, **settings), _app(database_url, **settings)
    async with app1.lifespan(), app2.lifespan(), _client(app1) as c1, _client(app2) as c2:
        assert app1.state.engine is not app2.state.engine
        # Alternating between the two instances: six answers in all, not six each.
        statuses = [await _lookup((c1, c2)[i % 2], key_a, i) for i in range(12)]
        assert statuses == [200] * 6 + [429] * 6
        # All at once, through both: still exactly the budget.
        burst = await asyncio.gather(*(_lookup((c1, c2)[i % 2], key_b, i) for i in range(30)))
        assert sorted(burst) == [200] * 6 + [429] * 24
    assert await _outcomes(engine, slug) == {"miss": 12, "refused": 30}


async def test_the_agency_budget_is_shared_by_its_keys_across_instances(
    database_url, engine, fixed_clock
):
    slug, keys = await _agency_with_keys(engine, 4)
    settings = {"ASB_LOOKUP_BUDGET_PER_KEY": 5, "ASB_LOOKUP_BUDGET_PER_KEY_DAY": 100,
                "ASB_LOOKUP_BUDGET_PER_AGENCY": 8}
    app1, app2 = _app(database_url, **settings), _app(database_url, **settings)
    async with app1.lifespan(), app2.lifespan(), _client(app1) as c1, _client(app2) as c2:
        statuses = await asyncio.gather(*(
            _lookup((c1, c2)[i % 2], keys[i % 4], i) for i in range(20)))
    # Four keys of five each would be twenty; the agency's eight is the limit.
    assert sorted(statuses) == [200] * 8 + [429] * 12
    assert await _outcomes(engine, slug) == {"miss": 8, "refused": 12}
