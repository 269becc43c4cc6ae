"""ASB Case Review ("Community Trigger") applications on a case: log one, list them.

Logging one starts two targets from the application time (acknowledge within 2 working days,
decide the threshold within 15 working days, from the harm model's policy); `qualifying` is
whether the case's running escalation state raises `case-review-eligible` at logging time. The
steps after it (acknowledged, decided, the meeting, the outcome, an escalation) are in
`asb_core.case_review.steps`.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

import harm_model as hm
from asb_core import access, clock, idempotency
from asb_core.actor import Actor
from asb_core.audit import chain as audit
from asb_core.case_review import repository as review_repo
from asb_core.case_review.models import CaseReview
from asb_core.case_review.schemas import CaseReviewIn
from asb_core.cases import events
from asb_core.cases import repository as case_repo
from asb_core.errors import NotFound, ValidationFailed
from asb_core.escalation import repository as flag_repo
from asb_core.idempotency import RequestKey
from asb_core.targets import repository as target_repo
from asb_core.targets.models import owner_of
from asb_core.uow import unit_of_work


@unit_of_work
async def log_application(
    session: AsyncSession,
    actor: Actor,
    case_id: object,
    data: CaseReviewIn,
    *,
    now: datetime | None = None,
    idempotency_key: RequestKey | None = None,
) -> CaseReview:
    """Log an application; with `idempotency_key`, a retry of the same request answers with the
    application the first one logged (see `asb_core.idempotency`)."""
    now = clock.utcnow(now)
    applicant_description, applied_at = data.applicant_description, data.applied_at
    case = await case_repo.load_case(session, actor, case_id, "case_review.add", lock=True)
    earlier = await idempotency.replay_of(session, actor, idempotency_key, case_id=case.id,
                                          resource_type="case_review")
    if earlier is not None:
        return await review_repo.review_of_case(session, case.id, earlier)
    if not applicant_description.strip():
        raise ValidationFailed("applicant required", errors=[{
            "field": "applicant_description", "message": "who applied (no identity needed)"}])
    applied = clock.utcnow(applied_at) if applied_at is not None else now
    if applied > now:
        raise ValidationFailed("in the future", errors=[{"field": "applied_at",
                                                         "message": "is in the future"}])
    row = await flag_repo.escalation_state(session, case.id)
    state = hm.CaseState.from_json(row.state)
    qualifying = any(f.rule_id == "case-review-eligible" for f in hm.flags(state, now))
    specs = hm.case_review_application_targets(state.policy_version)
    dues = {target_repo.TARGET_KIND_ALIASES.get(s.kind, s.kind): hm.due_at(s, applied)
            for s in specs}
    review = CaseReview(
        id=uuid.uuid4(), case_id=case.id, applicant_description=applicant_description,
        applied_at=applied, logged_at=now, logged_by_agency_id=actor.agency_id,
        qualifying=qualifying, acknowledge_by=dues["case_review_acknowledge"],
        decide_by=dues["case_review_decision"],
    )
    session.add(review)
    for kind, due in dues.items():
        session.add(target_repo.new_target(
            case.id, kind, None, applied, due,
            owner_agency_id=owner_of(kind, case.lead_agency_id)))
    await session.flush()
    await events.event(session, actor, case.id, "case_review_logged", now, review.id,
                         qualifying=qualifying, acknowledge_by=review.acknowledge_by,
                         decide_by=review.decide_by)
    await audit.record(session, actor, "case_review.add", case_id=case.id, entity="case_review",
                       entity_id=review.id, detail={"qualifying": qualifying})
    await idempotency.bind_key(session, actor, idempotency_key, review.id)
    return review


@unit_of_work
async def list_applications(
    session: AsyncSession, actor: Actor, case_id: object
) -> list[CaseReview]:
    case = await case_repo.load_case(session, actor, case_id, "case.read")
    return await with_recommendations(session, await review_repo.case_reviews(session, case.id))


@unit_of_work
async def get_application(
    session: AsyncSession, actor: Actor, case_id: object, review_id: object
) -> CaseReview:
    case = await case_repo.load_case(session, actor, case_id, "case.read")
    rid = access.parse_uuid(review_id, "case review")
    review = await review_repo.review_of_case(session, case.id, rid)
    if review is None:
        raise NotFound(f"no case review {review_id}")
    return (await with_recommendations(session, [review]))[0]


async def with_recommendations(
    session: AsyncSession, reviews: list[CaseReview]
) -> list[CaseReview]:
    """The applications, each with its meeting's recommendations set on it."""
    found = await review_repo.recommendations_of(session, [r.id for r in reviews])
    for review in reviews:
        review.recommendations = tuple(x for x in found if x.review_id == review.id)
    return reviews
