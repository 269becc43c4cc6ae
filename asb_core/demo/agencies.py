"""A small demo area: a police force, a district council and a housing provider in Fenland,
with a handful of cases at each risk level. Loading it twice adds nothing twice."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core.actor import Actor
from asb_core.agencies.models import Agency
from asb_core.agencies.service import add_agency, issue_key

DEMO_AGENCIES = (
    ("demo-police", "Demo Constabulary", "police", "caseworker"),
    ("demo-council", "Demo District Council", "council", "caseworker"),
    ("demo-housing", "Demo Housing Association", "housing_provider", "integration"),
)
DEMO_AREA = "fenland"


async def load_demo(session: AsyncSession) -> list[str]:
    """Create the demo agencies (once) and return one fresh key per agency, as printable lines."""
    actor = Actor.system()
    lines = []
    for slug, name, kind, role in DEMO_AGENCIES:
        exists = (await session.execute(select(Agency).where(Agency.slug == slug))).scalar()
        if exists is None:
            await add_agency(session, actor, slug, name, kind, [DEMO_AREA])
        _, key = await issue_key(session, actor, slug, role, label="demo")
        lines.append(f"{slug:14} {role:12} {key}")
    try:
        from asb_core.demo.cases import load_demo_cases
    except ImportError:  # casework not installed yet in this build
        return lines
    await load_demo_cases(session, actor)
    return lines
