"""Liveness and readiness: `/health` says the process is up, `/ready` that the database answers."""

from __future__ import annotations

import asyncio

from litestar import MediaType, Response, get
from litestar.datastructures import State
from sqlalchemy import text

from asb_api.problems import problem_response


@get("/health", media_type=MediaType.JSON, sync_to_thread=False)
def health() -> dict:
    return {"status": "ok"}


@get("/ready", media_type=MediaType.JSON)
async def ready(state: State) -> Response:
    try:
        async with asyncio.timeout(2.0):
            async with state.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
    except Exception:  # noqa: BLE001 - any failure means not ready
        return problem_response(
            503, "service-unavailable", "the case database is not reachable",
            headers={"Retry-After": "5"},
        )
    return Response({"status": "ready"}, media_type=MediaType.JSON)
