"""Idempotency keys for integration writes, claimed in the transaction of the write itself.

A key belongs to the caller's agency. The first request claims it (an INSERT that either wins or
finds the earlier claim); the resource it creates is bound to it before commit. A retry with the
same key and the same request gets the first resource back; the same key with a different
request, another case or another kind of resource is refused. Because the claim rolls back with
a failed write, a request that failed can always be retried with its key.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TypedDict, Unpack

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core.actor import Actor
from asb_core.errors import IdempotencyKeyReused, ValidationFailed
from asb_core.incidents.models import IdempotencyKey


def check_key(key: object) -> str:
    if not isinstance(key, str) or not 1 <= len(key) <= 255 or not key.isprintable():
        raise ValidationFailed("bad Idempotency-Key", errors=[
            {"field": "Idempotency-Key", "message": "1 to 255 printable characters"}])
    return key


class KeyedRequest(TypedDict):
    """What a key is claimed for: a retry must name the same request, case and kind of
    resource (`fingerprint` is the caller's digest of the request)."""

    key: str
    fingerprint: str
    case_id: uuid.UUID | None
    resource_type: str


async def claim(
    session: AsyncSession,
    actor: Actor,
    *,
    resource_id: uuid.UUID | None = None,
    **request: Unpack[KeyedRequest],
) -> uuid.UUID | None:
    """Claim `key`; None when this request is the first, else the id of the earlier resource.

    A caller that knows the id of the resource it is about to create passes it as
    `resource_id` and needs no `bind` (one round trip fewer on the write path)."""
    check_key(request["key"])
    claimed = await session.execute(
        pg_insert(IdempotencyKey)
        .values(agency_id=actor.agency_id, key=request["key"],
                fingerprint=request["fingerprint"], case_id=request["case_id"],
                resource_type=request["resource_type"], resource_id=resource_id,
                created_at=datetime.now(UTC))
        .on_conflict_do_nothing(index_elements=["agency_id", "key"])
        .returning(IdempotencyKey.key)
    )
    if claimed.first() is not None:
        return None
    return await earlier(session, actor, **request)


async def earlier(
    session: AsyncSession, actor: Actor, **request: Unpack[KeyedRequest]
) -> uuid.UUID | None:
    """The resource an earlier request with `key` created (None if the key is unclaimed);
    refused when that request was a different one."""
    held = (
        await session.execute(
            select(IdempotencyKey).where(
                IdempotencyKey.agency_id == actor.agency_id, IdempotencyKey.key == request["key"]
            )
        )
    ).scalar_one_or_none()
    if held is None:
        return None
    if (held.fingerprint != request["fingerprint"] or held.case_id != request["case_id"]
            or held.resource_type != request["resource_type"] or held.resource_id is None):
        raise IdempotencyKeyReused("this Idempotency-Key was used for a different request")
    return held.resource_id


async def bind(session: AsyncSession, actor: Actor, key: str, resource_id: uuid.UUID) -> None:
    """Record the resource the claiming request created (same transaction)."""
    held = await session.get(IdempotencyKey, (actor.agency_id, key))
    held.resource_id = resource_id


@dataclass(frozen=True, slots=True)
class RequestKey:
    """A request's Idempotency-Key and the digest of its body, as a service that creates one
    resource takes them (`replay_of`, then `bind_key` once the resource exists)."""

    key: str
    fingerprint: str


async def replay_of(
    session: AsyncSession, actor: Actor, request_key: RequestKey | None, *,
    case_id: uuid.UUID | None, resource_type: str,
) -> uuid.UUID | None:
    """The id of what an earlier request with this key created (the caller answers with it
    again), or None: the request has no key, or is the first with it and has now claimed it.
    Refused (422 idempotency-key-reused) when the key was used for another request."""
    if request_key is None:
        return None
    return await claim(session, actor, key=request_key.key, fingerprint=request_key.fingerprint,
                       case_id=case_id, resource_type=resource_type)


async def bind_key(
    session: AsyncSession, actor: Actor, request_key: RequestKey | None, resource_id: uuid.UUID
) -> None:
    """Record what the request claiming `request_key` created (nothing when it has no key)."""
    if request_key is not None:
        await bind(session, actor, request_key.key, resource_id)
