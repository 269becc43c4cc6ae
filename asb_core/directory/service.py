"""Use cases of the directory slice: search the services (by area, need and whether open now)
and read one. Reading the directory is for every role but the administrators (access.py)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from asb_core import access, clock
from asb_core.actor import Actor
from asb_core.directory import hours
from asb_core.directory import repository as repo
from asb_core.directory.models import DirectoryService
from asb_core.directory.schemas import known_needs
from asb_core.errors import NotFound, ValidationFailed
from asb_core.pagination import Page, check_limit, decode_cursor, page_of
from asb_core.uow import unit_of_work


@unit_of_work
async def list_services(
    session: AsyncSession, actor: Actor, *, area: str | None = None, need: str | None = None,
    open_now: bool = False, limit: int = 50, cursor: str | None = None,
    now: datetime | None = None,
) -> Page:
    access.require(actor, "directory.read")
    check_limit(limit)
    if need is not None and need not in known_needs():
        raise ValidationFailed("unknown need", errors=[
            {"field": "need", "message": f"one of {', '.join(known_needs())}"}])
    key = decode_cursor(cursor, 2, convert=(str, lambda v: uuid.UUID(str(v))))
    minute = hours.minute_of_week(clock.utcnow(now)) if open_now else None
    stmt = repo.search(area=area, need=need, open_minute=minute)
    rows = await repo.page(session, stmt, key, limit)
    return page_of(rows, limit, lambda r: (r.name, r.id))


@unit_of_work
async def get_service(session: AsyncSession, actor: Actor, service_id: object) -> DirectoryService:
    access.require(actor, "directory.read")
    row = await repo.by_id(session, access.parse_uuid(service_id, "service"))
    if row is None:
        raise NotFound(f"no service {service_id}")
    return row
