"""Cases: open (idempotent), list, find by reference, read (ETag, If-None-Match), change (with
If-Match), close and reopen, and the record of each closing."""

from __future__ import annotations

from typing import Annotated

from litestar import Request, Response, get, patch, post
from litestar.params import JSONBody, PathParameter, QueryParameter

from asb_api import serialize
from asb_api.deps import ActorDep, DbSession
from asb_api.http import (
    Cursor,
    IdempotencyKey,
    Limit,
    PathId,
    etag,
    if_match,
    items_response,
    json_response,
    not_modified,
    page_response,
    request_key,
)
from asb_core.cases import service as cases
from asb_core.cases.schemas import CasePatchIn, CloseIn, OpenCaseIn, ReopenIn


def _case_response(case, *, status: int = 200, location: bool = False) -> Response:
    headers = {"ETag": etag(case.version)}
    if location:
        headers["Location"] = f"/v1/cases/{case.id}"
    return json_response(serialize.case(case), status=status, headers=headers)


# A case's reference, as victims and partners quote it.
REFERENCE = r"^ASB-[0-9]{4}-[0-9]{6}$"


@post("/v1/cases")
async def open_case(
    actor: ActorDep, db_session: DbSession, data: JSONBody[OpenCaseIn],
    idempotency_key: IdempotencyKey = None,
) -> Response:
    case = await cases.open_case(db_session, actor, data,
                                 idempotency_key=request_key(idempotency_key, data))
    return _case_response(case, status=201, location=True)


@get("/v1/cases")
async def list_cases(
    actor: ActorDep,
    db_session: DbSession,
    risk_level: Annotated[str | None, QueryParameter(pattern="^(standard|medium|high)$")] = None,
    status: Annotated[str | None, QueryParameter(pattern="^(open|active|review|closed)$")] = None,
    flag: Annotated[str | None, QueryParameter(max_length=64)] = None,
    target_state: Annotated[str | None, QueryParameter(pattern="^(due|breached)$")] = None,
    area: Annotated[str | None, QueryParameter(max_length=100)] = None,
    reference: Annotated[str | None, QueryParameter(pattern=REFERENCE)] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Response:
    result = await cases.list_cases(
        db_session, actor, level=risk_level, status=status, flag=flag,
        target_state=target_state, area=area, reference=reference, limit=limit, cursor=cursor,
    )
    return page_response(result, serialize.case)


@get("/v1/cases/by-reference/{reference:str}")
async def find_case(
    request: Request, actor: ActorDep, db_session: DbSession,
    reference: Annotated[str, PathParameter(pattern=REFERENCE)],
) -> Response:
    return _read_response(request, await cases.find_case(db_session, actor, reference))


@get("/v1/cases/{case_id:uuid}")
async def get_case(
    request: Request, actor: ActorDep, db_session: DbSession, case_id: PathId
) -> Response:
    return _read_response(request, await cases.get_case(db_session, actor, case_id))


def _read_response(request: Request, case) -> Response:
    """The case with its ETag, or 304 with no body when If-None-Match names its version."""
    if not_modified(request, case.version):
        return Response(None, status_code=304, headers={"ETag": etag(case.version)})
    return _case_response(case)


@patch("/v1/cases/{case_id:uuid}")
async def update_case(
    request: Request,
    actor: ActorDep,
    db_session: DbSession,
    case_id: PathId,
    data: JSONBody[CasePatchIn],
) -> Response:
    case = await cases.update_case(
        db_session, actor, case_id, data, expected_version=if_match(request)
    )
    return _case_response(case)


@post("/v1/cases/{case_id:uuid}/close", status_code=200)
async def close_case(
    request: Request,
    actor: ActorDep,
    db_session: DbSession,
    case_id: PathId,
    data: JSONBody[CloseIn],
) -> Response:
    case = await cases.close_case(
        db_session, actor, case_id, data, expected_version=if_match(request)
    )
    return _case_response(case)


@post("/v1/cases/{case_id:uuid}/reopen", status_code=200)
async def reopen_case(
    actor: ActorDep, db_session: DbSession, case_id: PathId, data: JSONBody[ReopenIn]
) -> Response:
    return _case_response(await cases.reopen_case(db_session, actor, case_id, data))


@get("/v1/cases/{case_id:uuid}/closures")
async def list_case_closures(actor: ActorDep, db_session: DbSession, case_id: PathId) -> Response:
    return items_response(await cases.list_closures(db_session, actor, case_id),
                          serialize.case_closure)


route_handlers = [
    open_case, list_cases, find_case, get_case, update_case, close_case, reopen_case,
    list_case_closures,
]
