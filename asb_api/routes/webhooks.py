"""Webhook subscriptions: create (the signing secret is shown once), list, delete, each
subscription's delivery status, a test event (ping) and sending a delivery again. An agency sees
only its own subscriptions."""

from __future__ import annotations

from typing import Annotated

from litestar import Response, delete, get, post
from litestar.datastructures import State
from litestar.params import JSONBody, QueryParameter

from asb_api.deps import ActorDep, DbSession
from asb_api.http import Cursor, Limit, PathId, items_response, json_response, page_response
from asb_api.serialize import _value
from asb_core.webhooks import service as webhooks
from asb_core.webhooks.egress import EgressPolicy
from asb_core.webhooks.schemas import WebhookIn


def subscription_body(sub, *, with_secret: bool = False) -> dict:
    body = {
        "id": _value(sub.id),
        "url": sub.url,
        "event_types": list(sub.event_types),
        "active": sub.active,
        "created_at": _value(sub.created_at),
    }
    if with_secret:
        body["secret"] = sub.secret
    return body


def delivery_body(delivery, event_type: str) -> dict:
    return {
        "id": _value(delivery.id),
        "event_id": _value(delivery.event_id),
        "event_type": event_type,
        "state": delivery.state,
        "attempts": delivery.attempts,
        "last_status": delivery.last_status,
        "last_error": delivery.last_error,
        "next_attempt_at": (
            _value(delivery.next_attempt_at) if delivery.state == "pending" else None
        ),
        "delivered_at": _value(delivery.delivered_at),
        "created_at": _value(delivery.created_at),
    }


@post("/v1/webhooks")
async def create_webhook(
    actor: ActorDep, db_session: DbSession, data: JSONBody[WebhookIn], state: State
) -> Response:
    egress = EgressPolicy.from_settings(state.settings)
    sub = await webhooks.create_subscription(db_session, actor, data, egress=egress)
    return json_response(
        subscription_body(sub, with_secret=True), status=201,
        headers={"Location": f"/v1/webhooks/{sub.id}"},
    )


@get("/v1/webhooks")
async def list_webhooks(actor: ActorDep, db_session: DbSession) -> Response:
    return items_response(await webhooks.list_subscriptions(db_session, actor), subscription_body)


@get("/v1/webhooks/{webhook_id:uuid}")
async def get_webhook(actor: ActorDep, db_session: DbSession, webhook_id: PathId) -> Response:
    return json_response(
        subscription_body(await webhooks.get_subscription(db_session, actor, webhook_id))
    )


@delete("/v1/webhooks/{webhook_id:uuid}", status_code=204)
async def delete_webhook(actor: ActorDep, db_session: DbSession, webhook_id: PathId) -> None:
    await webhooks.delete_subscription(db_session, actor, webhook_id)


@get("/v1/webhooks/{webhook_id:uuid}/deliveries")
async def list_webhook_deliveries(
    actor: ActorDep,
    db_session: DbSession,
    webhook_id: PathId,
    delivery_state: Annotated[str | None, QueryParameter(
        name="state", pattern="^(pending|delivered|dead)$")] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Response:
    result = await webhooks.list_deliveries(
        db_session, actor, webhook_id, state=delivery_state, limit=limit, cursor=cursor
    )
    return page_response(result, lambda row: delivery_body(*row))


@post("/v1/webhooks/{webhook_id:uuid}/ping", status_code=202)
async def ping_webhook(actor: ActorDep, db_session: DbSession, webhook_id: PathId) -> Response:
    delivery, event_type = await webhooks.ping(db_session, actor, webhook_id)
    return json_response(delivery_body(delivery, event_type), status=202)


@post("/v1/webhooks/{webhook_id:uuid}/deliveries/{delivery_id:uuid}/redeliver", status_code=202)
async def redeliver_webhook_delivery(
    actor: ActorDep, db_session: DbSession, webhook_id: PathId, delivery_id: PathId
) -> Response:
    delivery, event_type = await webhooks.redeliver(db_session, actor, webhook_id, delivery_id)
    return json_response(delivery_body(delivery, event_type), status=202)


route_handlers = [
    create_webhook, list_webhooks, get_webhook, delete_webhook, list_webhook_deliveries,
    ping_webhook, redeliver_webhook_delivery,
]
