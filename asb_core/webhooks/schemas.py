"""Input model of the webhooks slice: a subscription (a URL and the event types it wants)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from asb_core.validation import Strict

MAX_URL = 2000

Url = Annotated[str, StringConstraints(min_length=1, max_length=MAX_URL)]
EventType = Annotated[str, StringConstraints(min_length=1, max_length=40)]


class WebhookIn(Strict):
    url: Url
    event_types: Annotated[list[EventType], Field(min_length=1, max_length=20)]
