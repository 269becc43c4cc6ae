"""Data protection: the retention report, legal holds, erasure of a party and subject access
exports (JSON or HTML). Thin: the body parsed into the dataprotection slice's input models, one
service call, the answer serialised; who may do each is decided in asb_core/access.py."""

from __future__ import annotations

from typing import Annotated, Literal

from litestar import Response, get, post
from litestar.params import JSONBody, QueryParameter

from asb_api import serialize
from asb_api.deps import ActorDep, DbSession
from asb_api.http import PathId, items_response, json_response
from asb_core.dataprotection import erasure, holds, retention, sar
from asb_core.dataprotection.schemas import ErasureIn, HoldReleaseIn, LegalHoldIn


@get("/v1/retention/report")
async def retention_report(actor: ActorDep, db_session: DbSession) -> Response:
    return json_response(serialize.retention_report(
        await retention.report(db_session, actor)))


@post("/v1/cases/{case_id:uuid}/legal-holds")
async def place_legal_hold(actor: ActorDep, db_session: DbSession, case_id: PathId,
                           data: JSONBody[LegalHoldIn]) -> Response:
    hold = await holds.place_hold(db_session, actor, case_id, data)
    return json_response(serialize.legal_hold(hold), status=201, headers={
        "Location": f"/v1/cases/{case_id}/legal-holds/{hold.id}"})


@get("/v1/cases/{case_id:uuid}/legal-holds")
async def list_legal_holds(actor: ActorDep, db_session: DbSession, case_id: PathId) -> Response:
    return items_response(await holds.list_holds(db_session, actor, case_id),
                          serialize.legal_hold)


@post("/v1/cases/{case_id:uuid}/legal-holds/{hold_id:uuid}/release", status_code=200)
async def release_legal_hold(actor: ActorDep, db_session: DbSession, case_id: PathId,
                             hold_id: PathId, data: JSONBody[HoldReleaseIn]) -> Response:
    return json_response(serialize.legal_hold(
        await holds.release_hold(db_session, actor, case_id, hold_id, data)))


@post("/v1/cases/{case_id:uuid}/parties/{party_id:uuid}/erasure", status_code=200)
async def erase_party(actor: ActorDep, db_session: DbSession, case_id: PathId,
                      party_id: PathId, data: JSONBody[ErasureIn]) -> Response:
    return json_response(serialize.erasure(
        await erasure.erase_party(db_session, actor, case_id, party_id, data)))


@get("/v1/cases/{case_id:uuid}/parties/{party_id:uuid}/subject-access-export")
async def export_subject_access(
    actor: ActorDep, db_session: DbSession, case_id: PathId, party_id: PathId,
    format: Annotated[Literal["json", "html"],  # noqa: A002 (the query parameter's name)
                      QueryParameter(description="json (default) or html")] = "json",
) -> Response:
    doc = await sar.export(db_session, actor, case_id, party_id, fmt=format)
    # Never cached on the way: it holds the subject's identity.
    headers = {"Cache-Control": "no-store"}
    if format == "html":
        return Response(sar.to_html(doc), media_type="text/html; charset=utf-8",
                        headers=headers)
    return json_response(doc, headers=headers)


route_handlers = [retention_report, place_legal_hold, list_legal_holds, release_legal_hold,
                  erase_party, export_subject_access]
