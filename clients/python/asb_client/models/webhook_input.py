from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.webhook_event_type import WebhookEventType

T = TypeVar("T", bound="WebhookInput")


@_attrs_define
class WebhookInput:
    """
    Example:
        {'url': 'https://hms.fen-housing.example/asb/events', 'event_types': ['case.level_changed', 'escalation.raised',
            'target.breached']}

    Attributes:
        url (str): Where to POST events: an absolute https URL without credentials (`user:pass@`) or fragment. A URL
            whose host is an IP address that is loopback, private, link-local (169.254.0.0/16, fe80::/10), shared
            (100.64.0.0/10), unique-local (fc00::/7), unspecified, multicast, reserved or otherwise not globally routable,
            including IPv4-mapped forms, is refused (422 on `url`), unless the operator allows its network
            (`ASB_WEBHOOK_ALLOWED_NETWORKS`); plain http is accepted only for those networks. A host name is checked when
            each delivery is made, against every address it resolves to. The URL must be one the delivery client can send
            to, judged by the same parser: a host that is not a valid IDNA name (`http://①②⑦.0.0.1/`, say) or a port out of
            range is refused (422 on `url`).
        event_types (list[WebhookEventType]):
    """

    url: str
    event_types: list[WebhookEventType]

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        event_types = []
        for event_types_item_data in self.event_types:
            event_types_item = event_types_item_data.value
            event_types.append(event_types_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "url": url,
                "event_types": event_types,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        event_types = []
        _event_types = d.pop("event_types")
        for event_types_item_data in _event_types:
            event_types_item = WebhookEventType(event_types_item_data)

            event_types.append(event_types_item)

        webhook_input = cls(
            url=url,
            event_types=event_types,
        )

        return webhook_input
