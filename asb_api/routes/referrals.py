"""Referral pathways: the services suggested for a case, referring its victim to one (with
consent, idempotent), a case's referrals, the referrals a receiving service was sent, one
referral, and moving it through its states."""

from __future__ import annotations

from litestar import Request, Response, get, post
from litestar.params import JSONBody

from asb_api import serialize
from asb_api.deps import ActorDep, DbSession
from asb_api.http import (
    Cursor,
    IdempotencyKey,
    Limit,
    PathId,
    json_response,
    page_response,
    request_key,
)
from asb_core.referrals import service as referrals
from asb_core.referrals.schemas import ReferralIn, ReferralStateIn


@get("/v1/cases/{case_id:uuid}/suggested-services")
async def suggested_services(actor: ActorDep, db_session: DbSession, case_id: PathId) -> Response:
    return json_response(serialize.suggestions(
        await referrals.suggested_services(db_session, actor, case_id)))


@post("/v1/cases/{case_id:uuid}/referrals")
async def make_referral(
    actor: ActorDep, db_session: DbSession, case_id: PathId, data: JSONBody[ReferralIn],
    idempotency_key: IdempotencyKey = None,
) -> Response:
    # A replay answers exactly as the first request did: 201 with the same referral.
    view, _created = await referrals.make_referral(
        db_session, actor, case_id, data,
        idempotency_key=request_key(idempotency_key, data))
    return json_response(serialize.referral(view), status=201,
                         headers={"Location": f"/v1/referrals/{view.referral.id}"})


@get("/v1/cases/{case_id:uuid}/referrals")
async def list_case_referrals(
    actor: ActorDep, db_session: DbSession, case_id: PathId, limit: Limit = 50,
    cursor: Cursor = None,
) -> Response:
    return page_response(await referrals.list_case_referrals(
        db_session, actor, case_id, limit=limit, cursor=cursor), serialize.referral)


# `state` is read by hand: Litestar reserves the name for application state.
@get("/v1/referrals", opt={"query_params": ("state",)})
async def list_received_referrals(
    request: Request, actor: ActorDep, db_session: DbSession, limit: Limit = 50,
    cursor: Cursor = None,
) -> Response:
    return page_response(await referrals.list_received(
        db_session, actor, state=request.query_params.get("state"), limit=limit,
        cursor=cursor), serialize.referral)


@get("/v1/referrals/{referral_id:uuid}")
async def get_referral(actor: ActorDep, db_session: DbSession, referral_id: PathId) -> Response:
    return json_response(serialize.referral(
        await referrals.get_referral(db_session, actor, referral_id)))


@post("/v1/referrals/{referral_id:uuid}/state", status_code=200)
async def change_referral_state(
    actor: ActorDep, db_session: DbSession, referral_id: PathId,
    data: JSONBody[ReferralStateIn],
) -> Response:
    return json_response(serialize.referral(
        await referrals.change_state(db_session, actor, referral_id, data)))


route_handlers = [suggested_services, make_referral, list_case_referrals,
                  list_received_referrals, get_referral, change_referral_state]
