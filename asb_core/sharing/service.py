"""Sharing a case with another agency, and removing one.

Sharing needs a recorded basis: the victim's consent (only when consent was given), or a legal
basis (e.g. Crime and Disorder Act 1998 s115) when consent was refused or never asked. A share
without consent is a disclosure: audited with its legal basis and justification.
Sharing meets an open `multi_agency` target, and sharing with a police agency meets an open
`share_with_police` follow-up (from the hate-crime rule; none is made while a police agency is a
member). An agency removed from a case hands the targets it owned back to the lead agency. Who
may remove whom is `access.require_removal`: the agency itself or the lead agency, and never
the agency that opened the case but by its own supervisor.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from asb_core import access, clock, idempotency
from asb_core.actor import Actor
from asb_core.agencies import repository as agency_repo
from asb_core.audit import chain as audit
from asb_core.cases import events
from asb_core.cases import repository as case_repo
from asb_core.errors import Conflict, ConsentRequired, NotFound, ValidationFailed
from asb_core.idempotency import RequestKey
from asb_core.sharing import repository as member_repo
from asb_core.sharing.models import Membership
from asb_core.sharing.schemas import ShareIn
from asb_core.targets import repository as target_repo
from asb_core.uow import unit_of_work
from asb_core.updates.service import meet_recurring


async def victim_consent(session: AsyncSession, case_id) -> str:
    party = await member_repo.first_victim(session, case_id)
    return party.consent_state if party else "not_asked"


@unit_of_work
async def share_case(
    session: AsyncSession,
    actor: Actor,
    case_id: object,
    data: ShareIn,
    *,
    now: datetime | None = None,
    idempotency_key: RequestKey | None = None,
) -> Membership:
    """Share the case with an agency; with `idempotency_key`, a retry of the same request
    answers with the membership the first one made (see `asb_core.idempotency`)."""
    now = clock.utcnow(now)
    agency_slug, basis, legal_basis = data.agency, data.basis, data.legal_basis
    case = await case_repo.load_case(session, actor, case_id, "case.share", lock=True)
    earlier = await idempotency.replay_of(session, actor, idempotency_key, case_id=case.id,
                                          resource_type="case_member")
    if earlier is not None:
        return await member_repo.member_by_id(session, case.id, earlier)
    if case.status == "closed":
        raise Conflict("the case is closed")
    agency = await agency_repo.agency_by_slug(session, agency_slug, "agency")
    if await case_repo.is_member(session, case.id, agency.id):
        raise Conflict(f"{agency_slug} is already a member of the case")
    consent = await victim_consent(session, case.id)
    if basis == "consent":
        if consent != "given":
            raise ConsentRequired(
                f"the victim's consent is {consent}: share only with a recorded legal basis",
                errors=[{"field": "basis", "message": f"victim consent is {consent}"}],
            )
        legal_basis = None
    elif legal_basis is None or not legal_basis.strip():
        raise ValidationFailed(
            "sharing without consent needs a legal basis",
            errors=[{"field": "legal_basis", "message": "required when basis is legal_basis"}],
        )
    member = await member_repo.add_member(
        session, case.id, agency.id, since=now, invited_by_agency_id=actor.agency_id,
        consent_basis=basis, legal_basis=legal_basis,
    )
    await events.event(session, actor, case.id, "member_added", now, member.id,
                         agency=agency.slug, basis=basis, legal_basis=legal_basis)
    await audit.record(
        session, actor, "case.share", case_id=case.id, entity="case_member", entity_id=member.id,
        justification=None if basis == "consent" else (data.justification or legal_basis),
        detail={"agency": agency.slug, "basis": basis, "legal_basis": legal_basis,
                "victim_consent": consent, "disclosure_without_consent": basis != "consent"},
    )
    kinds = ["multi_agency"] + (["share_with_police"] if agency.kind == "police" else [])
    for t in await target_repo.open_targets_of_kinds(session, case.id, kinds):
        await meet_recurring(session, actor, case, t, now,
                             late_reason=f"shared with {agency.slug} after the due time")
    await idempotency.bind_key(session, actor, idempotency_key, member.id)
    return member


@unit_of_work
async def remove_member(
    session: AsyncSession, actor: Actor, case_id: object, agency_slug: str, *, reason: str,
    now: datetime | None = None,
) -> None:
    now = clock.utcnow(now)
    case = await case_repo.load_case(session, actor, case_id, "case.unshare", lock=True)
    if not isinstance(reason, str) or not reason.strip():
        raise ValidationFailed("reason required", errors=[{"field": "reason",
                                                           "message": "say why"}])
    agency = await agency_repo.agency_by_slug(session, agency_slug, "agency")
    access.require_removal(actor, case, agency.id)
    if agency.id == case.lead_agency_id:
        raise Conflict("the lead agency cannot be removed: reassign the lead first")
    if not await member_repo.remove_member(session, case.id, agency.id):
        raise NotFound(f"{agency_slug} is not a member of the case")
    # Work the agency owned is handed back to the lead agency, so none is left without an owner.
    returned = await target_repo.return_open_targets(session, case.id, agency.id,
                                                     case.lead_agency_id)
    await events.event(session, actor, case.id, "member_removed", now, None,
                         agency=agency.slug, reason=reason, targets_returned=len(returned))
    await audit.record(session, actor, "case.unshare", case_id=case.id, entity="agency",
                       entity_id=agency.id, justification=reason,
                       detail={"agency": agency.slug,
                               "targets_returned": [str(t) for t in returned]})


@unit_of_work
async def list_members(session: AsyncSession, actor: Actor, case_id: object) -> list[Membership]:
    case = await case_repo.load_case(session, actor, case_id, "case.read")
    return await member_repo.case_members(session, case.id)
