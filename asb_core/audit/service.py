"""Reading the audit log (auditors only): events of cases the auditor's agency is a member of,
plus events its own agency's principals recorded outside any case."""

from __future__ import annotations

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core import access
from asb_core.actor import Actor
from asb_core.audit.models import AuditEvent
from asb_core.cases import repository as case_repo
from asb_core.pagination import Page, check_limit, decode_cursor, page_of
from asb_core.sharing.models import Membership
from asb_core.uow import unit_of_work


@unit_of_work
async def list_audit(
    session: AsyncSession, actor: Actor, *, case_id: object = None, limit: int = 50,
    cursor: str | None = None,
) -> Page:
    check_limit(limit)
    if case_id is not None:
        case = await case_repo.load_case(session, actor, case_id, "audit.read")
        stmt = select(AuditEvent).where(AuditEvent.case_id == case.id)
    else:
        access.require(actor, "audit.read")
        member_cases = select(Membership.case_id).where(Membership.agency_id == actor.agency_id)
        stmt = select(AuditEvent).where(or_(
            AuditEvent.case_id.in_(member_cases),
            and_(AuditEvent.case_id.is_(None), AuditEvent.agency == actor.agency_slug),
        ))
    key = decode_cursor(cursor, 1)
    if key:
        try:
            stmt = stmt.where(AuditEvent.seq > int(key[0]))
        except ValueError:
            pass
    rows = (await session.execute(stmt.order_by(AuditEvent.seq).limit(limit + 1))).scalars().all()
    return page_of(list(rows), limit, lambda e: (e.seq,))
