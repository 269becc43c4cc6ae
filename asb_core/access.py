"""The access policy: who may do what, and which cases a caller can see. Decided here only.

Every repository query on case data starts from `readable_cases(actor)` (or `case_visible`), so
isolation between agencies cannot be forgotten: an agency sees a case only while it is a member,
and a call handler only the cases it opened. A case that may not be seen is answered exactly like
one that does not exist (`NotFound`), before any permission check can reveal it.
"""

from __future__ import annotations

import uuid

from sqlalchemy import Select, Uuid, and_, bindparam, exists, false, or_, select, true

from asb_core.actor import Actor
from asb_core.cases.models import Case
from asb_core.errors import Forbidden, NotFound
from asb_core.sharing.models import Membership

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
        "target.reassign",
        "case_review.add",
        "party.add",
        "party.amend",
        "party.remove",
        "consent.record",
        "intervention.add",
        "intervention.read",
        "intervention.update",
        "intervention.breach",
        "assess.evaluate",
        "repeat_caller.lookup",
        "referral.add",
        "referral.read",
        "referral.update",
        "referral.respond",
    }
)
# Data protection over a case's life (asb_core/dataprotection): a legal hold is placed and
# released by a supervisor or the data protection officer; erasure, subject access exports and
# retention reports are the officer's alone.
HOLDS = frozenset({"hold.place", "hold.release", "hold.read"})
DATA_PROTECTION = HOLDS | {"party.erase", "sar.export", "retention.read"}
ROLE_ACTIONS: dict[str, frozenset[str]] = {
    "call_handler": frozenset(
        {"case.open", "case.read", "assess.evaluate", "repeat_caller.lookup"}
    ),
    "caseworker": CASEWORK,
    "supervisor": CASEWORK
    | {"case.close", "case.reopen", "case.lower_level", "case.reassign_lead", "case.unshare",
       "case_review.decide", "repeat_caller.log_read"} | HOLDS,
    "auditor": frozenset(
        {"case.read", "diary.read", "incident.read", "intervention.read", "audit.read",
         "repeat_caller.log_read", "hold.read", "referral.read"}
    ),
    "analyst": frozenset({"stats.read"}),
    # An integration (a police or housing system) may report a breach it knows of: a breach
    # is an incident, which it may add; recording or changing interventions is casework.
    "integration": frozenset(
        {"case.read", "diary.read", "diary.add", "incident.add", "incident.read", "update.add",
         "intervention.read", "intervention.breach", "referral.read", "referral.respond"}
    ),
    "admin": frozenset({"agency.admin"}),
    # The data protection officer: no case work and no case reads; it finds its agency's member
    # cases only through `data_protection_case` (holds, erasure, exports, retention reports).
    "dpo": DATA_PROTECTION,
    # The operator (CLI) and `asb worker` apply the retention schedules.
    "system": frozenset({"agency.admin", "retention.run"}) | DATA_PROTECTION,
}
# Actions every role has except the ones named: a role added later gets them by this rule, not
# by a list someone must remember to edit. The service directory is for everyone who works
# with victims, but not for the deployment's administrators.
EVERY_ROLE_BUT: dict[str, frozenset[str]] = {"directory.read": frozenset({"admin"})}
ACTIONS = frozenset().union(*ROLE_ACTIONS.values()) | {"case.unshare"} | set(EVERY_ROLE_BUT)
# Embed tokens (scoped keys) may only evaluate, open cases and look up repeat callers (the
# lookup spends the issuing key's budget: the token carries the key's principal).
EMBED_SCOPE_ACTIONS = frozenset({"assess.evaluate", "case.open", "repeat_caller.lookup"})
RESTRICTED_ROLES = frozenset({"caseworker", "supervisor"})


def can(actor: Actor, action: str) -> bool:
    allowed = action in ROLE_ACTIONS.get(actor.role, frozenset()) or (
        action in EVERY_ROLE_BUT and actor.role not in EVERY_ROLE_BUT[action])
    if allowed and actor.scopes:
        return action in actor.scopes and action in EMBED_SCOPE_ACTIONS
    return allowed


def require(actor: Actor, action: str) -> None:
    """Raise Forbidden unless the role allows `action`. Case-scoped callers must first load the
    case through `readable_cases`, so a non-member gets NotFound before this can answer 403."""
    if not can(actor, action):
        raise Forbidden(f"role {actor.role} may not {action}")


def require_lead(actor: Actor, case: Case, action: str) -> None:
    """`action` on a case the caller has loaded, for its lead agency only (e.g. who looked the
    case's complainant up: the lead agency answers for the case)."""
    require(actor, action)
    if actor.agency_id != case.lead_agency_id:
        raise Forbidden(f"only the case's lead agency may {action}")


def require_lead_handover(actor: Actor, case: Case) -> None:
    """Only the case's lead agency hands the lead to another member (a supervisor of it): a
    partner agency cannot make itself lead and then take the case from the agency running it."""
    require_lead(actor, case, "case.reassign_lead")


def require_removal(actor: Actor, case: Case, agency_id: uuid.UUID) -> None:
    """Who may take an agency off a case: a supervisor of that agency itself (it leaves), or of
    the lead agency; and the agency that opened the case only ever leaves by its own supervisor,
    so no partner, lead or not, can take away the case it brought."""
    require(actor, "case.unshare")
    if agency_id == actor.agency_id:
        return
    if agency_id == case.created_by_agency_id:
        raise Forbidden("the agency that opened the case can only be removed by its own "
                        "supervisor")
    if actor.agency_id != case.lead_agency_id:
        raise Forbidden("only the case's lead agency, or the agency itself, may remove an "
                        "agency from the case")


# Agencies that may receive referrals and answer them with their own key.
RECEIVING_AGENCY_KINDS = ("victim_service", "other")


def may_receive_referrals(agency_kind: str | None) -> bool:
    return agency_kind in RECEIVING_AGENCY_KINDS


def answers_referrals(actor: Actor) -> bool:
    """Whether `actor` may answer referrals sent to its agency: an agency of a receiving kind,
    a role that may respond."""
    return (actor.agency_id is not None and may_receive_referrals(actor.agency_kind)
            and can(actor, "referral.respond"))


def receives(actor: Actor, receiving_agency_id: uuid.UUID | None) -> bool:
    """Whether `actor` answers for the service a referral went to."""
    return (receiving_agency_id is not None and actor.agency_id == receiving_agency_id
            and answers_referrals(actor))


def readable_referral_rows(actor: Actor, case_id_column, receiving_agency_column):
    """The WHERE clause limiting referrals to those `actor` may see: those on cases it may see
    (`readable_case_rows`), and those sent to the service its agency answers for. A receiving
    service sees only its own referrals, never their cases."""
    member = readable_case_rows(actor, case_id_column)
    if not answers_referrals(actor):
        return member
    return or_(member, receiving_agency_column == actor.agency_id)


def may_see_restricted(actor: Actor) -> bool:
    """Restricted identity is for caseworkers and supervisors (of member agencies: the caller
    has already loaded the case through `readable_cases`)."""
    return actor.role in RESTRICTED_ROLES and not actor.scopes


def is_member_clause(actor: Actor, case_id_column=Case.id):
    return _member(actor.agency_id, case_id_column)


def _member(agency, case_id_column=Case.id):
    return exists().where(
        and_(Membership.case_id == case_id_column, Membership.agency_id == agency)
    )


def visibility(actor: Actor) -> str:
    """Which rule decides what `actor` sees: 'none', 'opened' (a call handler: the cases it
    opened, while its agency is a member) or 'member' (every case its agency is a member of)."""
    if actor.agency_id is None or not can(actor, "case.read"):
        return "none"
    if actor.role == "call_handler":
        return "opened" if actor.principal_id is not None else "none"
    return "member"


def _filter(kind: str, agency, principal):
    if kind == "none":
        return false()
    if kind == "opened":
        return and_(Case.created_by_principal_id == principal, _member(agency))
    return _member(agency)


def readable_filter(actor: Actor):
    """The WHERE clause limiting `cases` to those `actor` may see."""
    return _filter(visibility(actor), actor.agency_id, actor.principal_id)


# The same clause with the caller's ids as named parameters, for statements built once and
# executed many times (hot paths): pass `policy_params(actor)` with them.
POLICY_AGENCY = bindparam("policy_agency_id", type_=Uuid)
POLICY_PRINCIPAL = bindparam("policy_principal_id", type_=Uuid)


def readable_filter_bound(kind: str):
    return _filter(kind, POLICY_AGENCY, POLICY_PRINCIPAL)


def policy_params(actor: Actor) -> dict:
    return {"policy_agency_id": actor.agency_id, "policy_principal_id": actor.principal_id}


def readable_case_rows(actor: Actor, case_id_column):
    """The WHERE clause limiting rows of a case's child table (targets, ...) to those on cases
    `actor` may see, given the column naming their case. A member agency's rows are found
    through its membership (the (agency_id, case_id) unique index); a call handler's through
    the cases it opened (a subquery: the policy's EXISTS would otherwise correlate with the
    outer statement and leave no FROM clause)."""
    kind = visibility(actor)
    if kind == "none":
        return false()
    if kind == "opened":
        return case_id_column.in_(visible_case_ids(actor))
    return _member(actor.agency_id, case_id_column)


def readable_audit_rows(actor: Actor, case_id_column, agency_column):
    """The WHERE clause limiting audit events to those `actor` may read (the caller has checked
    `audit.read`): the events of cases it may see (`readable_case_rows`: its agency's
    memberships), plus the events its own agency recorded outside any case."""
    return or_(
        readable_case_rows(actor, case_id_column),
        and_(case_id_column.is_(None), agency_column == actor.agency_slug),
    )


def data_protection_filter(actor: Actor):
    """The cases `actor` may see for data protection work: those it may read, and for a role
    with data protection actions (the officer), every case its agency is a member of. The
    operator's CLI (`Actor.system()`, no agency) sees every case."""
    if actor.role == "system" and actor.agency_id is None:
        return true()
    kind = visibility(actor)
    if (kind == "none" and actor.agency_id is not None and not actor.scopes
            and ROLE_ACTIONS.get(actor.role, frozenset()) & DATA_PROTECTION):
        kind = "member"
    return _filter(kind, actor.agency_id, actor.principal_id)


def data_protection_cases(actor: Actor) -> Select:
    """`SELECT cases` for data protection work (`data_protection_filter`)."""
    return select(Case).where(data_protection_filter(actor))


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
