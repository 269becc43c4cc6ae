"""API keys: generation, digest and constant-time comparison.

A key looks like `asb_<prefix>_<secret>`; only the SHA-256 digest of the whole key is stored, with
the short prefix kept so an operator can tell keys apart. Keys are shown once, when issued.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

KEY_PREFIX = "asb_"


def new_key() -> tuple[str, str, str]:
    """Return (key, prefix, digest) for a fresh key with 256 bits of randomness."""
    prefix = secrets.token_hex(4)
    key = f"{KEY_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
    return key, prefix, digest(key)


def digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()


def matches(stored_digest: str, presented_key: str) -> bool:
    return digests_match(stored_digest, digest(presented_key))


def digests_match(stored_digest: str, presented_digest: str) -> bool:
    """Constant-time comparison of a stored digest with a presented key's digest."""
    return hmac.compare_digest(stored_digest, presented_digest)


def looks_like_key(value: str) -> bool:
    """Cheap shape check so obvious garbage never reaches the database."""
    return value.startswith(KEY_PREFIX) and 20 <= len(value) <= 128 and value.isascii()
