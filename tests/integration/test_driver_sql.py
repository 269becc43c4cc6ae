"""Statements on the session's asyncpg connection (asb_core.driver) run inside the session's
transaction: a rollback undoes them and a row lock taken through them holds until the end."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import async_sessionmaker

from asb_core import driver as driver_sql

CREATE = "CREATE TABLE IF NOT EXISTS driver_sql_probe (id int PRIMARY KEY, note text)"


@pytest.fixture
async def session_factory(engine):
    factory = async_sessionmaker(engine, expire_on_commit=False)
    yield factory
    async with factory() as s, s.begin():
        await s.execute(text("DROP TABLE IF EXISTS driver_sql_probe"))


async def test_statements_join_the_session_transaction(session_factory):
    async with session_factory() as s, s.begin():
        await s.execute(text(CREATE))
    insert = driver_sql.Statement("INSERT INTO driver_sql_probe VALUES (:id, :note) RETURNING id")
    async with session_factory() as s:
        async with s.begin():
            # The first statement of the transaction goes straight to the driver.
            assert await insert.fetchval(s, {"id": 1, "note": "kept"}) == 1
        async with s.begin():
            await insert.fetchval(s, {"id": 2, "note": "rolled back"})
            await s.rollback()
    async with session_factory() as s:
        ids = (await s.execute(text("SELECT id FROM driver_sql_probe ORDER BY id"))).scalars()
        assert list(ids) == [1]


async def test_a_lock_taken_on_the_driver_holds_until_commit(session_factory):
    async with session_factory() as s, s.begin():
        await s.execute(text(CREATE))
        await s.execute(text("INSERT INTO driver_sql_probe VALUES (10, 'x')"))
    lock = driver_sql.Statement("SELECT id FROM driver_sql_probe WHERE id = :id FOR UPDATE")
    async with session_factory() as holder, holder.begin():
        assert await lock.fetchval(holder, {"id": 10}) == 10
        async with session_factory() as other, other.begin():
            await other.execute(text("SET LOCAL lock_timeout = '200ms'"))
            with pytest.raises(Exception, match="lock"):
                await other.execute(
                    text("SELECT id FROM driver_sql_probe WHERE id = 10 FOR UPDATE"))


def test_named_parameters_become_positional_once_each():
    st = driver_sql.Statement("SELECT :a, CAST(:b AS int), :a, '{}'::text, x::int FROM t")
    assert st.sql == "SELECT $1, CAST($2 AS int), $1, '{}'::text, x::int FROM t"
    assert st.names == ("a", "b")


async def test_a_statement_cut_short_discards_its_connection(session_factory):
    # Cancelled mid-statement (a request timeout, a client gone), the connection is half-way
    # through a protocol exchange: it must never be handed to another request.
    slow = driver_sql.Statement("SELECT pg_sleep(CAST(:seconds AS float8))")
    async with session_factory() as s:
        await s.begin()
        connection = await s.connection()
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(slow.fetchval(s, {"seconds": 5}), 0.3)
        assert connection.invalidated
    async with session_factory() as s:
        assert (await s.execute(text("SELECT 1"))).scalar_one() == 1
