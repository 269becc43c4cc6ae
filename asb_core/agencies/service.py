"""Agencies and API keys: adding agencies, issuing and revoking keys, authenticating a key."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core import window_counters
from asb_core.actor import Actor
from asb_core.agencies import keys
from asb_core.agencies.models import AGENCY_KINDS, ROLES, Agency, Principal
from asb_core.audit import chain as audit
from asb_core.errors import Conflict, NotFound, ValidationFailed
from asb_core.uow import unit_of_work


async def add_agency(
    session: AsyncSession,
    actor: Actor,
    slug: str,
    name: str,
    kind: str,
    areas: list[str] | None = None,
) -> Agency:
    if kind not in AGENCY_KINDS:
        raise ValidationFailed(
            f"unknown agency kind {kind!r}",
            errors=[{"field": "kind", "message": f"must be one of {', '.join(AGENCY_KINDS)}"}],
        )
    agency = Agency(slug=slug, name=name, kind=kind, areas=list(areas or []))
    session.add(agency)
    try:
        await session.flush()
    except IntegrityError as exc:
        raise Conflict(f"agency {slug!r} exists or the slug is invalid") from exc
    await audit.record(
        session, actor, "agency.create", entity="agency", entity_id=agency.id,
        detail={"slug": slug, "kind": kind, "areas": list(areas or [])},
    )
    return agency


async def get_agency(session: AsyncSession, slug: str) -> Agency:
    agency = (await session.execute(select(Agency).where(Agency.slug == slug))).scalar_one_or_none()
    if agency is None:
        raise NotFound(f"no agency {slug!r}")
    return agency


async def set_disabled(
    session: AsyncSession, actor: Actor, slug: str, *, disabled: bool, reason: str | None = None,
    now: datetime | None = None,
) -> Agency:
    """Disable an agency (every key it holds and every embed token they minted is refused
    within the key cache window; its webhook subscriptions receive nothing) or enable it again.
    Audited either way; disabling an agency that is already disabled changes nothing."""
    agency = await get_agency(session, slug)
    if disabled == (agency.disabled_at is not None):
        return agency
    if disabled:
        agency.disabled_at = now or datetime.now(UTC)
        agency.disabled_reason = reason
    else:
        agency.disabled_at = agency.disabled_reason = None
    detail = {"slug": slug, "reason": reason} if disabled else {"slug": slug}
    await audit.record(
        session, actor, "agency.disable" if disabled else "agency.enable", entity="agency",
        entity_id=agency.id, detail=detail,
    )
    return agency


async def issue_key(
    session: AsyncSession, actor: Actor, agency_slug: str, role: str, label: str | None = None
) -> tuple[Principal, str]:
    """Create a principal; returns it with the plain key, which is never stored or shown again."""
    if role not in ROLES:
        raise ValidationFailed(
            f"unknown role {role!r}",
            errors=[{"field": "role", "message": f"must be one of {', '.join(ROLES)}"}],
        )
    agency = await get_agency(session, agency_slug)
    key, prefix, digest = keys.new_key()
    principal = Principal(
        agency_id=agency.id, role=role, key_prefix=prefix, key_hash=digest, label=label
    )
    session.add(principal)
    await session.flush()
    await audit.record(
        session, actor, "key.issue", entity="principal", entity_id=principal.id,
        detail={"agency": agency_slug, "role": role, "prefix": prefix},
    )
    return principal, key


async def revoke_key(session: AsyncSession, actor: Actor, key_or_prefix: str) -> Principal:
    if keys.looks_like_key(key_or_prefix):
        stmt = select(Principal).where(Principal.key_hash == keys.digest(key_or_prefix))
    else:
        stmt = select(Principal).where(Principal.key_prefix == key_or_prefix)
    found = (await session.execute(stmt)).scalars().all()
    if len(found) != 1:
        raise NotFound("no single key matches")
    principal = found[0]
    principal.revoked_at = datetime.now(UTC)
    await audit.record(
        session, actor, "key.revoke", entity="principal", entity_id=principal.id,
        detail={"prefix": principal.key_prefix},
    )
    return principal


async def authenticate(session: AsyncSession, presented: str) -> Actor | None:
    """One indexed lookup by digest; None for unknown, revoked or malformed keys."""
    if not keys.looks_like_key(presented):
        return None
    principal = (
        await session.execute(
            select(Principal).where(Principal.key_hash == keys.digest(presented))
        )
    ).scalar_one_or_none()
    if principal is None or principal.revoked_at is not None:
        return None
    if not keys.matches(principal.key_hash, presented):
        return None
    agency = principal.agency
    if agency.disabled_at is not None:
        return None
    return Actor(principal.id, agency.id, agency.slug, agency.kind, principal.role)


BAD_CREDENTIAL_WINDOW_SECONDS = 60


@unit_of_work
async def count_bad_credentials(
    session: AsyncSession, scopes: list[str], now: datetime
) -> tuple[dict[str, int], int]:
    """Count one failed authentication against each scope (`bad-key:<prefix>`,
    `bad-addr:<address>`) in the current minute, shared by every worker and node: (each scope's
    count including this one, seconds until the minute ends)."""
    start = window_counters.window_start(now, BAD_CREDENTIAL_WINDOW_SECONDS)
    counts = await window_counters.add(session, [(scope, start) for scope in scopes])
    return counts, window_counters.seconds_left(now, start, BAD_CREDENTIAL_WINDOW_SECONDS)


def principal_id(value: str) -> uuid.UUID:
    return uuid.UUID(value)
