"""Webhook subscriptions: create (the signing secret is shown once), list, delete, and each
subscription's delivery status. An agency sees only its own subscriptions."""

from __future__ import annotations

from typing import Annotated

from litestar import Response, delete, get, post
from litestar.datastructures import State
from litestar.params import JSONBody, QueryParameter
from pydantic import Field, StringConstraints

from asb_api.deps import ActorDep, DbSession
from asb_api.http import Cursor, Limit, PathId, json_response, page
from asb_api.schemas import Strict
from asb_api.serialize import _value
from asb_core.webhooks import service as webhooks
from asb_core.webhooks.egress import EgressPolicy

Url = Annotated[str, StringConstraints(min_length=1, max_length=webhooks.MAX_URL)]
EventType = Annotated[str, StringConstraints(min_length=1, max_length=40)]


class WebhookIn(Strict):
    url: Url
    event_types: Annotated[list[EventType], Field(min_length=1, max_length=20)]


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
    async with db_session.begin():
        sub = await webhooks.create_subscription(
            db_session, actor, url=data.url, event_types=list(data.event_types), egress=egress
        )
        return json_response(
            subscription_body(sub, with_secret=True), status=201,
            headers={"Location": f"/v1/webhooks/{sub.id}"},
        )


@get("/v1/webhooks")
async def list_webhooks(actor: ActorDep, db_session: DbSession) -> Response:
    async with db_session.begin():
        subs = await webhooks.list_subscriptions(db_session, actor)
        return json_response({"items": [subscription_body(s) for s in subs]})


@get("/v1/webhooks/{webhook_id:uuid}")
async def get_webhook(actor: ActorDep, db_session: DbSession, webhook_id: PathId) -> Response:
    async with db_session.begin():
        return json_response(
            subscription_body(await webhooks.get_subscription(db_session, actor, webhook_id))
        )


@delete("/v1/webhooks/{webhook_id:uuid}", status_code=204)
async def delete_webhook(actor: ActorDep, db_session: DbSession, webhook_id: PathId) -> None:
    async with db_session.begin():
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
    async with db_session.begin():
        result = await webhooks.list_deliveries(
            db_session, actor, webhook_id, state=delivery_state, limit=limit, cursor=cursor
        )
        return json_response(
            page([delivery_body(d, t) for d, t in result.items], result.next_cursor)
        )


route_handlers = [
    create_webhook, list_webhooks, get_webhook, delete_webhook, list_webhook_deliveries,
]
