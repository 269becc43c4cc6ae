"""Raising, refreshing and clearing a case's escalation flags, with their follow-up targets."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

import harm_model as hm
from asb_core.actor import Actor
from asb_core.audit import chain as audit
from asb_core.cases import events
from asb_core.escalation import repository as flag_repo
from asb_core.escalation.models import EscalationFlag
from asb_core.sharing import repository as member_repo
from asb_core.targets.models import LEVEL_TARGET_KINDS, follow_up_needed, owner_of
from asb_core.targets.repository import TARGET_KIND_ALIASES, new_target


async def apply_flags(
    session: AsyncSession,
    actor: Actor,
    case_id: uuid.UUID,
    computed: list[hm.Flag],
    source: str,
    now: datetime,
    *,
    lead_agency_id: uuid.UUID,
) -> list[EscalationFlag]:
    """Insert flags not already open; refresh evidence of open ones; clear this source's flags
    that no longer hold. Follow-up targets (hate review, share with police, reassessment) start
    when the flag is raised, owned as `owner_of` says for a case led by `lead_agency_id` (none
    to share with the police when a police agency is already a member); level follow-ups are
    covered by the level change itself. Returns the flags raised."""
    open_flags = {f.rule_id: f for f in await flag_repo.open_flags(session, case_id)}
    police_member: bool | None = None
    raised: list[EscalationFlag] = []
    for flag in computed:
        held = open_flags.get(flag.rule_id)
        if held is not None:
            if held.source == source and list(held.evidence) != list(flag.evidence):
                held.evidence = list(flag.evidence)
            continue
        target_id = None
        spec = flag.follow_up
        kind = None if spec is None else TARGET_KIND_ALIASES.get(spec.kind, spec.kind)
        if spec is not None and spec.kind not in LEVEL_TARGET_KINDS:
            if police_member is None:
                police_member = await member_repo.has_member_of_kind(session, case_id, "police")
            if follow_up_needed(kind, police_member=police_member):
                target = new_target(case_id, kind, None, now, hm.due_at(spec, now),
                                    owner_agency_id=owner_of(kind, lead_agency_id))
                session.add(target)
                await session.flush()  # the flag row references it
                target_id = target.id
        row = EscalationFlag(
            id=uuid.uuid4(), case_id=case_id, rule_id=flag.rule_id, source=source,
            evidence=list(flag.evidence), raised_at=now, text=flag.text,
            follow_up_target_id=target_id,
        )
        session.add(row)
        await session.flush()
        raised.append(row)
        await events.event(session, actor, case_id, "flag_raised", now, row.id,
                    rule_id=flag.rule_id, evidence=list(flag.evidence), text=flag.text)
        await audit.record(
            session, actor, "flag.raise", case_id=case_id, entity="escalation_flag",
            entity_id=row.id, detail={"rule_id": flag.rule_id},
        )
    if source == "incidents":
        still = {f.rule_id for f in computed}
        for rule_id, held in open_flags.items():
            if held.source == source and rule_id not in still:
                held.cleared_at = now
                await events.event(session, actor, case_id, "flag_cleared", now, held.id,
                                   rule_id=rule_id)
                await audit.record(
                    session, actor, "flag.clear", case_id=case_id, entity="escalation_flag",
                    entity_id=held.id, detail={"rule_id": rule_id},
                )
    await session.flush()
    return raised
