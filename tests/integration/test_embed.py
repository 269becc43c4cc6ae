"""The embed token exchange, what an embed token may do, and the embedded page's headers."""

from __future__ import annotations

import re
import time

from asb_api import embed_tokens
from asb_core.actor import Actor
from asb_core.agencies.service import revoke_key

SCREEN = {"immediate_danger": False, "threats_or_violence": False, "repeat": True,
          "feels_targeted": True, "hostility_perceived": ["race"]}


async def _token(client, key: str) -> str:
    r = await client.post("/v1/embed-tokens", headers={"Authorization": f"Bearer {key}"})
    assert r.status_code == 201, r.text
    return r.json()["token"]


async def test_exchange_gives_a_short_lived_scoped_token(client, make_key):
    key = await make_key("embed-police", "call_handler", kind="police")
    r = await client.post("/v1/embed-tokens", headers={"Authorization": f"Bearer {key}"})
    assert r.status_code == 201
    body = r.json()
    assert set(body) == {"token", "expires_at", "scopes"}
    assert body["token"].startswith("asbe_")
    assert body["scopes"] == ["assess.evaluate", "case.open", "repeat_caller.lookup"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", body["expires_at"])
    assert r.headers["cache-control"] == "no-store"


async def test_caseworker_and_supervisor_may_exchange_others_may_not(client, make_key):
    for role in ("caseworker", "supervisor"):
        await _token(client, await make_key("embed-council", role))
    for role in ("auditor", "analyst", "integration", "admin"):
        key = await make_key("embed-council", role)
        r = await client.post("/v1/embed-tokens", headers={"Authorization": f"Bearer {key}"})
        assert r.status_code == 403, role
        assert r.headers["content-type"].startswith("application/problem+json")


async def _evaluate_counting_queries(client, connection, credential: str):
    """(the evaluate response, the statements it sent): the driver's own query log, as the key
    lookup runs on the asyncpg connection directly (savepoints aside)."""
    statements: list[str] = []

    def log(record):
        if not record.query.lstrip().upper().startswith(("SAVEPOINT", "RELEASE", "ROLLBACK")):
            statements.append(record.query)

    raw = (await connection.get_raw_connection()).driver_connection
    raw.add_query_logger(log)
    try:
        r = await client.post("/v1/assessments/evaluate", json={"answers": SCREEN},
                              headers={"Authorization": f"Bearer {credential}"})
    finally:
        raw.remove_query_logger(log)
    return r, statements


async def test_token_evaluate_costs_one_query_whether_its_key_may_still_act(
    client, connection, make_key, session
):
    """A token is checked against the signing key, then its key must still be valid (not
    revoked, its agency enabled): one indexed query by principal, answered from the key cache
    window under `asb serve` (here, in the test's transaction, every time). Revoking the key
    refuses the token on the next request."""
    key = await make_key("embed-police", "call_handler", kind="police")
    token = await _token(client, key)
    r, statements = await _evaluate_counting_queries(client, connection, token)
    assert r.status_code == 200, r.text
    assert r.json()["level"] == "high" and r.json()["hate_flag"] is True
    assert len(statements) == 1, statements
    assert "revoked_at" in statements[0] and "key_hash" not in statements[0]

    await revoke_key(session, Actor.system(), key)
    await session.commit()
    r, _ = await _evaluate_counting_queries(client, connection, token)
    assert r.status_code == 401
    assert r.headers["content-type"].startswith("application/problem+json")


async def test_key_evaluate_costs_one_query(client, connection, make_key):
    key = await make_key("embed-police", "call_handler", kind="police")
    r, statements = await _evaluate_counting_queries(client, connection, key)
    assert r.status_code == 200
    assert len(statements) == 1, statements
    assert "key_hash" in statements[0]


async def test_token_may_only_evaluate_and_open(client, make_key):
    token = await _token(client, await make_key("embed-council", "supervisor"))
    auth = {"Authorization": f"Bearer {token}"}
    for method, path in [("GET", "/v1/cases"), ("GET", "/v1/me"), ("POST", "/v1/embed-tokens"),
                         ("GET", "/v1/audit"), ("GET", "/v1/targets"),
                         ("GET", "/v1/cases/00000000-0000-4000-8000-000000000000")]:
        r = await client.request(method, path, headers=auth)
        assert r.status_code == 403, (method, path, r.status_code)
        assert r.json()["type"].endswith("/forbidden")


async def test_token_looks_up_repeat_callers_on_its_keys_budget_and_audit(
    client, app, session, make_key, monkeypatch
):
    """The page's repeat-caller check is the API's lookup: a token spends the issuing key's
    budget (one budget, not one per token) and its lookups are logged and audited under the
    key's principal, without the number."""
    from datetime import UTC, datetime

    from sqlalchemy import select

    from asb_core.audit.models import AuditEvent
    from asb_core.parties import repeat_caller
    from asb_core.parties.models import RepeatCallerLookup

    monkeypatch.setattr(repeat_caller, "_now", lambda: datetime(2026, 3, 10, 10, 15, tzinfo=UTC))
    app.state.settings = app.state.settings.model_copy(update={
        "lookup_budget_per_key": 3, "lookup_budget_per_key_day": 100,
        "lookup_budget_per_agency": 100})
    key = await make_key("embed-lookup", "call_handler", kind="police")
    principal = (await client.get("/v1/me", headers={"Authorization": f"Bearer {key}"})).json()
    token = await _token(client, key)
    opened = await client.post(
        "/v1/cases",
        json={"area": "fenland", "answers": SCREEN, "consent": {"state": "given"},
              "victim": {"role": "victim", "name": "A Person", "phone": "01632 960 111"}},
        headers={"Authorization": f"Bearer {key}"})
    assert opened.status_code == 201, opened.text

    def ask(credential, phone):
        return client.post("/v1/repeat-caller-lookup", json={"phone": phone, "area": "fenland"},
                           headers={"Authorization": f"Bearer {credential}"})

    # The token may not read cases (no case.read), so it is told whom to contact, as any
    # caller that may not read the matching case is; the key itself is told the level.
    r = await ask(token, "01632960111")
    assert r.status_code == 200, r.text
    assert r.json() == {"match": True, "level": None,
                        "contact": [{"agency": "embed-lookup", "name": "Embed-Lookup"}]}
    r = await ask(key, "01632 960 111")
    assert r.json() == {"match": True, "level": "high", "contact": []}
    assert (await ask(await _token(client, key), "01632 960 998")).status_code == 200
    refused = await ask(token, "01632 960 997")  # the key's fourth of three
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0

    rows = (await session.execute(select(RepeatCallerLookup).where(
        RepeatCallerLookup.agency == "embed-lookup").order_by(RepeatCallerLookup.seq))).scalars()
    rows = list(rows)
    assert [r.outcome for r in rows] == ["hit", "hit", "miss", "refused"]
    assert {str(r.principal_id) for r in rows} == {principal["principal_id"]}
    audited = (await session.execute(select(AuditEvent).where(
        AuditEvent.action == "repeat_caller.lookup",
        AuditEvent.agency == "embed-lookup"))).scalars().all()
    assert len(audited) == 3
    assert all("01632" not in str(a.detail) for a in audited)
    assert all(str(a.principal_id) == principal["principal_id"] for a in audited)


async def test_token_opens_a_case(client, make_key):
    token = await _token(client, await make_key("embed-police", "call_handler", kind="police"))
    r = await client.post(
        "/v1/cases",
        json={"area": "fenland", "answers": SCREEN,
              "victim": {"role": "victim", "name": "A Person"},
              "consent": {"state": "given"}},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert r.status_code == 201, r.text
    assert r.json()["risk_level"] == "high"
    assert "restricted" not in r.text


async def test_bad_and_expired_tokens_are_401(client, app, make_key):
    key = await make_key("embed-police", "call_handler", kind="police")
    from asb_core.agencies.service import authenticate  # noqa: F401 (the key is valid)

    token = await _token(client, key)
    tampered = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
    r = await client.post("/v1/assessments/evaluate", json={"answers": {}},
                          headers={"Authorization": f"Bearer {tampered}"})
    assert r.status_code == 401
    actor = embed_tokens.verify(token, embed_tokens.signing_key(app.state))
    old, _ = embed_tokens.issue(actor, embed_tokens.signing_key(app.state),
                                now=time.time() - 16 * 60)
    r = await client.post("/v1/assessments/evaluate", json={"answers": {}},
                          headers={"Authorization": f"Bearer {old}"})
    assert r.status_code == 401


async def test_page_has_a_strict_policy_and_matching_nonces(client):
    r = await client.get("/embed/assessment")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    csp = r.headers["content-security-policy"]
    nonce = re.search(r"script-src 'nonce-([A-Za-z0-9_-]+)'", csp).group(1)
    assert f"style-src 'nonce-{nonce}'" in csp
    for directive in ["default-src 'none'", "connect-src 'self'", "img-src 'self' data:",
                      "form-action 'none'", "base-uri 'none'", "frame-ancestors 'self'"]:
        assert directive in csp
    assert "unsafe" not in csp
    html = r.text
    assert html.count(f'nonce="{nonce}"') == 2
    assert "{{" not in html
    # Nothing external: the only linked resource is an empty data: favicon.
    assert re.findall(r"<(?:script|link|img|iframe)[^>]+(?:src|href)=\"([^\"]*)\"", html) == [
        "data:,"]
    # No inline style or event-handler attributes (the CSP would block them anyway).
    assert not re.search(r"<[a-z][^>]*\s(style|on[a-z]+)=", html)
    again = await client.get("/embed/assessment")
    assert nonce not in again.headers["content-security-policy"]


async def test_page_stays_small(client):
    # The whole page, script and styles included, as served (README: 39,793 bytes).
    r = await client.get("/embed/assessment")
    assert len(r.content) < 48_000, len(r.content)


async def test_page_frame_ancestors_follow_configuration(client, app):
    app.state.settings = app.state.settings.model_copy(
        update={"embed_origins": "'self' https://cad.example.police.uk bad;value"})
    r = await client.get("/embed/assessment")
    csp = r.headers["content-security-policy"]
    assert "frame-ancestors 'self' https://cad.example.police.uk;" in csp + ";"
    assert "bad" not in csp
    assert '"allowed_origins": ["https://cad.example.police.uk"]' in r.text
