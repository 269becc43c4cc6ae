"""The diary service's optimistic path (a session with no transaction open, as in an API
request): two statements and no BEGIN, a case changed between the read and the write is read
again, concurrent writers to one case all land in order on the audit chain, a replay answers
with the first entry, and a key used for another case is refused."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.ext.asyncio import async_sessionmaker

from asb_core.audit import chain as audit
from asb_core.audit.models import AuditEvent
from asb_core.errors import IdempotencyKeyReused
from asb_core.incidents import service as diary
from asb_core.parties import service as parties
from asb_core.tables import CaseEvent, EscalationState, Incident
from tests.integration.casework_helpers import actor_for, ago, new_case


def entry(category="noise", hours=2):
    return {"started_at": ago(hours=hours).isoformat(), "what_happened": "Bins set alight",
            "category": category}


@pytest.fixture
async def factory(engine):
    """Sessions on their own connections, committing for real (as the API's do)."""
    queries: list[str] = []

    def log(record) -> None:
        queries.append(record.query)

    @event.listens_for(engine.sync_engine, "connect")
    def on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.driver_connection.add_query_logger(log)

    await engine.dispose()  # new connections, with the logger
    maker = async_sessionmaker(engine, expire_on_commit=False)
    maker.queries = queries
    yield maker
    event.remove(engine.sync_engine, "connect", on_connect)
    await engine.dispose()


async def _case(factory, slug):
    async with factory() as s, s.begin():
        worker = await actor_for(s, slug)
        integration = await actor_for(s, slug, role="integration")
        case = await new_case(s, worker)
    # One plain entry first, so the repeat-victim flag is open and a plain entry after it
    # raises nothing new (the optimistic path's case).
    for hours in (9, 8, 7):
        async with factory() as s, s.begin():
            await diary.add_diary_entry(s, worker, case.id, data=entry(hours=hours))
    return worker, integration, case


async def _chain_ok(factory, case_id) -> list[int]:
    async with factory() as s:
        seqs = (await s.execute(
            select(AuditEvent.chain_seq).where(AuditEvent.chain == audit.chain_for(case_id))
            .order_by(AuditEvent.chain_seq))).scalars().all()
        assert (await audit.verify(s)).ok
    assert seqs == list(range(1, len(seqs) + 1))
    return seqs


async def test_plain_entry_is_two_statements_without_begin(factory):
    _, integration, case = await _case(factory, "opt-plain")
    factory.queries.clear()
    async with factory() as s:  # as the API calls it: no transaction open
        e, created = await diary.add_diary_entry(
            s, integration, case.id, data=entry(), idempotency_key="opt-1",
            request_fingerprint="f")
    assert created
    sent = [q.strip().split()[0].upper() for q in factory.queries]
    assert "BEGIN" not in sent and len(sent) == 2, factory.queries
    async with factory() as s:
        assert (await s.execute(select(func.count()).select_from(Incident)
                                .where(Incident.diary_entry_id == e.id))).scalar_one() == 1
        assert (await s.get(EscalationState, case.id)).incidents == 4
        assert (await s.execute(select(func.count()).select_from(CaseEvent).where(
            CaseEvent.case_id == case.id, CaseEvent.kind == "diary_entry"))).scalar_one() == 4
    await _chain_ok(factory, case.id)


async def test_a_case_changed_between_read_and_write_is_read_again(factory, monkeypatch):
    worker, integration, case = await _case(factory, "opt-race")
    real = diary.repo.write_gated
    calls = []

    async def interfere_then_write(session, connection, actor, landing, arrival):
        calls.append(landing.params["seen_seq"])  # the chain head seq this attempt read
        if len(calls) == 1:
            # Between this request's read and its write, a caseworker reads the victim's
            # identity: an audit event on the case's chain moves its head.
            await _restricted_read(factory, worker, case.id)
        return await real(session, connection, actor, landing, arrival)

    monkeypatch.setattr(diary.repo, "write_gated", interfere_then_write)
    async with factory() as s:
        e, created = await diary.add_diary_entry(s, integration, case.id, data=entry())
    assert created and len(calls) == 2 and calls[1] == calls[0] + 1
    await _chain_ok(factory, case.id)
    async with factory() as s:
        assert (await s.get(EscalationState, case.id)).incidents == 4
        actions = (await s.execute(
            select(AuditEvent.action).where(AuditEvent.chain == audit.chain_for(case.id))
            .order_by(AuditEvent.chain_seq))).scalars().all()
    assert actions[-1] == "diary.add" and actions.count("diary.add") == 4


async def _restricted_read(factory, worker, case_id):
    async with factory() as s, s.begin():
        await parties.list_parties(s, worker, case_id)


async def test_concurrent_entries_to_one_case_all_land(factory):
    _, integration, case = await _case(factory, "opt-many")

    async def post(n: int):
        async with factory() as s, s.begin():
            return await diary.add_diary_entry(s, integration, case.id, data=entry(),
                                               idempotency_key=f"many-{n}",
                                               request_fingerprint="f")

    results = await asyncio.gather(*(post(n) for n in range(12)))
    assert all(created for _, created in results)
    async with factory() as s:
        assert (await s.get(EscalationState, case.id)).incidents == 3 + 12
    await _chain_ok(factory, case.id)


async def test_replay_and_misuse_of_a_key(factory):
    worker, integration, case = await _case(factory, "opt-key")
    async with factory() as s, s.begin():
        other = await new_case(s, worker)
    async with factory() as s, s.begin():
        first, _ = await diary.add_diary_entry(s, integration, case.id, data=entry(),
                                               idempotency_key="k", request_fingerprint="f")
    async with factory() as s, s.begin():
        again, created = await diary.add_diary_entry(
            s, integration, case.id, data=entry(), idempotency_key="k", request_fingerprint="f")
    assert not created and again.id == first.id
    with pytest.raises(IdempotencyKeyReused):
        async with factory() as s, s.begin():
            await diary.add_diary_entry(s, integration, other.id, data=entry(),
                                        idempotency_key="k", request_fingerprint="f")
    async with factory() as s:
        assert (await s.get(EscalationState, case.id)).incidents == 4
        assert (await s.get(EscalationState, other.id)).incidents == 0
    assert uuid.UUID(str(first.id))
