"""Rate limits: per API key (in process), and failed authentications (shared by every worker).

The per-key request limit: each worker process keeps its own token buckets, so a limit of N per
minute is at most N per minute per worker (with ASB_WORKERS=4, 4N). It only paces a valid key.

Failed authentications are counted where every worker and node sees them (PostgreSQL, through
`asb_core.agencies.service.count_bad_credentials`), per presented key prefix and per client
address, ASB_BAD_KEY_LIMIT a minute each. Only failures are counted and only failures are
refused: a valid credential is always checked and served, whoever else failed from its address
or with its prefix, so one bad client cannot lock out the keys behind the same address (NAT, a
proxy). A failure past the limit is answered 429 with Retry-After instead of 401, and once a
worker has seen a scope over the limit it stops counting it until the minute ends (no write
per refused guess). A successful request never touches these counters.

The client address is the TCP peer, or the address the peer names in `X-Forwarded-For` when
the peer is one of ASB_TRUSTED_PROXIES (the right-most address that is not itself a trusted
proxy); from anyone else the header is ignored, so a client cannot pick its own address.
"""

from __future__ import annotations

import ipaddress
import logging
import math
import time
from collections.abc import Hashable
from dataclasses import dataclass
from datetime import UTC, datetime

from asb_core.agencies.service import count_bad_credentials
from asb_core.networks import IPNetwork

log = logging.getLogger("asb_api")


@dataclass(slots=True)
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    """Token buckets keyed by a client address or a principal id: `capacity` requests,
    refilled over `per_seconds`."""

    def __init__(self, capacity: int, per_seconds: float = 60.0, max_keys: int = 100_000) -> None:
        self.capacity = max(1, capacity)
        self.rate = self.capacity / per_seconds
        self.max_keys = max_keys
        self._buckets: dict[Hashable, _Bucket] = {}

    def _bucket(self, key: Hashable, now: float) -> _Bucket:
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) >= self.max_keys:
                self._evict(now)
            bucket = self._buckets[key] = _Bucket(float(self.capacity), now)
        else:
            tokens = bucket.tokens + (now - bucket.updated) * self.rate
            bucket.tokens = tokens if tokens < self.capacity else self.capacity
            bucket.updated = now
        return bucket

    def _evict(self, now: float) -> None:
        # Drop buckets that have refilled completely: they carry no information.
        full = [k for k, b in self._buckets.items()
                if b.tokens + (now - b.updated) * self.rate >= self.capacity]
        for k in full:
            del self._buckets[k]
        if len(self._buckets) >= self.max_keys:
            self._buckets.clear()

    def allow(self, key: Hashable, now: float | None = None) -> bool:
        """Take one token if available."""
        bucket = self._bucket(key, time.monotonic() if now is None else now)
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            return True
        return False

    def blocked(self, key: Hashable, now: float | None = None) -> bool:
        """True when the bucket is empty (without taking a token). A key without a bucket has
        a full one (capacity >= 1), so none is made for it: an address that never failed to
        authenticate costs one dict lookup and no memory."""
        if key not in self._buckets:
            return False
        return self._bucket(key, time.monotonic() if now is None else now).tokens < 1

    def retry_after(self, key: Hashable) -> int:
        bucket = self._buckets.get(key)
        if bucket is None or bucket.tokens >= 1:
            return 1
        return max(1, math.ceil((1 - bucket.tokens) / self.rate))


def _in(address: str, networks: tuple[IPNetwork, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_address(scope, trusted: tuple[IPNetwork, ...]) -> str:
    """The client's address: the TCP peer, or, when the peer is a trusted proxy, the right-most
    address in X-Forwarded-For that is not a trusted proxy (a malformed entry ends the walk:
    the last trusted hop is the client as far as we can tell)."""
    peer = scope.get("client")
    address = peer[0] if peer else "unknown"
    if not trusted or not _in(address, trusted):
        return address
    hops: list[str] = []
    for name, value in scope["headers"]:
        if name.lower() == b"x-forwarded-for":
            hops += [h.strip() for h in value.decode("latin-1").split(",")]
    for hop in reversed(hops):
        try:
            ipaddress.ip_address(hop)
        except ValueError:
            break
        address = hop
        if not _in(hop, trusted):
            break
    return address


def credential_prefix(token: str) -> str:
    """What a failure is counted against besides the address: an API key's public prefix
    (`asb_<prefix>`, as `asb key` lists it), or `asbe_` for any embed token."""
    head, sep, rest = token.partition("_")
    if head == "asbe":
        return "asbe_"
    return f"{head}_{rest.partition('_')[0][:32]}" if sep else head[:32]


class BadCredentials:
    """Failed authentications, counted in PostgreSQL per key prefix and per client address;
    this worker remembers which scopes it saw over the limit until their minute ends."""

    def __init__(self, limit: int, max_scopes: int = 100_000) -> None:
        self.limit = max(1, limit)
        self.max_scopes = max_scopes
        self._over: dict[str, float] = {}  # scope -> monotonic time its minute ends

    async def failed(self, sessionmaker, prefix: str, address: str) -> int | None:
        """Count one failure; seconds to wait (Retry-After) when a scope is over the limit,
        None when the caller is simply told the credential is not valid."""
        scopes = [f"bad-key:{prefix}"[:100], f"bad-addr:{address}"[:100]]
        now = time.monotonic()
        known = max((self._over.get(s, 0.0) - now for s in scopes), default=0.0)
        if known > 0:
            return max(1, math.ceil(known))
        if sessionmaker is None:
            return None
        try:
            async with sessionmaker() as session:
                counts, left = await count_bad_credentials(session, scopes, datetime.now(UTC))
        except Exception:  # noqa: BLE001 - the 401 stands; the database error is the lookup's
            log.warning("failed authentications could not be counted", exc_info=True)
            return None
        over = [s for s in scopes if counts.get(s, 0) > self.limit]
        if not over:
            return None
        if len(self._over) >= self.max_scopes:
            self._over = {s: t for s, t in self._over.items() if t > now}
        for scope in over:
            if counts[scope] == self.limit + 1:
                log.warning("failed authentications over the limit: %s", scope.split(":")[0])
            self._over[scope] = now + left
        return left
