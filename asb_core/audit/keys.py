"""The audit log's HMAC keys: kept out of the database, so a database superuser cannot forge,
re-hash or re-head a chain (docs: README "The audit log's threat model").

A key comes from `ASB_AUDIT_KEY` (the current key) or `ASB_AUDIT_KEY_FILE` (one key per line;
the last line is the current key, earlier lines are retired keys still needed to verify old
rows). Each key's id is derived from the key (a keyed fingerprint, not the key), and every row
records the id of the key that made its hash, so keys can rotate: add the new key as the last
line and restart every process. With no key, rows are hashed with plain SHA-256 as before (links
only; `asb serve` warns).
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass, field
from pathlib import Path

MIN_KEY_BYTES = 16


def key_id_of(secret: bytes) -> str:
    return "k" + hashlib.sha256(b"asb-audit-key-id\0" + secret).hexdigest()[:15]


@dataclass(frozen=True)
class AuditKeys:
    """The current key (id, secret), or None, and every known key by id."""

    current: tuple[str, bytes] | None = None
    known: dict[str, bytes] = field(default_factory=dict)

    @classmethod
    def of(cls, *secrets: str | bytes) -> AuditKeys:
        """Keys from secrets, oldest first: the last is the current one."""
        known: dict[str, bytes] = {}
        current = None
        for s in secrets:
            raw = s.encode() if isinstance(s, str) else s
            raw = raw.strip()
            if not raw:
                continue
            if len(raw) < MIN_KEY_BYTES:
                raise ValueError(f"an audit key must be at least {MIN_KEY_BYTES} bytes")
            current = (key_id_of(raw), raw)
            known[current[0]] = raw
        return cls(current, known)

    def mac(self, key_id: str, message: bytes) -> str | None:
        """The HMAC-SHA256 of `message` under the key `key_id`; None if that key is unknown."""
        secret = self.known.get(key_id)
        if secret is None:
            return None
        return hmac.new(secret, message, hashlib.sha256).hexdigest()


def load(key: str | None, key_file: Path | None) -> AuditKeys:
    """The keys the settings name: the file's lines, then the environment's key (current)."""
    secrets: list[str] = []
    if key_file is not None:
        secrets += Path(key_file).read_text().splitlines()
    if key:
        secrets.append(key)
    return AuditKeys.of(*secrets)
