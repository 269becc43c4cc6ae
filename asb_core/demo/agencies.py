"""A small demo area: a police force, a district council and a housing provider in Fenland,
with a handful of cases at each risk level. Loading it twice adds nothing twice.

Its keys: one for every role the README's examples use (a police call handler's among them).
Given the keys printed last time (`known`, which `asb serve --demo` keeps in the data
directory), each one still valid is printed again instead of a new one, so the demo keys stay
the same across restarts of the same data directory."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core.actor import Actor
from asb_core.agencies.keys import digest
from asb_core.agencies.models import Agency, Principal
from asb_core.agencies.service import add_agency, issue_key

DEMO_AGENCIES = (
    ("demo-police", "Demo Constabulary", "police", "caseworker"),
    ("demo-council", "Demo District Council", "council", "caseworker"),
    ("demo-housing", "Demo Housing Association", "housing_provider", "integration"),
)
DEMO_AREA = "fenland"


# (agency, role): the keys `asb serve --demo` prints.
DEMO_KEYS = (
    ("demo-police", "call_handler"),
    ("demo-police", "caseworker"),
    ("demo-council", "caseworker"),
    ("demo-council", "supervisor"),
    ("demo-council", "auditor"),
    ("demo-council", "analyst"),
    ("demo-housing", "integration"),
)


@dataclass
class DemoArea:
    keys: dict[str, str] = field(default_factory=dict)  # "agency/role" -> key
    case_id: str | None = None  # one demo case, for the README's examples
    reference: str | None = None

    def lines(self) -> list[str]:
        return [f"{name.split('/')[0]:14} {name.split('/')[1]:13} {key}"
                for name, key in self.keys.items()]


async def load_demo(session: AsyncSession) -> list[str]:
    """The demo area with fresh keys, as printable lines."""
    return (await load_demo_area(session)).lines()


async def _still_valid(session: AsyncSession, key: str, slug: str, role: str) -> bool:
    found = (await session.execute(
        select(Principal.id).join(Agency, Agency.id == Principal.agency_id)
        .where(Principal.key_hash == digest(key), Principal.revoked_at.is_(None),
               Principal.role == role, Agency.slug == slug)
    )).first()
    return found is not None


async def load_demo_area(session: AsyncSession, known: dict[str, str] | None = None) -> DemoArea:
    """The demo agencies and cases (created once), a key for each of DEMO_KEYS (the `known` one
    when still valid, else a new one) and one demo case."""
    actor = Actor.system()
    for slug, name, kind, _role in DEMO_AGENCIES:
        exists = (await session.execute(select(Agency).where(Agency.slug == slug))).scalar()
        if exists is None:
            await add_agency(session, actor, slug, name, kind, [DEMO_AREA])
    area = DemoArea()
    for slug, role in DEMO_KEYS:
        name = f"{slug}/{role}"
        key = (known or {}).get(name)
        if not key or not await _still_valid(session, key, slug, role):
            _, key = await issue_key(session, actor, slug, role, label="demo")
        area.keys[name] = key
    from asb_core.cases.models import Case
    from asb_core.demo.cases import load_demo_cases

    await load_demo_cases(session, actor)
    case = (await session.execute(
        select(Case).where(Case.summary.like("[demo]%"), Case.risk_level == "high")
        .order_by(Case.opened_at, Case.id).limit(1)
    )).scalar()
    if case is not None:
        area.case_id, area.reference = str(case.id), case.reference
    return area
