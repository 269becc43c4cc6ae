"""Parties: a case's parties (restricted identity only for permitted roles), one party, adding
one (idempotent), amending one (If-Match), recording consent and removing one. Thin: the body is
parsed into the parties slice's input model, one service call, the answer serialised. The
call handler's repeat-caller lookup has its own module (routes/repeat_caller.py)."""

from __future__ import annotations

from typing import Annotated

from litestar import Request, Response, get, patch, post
from litestar.params import JSONBody, QueryParameter

from asb_api import serialize
from asb_api.deps import ActorDep, DbSession
from asb_api.http import (
    IdempotencyKey,
    PathId,
    etag,
    fingerprint,
    if_match,
    items_response,
    json_response,
    not_modified,
    request_key,
)
from asb_core.idempotency import RequestKey
from asb_core.parties import service as parties
from asb_core.parties.schemas import ConsentIn, PartyIn, PartyPatchIn, PartyRemovalIn


def _party_response(case_id, view, *, status: int = 200) -> Response:
    headers = {"ETag": etag(view.version)}
    if status == 201:
        headers["Location"] = f"/v1/cases/{case_id}/parties/{view.id}"
    return json_response(serialize.party(view), status=status, headers=headers)


@get("/v1/cases/{case_id:uuid}/parties")
async def list_parties(
    actor: ActorDep, db_session: DbSession, case_id: PathId,
    include_removed: Annotated[bool, QueryParameter(description="removed parties too")] = False,
) -> Response:
    found = await parties.list_parties(db_session, actor, case_id,
                                       include_removed=include_removed)
    return items_response(found, serialize.party)


@post("/v1/cases/{case_id:uuid}/parties")
async def add_party(
    actor: ActorDep, db_session: DbSession, case_id: PathId, data: JSONBody[PartyIn],
    idempotency_key: IdempotencyKey = None,
) -> Response:
    view = await parties.add_party(
        db_session, actor, case_id, data,
        idempotency_key=request_key(idempotency_key, data))
    return _party_response(case_id, view, status=201)


@get("/v1/cases/{case_id:uuid}/parties/{party_id:uuid}")
async def get_party(
    request: Request, actor: ActorDep, db_session: DbSession, case_id: PathId, party_id: PathId
) -> Response:
    view = await parties.get_party(db_session, actor, case_id, party_id)
    if not_modified(request, view.version):
        return Response(None, status_code=304, headers={"ETag": etag(view.version)})
    return _party_response(case_id, view)


async def _changed(change, request: Request, actor, db_session, case_id, party_id, data
                   ) -> Response:
    """One change to a party through `change` (a service function), the request's If-Match
    checked by the service; the party with its new ETag."""
    view = await change(db_session, actor, case_id, party_id, data,
                        expected_version=if_match(request))
    return _party_response(case_id, view)


@patch("/v1/cases/{case_id:uuid}/parties/{party_id:uuid}")
async def amend_party(
    request: Request, actor: ActorDep, db_session: DbSession, case_id: PathId,
    party_id: PathId, data: JSONBody[PartyPatchIn],
) -> Response:
    return await _changed(parties.amend_party, request, actor, db_session, case_id, party_id,
                          data)


@post("/v1/cases/{case_id:uuid}/parties/{party_id:uuid}/consent", status_code=200)
async def record_consent(
    request: Request, actor: ActorDep, db_session: DbSession, case_id: PathId,
    party_id: PathId, data: JSONBody[ConsentIn],
) -> Response:
    return await _changed(parties.record_consent, request, actor, db_session, case_id,
                          party_id, data)


@post("/v1/cases/{case_id:uuid}/parties/{party_id:uuid}/removal", status_code=200)
async def remove_party(
    request: Request, actor: ActorDep, db_session: DbSession, case_id: PathId,
    party_id: PathId, data: JSONBody[PartyRemovalIn], idempotency_key: IdempotencyKey = None,
) -> Response:
    # The key's fingerprint covers the party too: one key cannot remove two parties.
    key = None if idempotency_key is None else RequestKey(idempotency_key, fingerprint(
        {"party": str(party_id), **data.model_dump(mode="json")}))
    view = await parties.remove_party(db_session, actor, case_id, party_id, data,
                                      expected_version=if_match(request), idempotency_key=key)
    return _party_response(case_id, view)


route_handlers = [list_parties, add_party, get_party, amend_party, record_consent, remove_party]
