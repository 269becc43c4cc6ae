"""Webhook deliveries signed as the Standard Webhooks specification says, with its reference
library (`standardwebhooks`), so a receiver verifies them with that package or its ports in
other languages unchanged.

Each delivery carries `webhook-id` (the event id: the same on every retry and redelivery, so a
receiver de-duplicates on it), `webhook-timestamp` (Unix seconds of this attempt) and
`webhook-signature: v1,<base64>`, the HMAC-SHA256 of `"<id>.<timestamp>.<body>"` under the
subscription's secret. Secrets are `whsec_<base64 of 32 random bytes>`.

Subscriptions made before the switch have a URL-safe secret (`whsec_` + `token_urlsafe(32)`),
which the specification's decoder reads as other bytes; such a secret is decoded as what it was
(the same 32 random bytes). Its receiver verifies with `whsec_` + the standard base64 of those
bytes (`standard_secret`), or re-creates the subscription.
"""

from __future__ import annotations

import base64
import binascii
import re
import secrets
from datetime import UTC, datetime

from standardwebhooks.webhooks import Webhook

PREFIX = "whsec_"
_STANDARD = re.compile(r"^[A-Za-z0-9+/]+={0,2}$")


def new_secret() -> str:
    """A fresh signing secret in the Standard Webhooks form."""
    return PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def key_bytes(secret: str) -> bytes:
    """The HMAC key a secret stands for (standard base64; a legacy URL-safe one as such)."""
    body = secret.removeprefix(PREFIX)
    if _STANDARD.match(body) and len(body.rstrip("=")) % 4 != 1:
        try:
            return base64.b64decode(body + "==")
        except binascii.Error:
            pass
    return base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))


def standard_secret(secret: str) -> str:
    """The `whsec_<standard base64>` form of any secret this service issued."""
    return PREFIX + base64.b64encode(key_bytes(secret)).decode()


def signed_headers(secret: str, msg_id: str, body: bytes, at: datetime | None = None) -> dict:
    """The three Standard Webhooks headers for one attempt at sending `body`."""
    at = (at or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    signature = Webhook(key_bytes(secret)).sign(msg_id=msg_id, timestamp=at, data=body.decode())
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": signature,
    }
