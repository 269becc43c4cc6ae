"""The target sweep run by `asb worker`: mark past-due targets breached, and announce targets
falling due soon.

Breaches are marked by the casework service (`targets.service.sweep_breaches`), which writes a
`target_breached` timeline row per target; the timeline trigger turns each into a
`target.breached` webhook event in the same transaction. A due-soon notice is not a change to
the case: the sweep writes it to the outbox directly, once per target and due time
(`dedupe_key`), so a level change that moves the due time earns a fresh notice and a re-run of
the sweep earns none.

Breaching locks what it touches with `FOR UPDATE SKIP LOCKED`; due-soon notices rely on the
unique `dedupe_key` (`ON CONFLICT DO NOTHING`). Both work in batches, so several workers can sweep
at once without doing the same work twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import bindparam, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from asb_core.targets.service import sweep_breaches

_DUE_SOON = text(
    """
    WITH cand AS (
      SELECT t.id, t.case_id, t.due_at,
             'target.due_soon:' || t.id || ':' || webhook_ts(t.due_at) AS dedupe_key
      FROM targets t
      WHERE t.state = 'due' AND t.closed_at IS NULL
        AND t.due_at >= :now AND t.due_at < :horizon
    ), fresh AS (
      SELECT cand.* FROM cand
      WHERE NOT EXISTS (SELECT 1 FROM outbox_events o WHERE o.dedupe_key = cand.dedupe_key)
      ORDER BY cand.due_at, cand.id
      LIMIT :batch
    ), ins AS (
      INSERT INTO outbox_events (id, event_type, case_id, occurred_at, payload, dedupe_key,
                                 created_at)
      SELECT gen_random_uuid(), 'target.due_soon', f.case_id, :now,
             jsonb_build_object(
               'case', webhook_case_doc(f.case_id), 'by_agency', NULL, 'entity_id', f.id,
               'target', webhook_target_doc(f.id),
               'due_in_seconds', floor(extract(epoch FROM f.due_at - :now))::bigint),
             f.dedupe_key, now()
      FROM fresh f
      ON CONFLICT (dedupe_key) DO NOTHING
      RETURNING id, case_id
    ), deliveries AS (
      INSERT INTO webhook_deliveries (id, event_id, subscription_id, state, attempts,
                                      next_attempt_at, created_at)
      SELECT gen_random_uuid(), ins.id, s.id, 'pending', 0, :now, now()
      FROM ins
      JOIN case_members m ON m.case_id = ins.case_id
      JOIN webhook_subscriptions s ON s.agency_id = m.agency_id
      WHERE s.active AND 'target.due_soon' = ANY (s.event_types)
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM ins) AS events, (SELECT count(*) FROM deliveries) AS deliveries
    """
).bindparams(bindparam("now"), bindparam("horizon"), bindparam("batch"))


@dataclass
class SweepResult:
    breached: int = 0
    due_soon: int = 0


async def due_soon_batch(
    session: AsyncSession, now: datetime, horizon: timedelta, batch: int
) -> int:
    row = (
        await session.execute(_DUE_SOON, {"now": now, "horizon": now + horizon, "batch": batch})
    ).one()
    return int(row.events)


async def sweep_targets(
    session_factory: async_sessionmaker,
    *,
    now: datetime | None = None,
    due_soon: timedelta = timedelta(hours=24),
    batch: int = 500,
) -> SweepResult:
    """Run both steps to completion, one short transaction per batch."""
    now = now or datetime.now(UTC)
    result = SweepResult()
    while True:
        async with session_factory() as session, session.begin():
            n = await sweep_breaches(session, now, batch=batch)
        result.breached += n
        if n < batch:
            break
    while True:
        async with session_factory() as session, session.begin():
            n = await due_soon_batch(session, now, due_soon, batch)
        result.due_soon += n
        if n < batch:
            break
    return result
