"""Incidents on a case: officer reports recorded directly, and the list of every incident (from
victims' diary entries and from officer reports alike).

An officer report is what a police or council officer (or a police system, with an integration
key) records about an incident they attended or were told of. It is folded into the case's
running escalation state exactly as a diary entry's incident is (services/folding.py): flags
raised, the level raised at once for a critical incident, targets recomputed. It does not
restart the victim-update clock: that clock is about the victim being told what is being done,
and only an acknowledged diary entry (or a victim update) restarts it.

An officer report of an incident the case already holds (the victim's diary entry of the same
night, say) names it in `same_as`, so the escalation rules and the statistics count it once.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import or_, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

import harm_model as hm
from asb_core import clock, idempotency
from asb_core.access import parse_uuid
from asb_core.actor import Actor
from asb_core.audit import chain as audit
from asb_core.cases import events
from asb_core.cases import repository as case_repo
from asb_core.errors import Conflict, NotFound, ValidationFailed
from asb_core.incidents import folding
from asb_core.incidents.diary import incident_time
from asb_core.incidents.models import PERCEIVED_BY, Incident
from asb_core.pagination import TIME_ID, Page, check_limit, decode_cursor, page_of

MAX_ACCOUNT = 20_000
MAX_REFERENCE = 200
MAX_LOCATION = 1000
KNOWN = frozenset({
    "occurred_at", "category", "hostility_perceived", "hostility_perceived_by",
    "hostility_asked", "victim_feels_targeted", "account", "officer_reference", "location",
    "same_as",
})
SOURCES = ("diary_entry", "officer_report")


def _optional_text(data: dict, field: str, limit: int, bad) -> str | None:
    value = data.get(field)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip() or len(value) > limit:
        bad(field, f"a non-empty text of at most {limit} characters, or null")
        return None
    return value


def check(data: object, now: datetime) -> tuple[dict, list[dict]]:
    """(clean values, field errors) for an officer report: every problem at once.

    `same_as` is only checked to be an id here; whether it names an incident of the case is
    checked against the database by `add_officer_report`, into the same list."""
    if not isinstance(data, dict):
        raise ValidationFailed("expected an object", errors=[
            {"field": "body", "message": "expected an object"}])
    errors: list[dict] = []

    def bad(field: str, message: str) -> None:
        errors.append({"field": field, "message": message})

    for extra in sorted(set(data) - KNOWN):
        bad(extra, "unknown field")
    out: dict = {}
    occurred = incident_time(data, "occurred_at", now, bad)
    if occurred is not None:
        out["occurred_at"] = occurred
    raw_category = data.get("category")
    category = hm.CATEGORIES.get(raw_category) if isinstance(raw_category, str) else None
    if category is None:
        bad("category", "one of " + ", ".join(hm.CATEGORIES))
    out["category"] = category
    account = data.get("account")
    if not isinstance(account, str) or not account.strip():
        bad("account", "required: the officer's account of what happened")
    elif len(account) > MAX_ACCOUNT:
        bad("account", f"at most {MAX_ACCOUNT} characters")
    else:
        out["account"] = account
    out["officer_reference"] = _optional_text(data, "officer_reference", MAX_REFERENCE, bad)
    out["location"] = _optional_text(data, "location", MAX_LOCATION, bad)

    strands = data.get("hostility_perceived")
    if strands is None:
        strands = []
    if not isinstance(strands, list) or not all(isinstance(s, str) for s in strands):
        bad("hostility_perceived", "a list of strands")
        strands = []
    else:
        unknown = [s for s in strands if s not in hm.get_policy().hostility_strands]
        if unknown:
            bad("hostility_perceived", f"unknown strand {unknown[0]!r}; one of "
                + ", ".join(hm.get_policy().hostility_strands))
    out["hostility_perceived"] = sorted(set(strands))
    by = data.get("hostility_perceived_by")
    if by is not None and by not in PERCEIVED_BY:
        bad("hostility_perceived_by", "one of " + ", ".join(PERCEIVED_BY))
    # The officer records it, so the officer perceived the hostility unless told otherwise.
    out["hostility_perceived_by"] = by if by is not None else ("officer" if strands else None)
    asked = data.get("hostility_asked", False)
    if not isinstance(asked, bool):
        bad("hostility_asked", "true or false")
    out["hostility_asked"] = asked is True
    targeted = data.get("victim_feels_targeted")
    if targeted is not None and not isinstance(targeted, bool):
        bad("victim_feels_targeted", "true, false or null")
    out["victim_feels_targeted"] = targeted
    same_as = data.get("same_as")
    out["same_as"] = None
    if same_as is not None:
        try:
            out["same_as"] = uuid.UUID(str(same_as))
        except ValueError:
            bad("same_as", "the id of an incident of this case")
    return out, errors


def _refuse(errors: list[dict]) -> ValidationFailed:
    return ValidationFailed("the officer report is not valid", errors=errors)


def validate(data: object, now: datetime) -> dict:
    """The clean values, or ValidationFailed listing every field error."""
    out, errors = check(data, now)
    if errors:
        raise _refuse(errors)
    return out


async def _original(session: AsyncSession, case_id: uuid.UUID, ref: uuid.UUID) -> Incident | None:
    """The incident of the case that `ref` names (by its id, or its diary entry's id)."""
    return (await session.execute(
        select(Incident).where(
            Incident.case_id == case_id,
            or_(Incident.id == ref, Incident.diary_entry_id == ref),
        ).limit(1)
    )).unique().scalar_one_or_none()


async def _load(session: AsyncSession, case_id: uuid.UUID, incident_id: uuid.UUID) -> Incident:
    found = (await session.execute(
        select(Incident)
        .where(Incident.id == incident_id, Incident.case_id == case_id)
        .execution_options(populate_existing=True)
    )).unique().scalar_one_or_none()
    if found is None:
        raise NotFound(f"no incident {incident_id}")
    return found


async def add_officer_report(
    session: AsyncSession,
    actor: Actor,
    case_id: object,
    *,
    data: dict,
    idempotency_key: str | None = None,
    request_fingerprint: str | None = None,
    now: datetime | None = None,
) -> tuple[Incident, bool]:
    """Record an incident an officer witnessed or was told of; (the incident, True), or for a
    replayed Idempotency-Key (the incident the first request recorded, False)."""
    now = clock.utcnow(now)
    case = await case_repo.load_case(session, actor, case_id, "incident.add", lock=True)
    if idempotency_key is not None:
        existing = await idempotency.claim(
            session, actor, key=idempotency_key, fingerprint=request_fingerprint or "",
            case_id=case.id, resource_type="incident",
        )
        if existing is not None:
            return await _load(session, case.id, existing), False
    if case.status == "closed":
        raise Conflict("the case is closed: reopen it first")
    v, errors = check(data, now)
    root = None
    if v.get("same_as") is not None:
        original = await _original(session, case.id, v["same_as"])
        if original is None:
            errors.append({"field": "same_as", "message": "not an incident of this case"})
        else:
            # Point at the original, never at another repeat of it (harm_model's rule).
            root = original.same_as or original.evidence_id
    if errors:
        raise _refuse(errors)
    category: hm.Category = v["category"]
    incident = Incident(
        id=uuid.uuid4(), case_id=case.id, diary_entry_id=None, source="officer_report",
        occurred_at=min(v["occurred_at"], now), reported_at=now, category=category.id,
        nsir_type=category.nsir, severity=category.severity,
        hostility_strands=v["hostility_perceived"],
        hostility_perceived_by=v["hostility_perceived_by"],
        hostility_asked=v["hostility_asked"], victim_feels_targeted=v["victim_feels_targeted"],
        reported_by_agency_id=actor.agency_id, same_as=root, account=v["account"],
        officer_reference=v["officer_reference"], location=v["location"],
    )
    session.add(incident)
    await session.flush()
    if idempotency_key is not None:
        await idempotency.bind(session, actor, idempotency_key, incident.id)
    await folding.fold_incidents(session, actor, case, [hm.Incident(
        id=str(incident.id), occurred_at=incident.occurred_at, reported_at=now,
        category=category.id, hostility_strands=frozenset(incident.hostility_strands),
        hostility_asked=incident.hostility_asked,
        victim_feels_targeted=incident.victim_feels_targeted,
        reported_by_agency=actor.agency_slug, same_as=str(root) if root else None,
    )], now, reason=f"critical incident in officer report {incident.id}")
    # The timeline and the audit log carry no free text: the account may name people.
    await events.event(session, actor, case.id, "officer_report", now, incident.id,
                         category=category.id, severity=category.severity,
                         hostility=bool(incident.hostility_strands), same_as=root)
    await audit.record(
        session, actor, "incident.add", case_id=case.id, entity="incident",
        entity_id=incident.id, at=now,
        detail={"source": "officer_report", "category": category.id,
                "same_as": str(root) if root else None},
    )
    return await _load(session, case.id, incident.id), True


async def list_incidents(
    session: AsyncSession, actor: Actor, case_id: object, *, limit: int = 50,
    cursor: str | None = None, source: str | None = None,
) -> Page:
    """The case's incidents from both sources (or one `source`), in the order they were
    recorded (keyset on (reported_at, id), served by ix_incidents_case_id_reported_at_id)."""
    check_limit(limit)
    if source is not None and source not in SOURCES:
        raise ValidationFailed("unknown source", errors=[
            {"field": "source", "message": "one of " + ", ".join(SOURCES)}])
    case = await case_repo.load_case(session, actor, case_id, "incident.read")
    stmt = select(Incident).where(Incident.case_id == case.id)
    if source is not None:
        stmt = stmt.where(Incident.source == source)
    key = decode_cursor(cursor, 2, convert=TIME_ID)
    if key:
        stmt = stmt.where(tuple_(Incident.reported_at, Incident.id) > tuple(key))
    rows = (await session.execute(
        stmt.order_by(Incident.reported_at, Incident.id).limit(limit + 1)
    )).unique().scalars().all()
    return page_of(list(rows), limit, lambda r: (r.reported_at.isoformat(), r.id))


async def get_incident(
    session: AsyncSession, actor: Actor, case_id: object, incident_id: object
) -> Incident:
    case = await case_repo.load_case(session, actor, case_id, "incident.read")
    return await _load(session, case.id, parse_uuid(incident_id, "incident"))
