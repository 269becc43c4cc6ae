"""Helpers for the casework integration tests: actors of agencies, and a case opened quickly."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from asb_core.actor import Actor
from asb_core.agencies.models import Agency
from asb_core.agencies.service import add_agency, issue_key
from asb_core.cases.schemas import OpenCaseIn
from asb_core.cases.service import open_case

VICTIM = {
    "role": "victim",
    "name": "Ada Example",
    "phone": "01234 567890",
    "email": "ada@example.org",
    "address": "1 Fen Lane",
    "date_of_birth": "1950-02-03",
}
MEDIUM_ANSWERS = {
    "repeat": True,
    "feels_targeted": True,
    "disability_or_illness": True,
    "sleep_affected": True,
    "mental_health_affected": True,
}


async def actor_for(session, slug: str, role: str = "caseworker", kind: str = "council") -> Actor:
    agency = (await session.execute(select(Agency).where(Agency.slug == slug))).scalar()
    if agency is None:
        agency = await add_agency(session, Actor.system(), slug, slug.title(), kind, ["fenland"])
    principal, _ = await issue_key(session, Actor.system(), slug, role)
    return Actor(principal.id, agency.id, agency.slug, agency.kind, role)


def ago(**kw) -> datetime:
    return datetime.now(UTC) - timedelta(**kw)


async def new_case(session, actor: Actor, *, answers=None, consent="given", **kw):
    consent_doc = {"state": consent}
    if consent != "given":
        consent_doc["legal_basis"] = kw.pop("legal_basis", None) or None
        if consent_doc["legal_basis"] is None:
            consent_doc.pop("legal_basis")
    now = kw.pop("now", None)
    data = OpenCaseIn(area="fenland", answers=answers or {"repeat": True},
                      victim=dict(VICTIM), consent=consent_doc, **kw)
    return await open_case(session, actor, data, now=now)
