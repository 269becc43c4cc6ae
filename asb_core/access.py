"""The access policy: who may do what, and which cases a caller can see. Decided here only.

Every repository query on case data starts from `readable_cases(actor)` (or `case_visible`), so
isolation between agencies cannot be forgotten: an agency sees a case only while it is a member,
and a call handler only the cases it opened. A case that may not be seen is answered exactly like
one that does not exist (`NotFound`), before any permission check can reveal it.
"""

from __future__ import annotations

import uuid

from sqlalchemy import Select, and_, exists, false, select

from asb_core.actor import Actor
from asb_core.errors import Forbidden, NotFound
from asb_core.models.case import Case, Membership

CASEWORK = frozenset(
    {
        "case.open",
        "case.read",
        "case.update",
        "case.share",
        "diary.add",
        "diary.read",
        "incident.add",
        "incident.read",
        "assessment.add",
        "update.add",
        "target.meet",
        "case_review.add",
        "assess.evaluate",
        "repeat_caller.lookup",
    }
)
ROLE_ACTIONS: dict[str, frozenset[str]] = {
    "call_handler": frozenset(
        {"case.open", "case.read", "assess.evaluate", "repeat_caller.lookup"}
    ),
    "caseworker": CASEWORK,
    "supervisor": CASEWORK
    | {"case.close", "case.reopen", "case.lower_level", "case.reassign_lead", "case.unshare",
       "case_review.decide"},
    "auditor": frozenset({"case.read", "diary.read", "incident.read", "audit.read"}),
    "analyst": frozenset({"stats.read"}),
    "integration": frozenset(
        {"case.read", "diary.read", "diary.add", "incident.add", "incident.read", "update.add"}
    ),
    "admin": frozenset({"agency.admin"}),
    "system": frozenset({"agency.admin"}),
}
ACTIONS = frozenset().union(*ROLE_ACTIONS.values()) | {"case.unshare"}
# Embed tokens (scoped keys) may only evaluate and open cases.
EMBED_SCOPE_ACTIONS = frozenset({"assess.evaluate", "case.open"})
RESTRICTED_ROLES = frozenset({"caseworker", "supervisor"})


def can(actor: Actor, action: str) -> bool:
    allowed = action in ROLE_ACTIONS.get(actor.role, frozenset())
    if allowed and actor.scopes:
        return action in actor.scopes and action in EMBED_SCOPE_ACTIONS
    return allowed


def require(actor: Actor, action: str) -> None:
    """Raise Forbidden unless the role allows `action`. Case-scoped callers must first load the
    case through `readable_cases`, so a non-member gets NotFound before this can answer 403."""
    if not can(actor, action):
        raise Forbidden(f"role {actor.role} may not {action}")


def may_see_restricted(actor: Actor) -> bool:
    """Restricted identity is for caseworkers and supervisors (of member agencies: the caller
    has already loaded the case through `readable_cases`)."""
    return actor.role in RESTRICTED_ROLES and not actor.scopes


def is_member_clause(actor: Actor, case_id_column=Case.id):
    return exists().where(
        and_(Membership.case_id == case_id_column, Membership.agency_id == actor.agency_id)
    )


def readable_filter(actor: Actor):
    """The WHERE clause limiting `cases` to those `actor` may see."""
    if actor.agency_id is None or not can(actor, "case.read"):
        return false()
    if actor.role == "call_handler":
        if actor.principal_id is None:
            return false()
        return and_(Case.created_by_principal_id == actor.principal_id, is_member_clause(actor))
    return is_member_clause(actor)


def readable_cases(actor: Actor) -> Select:
    """`SELECT cases` filtered to what `actor` may see; add conditions and ordering to it."""
    return select(Case).where(readable_filter(actor))


def visible_case_ids(actor: Actor) -> Select:
    return select(Case.id).where(readable_filter(actor))


def not_found(case_id: object) -> NotFound:
    return NotFound(f"no case {case_id}")


def parse_uuid(value: object, what: str = "case") -> uuid.UUID:
    """A UUID from a path value; anything else is simply not found."""
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError):
        raise NotFound(f"no {what} {value}") from None
