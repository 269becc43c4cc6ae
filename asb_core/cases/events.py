"""Writing the case timeline: one `case_events` row per thing that happened, in the transaction
of the change. Summaries never carry restricted identity."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from asb_core.actor import Actor
from asb_core.cases.models import CaseEvent


async def event(
    session: AsyncSession,
    actor: Actor,
    case_id: uuid.UUID,
    kind: str,
    at: datetime,
    entity_id: uuid.UUID | None = None,
    /,
    **summary: object,
) -> None:
    """One timeline item. Summaries never carry restricted identity."""
    session.add(
        CaseEvent(
            case_id=case_id,
            at=at,
            kind=kind,
            entity_id=entity_id,
            agency=actor.agency_slug,
            summary={k: _jsonable(v) for k, v in summary.items()},
        )
    )


def _jsonable(value: object) -> object:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value
