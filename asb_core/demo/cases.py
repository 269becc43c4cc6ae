"""Demo cases for the demo agencies: one or two at each risk level, some
shared, and one that escalates from noise to racial abuse and threats. Loading twice adds nothing
the second time (cases are recognised by their "[demo]" summary)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core.actor import Actor
from asb_core.agencies.models import Agency
from asb_core.cases.models import Case
from asb_core.cases.schemas import OpenCaseIn
from asb_core.cases.service import open_case
from asb_core.incidents import service as diary
from asb_core.sharing import service as sharing
from asb_core.sharing.schemas import ShareIn

DEMO_CASES = (
    ("demo-council", "[demo] Dog barking next door", {"repeat": False}, "given", None),
    ("demo-council", "[demo] Noise escalating to racial abuse and threats",
     {"repeat": True, "sleep_affected": True}, "given", "escalation"),
    ("demo-police", "[demo] Youths gathering, victim disabled and isolated",
     {"repeat": True, "disability_or_illness": True, "isolated": True,
      "feels_targeted": True, "mental_health_affected": True}, "refused", None),
    ("demo-police", "[demo] Threats with a weapon", {"threats_or_violence": True}, "given", None),
)


def _entry(days_ago: int, category: str, text: str, **kw) -> dict:
    started = datetime.now(UTC) - timedelta(days=days_ago, hours=1)
    return {"started_at": started.isoformat(), "what_happened": text, "category": category,
            "source_system": "demo", **kw}


async def load_demo_cases(session: AsyncSession, actor: Actor | None = None) -> int:
    """Open the demo cases once; returns how many were created now."""
    agencies = {
        a.slug: a for a in (await session.execute(
            select(Agency).where(Agency.slug.in_(("demo-police", "demo-council", "demo-housing")))
        )).scalars()
    }
    if len(agencies) < 3:
        return 0
    existing = set((await session.execute(
        select(Case.summary).where(Case.summary.like("[demo]%"))
    )).scalars())
    made = 0
    for slug, summary, answers, consent, story in DEMO_CASES:
        if summary in existing:
            continue
        ag = agencies[slug]
        worker = Actor(None, ag.id, ag.slug, ag.kind, "supervisor")
        consent_doc = {"state": consent}
        case = await open_case(session, worker, OpenCaseIn(
            area="fenland", answers=answers, summary=summary,
            victim={"role": "victim", "name": "Victim 1"}, consent=consent_doc,
        ))
        made += 1
        if consent == "given":
            await sharing.share_case(session, worker, case.id, ShareIn(agency="demo-housing",
                                     basis="consent"))
        else:
            await sharing.share_case(session, worker, case.id, ShareIn(
                agency="demo-council", basis="legal_basis",
                legal_basis="Crime and Disorder Act 1998 s115",
                justification="vulnerable victim at risk of harm",
            ))
        if story == "escalation":
            for data in (
                _entry(20, "noise", "Music until 3am"),
                _entry(12, "noise", "Shouting and banging on the wall", victim_feels_targeted=True),
                _entry(5, "verbal_abuse", "Called me a racial slur over the fence",
                       hostility_perceived=["race"], hostility_perceived_by="victim",
                       victim_feels_targeted=True),
                _entry(1, "threats", "Said he would burn my car; car tyres slashed next morning",
                       hostility_perceived=["race"], hostility_perceived_by="victim"),
            ):
                await diary.add_diary_entry(session, worker, case.id, data=data)
    return made
