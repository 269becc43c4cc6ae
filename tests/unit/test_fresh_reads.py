"""`FreshReads`: concurrent key lookups share a query, but never one that began before them."""

from __future__ import annotations

import asyncio

from asb_core.agencies.key_lookup import FreshReads


class Source:
    """A value that changes over time, read with a delay, recording when each read began."""

    def __init__(self) -> None:
        self.value = "valid"
        self.reads: list[str] = []
        self.gate = asyncio.Event()

    async def fetch(self, key: str) -> str:
        seen = self.value  # the read's snapshot is taken when it starts
        self.reads.append(seen)
        await self.gate.wait()
        return seen


async def test_callers_waiting_together_share_one_read():
    source = Source()
    reads = FreshReads(source.fetch)
    callers = [asyncio.ensure_future(reads.read("k")) for _ in range(20)]
    await asyncio.sleep(0.01)
    source.gate.set()
    assert await asyncio.gather(*callers) == ["valid"] * 20
    assert len(source.reads) == 1


async def test_a_caller_arriving_during_a_read_gets_a_later_read():
    source = Source()
    reads = FreshReads(source.fetch)
    first = asyncio.ensure_future(reads.read("k"))
    await asyncio.sleep(0.01)  # the first read is under way with the old value
    source.value = "revoked"  # e.g. `asb key revoke` commits now
    second = asyncio.ensure_future(reads.read("k"))
    third = asyncio.ensure_future(reads.read("k"))
    await asyncio.sleep(0.01)
    source.gate.set()
    assert await first == "valid"
    assert await second == "revoked" and await third == "revoked"
    assert source.reads == ["valid", "revoked"]


async def test_failures_reach_every_caller_and_the_next_read_starts_afresh():
    calls = 0

    async def flaky(key):
        nonlocal calls
        calls += 1
        await asyncio.sleep(0)
        if calls == 1:
            raise ConnectionError("database away")
        return "ok"

    reads = FreshReads(flaky)
    results = await asyncio.gather(reads.read("k"), reads.read("k"), return_exceptions=True)
    assert all(isinstance(r, ConnectionError) for r in results)
    assert await reads.read("k") == "ok"


async def test_different_keys_do_not_wait_for_each_other():
    source = Source()
    reads = FreshReads(source.fetch)
    a = asyncio.ensure_future(reads.read("a"))
    b = asyncio.ensure_future(reads.read("b"))
    await asyncio.sleep(0.01)
    assert len(source.reads) == 2
    source.gate.set()
    await asyncio.gather(a, b)
