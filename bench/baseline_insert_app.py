"""Baselines for `bench/queries.py` and `bench/ingest.py`: the least a Litestar app can do per
request against the database, through the same driver (asyncpg), engine and pool settings as the
API (`asb_core.db.create_engine` with `Settings()` from the same environment).

- `GET /select1`: one pooled session, one transaction, `SELECT 1`, a small JSON answer;
- `POST /insert`: decodes the JSON body, inserts one row (the body as JSONB) into
  `bench_baseline_rows` in one transaction, answers 201 with the new id.

Served by the same server (Granian, workers, uvloop) as the API in the same run:
`granian --interface asgi --factory bench.baseline_insert_app:create_app`.
"""

from __future__ import annotations

import json
import sys
import uuid
from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from litestar import Litestar, Response, get, post
from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from asb_core.db import create_engine, resolve_database_url, session_factory  # noqa: E402
from asb_core.settings import Settings  # noqa: E402

CREATE = (
    "CREATE TABLE IF NOT EXISTS bench_baseline_rows (id uuid PRIMARY KEY, "
    "created_at timestamptz NOT NULL DEFAULT now(), body jsonb NOT NULL)"
)
INSERT = text("INSERT INTO bench_baseline_rows (id, body) VALUES (:id, CAST(:body AS jsonb))")


def create_app() -> Litestar:
    settings = Settings()
    state: dict[str, Any] = {}

    @asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncGenerator[None, None]:
        engine = create_engine(resolve_database_url(settings), settings)
        state["sessionmaker"] = session_factory(engine)
        async with engine.begin() as conn:
            await conn.execute(text("SELECT pg_advisory_xact_lock(7207)"))  # workers race here
            await conn.execute(text(CREATE))
        try:
            yield
        finally:
            await engine.dispose()

    @get("/select1")
    async def select1() -> Response:
        async with state["sessionmaker"]() as session, session.begin():
            value = (await session.execute(text("SELECT 1"))).scalar_one()
        return Response({"ok": value == 1})

    @post("/insert", status_code=201)
    async def insert(data: dict[str, Any]) -> Response:
        row_id = uuid.uuid4()
        async with state["sessionmaker"]() as session, session.begin():
            await session.execute(INSERT, {"id": row_id, "body": json.dumps(data)})
        return Response({"id": str(row_id)}, status_code=201)

    return Litestar(route_handlers=[select1, insert], lifespan=[lifespan], openapi_config=None,
                    debug=False)
