"""In-process rate limits: per API key, and per client address for failed authentication.

Each worker process keeps its own buckets (a limit of N per minute becomes at most N per minute
per worker); that bounds abuse without a shared store. A client address that keeps presenting bad
keys is refused with 429 before any database lookup, so guessing keys cannot load the database,
while valid keys from other addresses keep being served.
"""

from __future__ import annotations

import math
import time
from collections.abc import Hashable
from dataclasses import dataclass


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
