"""Use cases of the referrals slice: suggest services for a case, make a referral, move it
through its states, and read referrals. Each public function is one unit of work.

Which needs a case implies is the harm model's (`hm.suggest_needs`, policy data); this module
finds the directory's services for them in the case's area and ranks them need by need.

A referral goes only with the person's recorded consent to it, or a recorded legal basis
(`consent-required` otherwise), and carries only what they agreed to share: by default a first
name and one contact route, with the need and level; beyond that minimum only with consent. The
disclosure is kept apart from the referral (restricted, every read audited) and names nobody but
the person referred; a complainant's identity goes only to a service the case names (its agency
a member of the case), any other service is told the need and level alone.

States: sent -> accepted | declined (reason) | no_response -> closed (outcome). The
service's answer meets the referral's handover target (due by the policy, per level), which the
target sweep breaches like any other when nobody answers. A service whose organisation has an
agency key answers through the API; for one without, the referring officer records the answer.
Timeline events and the `referral.changed` webhook event carry the need, level, service and
states, never identity.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

import harm_model as hm
from asb_core import access, clock, idempotency
from asb_core.actor import Actor
from asb_core.audit import chain as audit
from asb_core.cases import events
from asb_core.cases import repository as case_repo
from asb_core.cases.models import Case
from asb_core.directory import hours
from asb_core.directory import repository as directory_repo
from asb_core.directory.models import DirectoryService
from asb_core.errors import Conflict, ConsentRequired, Forbidden, NotFound, ValidationFailed
from asb_core.idempotency import RequestKey
from asb_core.pagination import Page, check_limit, page_of
from asb_core.parties import repository as party_repo
from asb_core.parties.models import CALLER_ROLES, Party
from asb_core.referrals import repository as repo
from asb_core.referrals.models import REFERRAL_STATES, TRANSITIONS, Referral
from asb_core.referrals.schemas import MINIMUM_SHARE, ReferralIn, ReferralStateIn
from asb_core.targets import repository as target_repo
from asb_core.targets.models import Target, owner_of
from asb_core.uow import unit_of_work
from asb_core.updates.service import meet_recurring

# The answers only the receiving service gives when it has a key; the referring side records
# that nobody answered, and may close.
SERVICE_ANSWERS = ("accepted", "declined", "closed")
REFERRER_ANSWERS_WITH_KEY = ("no_response", "closed")


def _policy(version: str | None) -> hm.Policy:
    policy = hm.get_policy(version)
    if policy.referrals is None:  # pragma: no cover - every registered policy has one today
        policy = hm.get_policy()
    return policy


@dataclass
class ReferralView:
    referral: Referral
    handover: Target | None
    shared: dict | None


@dataclass
class Suggestion:
    service: DirectoryService
    rank: int
    needs: list[str]
    urgent: bool
    reasons: list[dict]
    open_now: bool
    already_referred: bool


@dataclass
class Suggestions:
    case_id: uuid.UUID
    policy_version: str
    level: str
    area: str
    needs: list[dict] = field(default_factory=list)
    items: list[Suggestion] = field(default_factory=list)


@unit_of_work
async def suggested_services(session: AsyncSession, actor: Actor, case_id: object, *,
                             now: datetime | None = None) -> Suggestions:
    """Services for the case, ranked by the needs its latest assessment, flags, level and
    behaviour imply (most pressing first), in the case's area; each with its reasons."""
    now = clock.utcnow(now)
    case = await case_repo.load_case(session, actor, case_id, "referral.read")
    assessment = await repo.latest_assessment(session, case.id)
    policy = _policy(assessment.policy_version if assessment else None)
    ref = policy.referrals
    needs = hm.suggest_needs(
        ref, answers=assessment.answers if assessment else {},
        flags=await repo.open_flags(session, case.id), level=case.risk_level,
        categories=await repo.categories(session, case.id))
    offer = (uuid.UUID(ref.high_risk_offer) if ref.high_risk_offer
             and case.risk_level == "high" else None)
    services = await directory_repo.for_needs(session, case.area, [n.need for n in needs],
                                              [offer] if offer else [])
    open_ids = await directory_repo.open_ids(session, [s.id for s in services],
                                             hours.minute_of_week(now))
    referred = await repo.referred_services(session, case.id)
    out = Suggestions(case.id, policy.version, case.risk_level, case.area, needs=[
        {"need": n.need, "label": n.label, "urgent": n.urgent,
         "reasons": [r.to_dict() for r in n.reasons]} for n in needs])
    out.items = _ranked(services, needs, offer, case.risk_level, open_ids, referred)
    return out


def _ranked(services, needs, offer: uuid.UUID | None, level: str, open_ids, referred
            ) -> list[Suggestion]:
    """The suggestions in rank order: the policy's high-risk offer first, then for each need
    in turn (most pressing first) the services meeting it, open now first, each service once."""
    items: list[Suggestion] = []
    placed: set[uuid.UUID] = set()
    for s in services:
        if offer is not None and s.id == offer:
            items.append(Suggestion(s, 0, list(s.needs), False, [{
                "rule": "high-risk-offer", "matched": f"level {level}",
                "text": "The policy's offer to every high-risk victim"}],
                s.id in open_ids, s.id in referred))
            placed.add(s.id)
    for need in needs:
        # Within a need: services open now first, then by name (the query's order).
        meeting = sorted((s for s in services if need.need in s.needs and s.id not in placed),
                         key=lambda s: s.id not in open_ids)
        for s in meeting:
            met = [n for n in needs if n.need in s.needs]
            items.append(Suggestion(
                s, 0, [n.need for n in met], any(n.urgent for n in met),
                [r.to_dict() | {"need": n.need} for n in met for r in n.reasons],
                s.id in open_ids, s.id in referred))
            placed.add(s.id)
    for i, item in enumerate(items, start=1):
        item.rank = i
    return items


async def _party(session: AsyncSession, case: Case, party_id: uuid.UUID | None) -> Party:
    """The person referred: the named party, else the case's first victim or complainant."""
    if party_id is not None:
        party = await party_repo.party_of_case(session, case.id, party_id)
        if party is None or party.removed_at is not None:
            raise ValidationFailed("no such party on the case", errors=[
                {"field": "party_id", "message": "not a party of this case"}])
        if party.role not in CALLER_ROLES:
            raise ValidationFailed("only a victim or complainant is referred", errors=[
                {"field": "party_id", "message": f"a {party.role} is not referred for support"}])
        return party
    for party in await party_repo.parties_of_case(session, case.id):
        if party.role in CALLER_ROLES:
            return party
    raise ValidationFailed("the case has no victim or complainant to refer", errors=[
        {"field": "party_id", "message": "add the victim to the case first"}])


async def _named(session: AsyncSession, case: Case, service: DirectoryService) -> bool:
    """Whether the case names the service: its organisation's agency is a member of the case."""
    agency_id = service.organization.agency_id
    return agency_id is not None and await case_repo.is_member(session, case.id, agency_id)


def _basis(data: ReferralIn) -> tuple[str, str | None]:
    """('consent', None) with the person's consent, ('legal_basis', text) without it; neither
    is refused as `consent-required`."""
    if data.consent.state == "given":
        return "consent", None
    if data.consent.legal_basis is None:
        raise ConsentRequired(
            "a referral needs the person's consent to it, or a recorded legal basis",
            errors=[{"field": "consent.legal_basis",
                     "message": "required when consent is not given"}])
    if set(data.share) - set(MINIMUM_SHARE):
        raise ConsentRequired(
            "without consent a referral carries only a first name and a contact route",
            errors=[{"field": "share", "message": "beyond the minimum needs the person's "
                                                  "consent"}])
    return "legal_basis", data.consent.legal_basis


def _disclosure(identity, data: ReferralIn, need: str, level: str) -> dict:
    """What the service is told about the person: the fields shared, the need and level. Only
    the referred person's own details; nobody else's."""
    name = (identity.name if identity else None) or ""
    route = data.contact_route
    values = {"phone": identity.phone if identity else None,
              "email": identity.email if identity else None,
              "post": identity.address if identity else None}
    if route is None:
        route = next((r for r in ("phone", "email", "post") if values[r]), None)
    out: dict = {"need": need, "level": level}
    for f in dict.fromkeys(data.share):
        if f == "contact_route":
            if route is None or not values[route]:
                raise ValidationFailed("the referral cannot reach the person", errors=[
                    {"field": "contact_route",
                     "message": "the person has no such contact detail on the case"}])
            out["contact_route"] = {"by": route, "value": values[route]}
        else:
            out[f] = _shared_value(f, identity, name)
    return out


def _shared_value(f: str, identity, name: str):
    """One shared field of the person's own identity (None where the case does not hold it)."""
    if f == "first_name":
        return name.split()[0] if name.split() else None
    if f == "full_name":
        return name or None
    if identity is None:
        return None
    if f == "date_of_birth":
        return identity.date_of_birth.isoformat() if identity.date_of_birth else None
    return getattr(identity, f, None)


@unit_of_work
async def make_referral(
    session: AsyncSession, actor: Actor, case_id: object, data: ReferralIn, *,
    idempotency_key: RequestKey | None = None,
    now: datetime | None = None,
) -> tuple[ReferralView, bool]:
    """Refer the case's victim to a directory service; (referral, True), or for a replayed
    Idempotency-Key the referral the first request made (False)."""
    now = clock.utcnow(now)
    case = await case_repo.load_case(session, actor, case_id, "referral.add", lock=True)
    existing = await idempotency.replay_of(session, actor, idempotency_key,
                                           case_id=case.id, resource_type="referral")
    if existing is not None:
        row = await repo.reload(session, existing)
        return await _view(session, actor, row, with_shared=True), False
    if case.status == "closed":
        raise Conflict("the case is closed: reopen it first")
    if not access.may_see_restricted(actor):
        raise Forbidden(f"role {actor.role} may not disclose a victim's details to a service")
    service = await directory_repo.by_id(session, data.service_id)
    errors = []
    if service is None or service.status != "active":
        errors.append({"field": "service_id", "message": "no active service with this id"})
    else:
        if data.need not in service.needs:
            errors.append({"field": "need", "message": (
                f"the service does not meet this need; it meets {', '.join(service.needs)}")})
        if case.area not in service.areas:
            errors.append({"field": "service_id",
                           "message": f"the service does not serve the case's area {case.area}"})
    if errors:
        raise ValidationFailed("the referral is not valid", errors=errors)
    basis, legal_basis = _basis(data)
    party = await _party(session, case, data.party_id)
    share = list(dict.fromkeys(data.share))
    if party.role == "complainant" and not await _named(session, case, service):
        # A complainant's identity goes only to a service the case names (its agency is a
        # member): any other is told the need and level, and asks the referring officer.
        share = []
    identity = (await party_repo.identities(session, [party.id])).get(party.id)
    shared = _disclosure(identity, data.model_copy(update={"share": share}), data.need,
                         case.risk_level)
    policy = _policy(None)
    spec = policy.referrals.handover[hm.Level.parse(case.risk_level)]
    target = target_repo.new_target(
        case.id, "referral_handover", case.risk_level, now, hm.due_at(spec, now),
        owner_agency_id=owner_of("referral_handover", case.lead_agency_id, actor.agency_id))
    session.add(target)
    await session.flush()
    row = await repo.insert(
        session, shared, case_id=case.id, service_id=service.id, party_id=party.id,
        referring_agency_id=actor.agency_id, receiving_agency_id=service.organization.agency_id,
        need=data.need, level=case.risk_level, area=case.area, state="sent",
        consent_basis=basis, legal_basis=legal_basis, shared_fields=share,
        handover_target_id=target.id,
        created_by_principal_id=actor.principal_id, sent_at=now, updated_at=now)
    await events.event(session, actor, case.id, "referral_sent", now, row.id,
                       service_id=service.id, service=service.name, need=row.need,
                       level=row.level, method=service.referral_method, consent_basis=basis,
                       handover_due_at=target.due_at)
    if case.risk_level == "standard":
        # The standard level's multi-agency response is "a referral for advice" (its target's
        # own words): a referral meets it, as sharing the case does at any level.
        for t in await target_repo.open_targets_of_kinds(session, case.id, ["multi_agency"]):
            await meet_recurring(session, actor, case, t, now,
                                 late_reason=f"referred to {service.name} after the due time")
    await repo.announce(session, actor, row, now, None)
    await audit.record(session, actor, "referral.disclose", case_id=case.id, entity="referral",
                       entity_id=row.id, fields=row.shared_fields,
                       justification=legal_basis,
                       detail={"service_id": str(service.id), "need": row.need,
                               "basis": basis, "party_role": party.role})
    await idempotency.bind_key(session, actor, idempotency_key, row.id)
    # What was shared is shown to the receiving service only: the referring officer reads the
    # person's details where they live (the parties), audited there.
    return ReferralView(row, target, None), True


async def _visible(session: AsyncSession, actor: Actor, referral_id: object, *,
                   lock: bool = False) -> Referral:
    rid = access.parse_uuid(referral_id, "referral")
    row = await repo.visible(session, actor, rid, lock=lock)
    if row is None:
        raise NotFound(f"no referral {referral_id}")
    return row


def _may_record(actor: Actor, row: Referral, state: str) -> None:
    """The service's own agency gives its answers; without a key the referring side records
    them; with one, the referring side records only that nobody answered, or closes."""
    if access.receives(actor, row.receiving_agency_id):
        if state not in SERVICE_ANSWERS:
            raise Forbidden("the referring agency records that nobody answered")
        return
    access.require(actor, "referral.update")
    if row.receiving_agency_id is not None and state not in REFERRER_ANSWERS_WITH_KEY:
        raise Forbidden("the service answers this referral with its own key")


@unit_of_work
async def change_state(session: AsyncSession, actor: Actor, referral_id: object,
                       data: ReferralStateIn, *, now: datetime | None = None) -> ReferralView:
    now = clock.utcnow(now)
    row = await _visible(session, actor, referral_id)
    case = await repo.lock_case(session, row.case_id)
    row = await _visible(session, actor, row.id, lock=True)
    _may_record(actor, row, data.state)
    if data.state not in TRANSITIONS[row.state]:
        raise Conflict(f"a referral that is {row.state} cannot become {data.state}")
    errors = data.errors()
    if errors:
        raise ValidationFailed("the state change is not valid", errors=errors)
    before = row.state
    row.state, row.updated_at = data.state, now
    if data.state in ("accepted", "declined"):
        row.answered_at = now
        if data.state == "accepted":
            row.accepted_at = now
        else:
            row.reason = data.reason
        await _meet_handover(session, actor, case, row, now)
    elif data.state == "closed":
        row.closed_at, row.outcome = now, data.outcome
        await _close_handover(session, row, now)
    await session.flush()
    await events.event(session, actor, case.id, "referral_state_changed", now, row.id,
                       service_id=row.service_id, need=row.need, outcome=row.outcome,
                       **{"from": before, "to": row.state})
    await repo.announce(session, actor, await repo.reload(session, row.id), now, before)
    await audit.record(session, actor, "referral.state", case_id=case.id, entity="referral",
                       entity_id=row.id, detail={"from": before, "to": row.state,
                                                 "outcome": row.outcome})
    return await _view(session, actor, await repo.reload(session, row.id), with_shared=False)


async def _handover(session: AsyncSession, row: Referral) -> Target | None:
    if row.handover_target_id is None:
        return None
    return await target_repo.target_of_case(session, row.case_id, row.handover_target_id)


async def _meet_handover(session: AsyncSession, actor: Actor, case: Case, row: Referral,
                         now: datetime) -> None:
    """The service answered: the handover target is met (late, it says so)."""
    target = await _handover(session, row)
    if target is None or target.state == "met" or target.closed_at is not None:
        return
    late = "the service answered after the handover target" if now > target.due_at else None
    await meet_recurring(session, actor, case, target, now, late_reason=late)


async def _close_handover(session: AsyncSession, row: Referral, now: datetime) -> None:
    target = await _handover(session, row)
    if target is not None and target.state != "met" and target.closed_at is None:
        target.closed_at = now


async def _view(session: AsyncSession, actor: Actor, row: Referral, *,
                with_shared: bool) -> ReferralView:
    """The referral as `actor` may see it: what was shared only for the receiving service, each
    such read audited."""
    shared = None
    if with_shared and access.receives(actor, row.receiving_agency_id):
        shared = await repo.disclosure(session, row.id)
        await audit.record(session, actor, "referral.restricted_read", case_id=row.case_id,
                           entity="referral", entity_id=row.id, fields=row.shared_fields)
    return ReferralView(row, await _handover(session, row), shared)


@unit_of_work
async def get_referral(session: AsyncSession, actor: Actor, referral_id: object) -> ReferralView:
    row = await _visible(session, actor, referral_id)
    if not access.receives(actor, row.receiving_agency_id):
        access.require(actor, "referral.read")
    return await _view(session, actor, row, with_shared=True)


@unit_of_work
async def list_case_referrals(session: AsyncSession, actor: Actor, case_id: object, *,
                              limit: int = 50, cursor: str | None = None) -> Page:
    check_limit(limit)
    case = await case_repo.load_case(session, actor, case_id, "referral.read")
    rows = await repo.case_page(session, case.id, limit, cursor)
    page = page_of(rows, limit, lambda r: (r.sent_at.isoformat(), r.id))
    page.items = [await _view(session, actor, r, with_shared=False) for r in page.items]
    return page


@unit_of_work
async def list_received(session: AsyncSession, actor: Actor, *, state: str | None = None,
                        limit: int = 50, cursor: str | None = None) -> Page:
    """The referrals sent to the service the caller's agency answers for (none for others)."""
    check_limit(limit)
    if state is not None and state not in REFERRAL_STATES:
        raise ValidationFailed("unknown state", errors=[
            {"field": "state", "message": f"one of {', '.join(REFERRAL_STATES)}"}])
    if not access.answers_referrals(actor):
        access.require(actor, "referral.respond")
        return Page([], None)
    rows = await repo.received_page(session, actor.agency_id, state, limit, cursor)
    page = page_of(rows, limit, lambda r: (r.sent_at.isoformat(), r.id))
    page.items = [await _view(session, actor, r, with_shared=False) for r in page.items]
    return page
