"""Cases: open, list, read, change (with If-Match), close and reopen; parties and members."""

from __future__ import annotations

from typing import Annotated

from litestar import Request, Response, delete, get, patch, post
from litestar.params import JSONBody, QueryParameter

import harm_model
from asb_api import serialize
from asb_api.deps import ActorDep, DbSession
from asb_api.http import (
    Cursor,
    Limit,
    PathId,
    PathSlug,
    etag,
    json_response,
    optional_version,
    page,
    required_version,
)
from asb_api.routes.assessments import harm_problem
from asb_api.schemas import CasePatchIn, CloseIn, OpenCaseIn, ReopenIn, ShareIn, dump
from asb_core.cases import service as cases
from asb_core.parties import service as parties
from asb_core.sharing import service as sharing


def _case_response(case, *, status: int = 200, location: bool = False) -> Response:
    headers = {"ETag": etag(case.version)}
    if location:
        headers["Location"] = f"/v1/cases/{case.id}"
    return json_response(serialize.case(case), status=status, headers=headers)


@post("/v1/cases")
async def open_case(actor: ActorDep, db_session: DbSession, data: JSONBody[OpenCaseIn]) -> Response:
    judgement = data.judgement.model_dump() if data.judgement else None
    try:
        async with db_session.begin():
            case = await cases.open_case(
                db_session,
                actor,
                area=data.area,
                answers=data.answers,
                victim=data.victim.model_dump(),
                consent=data.consent.model_dump(),
                judgement=judgement,
                summary=data.summary,
                policy_version=data.policy_version,
            )
            return _case_response(case, status=201, location=True)
    except harm_model.HarmValidationError as exc:
        raise harm_problem(exc) from exc


@get("/v1/cases")
async def list_cases(
    actor: ActorDep,
    db_session: DbSession,
    risk_level: Annotated[str | None, QueryParameter(pattern="^(standard|medium|high)$")] = None,
    status: Annotated[str | None, QueryParameter(pattern="^(open|active|review|closed)$")] = None,
    flag: Annotated[str | None, QueryParameter(max_length=64)] = None,
    target_state: Annotated[str | None, QueryParameter(pattern="^(due|breached)$")] = None,
    area: Annotated[str | None, QueryParameter(max_length=100)] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Response:
    async with db_session.begin():
        result = await cases.list_cases(
            db_session,
            actor,
            level=risk_level,
            status=status,
            flag=flag,
            target_state=target_state,
            area=area,
            limit=limit,
            cursor=cursor,
        )
        return json_response(page([serialize.case(c) for c in result.items], result.next_cursor))


@get("/v1/cases/{case_id:uuid}")
async def get_case(actor: ActorDep, db_session: DbSession, case_id: PathId) -> Response:
    async with db_session.begin():
        return _case_response(await cases.get_case(db_session, actor, case_id))


@patch("/v1/cases/{case_id:uuid}")
async def update_case(
    request: Request,
    actor: ActorDep,
    db_session: DbSession,
    case_id: PathId,
    data: JSONBody[CasePatchIn],
) -> Response:
    async with db_session.begin():
        # Not-found and not-visible are decided before the precondition, so a non-member
        # learns nothing from the If-Match answers.
        await cases.get_case(db_session, actor, case_id)
        version = required_version(request)
        case = await cases.update_case(
            db_session, actor, case_id, expected_version=version, changes=dump(data)
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
    async with db_session.begin():
        await cases.get_case(db_session, actor, case_id)
        case = await cases.close_case(
            db_session,
            actor,
            case_id,
            outcome=data.outcome,
            final_victim_update=data.final_victim_update,
            expected_version=optional_version(request),
        )
        return _case_response(case)


@post("/v1/cases/{case_id:uuid}/reopen", status_code=200)
async def reopen_case(
    actor: ActorDep, db_session: DbSession, case_id: PathId, data: JSONBody[ReopenIn]
) -> Response:
    async with db_session.begin():
        case = await cases.reopen_case(db_session, actor, case_id, reason=data.reason)
        return _case_response(case)


@get("/v1/cases/{case_id:uuid}/parties")
async def list_parties(actor: ActorDep, db_session: DbSession, case_id: PathId) -> Response:
    async with db_session.begin():
        views = await parties.list_parties(db_session, actor, case_id)
        return json_response({"items": [serialize.party(v) for v in views]})


@get("/v1/cases/{case_id:uuid}/members")
async def list_members(actor: ActorDep, db_session: DbSession, case_id: PathId) -> Response:
    async with db_session.begin():
        members = await sharing.list_members(db_session, actor, case_id)
        return json_response({"items": [serialize.member(m) for m in members]})


@post("/v1/cases/{case_id:uuid}/members")
async def share_case(
    actor: ActorDep, db_session: DbSession, case_id: PathId, data: JSONBody[ShareIn]
) -> Response:
    async with db_session.begin():
        member = await sharing.share_case(
            db_session,
            actor,
            case_id,
            agency_slug=data.agency,
            basis=data.basis,
            legal_basis=data.legal_basis,
            justification=data.justification,
        )
        return json_response(serialize.member(member), status=201)


@delete("/v1/cases/{case_id:uuid}/members/{agency:str}", status_code=204)
async def remove_member(
    actor: ActorDep,
    db_session: DbSession,
    case_id: PathId,
    agency: PathSlug,
    reason: Annotated[str, QueryParameter(min_length=1, max_length=2000)],
) -> None:
    async with db_session.begin():
        await sharing.remove_member(db_session, actor, case_id, agency, reason=reason)


route_handlers = [
    open_case,
    list_cases,
    get_case,
    update_case,
    close_case,
    reopen_case,
    list_parties,
    list_members,
    share_case,
    remove_member,
]
