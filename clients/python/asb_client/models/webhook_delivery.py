from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.webhook_delivery_state import WebhookDeliveryState
from ..models.webhook_event_type import WebhookEventType

T = TypeVar("T", bound="WebhookDelivery")


@_attrs_define
class WebhookDelivery:
    """
    Attributes:
        id (UUID):
        event_id (UUID):
        event_type (Literal['webhook.ping'] | WebhookEventType): The event's type; `webhook.ping` for a test event.
        state (WebhookDeliveryState): `pending` until the receiver answers 2xx (`delivered`) or the attempts run out
            (`dead`); a redelivered one is `pending` again.
        attempts (int): Attempts made since it was created or last redelivered.
        last_status (int | None): HTTP status of the last attempt.
        last_error (None | str): Why the last attempt failed (`timeout`, `HTTP 500`, `connection error: ...`, `error:
            ...` for anything else, retried like a failure; or, dead at once and never retried, `refused: ...` when the host
            resolved to an address webhooks may not reach and `invalid URL: ...` when the URL cannot be sent to); or why the
            delivery was not made: `withheld: ...` when the key that made the subscription may not read the event (revoked,
            a role without case data, or its agency no longer a member of the case), `subscription deleted`.
        next_attempt_at (datetime.datetime | None):
        delivered_at (datetime.datetime | None):
        created_at (datetime.datetime):
    """

    id: UUID
    event_id: UUID
    event_type: Literal["webhook.ping"] | WebhookEventType
    state: WebhookDeliveryState
    attempts: int
    last_status: int | None
    last_error: None | str
    next_attempt_at: datetime.datetime | None
    delivered_at: datetime.datetime | None
    created_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        event_id = str(self.event_id)

        event_type: Literal["webhook.ping"] | str
        if isinstance(self.event_type, WebhookEventType):
            event_type = self.event_type.value
        else:
            event_type = self.event_type

        state = self.state.value

        attempts = self.attempts

        last_status: int | None
        last_status = self.last_status

        last_error: None | str
        last_error = self.last_error

        next_attempt_at: None | str
        if isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        delivered_at: None | str
        if isinstance(self.delivered_at, datetime.datetime):
            delivered_at = self.delivered_at.isoformat()
        else:
            delivered_at = self.delivered_at

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "event_id": event_id,
                "event_type": event_type,
                "state": state,
                "attempts": attempts,
                "last_status": last_status,
                "last_error": last_error,
                "next_attempt_at": next_attempt_at,
                "delivered_at": delivered_at,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        event_id = UUID(d.pop("event_id"))

        def _parse_event_type(data: object) -> Literal["webhook.ping"] | WebhookEventType:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                event_type_type_0 = WebhookEventType(data)

                return event_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            event_type_type_1 = cast(Literal["webhook.ping"], data)
            if event_type_type_1 != "webhook.ping":
                raise ValueError(f"event_type_type_1 must match const 'webhook.ping', got '{event_type_type_1}'")
            return event_type_type_1

        event_type = _parse_event_type(d.pop("event_type"))

        state = WebhookDeliveryState(d.pop("state"))

        attempts = d.pop("attempts")

        def _parse_last_status(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        last_status = _parse_last_status(d.pop("last_status"))

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))

        def _parse_next_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at"))

        def _parse_delivered_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                delivered_at_type_0 = datetime.datetime.fromisoformat(data)

                return delivered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        delivered_at = _parse_delivered_at(d.pop("delivered_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        webhook_delivery = cls(
            id=id,
            event_id=event_id,
            event_type=event_type,
            state=state,
            attempts=attempts,
            last_status=last_status,
            last_error=last_error,
            next_attempt_at=next_attempt_at,
            delivered_at=delivered_at,
            created_at=created_at,
        )

        return webhook_delivery
