"""Repeat-caller lookup for call handlers: does the area have an open case for this caller's
phone number or address?

Built so that finding a complainant by trying numbers or addresses one after another is
impossible in practice and visible when tried:
- a budget per key (window and day) and per agency, counted in PostgreSQL so that it holds across
  workers and nodes (`lookup_budget`); over it the lookup is refused (429 with Retry-After);
- every lookup, hit, miss or refused, is written to `repeat_caller_lookups` (who asked, when,
  whether by phone and/or address, the outcome and the cases hit; never the number, the address
  or a digest of either) and audited;
- the answer gives a caller only what it needs: the highest level among the matching cases it
  may read (its agency is a member and its role reads the case), and for the others only the
  lead agency to contact ("known: contact <agency>");
- each matched case's timeline gets a `repeat_call` event with the asking key's counts in the
  window (lookups, misses; no identity), and when one key's misses in a window reach
  ASB_LOOKUP_MISS_ALERT an alert is raised: audited (`repeat_caller.alert`, readable by the key's
  own agency's auditors) and a `lookup_alert` event on every case that key hit in the window;
- the case's lead agency (supervisors, auditors) reads the log of lookups that hit its case with
  the asking keys' counts (`lookups_for_case`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import any_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

import harm_model as hm
from asb_core import access, clock
from asb_core.actor import Actor
from asb_core.agencies.models import Agency
from asb_core.audit import chain as audit
from asb_core.cases import events
from asb_core.cases import repository as case_repo
from asb_core.cases.models import Case
from asb_core.errors import DomainError, ValidationFailed
from asb_core.parties import lookup_budget as budget
from asb_core.parties.lookup_budget import LookupPolicy
from asb_core.parties.lookup_digest import (
    digest,
    load_pepper,
    normalise_address,
    normalise_phone,
)
from asb_core.parties.models import CALLER_ROLES, Party, PartyIdentity, RepeatCallerLookup
from asb_core.parties.schemas import RepeatCallerIn
from asb_core.settings import get_settings
from asb_core.uow import unit_of_work

LOG_LIMIT = 200


@dataclass(frozen=True)
class Contact:
    agency: str
    name: str


@dataclass(frozen=True)
class LookupResult:
    match: bool
    # The highest level among the matching cases the caller may read; None otherwise.
    level: str | None
    # The lead agencies of the matching cases the caller may not read: whom to call.
    contact: tuple[Contact, ...] = ()


class LookupRefused(DomainError):
    """Over the lookup budget: answered 429 with `Retry-After: retry_after`."""

    kind = "rate-limited"
    status = 429

    def __init__(self, retry_after: int) -> None:
        super().__init__(
            "too many repeat-caller lookups for this key or agency; "
            f"retry after {retry_after} seconds"
        )
        self.retry_after = retry_after


def _now() -> datetime:
    """The lookup's clock (tests step it)."""
    return clock.utcnow()


async def lookup(
    session: AsyncSession,
    actor: Actor,
    query: RepeatCallerIn,
    *,
    policy: LookupPolicy | None = None,
    now: datetime | None = None,
) -> LookupResult:
    """Spend from the budget (its own transaction, kept even when refused), then look up."""
    access.require(actor, "repeat_caller.lookup")
    phone, address = normalise_phone(query.phone), normalise_address(query.address)
    if phone is None and address is None:
        raise ValidationFailed(
            "give a phone number or an address",
            errors=[{"field": "phone", "message": "a phone number (6+ digits) or an address"}],
        )
    policy = policy or LookupPolicy.from_settings(get_settings())
    now = clock.utcnow(now) if now is not None else _now()
    spent = await _spend(session, actor, policy, now, phone is not None, address is not None,
                         query.area)
    if not spent.allowed:
        raise LookupRefused(spent.retry_after)
    return await _find(session, actor, policy, now, phone, address, query.area)


def _log(actor: Actor, now: datetime, outcome: str, by_phone: bool, by_address: bool,
         area: str | None, answered: str | None = None,
         case_ids: list[uuid.UUID] | None = None) -> RepeatCallerLookup:
    return RepeatCallerLookup(
        at=now, principal_id=actor.principal_id, agency_id=actor.agency_id,
        agency=actor.agency_slug, outcome=outcome, by_phone=by_phone, by_address=by_address,
        area=area, answered=answered, case_ids=case_ids,
    )


@unit_of_work
async def _spend(
    session: AsyncSession, actor: Actor, policy: LookupPolicy, now: datetime,
    by_phone: bool, by_address: bool, area: str | None,
) -> budget.Spent:
    spent = await budget.spend(session, actor, policy, now)
    if not spent.allowed:
        session.add(_log(actor, now, "refused", by_phone, by_address, area))
    return spent


async def _matches(session: AsyncSession, actor: Actor, by_phone: str | None,
                   by_address: str | None, area: str | None) -> list:
    """Open cases (in `area`, if given) where a victim or complainant has this phone or address,
    each with its level, lead agency and whether `actor` may read it."""
    keys = []
    if by_phone:
        keys.append(PartyIdentity.phone_digest == by_phone)
    if by_address:
        keys.append(PartyIdentity.address_digest == by_address)
    matching = (
        select(Party.case_id)
        .join(PartyIdentity, PartyIdentity.party_id == Party.id)
        .where(or_(*keys), Party.role.in_(CALLER_ROLES), Party.removed_at.is_(None))
    )
    stmt = (
        select(Case.id, Case.risk_level, Agency.slug, Agency.name,
               access.readable_filter(actor).label("readable"))
        .join(Agency, Agency.id == Case.lead_agency_id)
        .where(Case.id.in_(matching), Case.status != "closed")
        .order_by(Case.id)
    )
    if area:
        stmt = stmt.where(Case.area == area)
    return list((await session.execute(stmt)).all())


async def _tell_cases(session: AsyncSession, actor: Actor, policy: LookupPolicy,
                      now: datetime, matches: list) -> None:
    """Each case hit gets a timeline event with the asking key's counts in the window."""
    attempts, misses = await budget.key_counts(session, actor, policy, now)
    for m in matches:
        await events.event(
            session, actor, m.id, "repeat_call", now, None,
            by_agency=actor.agency_slug, level=m.risk_level,
            answered="level" if m.readable else "contact",
            key_lookups_in_window=attempts, key_misses_in_window=misses,
            key_alerted=misses >= policy.miss_alert,
        )


@unit_of_work
async def _find(
    session: AsyncSession, actor: Actor, policy: LookupPolicy, now: datetime,
    phone: str | None, address: str | None, area: str | None,
) -> LookupResult:
    pepper = await load_pepper(session)
    by_phone, by_address = digest(pepper, phone, "phone"), digest(pepper, address, "address")
    matches = await _matches(session, actor, by_phone, by_address, area)
    readable = [m for m in matches if m.readable]
    level = (hm.max_level(*(hm.Level(m.risk_level) for m in readable)).value
             if readable else None)
    contact = tuple(sorted({Contact(m.slug, m.name) for m in matches if not m.readable},
                           key=lambda c: c.agency))
    answered = "level" if level else ("contact" if contact else None)
    case_ids = [m.id for m in matches]
    session.add(_log(actor, now, "hit" if matches else "miss", by_phone is not None,
                     by_address is not None, area, answered, case_ids or None))
    detail = {"by": [k for k, v in (("phone", by_phone), ("address", by_address)) if v],
              "area": area, "match": bool(matches), "answered": answered}
    if level:
        detail["level"] = level
    await audit.record(session, actor, "repeat_caller.lookup", detail=detail)
    if not matches:
        misses = await budget.count_miss(session, actor, policy, now)
        if misses == policy.miss_alert:
            await _alert(session, actor, policy, now, misses)
    await _tell_cases(session, actor, policy, now, matches)
    return LookupResult(bool(matches), level, contact)


async def _alert(session: AsyncSession, actor: Actor, policy: LookupPolicy, now: datetime,
                 misses: int) -> None:
    """One key's misses reached the threshold in this window: audit it, and tell every case it
    hit in the window (their members, the lead agency first, see who has been searching)."""
    start = budget.window_start(now, policy.window_seconds)
    await audit.record(
        session, actor, "repeat_caller.alert", entity="principal",
        entity_id=actor.principal_id,
        detail={"misses": misses, "threshold": policy.miss_alert,
                "window_start": start.isoformat(), "window_seconds": policy.window_seconds},
    )
    await session.flush()
    hit = (
        select(func.unnest(RepeatCallerLookup.case_ids).label("case_id"))
        .where(RepeatCallerLookup.principal_id == actor.principal_id,
               RepeatCallerLookup.outcome == "hit", RepeatCallerLookup.at >= start)
        .subquery()
    )
    for (case_id,) in (await session.execute(select(hit.c.case_id).distinct())).all():
        await events.event(session, actor, case_id, "lookup_alert", now, None,
                           by_agency=actor.agency_slug, key_misses_in_window=misses,
                           threshold=policy.miss_alert, window_start=start)


@dataclass(frozen=True)
class KeyWindow:
    key_id: uuid.UUID | None
    agency: str | None
    window_start: datetime
    lookups: int
    hits: int
    misses: int
    refused: int
    alert: bool


@dataclass(frozen=True)
class CaseLookupLog:
    hits: list[RepeatCallerLookup]
    keys: list[KeyWindow]


@unit_of_work
async def lookups_for_case(
    session: AsyncSession, actor: Actor, case_id: object, *,
    policy: LookupPolicy | None = None,
) -> CaseLookupLog:
    """For the case's lead agency: the lookups that hit the case (latest first) and, for each
    key that hit it, that key's lookups in the window of each hit, by outcome."""
    policy = policy or LookupPolicy.from_settings(get_settings())
    case = await case_repo.load_case(session, actor, case_id)
    access.require_lead(actor, case, "repeat_caller.log_read")
    hits = list((await session.execute(
        select(RepeatCallerLookup)
        .where(case.id == any_(RepeatCallerLookup.case_ids))
        .order_by(RepeatCallerLookup.seq.desc()).limit(LOG_LIMIT)
    )).scalars())
    windows = sorted({(h.principal_id, h.agency,
                       budget.window_start(h.at, policy.window_seconds)) for h in hits},
                     key=lambda w: (w[2], str(w[0])), reverse=True)
    keys = []
    for key_id, agency, start in windows:
        counts = dict((await session.execute(
            select(RepeatCallerLookup.outcome, func.count())
            .where(RepeatCallerLookup.principal_id == key_id,
                   RepeatCallerLookup.at >= start,
                   RepeatCallerLookup.at < start + timedelta(seconds=policy.window_seconds))
            .group_by(RepeatCallerLookup.outcome)
        )).all())
        hits_n, misses, refused = (counts.get(k, 0) for k in ("hit", "miss", "refused"))
        keys.append(KeyWindow(key_id, agency, start, hits_n + misses + refused, hits_n, misses,
                              refused, misses >= policy.miss_alert))
    await audit.record(session, actor, "repeat_caller.log_read", case_id=case.id,
                       detail={"hits": len(hits)})
    return CaseLookupLog(hits, keys)
