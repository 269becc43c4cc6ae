"""Embed tokens: short-lived, stateless bearer tokens for the embedded assessment page.

The embedding system exchanges its long-lived API key server-side (`POST /v1/embed-tokens`) for a
token that may only evaluate assessments, open cases and look up repeat callers (under the
key's own lookup budget and audit), for 15 minutes; the browser never sees the key. A token is

    asbe_<base64url(payload JSON)>.<base64url(HMAC-SHA256(payload part))>

signed with a key derived from `ASB_SECRET_KEY`, so any worker process can verify it without the
database. The payload carries the issuing principal, its agency and role, the scopes and the
expiry (Unix seconds). A token is tied to the key that minted it: once that key is revoked or its
agency disabled, the token is refused within the key cache window (`asb_api.auth`), like the key.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import logging
import os
import secrets
import time
import uuid
from pathlib import Path
from typing import Any

from asb_core.actor import Actor

log = logging.getLogger("asb_api")

EMBED_PREFIX = "asbe_"
EMBED_SCOPES = ("assess.evaluate", "case.open", "repeat_caller.lookup")
TTL_SECONDS = 15 * 60
MAX_TOKEN_LENGTH = 1024
_CONTEXT = b"asb-casework embed token v1"


def derive_key(secret: str | bytes) -> bytes:
    """A signing key for embed tokens only (domain-separated from other uses of the secret)."""
    raw = secret.encode() if isinstance(secret, str) else secret
    return hmac.new(raw, _CONTEXT, hashlib.sha256).digest()


def signing_key(state: Any) -> bytes:
    """The process's signing key, derived once from `ASB_SECRET_KEY` and kept on `app.state`.

    `asb serve` makes sure every worker shares one secret. Without one (an app built by hand),
    a random per-process key is used: tokens then verify only in the process that issued them.
    """
    key = state.get("embed_signing_key")
    if key is None:
        configured = getattr(state.settings, "secret_key", None)
        value = configured.get_secret_value() if configured is not None else None
        value = value or os.environ.get("ASB_SECRET_KEY")
        if not value:
            log.warning("ASB_SECRET_KEY is not set: embed tokens verify in this process only")
            value = secrets.token_urlsafe(32)
        key = state["embed_signing_key"] = derive_key(value)
    return key


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _sign(key: bytes, body: str) -> str:
    return _b64(hmac.new(key, body.encode("ascii"), hashlib.sha256).digest())


def issue(actor: Actor, key: bytes, *, now: float | None = None,
          ttl: int = TTL_SECONDS) -> tuple[str, int]:
    """Return (token, expiry as Unix seconds) for `actor`, scoped to EMBED_SCOPES."""
    exp = int(time.time() if now is None else now) + ttl
    payload = {
        "principal_id": str(actor.principal_id),
        "agency_id": str(actor.agency_id),
        "agency_slug": actor.agency_slug,
        "agency_kind": actor.agency_kind,
        "role": actor.role,
        "scopes": list(EMBED_SCOPES),
        "exp": exp,
    }
    body = _b64(json.dumps(payload, separators=(",", ":"), sort_keys=True).encode())
    return f"{EMBED_PREFIX}{body}.{_sign(key, body)}", exp


_verified: dict[tuple[str, bytes], tuple[Actor, int]] = {}
_VERIFIED_MAX = 10_000


def verify(token: str, key: bytes, *, now: float | None = None) -> Actor | None:
    """The Actor a valid, unexpired token stands for; None for anything else.

    A token is immutable, so a verified one is remembered (per process, bounded) and only its
    expiry is checked again: the page's requests skip the HMAC and JSON. Whether its key may
    still act is asked by the caller (`asb_api.auth`), on every request.
    """
    current = time.time() if now is None else now
    hit = _verified.get((token, key))
    if hit is not None:
        return hit[0] if hit[1] > current else None
    verified = _verify(token, key, current)
    if verified is None:
        return None
    if len(_verified) >= _VERIFIED_MAX:
        _verified.clear()
    _verified[(token, key)] = verified
    return verified[0]


def _verify(token: str, key: bytes, now: float) -> tuple[Actor, int] | None:
    if not token.startswith(EMBED_PREFIX) or len(token) > MAX_TOKEN_LENGTH or not token.isascii():
        return None
    body, dot, signature = token[len(EMBED_PREFIX):].partition(".")
    if not dot or not body or not hmac.compare_digest(signature, _sign(key, body)):
        return None
    try:
        payload = json.loads(_unb64(body))
        exp = payload["exp"]
        scopes = payload["scopes"]
        if not isinstance(exp, int) or not isinstance(scopes, list) or not scopes:
            return None
        if exp <= now:
            return None
        if not set(scopes) <= set(EMBED_SCOPES):
            return None
        actor = Actor(
            principal_id=uuid.UUID(payload["principal_id"]),
            agency_id=uuid.UUID(payload["agency_id"]),
            agency_slug=str(payload["agency_slug"]),
            agency_kind=str(payload["agency_kind"]),
            role=str(payload["role"]),
            scopes=frozenset(scopes),
        )
        return actor, exp
    except (ValueError, KeyError, TypeError, binascii.Error):
        return None


def stored_secret(data_dir: Path) -> str:
    """A random secret kept in `<data_dir>/secret_key` (mode 0600), created on first use.

    `asb serve` uses it when ASB_SECRET_KEY is unset, so all workers share one secret and tokens
    survive a restart on the same machine. Several machines need ASB_SECRET_KEY set alike.
    """
    path = Path(data_dir) / "secret_key"
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text("ascii").strip()
    with os.fdopen(fd, "w") as f:
        f.write(secrets.token_urlsafe(48))
    return path.read_text("ascii").strip()
