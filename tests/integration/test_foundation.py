"""The foundation against a real PostgreSQL: health, readiness, keys, 401s, audit chain."""

from __future__ import annotations

from sqlalchemy import text

from asb_core.actor import Actor
from asb_core.agencies.service import add_agency, issue_key, revoke_key
from asb_core.audit import chain as audit


async def test_health_and_ready(client):
    r = await client.get("/health")
    assert r.status_code == 200 and r.json() == {"status": "ok"}
    r = await client.get("/ready")
    assert r.status_code == 200 and r.json()["status"] == "ready"


async def test_issued_key_authenticates(client, make_key):
    key = await make_key("fen-council", "caseworker")
    r = await client.get("/v1/me", headers={"Authorization": f"Bearer {key}"})
    assert r.status_code == 200
    assert r.json()["agency"] == "fen-council" and r.json()["role"] == "caseworker"


async def test_missing_and_wrong_keys_get_problem_401(client, make_key):
    key = await make_key("fen-council", "caseworker")
    for headers in ({}, {"Authorization": "Bearer asb_nope_" + "x" * 40},
                    {"Authorization": key}, {"Authorization": f"Basic {key}"}):
        r = await client.get("/v1/me", headers=headers)
        assert r.status_code == 401, headers
        assert r.headers["content-type"].startswith("application/problem+json")
        assert r.json()["type"].endswith("/unauthenticated")
        assert "WWW-Authenticate" in r.headers


async def test_revoked_key_refused_on_next_request(client, session, make_key):
    key = await make_key("fen-council", "caseworker")
    auth = {"Authorization": f"Bearer {key}"}
    assert (await client.get("/v1/me", headers=auth)).status_code == 200
    await revoke_key(session, Actor.system(), key)
    await session.commit()
    assert (await client.get("/v1/me", headers=auth)).status_code == 401


async def test_keys_are_stored_hashed(session):
    await add_agency(session, Actor.system(), "fen-police", "Fen Police", "police", ["fenland"])
    principal, key = await issue_key(session, Actor.system(), "fen-police", "call_handler")
    await session.flush()
    stored = (await session.execute(text("SELECT key_hash, key_prefix FROM principals"))).all()
    assert all(key not in (h, p) and key[-20:] not in h for h, p in stored)


async def test_audit_chain_verifies_and_detects_tampering(session):
    await add_agency(session, Actor.system(), "fen-police", "Fen Police", "police", ["fenland"])
    await issue_key(session, Actor.system(), "fen-police", "caseworker")
    await session.flush()
    assert (await audit.verify(session)).ok
    # The trigger refuses a direct UPDATE ...
    for statement in ("UPDATE audit_events SET action = 'x'", "DELETE FROM audit_events",
                      "TRUNCATE audit_events"):
        try:
            async with session.begin_nested():
                await session.execute(text(statement))
        except Exception as exc:  # noqa: BLE001
            assert "append-only" in str(exc)
        else:
            raise AssertionError(f"{statement} was allowed on audit_events")
    # ... and verify catches a change made with the trigger switched off behind our back.
    await session.execute(text("ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only"))
    await session.execute(
        text("UPDATE audit_events SET detail = '{\"slug\": \"forged\"}' "
             "WHERE seq = (SELECT min(seq) FROM audit_events WHERE action = 'agency.create')")
    )
    await session.execute(text("ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only"))
    result = await audit.verify(session)
    assert not result.ok and "altered" in result.problem


async def test_docs_render_and_contract_served(client):
    r = await client.get("/docs")
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    r = await client.get("/openapi.yaml")
    assert r.status_code == 200 and "openapi:" in r.text
