"""Diary entries: validate, store (immutable), acknowledge, derive the incident, fold it into the
case's running escalation state, raise flags, raise the level for a critical incident, recompute
targets and restart the victim-update clock, all in the caller's one transaction.

Concurrency: the case row is locked (SELECT ... FOR UPDATE) before the state is read, so two
entries posted to one case at once fold one after the other and neither is lost. Idempotency:
the (agency, key) row is claimed first with INSERT ... ON CONFLICT DO NOTHING, so a retry racing
the original waits for it and then returns the entry it created.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

import harm_model as hm
from asb_core import audit, idempotency
from asb_core.actor import Actor
from asb_core.errors import Conflict, NotFound, ValidationFailed
from asb_core.models.case import Case, EscalationState
from asb_core.models.diary import PERCEIVED_BY, DiaryEntry, Incident
from asb_core.models.work import Target
from asb_core.pagination import TIME_ID, Page, check_limit, decode_cursor, page_of
from asb_core.services import casefile

CLOCK_SKEW = timedelta(minutes=5)
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
TEXT_FIELDS = ("location", "responsible", "witnesses", "effect_on_victim", "reported_to",
               "reported_reference", "source_system")
KNOWN = set(TEXT_FIELDS) | {
    "started_at", "duration_minutes", "what_happened", "category", "hostility_perceived",
    "hostility_perceived_by", "hostility_asked", "victim_feels_targeted", "amends",
}
MAX_TEXT = 20_000


def _parse_time(value: object) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo else None
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
        return parsed if parsed.tzinfo else None
    return None


def validate(data: object, now: datetime) -> dict:
    """Field errors for every problem at once; returns clean values."""
    if not isinstance(data, dict):
        raise ValidationFailed("expected an object", errors=[{"field": "body",
                                                              "message": "expected an object"}])
    errors: list[dict] = []

    def bad(field: str, message: str) -> None:
        errors.append({"field": field, "message": message})

    for extra in sorted(set(data) - KNOWN):
        bad(extra, "unknown field")
    out: dict = {}
    started = _parse_time(data.get("started_at"))
    if started is None:
        bad("started_at", "a date-time with a time zone")
    elif started > now + CLOCK_SKEW:
        bad("started_at", "is in the future")
    elif started < EARLIEST:
        bad("started_at", "is before 1900")
    else:
        out["started_at"] = started.astimezone(UTC)
    what = data.get("what_happened")
    if not isinstance(what, str) or not what.strip():
        bad("what_happened", "required")
    elif len(what) > MAX_TEXT:
        bad("what_happened", f"at most {MAX_TEXT} characters")
    else:
        out["what_happened"] = what
    category = hm.CATEGORIES.get(data.get("category")) if isinstance(
        data.get("category"), str) else None
    if category is None:
        bad("category", "one of " + ", ".join(hm.CATEGORIES))
    else:
        out["category"] = category
    dur = data.get("duration_minutes")
    if dur is not None and (not isinstance(dur, int) or isinstance(dur, bool)
                            or not 0 <= dur <= 60 * 24 * 31):
        bad("duration_minutes", "minutes, 0 to 44640")
    out["duration_minutes"] = dur
    for f in TEXT_FIELDS:
        v = data.get(f)
        if v is not None and (not isinstance(v, str) or len(v) > MAX_TEXT):
            bad(f, "a text")
        out[f] = v
    strands = data.get("hostility_perceived") or []
    if not isinstance(strands, list) or not all(isinstance(s, str) for s in strands):
        bad("hostility_perceived", "a list of strands")
        strands = []
    else:
        unknown = [s for s in strands if s not in hm.get_policy().hostility_strands]
        if unknown:
            bad("hostility_perceived", f"unknown strand {unknown[0]!r}")
    out["hostility_perceived"] = sorted(set(strands))
    by = data.get("hostility_perceived_by")
    if by is not None and by not in PERCEIVED_BY:
        bad("hostility_perceived_by", ", ".join(PERCEIVED_BY))
    if strands and by is None:
        bad("hostility_perceived_by", "say who perceived the hostility")
    out["hostility_perceived_by"] = by
    for f in ("hostility_asked",):
        v = data.get(f, False)
        if not isinstance(v, bool):
            bad(f, "true or false")
        out[f] = bool(v)
    vft = data.get("victim_feels_targeted")
    if vft is not None and not isinstance(vft, bool):
        bad("victim_feels_targeted", "true, false or null")
    out["victim_feels_targeted"] = vft
    amends = data.get("amends")
    if amends is not None:
        try:
            out["amends"] = uuid.UUID(str(amends))
        except ValueError:
            bad("amends", "an entry id")
    else:
        out["amends"] = None
    if errors:
        raise ValidationFailed("the diary entry is not valid", errors=errors)
    return out


async def add_diary_entry(
    session: AsyncSession,
    actor: Actor,
    case_id: object,
    *,
    data: dict,
    idempotency_key: str | None = None,
    request_fingerprint: str | None = None,
    now: datetime | None = None,
) -> tuple[DiaryEntry, bool]:
    now = casefile.utcnow(now)
    case = await casefile.load_case(session, actor, case_id, "diary.add", lock=True)
    if idempotency_key is not None:
        existing = await idempotency.claim(
            session, actor, key=idempotency_key, fingerprint=request_fingerprint or "",
            case_id=case.id, resource_type="diary_entry",
        )
        if existing is not None:
            entry = (await session.execute(
                select(DiaryEntry).where(DiaryEntry.id == existing)
            )).scalar_one()
            return entry, False
    if case.status == "closed":
        raise Conflict("the case is closed: reopen it first")
    v = validate(data, now)
    root = None
    if v["amends"] is not None:
        amended = (
            await session.execute(
                select(DiaryEntry).where(DiaryEntry.id == v["amends"],
                                         DiaryEntry.case_id == case.id)
            )
        ).scalar_one_or_none()
        if amended is None:
            raise ValidationFailed("amends an unknown entry",
                                   errors=[{"field": "amends",
                                            "message": "not an entry of this case"}])
        root_incident = (await session.execute(
            select(Incident.same_as).where(Incident.diary_entry_id == amended.id)
        )).scalar_one_or_none()
        root = root_incident or amended.id
    category: hm.Category = v.pop("category")
    entry_id = uuid.uuid4()
    entry = DiaryEntry(
        id=entry_id, case_id=case.id, category=category.id, nsir_type=category.nsir,
        severity=category.severity, author_agency_id=actor.agency_id, recorded_at=now,
        acknowledged_at=now, acknowledgement_reference=f"ACK-{entry_id.hex[:12].upper()}",
        **v,
    )
    session.add(entry)
    await session.flush()
    occurred = min(entry.started_at, now)
    incident = Incident(
        case_id=case.id, diary_entry_id=entry.id, source="diary_entry", occurred_at=occurred,
        reported_at=now, category=category.id, nsir_type=category.nsir,
        severity=category.severity, hostility_strands=entry.hostility_perceived,
        hostility_perceived_by=entry.hostility_perceived_by,
        hostility_asked=entry.hostility_asked, victim_feels_targeted=entry.victim_feels_targeted,
        reported_by_agency_id=actor.agency_id, same_as=root,
    )
    session.add(incident)
    if idempotency_key is not None:
        await idempotency.bind(session, actor, idempotency_key, entry.id)
    await _fold(session, actor, case, entry, incident, now)
    await casefile.event(session, actor, case.id, "diary_entry", entry.recorded_at, entry.id,
                         category=entry.category, severity=entry.severity,
                         amends=entry.amends, hostility=bool(entry.hostility_perceived))
    await audit.record(
        session, actor, "diary.add", case_id=case.id, entity="diary_entry", entity_id=entry.id,
        detail={"category": entry.category, "amends": str(entry.amends) if entry.amends else None,
                "source_system": entry.source_system},
    )
    await session.refresh(entry)
    return entry, True


async def _fold(
    session: AsyncSession, actor: Actor, case: Case, entry: DiaryEntry, incident: Incident,
    now: datetime,
) -> None:
    row = await session.get(EscalationState, case.id, with_for_update=True)
    state = hm.CaseState.from_json(row.state)
    try:
        state = hm.fold(state, hm.Incident(
            id=str(entry.id), occurred_at=incident.occurred_at, reported_at=incident.reported_at,
            category=incident.category, hostility_strands=frozenset(incident.hostility_strands),
            hostility_asked=incident.hostility_asked,
            victim_feels_targeted=incident.victim_feels_targeted,
            reported_by_agency=actor.agency_slug,
            same_as=str(incident.same_as) if incident.same_as else None,
        ))
    except hm.HarmValidationError as exc:
        raise ValidationFailed(str(exc), errors=list(exc.errors)) from None
    row.state, row.incidents, row.updated_at = state.to_json(), row.incidents + 1, now
    computed = hm.flags(state, now)
    await casefile.apply_flags(session, actor, case.id, computed, "incidents", now)
    raise_to = [f.raises_to for f in computed if f.raises_to is not None]
    if raise_to and hm.max_level(*raise_to) > hm.Level.parse(case.risk_level):
        case = await casefile.change_level(
            session, actor, case, hm.max_level(*raise_to).value, now,
            reason=f"critical incident in diary entry {entry.id}",
        )
    # The entry is acknowledged: the victim-update clock restarts from now.
    spec = next(s for s in hm.target_specs(case.risk_level) if s.kind == "victim_update")
    targets = (await session.execute(
        select(Target).where(Target.case_id == case.id, Target.kind == "victim_update",
                             Target.state == "due", Target.closed_at.is_(None))
    )).scalars().all()
    for t in targets:
        t.started_at, t.due_at, t.level = now, hm.due_at(spec, now), case.risk_level
    await session.flush()


async def list_diary_entries(
    session: AsyncSession, actor: Actor, case_id: object, *, limit: int = 50,
    cursor: str | None = None,
) -> Page:
    check_limit(limit)
    case = await casefile.load_case(session, actor, case_id, "diary.read")
    stmt = select(DiaryEntry).where(DiaryEntry.case_id == case.id)
    key = decode_cursor(cursor, 2, convert=TIME_ID)
    if key:
        stmt = stmt.where(tuple_(DiaryEntry.recorded_at, DiaryEntry.id)
                          > tuple(key))
    rows = (await session.execute(
        stmt.order_by(DiaryEntry.recorded_at, DiaryEntry.id).limit(limit + 1)
    )).scalars().all()
    return page_of(list(rows), limit, lambda r: (r.recorded_at.isoformat(), r.id))


async def get_diary_entry(
    session: AsyncSession, actor: Actor, case_id: object, entry_id: object
) -> DiaryEntry:
    case = await casefile.load_case(session, actor, case_id, "diary.read")
    eid = casefile.access.parse_uuid(entry_id, "diary entry")
    entry = (await session.execute(
        select(DiaryEntry).where(DiaryEntry.id == eid, DiaryEntry.case_id == case.id)
    )).scalar_one_or_none()
    if entry is None:
        raise NotFound(f"no diary entry {entry_id}")
    return entry
