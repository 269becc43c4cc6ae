"""Countywide statistics for analysts: `GET /v1/stats` (JSON tables, small numbers suppressed)
and `GET /v1/stats/chart.svg` (the same figures as a picture, drawn on the server)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from litestar import Response, get
from litestar.di import NamedDependency, Provide
from litestar.params import QueryParameter

from asb_api.deps import ActorDep, DbSession
from asb_api.http import json_response
from asb_core.stats import service as stats
from asb_core.stats.chart import render_svg

From = Annotated[date | None, QueryParameter(name="from",
                                               description="first day (YYYY-MM-DD), inclusive")]
To = Annotated[date | None, QueryParameter(name="to",
                                           description="last day (YYYY-MM-DD), inclusive")]
Area = Annotated[str | None, QueryParameter(min_length=1, max_length=100)]
NO_STORE = {"Cache-Control": "private, no-store"}


async def provide_figures(
    actor: ActorDep,
    db_session: DbSession,
    from_: From = None,
    to: To = None,
    area: Area = None,
) -> dict:
    """The protected statistics both representations are made from (one read transaction)."""
    return await stats.statistics(db_session, actor, from_=from_, to=to, area=area)


FIGURES = {"figures": Provide(provide_figures)}
Figures = NamedDependency[dict]


@get("/v1/stats", dependencies=FIGURES)
async def get_stats(figures: Figures) -> Response:
    return json_response(figures, headers=NO_STORE)


@get("/v1/stats/chart.svg", dependencies=FIGURES)
async def get_stats_chart(figures: Figures) -> Response:
    return Response(
        render_svg(figures), media_type="image/svg+xml; charset=utf-8",
        headers={**NO_STORE, "Content-Security-Policy": "default-src 'none'; style-src "
                 "'unsafe-inline'", "X-Content-Type-Options": "nosniff"},
    )


route_handlers = [get_stats, get_stats_chart]
