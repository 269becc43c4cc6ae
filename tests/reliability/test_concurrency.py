"""Concurrency: caseworkers of 20 member agencies PATCH one case at once, all with the ETag they
read: exactly one succeeds, the other 19 get 412 problem details, and the stored case is the
winner's change (version advanced by exactly one, one audited update).
"""

from __future__ import annotations

import asyncio

import httpx
from sqlalchemy import text

from tests.reliability.server import bearer, committed_keys, unique_slug, victim

AGENCIES = 20


async def test_twenty_agencies_same_if_match_exactly_one_wins(shared_server, engine):
    slugs = [unique_slug(f"conc{n:02d}") for n in range(AGENCIES)]
    keys = await committed_keys(engine, {s: ("council", ["caseworker"]) for s in slugs})
    base = shared_server.base_url
    clients = [httpx.AsyncClient(base_url=base, headers=bearer(keys[(s, "caseworker")]),
                                 timeout=30) for s in slugs]
    try:
        lead = clients[0]
        r = await lead.post("/v1/cases", json={
            "area": "fenland", "summary": "before", "victim": victim(), "answers": {},
            "consent": {"state": "given"}})
        assert r.status_code == 201, r.text
        cid = r.json()["id"]
        for s in slugs[1:]:
            r = await lead.post(f"/v1/cases/{cid}/members", json={"agency": s, "basis": "consent"})
            assert r.status_code == 201, r.text
        # Every agency reads the case (this also opens each client's connection).
        reads = await asyncio.gather(*(c.get(f"/v1/cases/{cid}") for c in clients))
        etags = {r.headers["ETag"] for r in reads}
        assert len(etags) == 1, etags
        etag = etags.pop()
        version = reads[0].json()["version"]

        start = asyncio.Event()

        async def patch(n: int, client: httpx.AsyncClient) -> httpx.Response:
            await start.wait()
            return await client.patch(
                f"/v1/cases/{cid}", json={"summary": f"changed by {slugs[n]}"},
                headers={"If-Match": etag, "Content-Type": "application/merge-patch+json"})

        tasks = [asyncio.create_task(patch(n, c)) for n, c in enumerate(clients)]
        await asyncio.sleep(0.05)
        start.set()
        answers = await asyncio.wait_for(asyncio.gather(*tasks), timeout=60)

        statuses = sorted(r.status_code for r in answers)
        assert statuses == [200] + [412] * (AGENCIES - 1), statuses
        winner = next(n for n, r in enumerate(answers) if r.status_code == 200)
        for r in answers:
            if r.status_code == 412:
                assert r.headers["content-type"].startswith("application/problem+json")
                assert r.json()["type"].endswith("/precondition-failed")
        assert answers[winner].json()["version"] == version + 1
        stored = (await clients[-1].get(f"/v1/cases/{cid}")).json()
        assert stored["summary"] == f"changed by {slugs[winner]}"
        assert stored["version"] == version + 1
    finally:
        await asyncio.gather(*(c.aclose() for c in clients))
    async with engine.connect() as conn:
        updates = (await conn.execute(text(
            "SELECT count(*) FROM audit_events WHERE case_id = :cid AND action = 'case.update'"
        ), {"cid": cid})).scalar_one()
    assert updates == 1
