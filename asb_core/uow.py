"""The unit of work: each public service function is one transaction, opened by the service
itself, never by a route.

`@unit_of_work` begins a transaction on the session when none is open and commits it when the
function returns (rolls back when it raises). Called inside a transaction that is already open
(one service using another, a test holding a SAVEPOINT, the importer's batch), it joins that
transaction instead, so a use case composed of several services is still one unit of work.

A transaction begun for a writing API request first names that request to PostgreSQL
(`asb.request_id`, `asb.traceparent`, local to the transaction): the webhook outbox rows it
writes are stamped with them (migration 0022), so deliveries carry the request's trace.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import ParamSpec, TypeVar

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core import request_context

P = ParamSpec("P")
_SET_TRACE = text(
    "SELECT set_config('asb.traceparent', :traceparent, true), "
    "set_config('asb.request_id', :request_id, true)"
)
R = TypeVar("R")


def unit_of_work(fn: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[R]]:
    """Run `fn(session, ...)` in the session's transaction, begun here if none is open."""

    @functools.wraps(fn)
    async def run(session: AsyncSession, *args: P.args, **kwargs: P.kwargs) -> R:
        if session.in_transaction():
            return await fn(session, *args, **kwargs)
        async with session.begin():
            trace = request_context.db_settings()
            if trace is not None:
                await session.execute(_SET_TRACE, trace)
            return await fn(session, *args, **kwargs)

    return run  # type: ignore[return-value]
