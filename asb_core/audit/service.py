"""Reading the audit log (auditors only): events of cases the auditor's agency is a member of,
plus events its own agency's principals recorded outside any case. A justification is shown as
the text of its erasable note (`[erased]` once retention or erasure removed it), never as the
commitment the chain holds."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from asb_core import access
from asb_core.actor import Actor
from asb_core.audit import chain
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
    page = page_of(rows, limit, lambda e: (e.seq,))
    texts = await chain.justifications(session, page.items)
    return replace(page, items=[AuditView.of(e, texts[e.seq]) for e in page.items])


@dataclass(frozen=True)
class AuditView:
    """An audit event as read: its columns, with the justification's text (a plain copy, so
    nothing read can ever be flushed back to the append-only table)."""

    seq: int
    at: datetime
    principal_id: object
    agency: str | None
    role: str | None
    action: str
    case_id: object
    entity: str | None
    entity_id: str | None
    fields: list
    justification: str | None
    hash: str
    prev_hash: str

    @classmethod
    def of(cls, e, justification: str | None) -> AuditView:
        return cls(e.seq, e.at, e.principal_id, e.agency, e.role, e.action, e.case_id,
                   e.entity, e.entity_id, list(e.fields or []), justification, e.hash,
                   e.prev_hash)
