"""`GET /v1/me`: who the presented key belongs to (lets an integrator check a key works)."""

from __future__ import annotations

from litestar import get

from asb_api.deps import ActorDep


@get("/v1/me", sync_to_thread=False)
def whoami(actor: ActorDep) -> dict:
    return {
        "principal_id": str(actor.principal_id),
        "agency": actor.agency_slug,
        "agency_kind": actor.agency_kind,
        "role": actor.role,
    }
