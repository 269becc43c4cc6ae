"""Incidents landing on a case: a victim's diary entry (or its amendment), an officer's report, a
batch of diary entries from a housing or police system, and the importer's rows all go through
`land`, which folds them into the case's escalation state and writes everything they change in
one statement (landing.py computes it, repository.py writes it). Also the lists of entries and
incidents.

Diary entries are immutable and acknowledged at once (the acknowledgement restarts the
victim-update clock); an officer report does not restart that clock: it is about the victim
being told what is being done. An officer report of an incident the case already holds names it
in `same_as`, so the rules and the statistics count it once; an amendment points at the first
entry of its chain of corrections in the same way.

Concurrency: nothing is written unless the case, its escalation state and its audit chain head
are locked and unchanged since they were read, so two entries posted to one case at once fold
one after the other and neither is lost. Idempotency: each (agency, key) is claimed in the write
itself, once the case lock is held, so a retry racing the original waits for it and then
answers with what it created.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core import access, clock, driver, idempotency
from asb_core.actor import Actor
from asb_core.cases import repository as case_repo
from asb_core.errors import Conflict, DomainError, NotFound, ValidationFailed
from asb_core.incidents import landing
from asb_core.incidents import repository as repo
from asb_core.incidents.landing import Arrival
from asb_core.incidents.models import IdempotencyKey
from asb_core.incidents.schemas import (
    DiaryEntryIn,
    DiarySheetIn,
    OfficerReportIn,
    parse,
)
from asb_core.pagination import Page, check_limit, page_of
from asb_core.uow import unit_of_work

SOURCES = ("diary_entry", "officer_report")
OPTIMISTIC_ATTEMPTS = 2


@dataclass(frozen=True, slots=True)
class Sent:
    """One incident as a client sent it: the validated body, what it amends or repeats, and
    the Idempotency-Key it came with."""

    body: DiarySheetIn | OfficerReportIn
    amends: uuid.UUID | None = None
    key: str | None = None
    fingerprint: str = ""


async def add_diary_entry(
    session: AsyncSession, actor: Actor, case_id: object, *, data: object,
    amends: object | None = None, idempotency_key: str | None = None,
    request_fingerprint: str | None = None, now: datetime | None = None,
):
    """Add one diary entry (or, with `amends`, a correction of one); (the entry, True) or, for a
    replayed Idempotency-Key, (the entry the first request created, False)."""
    now = clock.utcnow(now)
    body = data if isinstance(data, DiarySheetIn) else await _parsed(
        session, actor, case_id, DiaryEntryIn, data, now)
    amends = amends if amends is not None else getattr(body, "amends", None)
    sent = Sent(body, access.parse_uuid(amends, "diary entry") if amends else None,
                _key(idempotency_key), request_fingerprint or "")
    return await _one(session, actor, case_id, sent, "diary.add", now)


async def add_officer_report(
    session: AsyncSession, actor: Actor, case_id: object, *, data: object,
    idempotency_key: str | None = None, request_fingerprint: str | None = None,
    fingerprint_of=None, now: datetime | None = None,
):
    """Record an incident an officer witnessed or was told of; (the incident, True), or for a
    replayed Idempotency-Key (the incident the first request recorded, False). The request's
    fingerprint is given, or taken (`fingerprint_of`) from the validated body."""
    now = clock.utcnow(now)
    body = await _parsed(session, actor, case_id, OfficerReportIn, data, now)
    if fingerprint_of is not None:
        request_fingerprint = fingerprint_of(body.model_dump(mode="json"))
    sent = Sent(body, None, _key(idempotency_key), request_fingerprint or "")
    return await _one(session, actor, case_id, sent, "incident.add", now)


async def _parsed(session, actor, case_id, model, data, now):
    """The body as `model`; a caller who cannot see the case learns nothing from its errors
    (NotFound first, as for every other path)."""
    try:
        return parse(model, data, now=now, what=_WHAT[model])
    except ValidationFailed as exc:
        case = await case_repo.load_case(session, actor, case_id)
        same_as = data.get("same_as") if isinstance(data, dict) else None
        if isinstance(same_as, str) and not any(e["field"] == "same_as" for e in exc.errors):
            # Every error at once: whether `same_as` names an incident of the case too.
            ref = access.parse_uuid(same_as, "incident")
            if await repo.original_incident(session, case.id, ref) is None:
                exc.errors.append({"field": "same_as", "message": "not an incident of this case"})
        raise


_WHAT = {DiaryEntryIn: "the diary entry", OfficerReportIn: "the officer report"}


async def add_diary_batch(
    session: AsyncSession, actor: Actor, case_id: object, items: Sequence[tuple], *,
    fingerprint_of, now: datetime | None = None,
) -> list:
    """Many diary entries for one case (items of (Idempotency-Key, body)); one result per item,
    in order: (the entry, created) or the error that item alone failed with. Every item that is
    valid lands, whatever happens to the others. An item's fingerprint is taken as for one entry
    sent alone (`fingerprint_of` its validated body), so a retry may come either way."""
    now = clock.utcnow(now)
    results: list = [None] * len(items)
    sent: dict[int, Sent] = {}
    for i, (key, body) in enumerate(items):
        try:
            entry = parse(DiaryEntryIn, body, now=now)
            sent[i] = Sent(entry, entry.amends, _key(key),
                           fingerprint_of(entry.model_dump(mode="json")))
        except DomainError as exc:
            results[i] = exc
    if not sent:
        # Nothing to land: still "not found" (or forbidden) first, as for one entry.
        await case_repo.load_case(session, actor, case_id, "diary.add")
    else:
        landed = await land(session, actor, case_id, list(sent.values()), "diary.add", now)
        for i, result in zip(sent, landed, strict=True):
            results[i] = result
    return results


def _key(key: str | None) -> str | None:
    return idempotency.check_key(key) if key is not None else None


async def _one(session: AsyncSession, actor: Actor, case_id: object, sent: Sent, action: str,
               now: datetime):
    cid = access.parse_uuid(case_id)
    quick = sent.amends is None and getattr(sent.body, "same_as", None) is None
    owned = not session.in_transaction()
    connection = await driver.idle_connection(session) if quick else None
    if connection is not None:
        for _attempt in range(OPTIMISTIC_ATTEMPTS):
            done = await _optimistic(session, connection, actor, cid, sent, action, now)
            if done is not None:
                return done
    if owned and session.in_transaction():
        # Reaching the connection began the session's transaction (empty on the server): end
        # it, so that `land` owns and commits its own.
        await session.rollback()
    (result,) = await land(session, actor, cid, [sent], action, now)
    if isinstance(result, Exception):
        raise result
    return result


async def _optimistic(session, connection, actor, cid, sent: Sent, action: str, now):
    """Read unlocked, then one gated statement; None when the case changed in between (or is
    not readable this way: the locked path sorts that out)."""
    case = await repo.read_case(session, actor, cid, connection=connection)
    if case is None:
        return None
    access.require(actor, action)
    if case.status == "closed":
        return await _closed(session, actor, cid, sent)
    arrival = _arrival(actor, cid, sent, now, None)
    plan = landing.plan(actor, case, [arrival], now)
    if plan.refused:
        raise _harm_refusal(plan.refused[0])
    gate, written = await repo.write_gated(session, connection, actor, plan, arrival)
    if not gate:
        return None
    if not written:  # the key was claimed before: a replay, or a misuse
        return await _replay(session, actor, cid, sent), False
    return plan.arrivals[0].view, True


@unit_of_work
async def land(session: AsyncSession, actor: Actor, case_id: object, sent: Sequence[Sent],
               action: str, now: datetime) -> list:
    """Land `sent` on the case in one transaction, the case locked: one result per item,
    (view, created) or the error that item failed with."""
    cid = access.parse_uuid(case_id)
    case = await repo.lock_case(session, actor, cid)
    if case is None:
        raise access.not_found(case_id)
    access.require(actor, action)
    results: list = [None] * len(sent)
    arrivals: dict[int, Arrival] = {}
    for i, s in enumerate(sent):
        try:
            arrivals[i] = await _resolved(session, actor, cid, s, now)
        except DomainError as exc:
            results[i] = exc
    claimed = await repo.claim_keys(session, actor, cid, list(arrivals.values()), now)
    fresh = {}
    for i, a in arrivals.items():
        if a.key is not None and a.key not in claimed:
            results[i] = await _answer(_replay(session, actor, cid, sent[i]), False)
        elif case.status == "closed":
            results[i] = Conflict("the case is closed: reopen it first")
        else:
            fresh[i] = a
    if fresh:
        await _write(session, actor, case, fresh, results, now)
    return results


async def _write(session, actor, case, fresh: dict[int, Arrival], results: list, now) -> None:
    plan = landing.plan(actor, case, list(fresh.values()), now)
    order = list(fresh)
    refused_keys = []
    for j, exc in plan.refused.items():
        results[order[j]] = _harm_refusal(exc)
        if fresh[order[j]].key is not None:
            refused_keys.append(fresh[order[j]].key)
    if refused_keys:  # nothing was written for them: their keys may be used again
        await session.execute(delete(IdempotencyKey).where(
            IdempotencyKey.agency_id == actor.agency_id, IdempotencyKey.key.in_(refused_keys)))
    if plan.arrivals:
        await repo.write_locked(session, plan)
    written = iter(plan.arrivals)  # in order, as numbered when they landed
    for i in fresh:
        if results[i] is None:
            results[i] = (next(written).view, True)


async def _answer(awaitable, created: bool):
    try:
        return await awaitable, created
    except DomainError as exc:
        return exc


async def _resolved(session, actor, cid, sent: Sent, now) -> Arrival:
    """The arrival of `sent`, with what it amends or repeats resolved against the case."""
    errors: list[dict] = []
    root = None
    if sent.amends is not None:
        root = await repo.amendment_root(session, cid, sent.amends)
        if root is None:
            errors.append({"field": "amends", "message": "not an entry of this case"})
    same_as = getattr(sent.body, "same_as", None)
    if same_as is not None:
        root = await repo.original_incident(session, cid, same_as)
        if root is None:
            errors.append({"field": "same_as", "message": "not an incident of this case"})
    if errors:
        raise ValidationFailed(_refusal(sent), errors=errors)
    return _arrival(actor, cid, sent, now, root)


def _arrival(actor, cid, sent: Sent, now, root) -> Arrival:
    if isinstance(sent.body, OfficerReportIn):
        return landing.report_arrival(actor, cid, sent.body, now, root=root, key=sent.key,
                                      fingerprint=sent.fingerprint)
    return landing.diary_arrival(actor, cid, sent.body, now, amends=sent.amends, root=root,
                                 key=sent.key, fingerprint=sent.fingerprint)


def _refusal(sent: Sent) -> str:
    if isinstance(sent.body, OfficerReportIn):
        return "the officer report is not valid"
    return "the diary entry is not valid"


def _harm_refusal(exc: Exception) -> ValidationFailed:
    errors = list(getattr(exc, "errors", ()) or [])
    return ValidationFailed(str(exc), errors=errors)


async def _closed(session, actor, cid, sent: Sent):
    # A retry of an entry accepted before the case was closed still gets its answer.
    replay = await _replay(session, actor, cid, sent)
    if replay is not None:
        return replay, False
    raise Conflict("the case is closed: reopen it first")


async def _replay(session: AsyncSession, actor: Actor, cid: uuid.UUID, sent: Sent):
    """What an earlier request with the same key created (None without a key); a key used for
    a different request is refused."""
    if sent.key is None:
        return None
    resource_type = "incident" if isinstance(sent.body, OfficerReportIn) else "diary_entry"
    existing = await idempotency.earlier(
        session, actor, key=sent.key, fingerprint=sent.fingerprint, case_id=cid,
        resource_type=resource_type)
    if existing is None:
        return None
    if resource_type == "incident":
        return await repo.incident(session, cid, existing)
    return await repo.entry(session, cid, existing)


@unit_of_work
async def list_diary_entries(session: AsyncSession, actor: Actor, case_id: object, *,
                             limit: int = 50, cursor: str | None = None) -> Page:
    check_limit(limit)
    case = await _readable(session, actor, case_id, "diary.read")
    rows = await repo.entries_page(session, case, limit, cursor)
    return page_of(rows, limit, lambda r: (r.recorded_at.isoformat(), r.id))


@unit_of_work
async def get_diary_entry(session: AsyncSession, actor: Actor, case_id: object,
                          entry_id: object):
    case = await _readable(session, actor, case_id, "diary.read")
    found = await repo.entry(session, case, access.parse_uuid(entry_id, "diary entry"))
    if found is None:
        raise NotFound(f"no diary entry {entry_id}")
    return found


@unit_of_work
async def list_incidents(session: AsyncSession, actor: Actor, case_id: object, *,
                         limit: int = 50, cursor: str | None = None,
                         source: str | None = None) -> Page:
    """The case's incidents from both sources (or one `source`), in the order recorded."""
    check_limit(limit)
    if source is not None and source not in SOURCES:
        raise ValidationFailed("unknown source", errors=[
            {"field": "source", "message": "one of " + ", ".join(SOURCES)}])
    case = await _readable(session, actor, case_id, "incident.read")
    rows = await repo.incidents_page(session, case, limit, cursor, source)
    return page_of(rows, limit, lambda r: (r.reported_at.isoformat(), r.id))


@unit_of_work
async def get_incident(session: AsyncSession, actor: Actor, case_id: object,
                       incident_id: object):
    case = await _readable(session, actor, case_id, "incident.read")
    found = await repo.incident(session, case, access.parse_uuid(incident_id, "incident"))
    if found is None:
        raise NotFound(f"no incident {incident_id}")
    return found


async def _readable(session, actor, case_id, action) -> uuid.UUID:
    return (await case_repo.load_case(session, actor, case_id, action)).id
