"""Statements of the directory slice: upserting an organisation and a service by their ORUK id
(only when their content changed), replacing a service's opening hours, and the searches: a page
of services by area, need and opening, and the services that meet some needs in an area."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import Select, delete, exists, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core.directory.models import DirectoryService, OpeningHours

# Our ids are derived from the directory's own, so a re-import finds the same rows.
NAMESPACE = uuid.UUID("6f1c1d0e-9a51-4d7e-8f0b-2f4e0c1a5b11")


def org_uuid(oruk_id: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"organization:{oruk_id}")


def service_uuid(oruk_id: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"service:{oruk_id}")


async def upsert(session: AsyncSession, model: type, row_id: uuid.UUID, content_hash: str,
                 values: dict) -> str:
    """Insert the row, or update it when its content changed: 'created', 'updated' or
    'unchanged'. The row is locked while compared, so two imports never interleave on it."""
    current = (await session.execute(
        select(model.content_hash).where(model.id == row_id).with_for_update())).scalar()
    if current == content_hash:
        return "unchanged"
    if current is None:
        session.add(model(id=row_id, content_hash=content_hash, **values))
        await session.flush()
        return "created"
    row = await session.get(model, row_id)
    for k, v in values.items():
        setattr(row, k, v)
    row.content_hash = content_hash
    await session.flush()
    return "updated"


async def replace_hours(session: AsyncSession, service_id: uuid.UUID,
                        spans: Iterable[tuple[int, int]]) -> None:
    await session.execute(delete(OpeningHours).where(OpeningHours.service_id == service_id))
    session.add_all(OpeningHours(id=uuid.uuid4(), service_id=service_id, starts=a, ends=b)
                    for a, b in spans)
    await session.flush()


def open_at(minute_of_week: int):
    """The clause: the service has an opening covering this minute of the week."""
    return exists().where(OpeningHours.service_id == DirectoryService.id,
                          OpeningHours.starts <= minute_of_week,
                          OpeningHours.ends > minute_of_week)


def search(*, area: str | None, need: str | None, open_minute: int | None,
           active_only: bool = True) -> Select:
    stmt = select(DirectoryService)
    if active_only:
        stmt = stmt.where(DirectoryService.status == "active")
    if area is not None:
        stmt = stmt.where(DirectoryService.areas.contains([area]))
    if need is not None:
        stmt = stmt.where(DirectoryService.needs.contains([need]))
    if open_minute is not None:
        stmt = stmt.where(open_at(open_minute))
    return stmt


async def page(session: AsyncSession, stmt: Select, key: tuple | None,
               limit: int) -> list[DirectoryService]:
    """A page in name order (keyset on (name, id))."""
    if key is not None:
        stmt = stmt.where(tuple_(DirectoryService.name, DirectoryService.id) > tuple(key))
    rows = await session.execute(
        stmt.order_by(DirectoryService.name, DirectoryService.id).limit(limit + 1))
    return list(rows.unique().scalars().all())


async def by_id(session: AsyncSession, service_id: uuid.UUID) -> DirectoryService | None:
    return (await session.execute(
        select(DirectoryService).where(DirectoryService.id == service_id))).unique().scalar()


async def for_needs(session: AsyncSession, area: str, needs: list[str],
                    extra_ids: list[uuid.UUID]) -> list[DirectoryService]:
    """Active services in `area` meeting any of `needs`, plus those named in `extra_ids`."""
    cond = DirectoryService.areas.contains([area]) & DirectoryService.needs.overlap(needs)
    if extra_ids:
        cond = cond | DirectoryService.id.in_(extra_ids)
    rows = await session.execute(select(DirectoryService).where(
        DirectoryService.status == "active", cond).order_by(DirectoryService.name))
    return list(rows.unique().scalars().all())


async def open_ids(session: AsyncSession, ids: list[uuid.UUID], minute: int) -> set[uuid.UUID]:
    if not ids:
        return set()
    rows = await session.execute(select(DirectoryService.id).where(
        DirectoryService.id.in_(ids), open_at(minute)))
    return set(rows.scalars().all())
