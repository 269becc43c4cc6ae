"""Diary entries on a case: added (idempotent), amended by a later entry, listed."""

from __future__ import annotations

from litestar import Request, Response, get, post
from litestar.params import JSONBody

import harm_model
from asb_api import serialize
from asb_api.deps import ActorDep, DbSession
from asb_api.http import Cursor, IdempotencyKey, Limit, PathId, fingerprint, json_response, page
from asb_api.routes.assessments import harm_problem
from asb_core.incidents import diary
from asb_core.incidents.schemas import AmendmentIn, DiaryEntryIn


async def _add_entry(actor, db_session, case_id: PathId, body: dict, key: str | None) -> Response:
    try:
        async with db_session.begin():
            entry, _created = await diary.add_diary_entry(
                db_session,
                actor,
                case_id,
                data=body,
                idempotency_key=key,
                request_fingerprint=fingerprint(body),
            )
            # A replay answers exactly as the first request did: 201 with the same entry.
            return json_response(
                serialize.diary_entry(entry),
                status=201,
                headers={"Location": f"/v1/cases/{case_id}/diary-entries/{entry.id}"},
            )
    except harm_model.HarmValidationError as exc:
        raise harm_problem(exc) from exc


@post("/v1/cases/{case_id:uuid}/diary-entries")
async def add_diary_entry(
    request: Request,
    actor: ActorDep,
    db_session: DbSession,
    case_id: PathId,
    data: JSONBody[DiaryEntryIn],
    idempotency_key: IdempotencyKey = None,
) -> Response:
    return await _add_entry(
        actor, db_session, case_id, data.model_dump(mode="json"), idempotency_key
    )


@post("/v1/cases/{case_id:uuid}/diary-entries/{entry_id:uuid}/amendments")
async def amend_diary_entry(
    actor: ActorDep,
    db_session: DbSession,
    case_id: PathId,
    entry_id: PathId,
    data: JSONBody[AmendmentIn],
    idempotency_key: IdempotencyKey = None,
) -> Response:
    body = data.model_dump(mode="json")
    body["amends"] = str(entry_id)
    return await _add_entry(actor, db_session, case_id, body, idempotency_key)


@get("/v1/cases/{case_id:uuid}/diary-entries")
async def list_diary_entries(
    actor: ActorDep,
    db_session: DbSession,
    case_id: PathId,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Response:
    async with db_session.begin():
        result = await diary.list_diary_entries(
            db_session, actor, case_id, limit=limit, cursor=cursor
        )
        return json_response(
            page([serialize.diary_entry(e) for e in result.items], result.next_cursor)
        )


route_handlers = [add_diary_entry, amend_diary_entry, list_diary_entries]
