"""The keyed audit log against a database superuser (issue 15, break 4).

Each attack is made as the superuser would make it, with the append-only triggers off
(`session_replication_role = replica`) on a scratch database of its own (so no other test's
rows interleave), on rows written after the last anchor: cut a tail and rewrite the head;
delete a restricted-read event and re-hash the rest; append a forged read for another agency;
delete a whole new chain. With the key, `verify` reports each; without it, it still checks
every link, and says the keyed rows were not authenticated.
"""

from __future__ import annotations

import asyncio
import hashlib
import secrets
from collections.abc import AsyncIterator
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine

from asb_core.audit import chain as audit
from asb_core.audit.keys import AuditKeys, key_id_of, load
from asb_core.audit.models import AuditChainHead, AuditEvent
from asb_core.incidents import service as diary
from asb_core.migrate import upgrade
from asb_core.parties.service import list_parties
from tests.integration.casework_helpers import actor_for, ago, new_case

KEY = "test-audit-key-" + "k" * 32
KEYS = AuditKeys.of(KEY)
NO_KEY = AuditKeys()


def _dsn(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


@pytest.fixture(scope="module")
def scratch_url(server_url: str):
    name = f"asb_keyed_{secrets.token_hex(4)}"
    parts = urlsplit(server_url)
    url = urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))

    async def admin(sql: str) -> None:
        conn = await asyncpg.connect(_dsn(server_url))
        try:
            await conn.execute(sql)
        finally:
            await conn.close()

    asyncio.run(admin(f'CREATE DATABASE "{name}"'))
    upgrade(url)
    yield url
    asyncio.run(admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture
async def ks(scratch_url: str) -> AsyncIterator[AsyncSession]:
    """A session on the scratch database, in a transaction rolled back at the end, writing
    with the test key."""
    before = audit.use_keys(KEYS)
    eng = create_async_engine(scratch_url)
    try:
        async with eng.connect() as conn:
            outer = await conn.begin()
            async with AsyncSession(bind=conn, expire_on_commit=False,
                                    join_transaction_mode="create_savepoint") as s:
                yield s
            await outer.rollback()
    finally:
        audit.use_keys(before)
        await eng.dispose()


def entry() -> dict:
    return {"started_at": ago(hours=1).isoformat(), "what_happened": "Shouting",
            "category": "noise"}


async def _superuser(session: AsyncSession, *statements: tuple[str, dict]) -> None:
    await session.execute(text("SET LOCAL session_replication_role = replica"))
    for sql, params in statements:
        await session.execute(text(sql), params)
    await session.execute(text("SET LOCAL session_replication_role = origin"))
    session.expunge_all()


async def _case_with_history(session: AsyncSession, slug: str):
    a = await actor_for(session, slug)
    case = await new_case(session, a)
    for _ in range(3):
        await diary.add_diary_entry(session, a, case.id, data=entry())  # the set-wise path
    await list_parties(session, a, case.id)  # a party.restricted_read event
    await diary.add_diary_entry(session, a, case.id, data=entry())
    return a, case


def _sha256_rehash(prev_hash: str, row: dict) -> str:
    return audit._digest(prev_hash, audit._body_of(row))


async def test_a_good_keyed_log_verifies_with_and_without_the_key(ks):
    a, case = await _case_with_history(ks, "kg-council")
    rows = (await ks.execute(select(AuditEvent).where(
        AuditEvent.chain == f"case:{case.id}"))).scalars().all()
    assert rows and all(r.key_id == key_id_of(KEY.encode()) for r in rows)
    head = await ks.get(AuditChainHead, f"case:{case.id}")
    assert head.mac and head.mac.startswith(KEYS.current[0] + ":")
    ok = await audit.verify(ks, ring=KEYS)
    assert ok.ok and ok.authenticated and ok.keyed == ok.events, ok.problem
    links = await audit.verify(ks, ring=NO_KEY)
    assert links.ok and not links.authenticated and links.unchecked == links.keyed > 0
    # A retired key still verifies its rows; a ring without it names the key.
    rotated = AuditKeys.of(KEY, "the-next-audit-key-" + "n" * 32)
    assert (await audit.verify(ks, ring=rotated)).ok
    other = await audit.verify(ks, ring=AuditKeys.of("another-key-altogether-xxxxxxxx"))
    assert not other.ok and KEYS.current[0] in other.problem


async def test_cut_tail_and_rewritten_head_is_detected(ks):
    a, case = await _case_with_history(ks, "kt-council")
    chain = f"case:{case.id}"
    last = (await ks.get(AuditChainHead, chain)).last_seq
    await _superuser(ks, (
        "DELETE FROM audit_events WHERE chain = :c AND chain_seq > :k", {"c": chain, "k": last - 2}
    ), (
        "UPDATE audit_chain_heads h SET last_seq = e.chain_seq, last_hash = e.hash "
        "FROM audit_events e WHERE h.chain = :c AND e.chain = h.chain AND e.chain_seq = :k",
        {"c": chain, "k": last - 2}))
    check = await audit.verify(ks, ring=KEYS)
    assert not check.ok and chain in check.problem and "MAC" in check.problem, check.problem
    # The attacker's own MAC (without our key) does not help either.
    fake = f"{KEYS.current[0]}:{'f' * 64}"
    await _superuser(ks, ("UPDATE audit_chain_heads SET mac = :m WHERE chain = :c",
                          {"m": fake, "c": chain}))
    assert not (await audit.verify(ks, ring=KEYS)).ok
    assert (await audit.verify(ks, ring=NO_KEY)).ok  # without the key: anchors cover this


async def test_deleted_restricted_read_with_the_rest_rehashed_is_detected(ks):
    a, case = await _case_with_history(ks, "kd-council")
    chain = f"case:{case.id}"
    rows = (await ks.execute(select(AuditEvent).where(AuditEvent.chain == chain)
                             .order_by(AuditEvent.chain_seq))).scalars().all()
    gone = next(r for r in rows if r.action == "party.restricted_read")
    later = [r for r in rows if r.chain_seq > gone.chain_seq]
    prev = gone.prev_hash
    rewrites = [("DELETE FROM audit_events WHERE seq = :s", {"s": gone.seq})]
    for r in later:  # renumbered and re-hashed as well as anyone without the key can
        values = {k: getattr(r, k) for k in audit._BODY_KEYS} | {"chain_seq": r.chain_seq - 1}
        new_hash = _sha256_rehash(prev, values)
        rewrites.append(("UPDATE audit_events SET chain_seq = :n, prev_hash = :p, hash = :h, "
                         "key_id = NULL WHERE seq = :s",
                         {"n": r.chain_seq - 1, "p": prev, "h": new_hash, "s": r.seq}))
        prev = new_hash
    rewrites.append(("UPDATE audit_chain_heads SET last_seq = last_seq - 1, last_hash = :h, "
                     "mac = NULL WHERE chain = :c", {"h": prev, "c": chain}))
    await _superuser(ks, *rewrites)
    check = await audit.verify(ks, ring=KEYS)
    assert not check.ok and "re-hashed" in check.problem, check.problem
    # The same with a key id kept and a hash made with a key of the attacker's own: forged.
    await _superuser(ks, ("UPDATE audit_events SET key_id = :k WHERE chain = :c",
                          {"k": KEYS.current[0], "c": chain}))
    check = await audit.verify(ks, ring=KEYS)
    assert not check.ok and "forged" in check.problem, check.problem


async def test_appended_forged_read_for_another_agency_is_detected(ks):
    a, case = await _case_with_history(ks, "kf-council")
    chain = f"case:{case.id}"
    head = await ks.get(AuditChainHead, chain)
    values = {"chain": chain, "chain_seq": head.last_seq + 1, "at": ago(minutes=1),
              "principal_id": None, "agency": "kf-police", "role": "caseworker",
              "action": "party.restricted_read", "case_id": case.id, "entity": "party",
              "entity_id": None, "fields": ["name"], "justification": None, "detail": {}}
    guess = hashlib.sha256(b"guessed key").hexdigest()
    await _superuser(ks, (
        "INSERT INTO audit_events (chain, chain_seq, at, agency, role, action, case_id, entity, "
        "fields, detail, prev_hash, hash, key_id) VALUES (:chain, :chain_seq, :at, :agency, "
        ":role, :action, :case_id, :entity, :fields, '{}', :prev, :hash, :kid)",
        {**values, "prev": head.last_hash, "hash": guess, "kid": KEYS.current[0]}), (
        "UPDATE audit_chain_heads SET last_seq = :n, last_hash = :h WHERE chain = :c",
        {"n": head.last_seq + 1, "h": guess, "c": chain}))
    check = await audit.verify(ks, ring=KEYS)
    assert not check.ok and "forged" in check.problem, check.problem


async def test_worker_anchors_on_a_count_of_events(ks, scratch_url):
    from sqlalchemy.ext.asyncio import async_sessionmaker

    from asb_core.worker import WorkerConfig, _anchor_if_due

    eng = create_async_engine(scratch_url)
    maker = async_sessionmaker(eng, expire_on_commit=False)
    try:
        config = WorkerConfig(audit_anchor_seconds=3600, audit_anchor_events=3)
        await _anchor_if_due(maker, config)  # the first anchor, or one made just now
        assert await _anchor_if_due(maker, config) is None  # not due: no events since
        async with maker() as s, s.begin():
            a = await actor_for(s, f"kn-{secrets.token_hex(3)}")
            case = await new_case(s, a)
            await diary.add_diary_entry(s, a, case.id, data=entry())
        assert await _anchor_if_due(maker, config) is not None  # 3+ events, well within the hour
    finally:
        await eng.dispose()


async def test_deleted_whole_new_chain_is_detected(ks):
    a, case = await _case_with_history(ks, "kw-council")
    chain = f"case:{case.id}"
    assert (await audit.verify(ks, ring=KEYS)).ok
    await _superuser(ks, ("DELETE FROM audit_events WHERE chain = :c", {"c": chain}),
                     ("DELETE FROM audit_chain_heads WHERE chain = :c", {"c": chain}))
    check = await audit.verify(ks, ring=KEYS)
    assert not check.ok and chain in check.problem and "removed" in check.problem
    # Without the key too: the registration row itself is still there.
    assert not (await audit.verify(ks, ring=NO_KEY)).ok


def test_keys_from_the_environment_and_a_file(tmp_path):
    f = tmp_path / "audit.keys"
    f.write_text("old-audit-key-" + "o" * 20 + "\n" + "new-audit-key-" + "n" * 20 + "\n")
    ring = load(None, f)
    assert ring.current[0] == key_id_of(("new-audit-key-" + "n" * 20).encode())
    assert len(ring.known) == 2
    assert load(KEY, f).current[0] == KEYS.current[0] and len(load(KEY, f).known) == 3
    assert load(None, None).current is None
    with pytest.raises(ValueError):
        AuditKeys.of("short")
