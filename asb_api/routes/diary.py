"""Diary entries on a case: added one at a time (idempotent), in batches, amended by a later
entry, listed. Thin: the body is parsed into the incidents slice's input model, one service
call, the answer serialised."""

from __future__ import annotations

from litestar import Response, get, post
from litestar.params import JSONBody

from asb_api import serialize
from asb_api.deps import ActorDep, DbSession
from asb_api.http import Cursor, IdempotencyKey, Limit, PathId, fingerprint, json_response, page
from asb_api.problems import problem_body
from asb_core.errors import DomainError
from asb_core.incidents import service as incidents
from asb_core.incidents.schemas import AmendmentIn, DiaryBatchIn, DiaryEntryIn


def _created(case_id, entry) -> Response:
    # A replay answers exactly as the first request did: 201 with the same entry.
    return json_response(
        serialize.diary_entry(entry), status=201,
        headers={"Location": f"/v1/cases/{case_id}/diary-entries/{entry.id}"})


@post("/v1/cases/{case_id:uuid}/diary-entries")
async def add_diary_entry(
    actor: ActorDep, db_session: DbSession, case_id: PathId, data: JSONBody[DiaryEntryIn],
    idempotency_key: IdempotencyKey = None,
) -> Response:
    entry, _created_now = await incidents.add_diary_entry(
        db_session, actor, case_id, data=data, idempotency_key=idempotency_key,
        request_fingerprint=fingerprint(data.model_dump(mode="json")))
    return _created(case_id, entry)


@post("/v1/cases/{case_id:uuid}/diary-entries/{entry_id:uuid}/amendments")
async def amend_diary_entry(
    actor: ActorDep, db_session: DbSession, case_id: PathId, entry_id: PathId,
    data: JSONBody[AmendmentIn], idempotency_key: IdempotencyKey = None,
) -> Response:
    body = data.model_dump(mode="json") | {"amends": str(entry_id)}
    entry, _created_now = await incidents.add_diary_entry(
        db_session, actor, case_id, data=data, amends=entry_id,
        idempotency_key=idempotency_key, request_fingerprint=fingerprint(body))
    return _created(case_id, entry)


@post("/v1/cases/{case_id:uuid}/diary-entry-batches", status_code=200)
async def add_diary_batch(
    actor: ActorDep, db_session: DbSession, case_id: PathId, data: JSONBody[DiaryBatchIn],
) -> Response:
    """Up to 500 entries, each with its own Idempotency-Key; one result per item, each item
    all-or-nothing on its own (never the batch)."""
    items = [(item.idempotency_key, item.entry) for item in data.items]
    results = await incidents.add_diary_batch(db_session, actor, case_id, items,
                                              fingerprint_of=fingerprint)
    out, counts = [], {"created": 0, "replayed": 0, "failed": 0}
    for index, result in enumerate(results):
        if isinstance(result, DomainError):
            errors = [{**e, "field": f"items.{index}.entry.{e['field']}"} for e in result.errors]
            out.append({"index": index, "status": result.status, "created": None,
                        "entry": None, "problem": problem_body(
                            result.status, result.kind, result.detail, errors=errors)})
            counts["failed"] += 1
            continue
        entry, created = result
        counts["created" if created else "replayed"] += 1
        out.append({"index": index, "status": 201, "created": created,
                    "entry": serialize.diary_entry(entry), "problem": None})
    return json_response({"results": out, **counts})


@get("/v1/cases/{case_id:uuid}/diary-entries")
async def list_diary_entries(
    actor: ActorDep, db_session: DbSession, case_id: PathId, limit: Limit = 50,
    cursor: Cursor = None,
) -> Response:
    result = await incidents.list_diary_entries(
        db_session, actor, case_id, limit=limit, cursor=cursor)
    return json_response(page([serialize.diary_entry(e) for e in result.items],
                              result.next_cursor))


@get("/v1/cases/{case_id:uuid}/diary-entries/{entry_id:uuid}")
async def get_diary_entry(
    actor: ActorDep, db_session: DbSession, case_id: PathId, entry_id: PathId
) -> Response:
    return json_response(serialize.diary_entry(
        await incidents.get_diary_entry(db_session, actor, case_id, entry_id)))


route_handlers = [
    add_diary_entry, amend_diary_entry, add_diary_batch, list_diary_entries, get_diary_entry,
]
