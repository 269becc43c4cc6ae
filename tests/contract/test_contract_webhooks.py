"""Webhook subscriptions through HTTP, every exchange checked against openapi.yaml."""

from __future__ import annotations

SUB = {
    "url": "https://hms.fen-housing.example/asb/events",
    "event_types": ["case.level_changed", "escalation.raised", "target.breached"],
}


async def test_subscribe_list_read_deliveries_and_unsubscribe(api, make_key):
    housing = api.with_key(await make_key("fen-housing", "integration", kind="housing_provider"))
    r = await housing.post("/v1/webhooks", json=SUB)
    assert r.status_code == 201, r.text
    created = r.json()
    assert created["secret"].startswith("whsec_")
    assert r.headers["location"].endswith(created["id"])
    r = await housing.get("/v1/webhooks")
    assert r.status_code == 200 and [s["id"] for s in r.json()["items"]] == [created["id"]]
    assert "secret" not in r.json()["items"][0]
    r = await housing.get(f"/v1/webhooks/{created['id']}")
    assert r.status_code == 200 and r.json()["active"] is True
    r = await housing.get(f"/v1/webhooks/{created['id']}/deliveries", params={"state": "dead"})
    assert r.status_code == 200 and r.json() == {"items": [], "next_cursor": None}
    r = await housing.delete(f"/v1/webhooks/{created['id']}")
    assert r.status_code == 204


async def test_another_agency_cannot_see_a_subscription(api, make_key):
    housing = api.with_key(await make_key("fen-housing", "integration", kind="housing_provider"))
    council = api.with_key(await make_key("fen-council", "caseworker"))
    created = (await housing.post("/v1/webhooks", json=SUB)).json()
    r = await council.get(f"/v1/webhooks/{created['id']}")
    assert r.status_code == 404
    r = await council.delete(f"/v1/webhooks/{created['id']}")
    assert r.status_code == 404


async def test_bad_subscriptions_are_422(api, make_key):
    housing = api.with_key(await make_key("fen-housing", "integration", kind="housing_provider"))
    r = await housing.post(
        "/v1/webhooks", json={"url": SUB["url"], "event_types": ["case.exploded"]},
        check_request=False,
    )
    assert r.status_code == 422
    r = await housing.post(
        "/v1/webhooks", json={"url": "ftp://example.org/x", "event_types": ["case.closed"]}
    )
    assert r.status_code == 422


async def test_urls_that_reach_internal_addresses_are_422_on_url(api, make_key):
    """With the default settings (no ASB_WEBHOOK_ALLOWED_NETWORKS) a webhook may reach only
    public addresses over https: an IP literal in a refused range, plain http or credentials in
    the URL are a validation error on `url`."""
    housing = api.with_key(await make_key("fen-housing", "integration", kind="housing_provider"))
    for url in ("http://169.254.169.254/latest/meta-data", "https://169.254.169.254/",
                "http://10.0.0.1/", "https://[::1]/", "http://user:pass@example.org/",
                "http://hms.fen-housing.example/asb/events"):
        r = await housing.post("/v1/webhooks", json={"url": url, "event_types": ["case.closed"]})
        assert r.status_code == 422, (url, r.text)
        assert [e["field"] for e in r.json()["errors"]] == ["url"], url


async def test_an_admin_key_may_not_subscribe_to_case_events(api, make_key):
    """Admin has no case data, and every event carries some: 403, a problem, on the contract."""
    admin = api.with_key(await make_key("fen-council", "admin"))
    r = await admin.post("/v1/webhooks", json=SUB)
    assert r.status_code == 403, r.text
    assert r.json()["type"].endswith("/forbidden")
    assert (await admin.get("/v1/webhooks")).json()["items"] == []


async def test_a_url_the_delivery_client_cannot_parse_is_422_on_url(api, make_key):
    housing = api.with_key(await make_key("fen-housing", "integration", kind="housing_provider"))
    for url in ("https://①②⑦.0.0.1/p", "https://hms.fen-housing.example:99999/asb"):
        r = await housing.post("/v1/webhooks", json={"url": url, "event_types": ["case.closed"]})
        assert r.status_code == 422, (url, r.text)
        assert [e["field"] for e in r.json()["errors"]] == ["url"], url


async def test_ping_and_redeliver(api, make_key, session):
    """A ping is a pending delivery of `webhook.ping`; a pending delivery cannot be redelivered
    (409), a dead one can (202, pending again with its attempts from 0), and nothing is sent to
    a deleted subscription (409)."""
    from sqlalchemy import text

    housing = api.with_key(await make_key("fen-housing", "integration", kind="housing_provider"))
    created = (await housing.post("/v1/webhooks", json=SUB)).json()
    r = await housing.post(f"/v1/webhooks/{created['id']}/ping")
    assert r.status_code == 202, r.text
    ping = r.json()
    assert (ping["event_type"], ping["state"], ping["attempts"]) == ("webhook.ping", "pending", 0)
    listed = (await housing.get(f"/v1/webhooks/{created['id']}/deliveries")).json()["items"]
    assert [d["id"] for d in listed] == [ping["id"]]

    redeliver = f"/v1/webhooks/{created['id']}/deliveries/{ping['id']}/redeliver"
    r = await housing.post(redeliver)
    assert r.status_code == 409 and r.json()["type"].endswith("/conflict")

    # As the worker leaves it after the last attempt failed.
    await session.execute(text(
        "UPDATE webhook_deliveries SET state = 'dead', attempts = 8, last_status = 500, "
        "last_error = 'HTTP 500' WHERE id = :id"), {"id": ping["id"]})
    r = await housing.post(redeliver)
    assert r.status_code == 202, r.text
    again = r.json()
    assert (again["id"], again["state"], again["attempts"]) == (ping["id"], "pending", 0)
    assert again["event_id"] == ping["event_id"]  # the same event: the same webhook-id

    council = api.with_key(await make_key("fen-council", "caseworker"))
    assert (await council.post(redeliver)).status_code == 404
    assert (await council.post(f"/v1/webhooks/{created['id']}/ping")).status_code == 404
    r = await housing.post(f"/v1/webhooks/{created['id']}/deliveries/{created['id']}/redeliver")
    assert r.status_code == 404

    assert (await housing.delete(f"/v1/webhooks/{created['id']}")).status_code == 204
    assert (await housing.post(redeliver)).status_code == 409
    assert (await housing.post(f"/v1/webhooks/{created['id']}/ping")).status_code == 404
