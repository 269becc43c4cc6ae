from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.webhook_event_type import WebhookEventType

T = TypeVar("T", bound="WebhookSubscriptionCreated")


@_attrs_define
class WebhookSubscriptionCreated:
    """
    Example:
        {'id': '2a4c6e80-1b3d-4f5a-9c7e-0d2f4a6c8e1b', 'url': 'https://hms.fen-housing.example/asb/events',
            'event_types': ['case.level_changed', 'escalation.raised', 'target.breached'], 'active': True, 'created_at':
            '2025-03-05T10:10:00Z', 'secret': 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw9BIgsS9xJyg='}

    Attributes:
        id (UUID):
        url (str):
        event_types (list[WebhookEventType]):
        active (bool):
        created_at (datetime.datetime):
        secret (str): The Standard Webhooks signing secret, `whsec_` and the base64 of a 32-byte key. Returned only
            once, on creation.
    """

    id: UUID
    url: str
    event_types: list[WebhookEventType]
    active: bool
    created_at: datetime.datetime
    secret: str

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        url = self.url

        event_types = []
        for event_types_item_data in self.event_types:
            event_types_item = event_types_item_data.value
            event_types.append(event_types_item)

        active = self.active

        created_at = self.created_at.isoformat()

        secret = self.secret

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "url": url,
                "event_types": event_types,
                "active": active,
                "created_at": created_at,
                "secret": secret,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        url = d.pop("url")

        event_types = []
        _event_types = d.pop("event_types")
        for event_types_item_data in _event_types:
            event_types_item = WebhookEventType(event_types_item_data)

            event_types.append(event_types_item)

        active = d.pop("active")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        secret = d.pop("secret")

        webhook_subscription_created = cls(
            id=id,
            url=url,
            event_types=event_types,
            active=active,
            created_at=created_at,
            secret=secret,
        )

        return webhook_subscription_created
