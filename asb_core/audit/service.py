"""Reading the audit log (auditors only): events of cases the auditor's agency is a member of,
plus events its own agency's principals recorded outside any case."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from asb_core import access
from asb_core.actor import Actor
from asb_core.audit import repository as audit_repo
from asb_core.cases import repository as case_repo
from asb_core.pagination import Page, check_limit, page_of
from asb_core.uow import unit_of_work


@unit_of_work
async def list_audit(
    session: AsyncSession, actor: Actor, *, case_id: object = None, limit: int = 50,
    cursor: str | None = None,
) -> Page:
    check_limit(limit)
    if case_id is not None:
        case = await case_repo.load_case(session, actor, case_id, "audit.read")
        rows = await audit_repo.case_events_page(session, case.id, limit, cursor)
    else:
        access.require(actor, "audit.read")
        rows = await audit_repo.readable_events_page(session, actor, limit, cursor)
    return page_of(rows, limit, lambda e: (e.seq,))
