"""Finding agencies by slug or id."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core.agencies.models import Agency
from asb_core.errors import NotFound, ValidationFailed


async def agency_by_slug(session: AsyncSession, slug: str | None, field: str) -> Agency:
    agency = None
    if isinstance(slug, str):
        agency = (
            await session.execute(select(Agency).where(Agency.slug == slug))
        ).scalar_one_or_none()
    if agency is None:
        raise ValidationFailed(
            f"no agency {slug!r}", errors=[{"field": field, "message": "unknown agency"}]
        )
    return agency


async def get_agency(session: AsyncSession, agency_id: uuid.UUID) -> Agency:
    agency = await session.get(Agency, agency_id)
    if agency is None:
        raise NotFound("no such agency")
    return agency


async def known_slugs(session: AsyncSession, slugs: list[str]) -> set[str]:
    """Which of these agency slugs name an agency."""
    rows = await session.execute(select(Agency.slug).where(Agency.slug.in_(slugs)))
    return set(rows.scalars().all())
