"""Statements reading the audit log: a case's events, and the events an auditor may read across
cases (through `access.readable_audit_rows`), in sequence order after a cursor on seq."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core import access
from asb_core.actor import Actor
from asb_core.audit.models import AuditEvent
from asb_core.pagination import decode_cursor


async def case_events_page(
    session: AsyncSession, case_id: uuid.UUID, limit: int, cursor: str | None
) -> list[AuditEvent]:
    """The case's audit events (the caller has loaded the case through the access policy)."""
    return await _page(session, AuditEvent.case_id == case_id, limit, cursor)


async def readable_events_page(
    session: AsyncSession, actor: Actor, limit: int, cursor: str | None
) -> list[AuditEvent]:
    """The audit events `actor` may read, of every case and of none."""
    where = access.readable_audit_rows(actor, AuditEvent.case_id, AuditEvent.agency)
    return await _page(session, where, limit, cursor)


async def _page(session: AsyncSession, where, limit: int, cursor: str | None) -> list[AuditEvent]:
    stmt = select(AuditEvent).where(where)
    key = decode_cursor(cursor, 1)
    if key:
        try:
            stmt = stmt.where(AuditEvent.seq > int(key[0]))
        except ValueError:
            pass
    rows = await session.execute(stmt.order_by(AuditEvent.seq).limit(limit + 1))
    return list(rows.scalars().all())
