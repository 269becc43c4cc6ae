"""Benchmark: the cost of adding one incident to a case with 10 earlier incidents and to one
with 10,000, through the service (`asb_core.incidents.service.add_diary_entry`) on a real database.

The running-state design (harm_model folds each incident into a bounded `CaseState`; the
service reads and writes one state row, and only the open flags and open targets of the case)
means the cost must not grow with the history. This proves it end to end. Both cases are opened
through the service and given their history - the same spacing and category mix, the short one
being the last stretch of the long one, so both states raise the same flags - in bulk (the rows
the service writes, the state folded by harm_model, flags applied by the service) or, with
`--build service`, through the service call itself. Then each measured addition runs in its own
transaction - the case lock, the Idempotency-Key claim, the entry and incident, the fold, flags,
targets, the timeline event (and its webhook trigger) and the audit event - and is rolled back,
so the histories stay at exactly 10 and 10,000. The two cases are measured alternately (noise
hits both alike); medians and the ratio are printed, with the SQL statements each issued.

Usage: ``python bench/escalation.py [--history 10000] [--samples 300]``; `DATABASE_URL` names
the database (default: the embedded PostgreSQL). It adds one agency and two cases there.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import secrets
import statistics
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import event, func, insert, select  # noqa: E402

import harm_model as hm  # noqa: E402
from asb_core.actor import Actor  # noqa: E402
from asb_core.agencies.service import add_agency  # noqa: E402
from asb_core.cases import service as cases  # noqa: E402
from asb_core.cases.models import CaseEvent, EscalationState  # noqa: E402
from asb_core.cases.schemas import OpenCaseIn  # noqa: E402
from asb_core.db import create_engine, resolve_database_url, session_factory  # noqa: E402
from asb_core.escalation import flags as flag_writer  # noqa: E402
from asb_core.incidents import service as diary  # noqa: E402
from asb_core.incidents.models import DiaryEntry, Incident  # noqa: E402
from asb_core.migrate import upgrade_async  # noqa: E402
from asb_core.settings import Settings  # noqa: E402

CATS = ["noise", "rowdy_behaviour", "noise", "verbal_abuse", "litter", "intimidation", "noise",
        "animal_nuisance", "harassment", "criminal_damage"]
RATIO_TARGET = 1.5


def entry(n: int, started: datetime) -> dict:
    return {
        "started_at": started.isoformat(),
        "what_happened": f"Incident {n}: loud music and shouting from the flat above.",
        "category": CATS[n % len(CATS)],
        "duration_minutes": 30,
        "victim_feels_targeted": n % 7 == 0,
    }


class Bar:
    def __init__(self, label: str, total: int) -> None:
        self.label, self.total, self.start = label, total, time.monotonic()

    def show(self, done: int) -> None:
        rate = done / max(time.monotonic() - self.start, 1e-9)
        bar = "#" * int(done / self.total * 30)
        sys.stderr.write(f"\r{self.label} [{bar:<30}] {done:,}/{self.total:,} {rate:,.0f}/s ")
        sys.stderr.flush()
        if done >= self.total:
            sys.stderr.write("\n")


async def build(sm, actor: Actor, length: int, label: str, how: str, step: timedelta) -> str:
    """A case opened through the service, with `length` earlier entries: added through the
    service (`how="service"`), or in bulk (`"bulk"`): the same rows the service writes (entry,
    incident, timeline event) inserted in batches, the state folded by `harm_model.fold` over
    them and the flags applied by the service's own `flag_writer.apply_flags`."""
    now = datetime.now(UTC)
    async with sm() as s, s.begin():
        case = await cases.open_case(s, actor, OpenCaseIn(area="bench", answers={"repeat": True,
                                     "sleep_affected": True}, victim={"name": "Bench Victim"},
                                     consent={"state": "given"}), now=now - timedelta(days=731))
        case_id = case.id
    # Same spacing for both cases, both ending a day ago: the short history is the last
    # stretch of the long one, so both states raise the same flags and any difference in cost
    # comes from the length of the history alone.
    start = now - timedelta(days=1) - step * length
    bar = Bar(f"{label:<16}", length)
    if how == "bulk":
        await bulk_history(sm, actor, case_id, length, start, step, now, bar)
        return str(case_id)
    done = 0
    while done < length:
        async with sm() as s, s.begin():
            for n in range(done, min(done + 250, length)):
                t = start + step * n
                await diary.add_diary_entry(s, actor, case_id, data=entry(n, t),
                                            idempotency_key=f"h-{case_id}-{n}",
                                            request_fingerprint=str(n), now=t + timedelta(hours=2))
                done += 1
        bar.show(done)
    return str(case_id)


async def bulk_history(sm, actor: Actor, case_id, length: int, start: datetime,
                       step: timedelta, now: datetime, bar: Bar) -> None:
    state_row = None
    state = hm.empty_state()
    done = 0
    while done < length:
        entries, incidents, events = [], [], []
        for n in range(done, min(done + 2000, length)):
            t = start + step * n
            e = entry(n, t)
            cat = hm.CATEGORIES[e["category"]]
            eid = uuid.uuid4()
            recorded = t + timedelta(hours=2)
            entries.append({
                "id": eid, "case_id": case_id, "started_at": t, "duration_minutes": 30,
                "what_happened": e["what_happened"], "category": cat.id, "nsir_type": cat.nsir,
                "severity": cat.severity, "hostility_perceived": [], "hostility_asked": False,
                "victim_feels_targeted": e["victim_feels_targeted"],
                "author_agency_id": actor.agency_id, "recorded_at": recorded,
                "acknowledged_at": recorded,
                "acknowledgement_reference": f"ACK-{eid.hex[:12].upper()}"})
            incidents.append({
                "id": uuid.uuid4(), "case_id": case_id, "diary_entry_id": eid,
                "source": "diary_entry", "occurred_at": t, "reported_at": recorded,
                "category": cat.id, "nsir_type": cat.nsir, "severity": cat.severity,
                "hostility_strands": [], "hostility_asked": False,
                "victim_feels_targeted": e["victim_feels_targeted"],
                "reported_by_agency_id": actor.agency_id})
            events.append({
                "case_id": case_id, "at": recorded, "kind": "diary_entry", "entity_id": eid,
                "agency": actor.agency_slug,
                "summary": {"category": cat.id, "severity": cat.severity, "amends": None,
                            "hostility": False}})
            state = hm.fold(state, hm.Incident(
                str(eid), t, recorded, cat.id, victim_feels_targeted=e["victim_feels_targeted"],
                reported_by_agency=actor.agency_slug))
        async with sm() as s, s.begin():
            await s.execute(insert(DiaryEntry), entries)
            await s.execute(insert(Incident), incidents)
            await s.execute(insert(CaseEvent), events)
        done += len(entries)
        bar.show(done)
    async with sm() as s, s.begin():
        state_row = await s.get(EscalationState, case_id, with_for_update=True)
        state_row.state, state_row.incidents = state.to_json(), length
        await flag_writer.apply_flags(s, actor, case_id, hm.flags(state, now), "incidents", now,
                                      lead_agency_id=actor.agency_id)


async def run(args: argparse.Namespace) -> float:
    settings = Settings()
    url = resolve_database_url(settings)
    await upgrade_async(url)
    engine = create_engine(url, settings)
    sm = session_factory(engine)
    statements = [0]

    def count(_record) -> None:
        statements[0] += 1

    # Counted on the driver, so statements the diary path sends straight to asyncpg
    # (asb_core/driver.py) count too; BEGIN is one of them.
    @event.listens_for(engine.sync_engine, "connect")
    def log_queries(dbapi_connection, _record) -> None:
        dbapi_connection.driver_connection.add_query_logger(count)

    try:
        slug = f"bench-esc-{secrets.token_hex(3)}"
        async with sm() as s, s.begin():
            agency = await add_agency(s, Actor.system(), slug, "Escalation bench", "council",
                                      ["bench"])
            actor = Actor(None, agency.id, agency.slug, agency.kind, "caseworker")
        step = timedelta(days=700) / max(args.history, 1)
        small = await build(sm, actor, args.small, f"history {args.small}", args.build, step)
        large = await build(sm, actor, args.history, f"history {args.history}", args.build,
                            step)
        async with sm() as s:
            for cid in (small, large):
                st = await s.get(EscalationState, cid)
                events = await s.scalar(select(func.count()).where(CaseEvent.case_id == cid))
                print(f"case {cid}: {st.incidents:,} incidents folded, state "
                      f"{len(str(st.state)):,} chars, {events:,} timeline events")

        times: dict[str, list[float]] = {small: [], large: []}
        stmts: dict[str, list[int]] = {small: [], large: []}
        bar = Bar("measuring", args.samples + args.warmup)
        for i in range(args.samples + args.warmup):
            for cid in (small, large) if i % 2 == 0 else (large, small):
                now = datetime.now(UTC)
                data = entry(10_000_000 + i, now - timedelta(hours=1))
                async with sm() as s:
                    await s.begin()
                    statements[0] = 0
                    t0 = time.perf_counter()
                    await diary.add_diary_entry(s, actor, cid, data=data,
                                                idempotency_key=f"m-{i}-{cid}",
                                                request_fingerprint=str(i), now=now)
                    await s.flush()
                    elapsed = time.perf_counter() - t0
                    await s.rollback()  # the history stays exactly as built
                if i >= args.warmup:
                    times[cid].append(elapsed * 1000)
                    stmts[cid].append(statements[0])
            bar.show(i + 1)
    finally:
        await engine.dispose()

    med_small, med_large = statistics.median(times[small]), statistics.median(times[large])
    p90 = {c: sorted(t)[int(len(t) * 0.9)] for c, t in times.items()}
    print(f"\n{'earlier incidents':<20} {'median ms':>10} {'p90 ms':>8} {'statements':>11}")
    for label, cid in ((args.small, small), (args.history, large)):
        print(f"{label:<20,} {statistics.median(times[cid]):>10.2f} {p90[cid]:>8.2f} "
              f"{statistics.median(stmts[cid]):>11.0f}")
    ratio = med_large / med_small
    print(f"ratio {args.history:,} / {args.small} = {ratio:.2f}  (target < {RATIO_TARGET}: "
          f"{'PASS' if ratio < RATIO_TARGET else 'MISS'}); {args.samples} samples each, "
          "each addition in its own transaction, rolled back")
    return ratio


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=10)
    parser.add_argument("--history", type=int, default=10_000)
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--build", choices=("bulk", "service"), default="bulk",
                        help="how the earlier history is written (the measured additions always "
                             "go through the service); service takes minutes for 10,000")
    args = parser.parse_args()
    print(f"python {platform.python_version()}, {os.cpu_count()} CPUs; database "
          f"{(os.environ.get('DATABASE_URL') or 'embedded').split('@')[-1]}")
    ratio = asyncio.run(run(args))
    return 0 if ratio < RATIO_TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
