"""`POST /v1/repeat-caller-lookup`: a call handler asks whether the caller already has an open
case in the area. POST, so the number and address never land in URLs or access logs. Over the
lookup budget the answer is 429 with Retry-After.

`GET /v1/cases/{case_id}/repeat-caller-lookups`: the case's lead agency (supervisors, auditors)
reads who looked its complainant up, with each asking key's counts."""

from __future__ import annotations

from litestar import Response, get, post
from litestar.datastructures import State
from litestar.params import JSONBody

from asb_api.deps import ActorDep, DbSession
from asb_api.http import PathId, json_response
from asb_api.problems import Problem
from asb_core.parties import repeat_caller
from asb_core.parties.lookup_budget import LookupPolicy
from asb_core.parties.schemas import RepeatCallerIn


def _iso(value) -> str:
    return value.isoformat().replace("+00:00", "Z")


@post("/v1/repeat-caller-lookup", status_code=200)
async def repeat_caller_lookup(
    actor: ActorDep, db_session: DbSession, state: State, data: JSONBody[RepeatCallerIn]
) -> Response:
    try:
        result = await repeat_caller.lookup(
            db_session, actor, data, policy=LookupPolicy.from_settings(state["settings"])
        )
    except repeat_caller.LookupRefused as exc:
        raise Problem(429, exc.detail, kind="rate-limited",
                      headers={"Retry-After": str(exc.retry_after)}) from None
    return json_response({
        "match": result.match,
        "level": result.level,
        "contact": [{"agency": c.agency, "name": c.name} for c in result.contact],
    })


@get("/v1/cases/{case_id:uuid}/repeat-caller-lookups")
async def case_repeat_caller_lookups(
    actor: ActorDep, db_session: DbSession, state: State, case_id: PathId
) -> Response:
    log = await repeat_caller.lookups_for_case(
        db_session, actor, case_id, policy=LookupPolicy.from_settings(state["settings"])
    )
    return json_response({
        "hits": [
            {"at": _iso(h.at), "agency": h.agency,
             "key_id": str(h.principal_id) if h.principal_id else None,
             "by": [k for k, v in (("phone", h.by_phone), ("address", h.by_address)) if v],
             "answered": h.answered}
            for h in log.hits
        ],
        "keys": [
            {"key_id": str(k.key_id) if k.key_id else None, "agency": k.agency,
             "window_start": _iso(k.window_start), "lookups": k.lookups, "hits": k.hits,
             "misses": k.misses, "refused": k.refused, "alert": k.alert}
            for k in log.keys
        ],
    })


route_handlers = [repeat_caller_lookup, case_repeat_caller_lookups]
