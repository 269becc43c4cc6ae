"""The steps of an ASB Case Review after the application, each recorded once, audited and on
the timeline (never with the applicant's identity, which the record does not hold):

- acknowledged: meets the acknowledge target (a late one needs a reason);
- threshold decided, met or not, with the reason the applicant is told: meets the decision
  target (and the acknowledge target, if still open: the decision answers the applicant); when
  met, starts the outcome target (harm_model's policy);
- the review meeting: its date, the agencies present and its recommendations, each an action
  owned by a member agency with a `case_review_recommendation` target due when it is (met when
  the action is done);
- the outcome sent to the applicant: meets the outcome target;
- a dissatisfied applicant's escalation (in England to the Police and Crime Commissioner), and
  its result.

Each writing step takes an optional Idempotency-Key (`asb_core.idempotency`): a retry with the
same key and body answers the application as it is; without one, recording a step twice is a
409.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

import harm_model as hm
from asb_core import access, clock, idempotency
from asb_core.actor import Actor
from asb_core.agencies import repository as agency_repo
from asb_core.audit import chain as audit
from asb_core.case_review import repository as review_repo
from asb_core.case_review.models import CaseReview, CaseReviewRecommendation
from asb_core.case_review.schemas import (
    AcknowledgementIn,
    DecisionIn,
    EscalationIn,
    EscalationResultIn,
    MeetingIn,
    OutcomeIn,
)
from asb_core.case_review.service import with_recommendations
from asb_core.cases import events
from asb_core.cases import repository as case_repo
from asb_core.cases.models import Case
from asb_core.errors import Conflict, NotFound, ValidationFailed
from asb_core.idempotency import RequestKey
from asb_core.targets import repository as target_repo
from asb_core.targets.models import Target, owner_of
from asb_core.uow import unit_of_work
from asb_core.updates.service import meet_recurring, record_update


@dataclass
class _Step:
    case: Case
    review: CaseReview
    replay: bool


def _invalid(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(f"{field}: {message}", errors=[{"field": field, "message": message}])


async def _open_step(
    session: AsyncSession, actor: Actor, case_id: object, review_id: object, action: str,
    step: str, keyed: RequestKey | None,
) -> _Step:
    """The case (locked, through the access policy, then `action` checked), the application
    (locked), and whether this request replays an earlier one with the same key."""
    case = await case_repo.load_case(session, actor, case_id, action, lock=True)
    rid = access.parse_uuid(review_id, "case review")
    review = await review_repo.lock_review(session, case.id, rid)
    if review is None:
        raise NotFound(f"no case review {review_id}")
    if keyed is not None:
        earlier = await idempotency.claim(
            session, actor, key=keyed.key, fingerprint=keyed.fingerprint,
            case_id=case.id, resource_type=f"case_review.{step}", resource_id=review.id)
        if earlier is not None:
            return _Step(case, review, True)
    return _Step(case, review, False)


async def _answer(session: AsyncSession, review: CaseReview) -> CaseReview:
    fresh = await review_repo.review_by_id(session, review.id)
    return (await with_recommendations(session, [fresh]))[0]


def _when(value: datetime | None, now: datetime, after: datetime | None, field: str) -> datetime:
    """A step's time: given or now; not in the future, not before the step it follows."""
    at = clock.utcnow(value) if value is not None else now
    if at > now:
        raise _invalid(field, "is in the future")
    if after is not None and at < after:
        raise _invalid(field, "is before the step it follows")
    return at


async def _meet(
    session: AsyncSession, actor: Actor, case: Case, target: Target | None, at: datetime,
    late_reason: str | None, *, required: bool = True,
) -> None:
    """Meet the step's target at `at`; a late one needs `late_reason` when `required`."""
    if target is None:
        return
    late = at > target.due_at
    if late and required and not late_reason:
        raise _invalid("late_reason", "required: this step is recorded after its due time")
    await meet_recurring(session, actor, case, target, at,
                         late_reason=late_reason or (f"met with the {target.kind} step"
                                                     if late else None))


@dataclass
class _Recorded:
    """What a step recorded: when, its timeline summary, its audit detail and justification."""

    at: datetime
    summary: dict
    detail: dict
    justification: str | None = None


Apply = Callable[[AsyncSession, Actor, _Step, Any, datetime], Awaitable[_Recorded]]


def _step(*, action: str, step: str, event: str):
    """Make a step's service (one unit of work) from what it applies: open the step (the case
    and application locked; a replay answers at once), apply it, then put it on the timeline
    (`event`) and the audit chain (`case_review.<step>`), and answer the application."""

    def make(apply: Apply):
        @unit_of_work
        @functools.wraps(apply)
        async def run(session: AsyncSession, actor: Actor, case_id: object, review_id: object,
                      data: Any, *, keyed: RequestKey | None = None,
                      now: datetime | None = None) -> CaseReview:
            now = clock.utcnow(now)
            st = await _open_step(session, actor, case_id, review_id, action, step, keyed)
            if st.replay:
                return await _answer(session, st.review)
            done = await apply(session, actor, st, data, now)
            await session.flush()
            await events.event(session, actor, st.case.id, event, done.at, st.review.id,
                               **done.summary)
            await audit.record(session, actor, f"case_review.{step}", case_id=st.case.id,
                               entity="case_review", entity_id=st.review.id,
                               justification=done.justification, detail=done.detail)
            return await _answer(session, st.review)

        return run

    return make


@_step(action="case_review.add", step="acknowledge", event="case_review_acknowledged")
async def acknowledge(
    session: AsyncSession, actor: Actor, st: _Step, data: AcknowledgementIn, now: datetime
) -> _Recorded:
    review = st.review
    if review.acknowledged_at is not None:
        raise Conflict("the application is already acknowledged")
    at = _when(data.acknowledged_at, now, review.applied_at, "acknowledged_at")
    target = await review_repo.open_review_target(
        session, review, "case_review_acknowledge", review.applied_at)
    await _meet(session, actor, st.case, target, at, data.late_reason)
    review.acknowledged_at, review.acknowledged_by_agency_id = at, actor.agency_id
    return _Recorded(at, {}, {"at": at.isoformat()}, data.late_reason)


@_step(action="case_review.decide", step="decide", event="case_review_decided")
async def decide(
    session: AsyncSession, actor: Actor, st: _Step, data: DecisionIn, now: datetime
) -> _Recorded:
    """The threshold decision (supervisors: the review body's decision)."""
    review, case = st.review, st.case
    if review.decided_at is not None:
        raise Conflict("the application is already decided")
    if now > review.decide_by and not data.late_reason:
        raise _invalid("late_reason", "required: decided after the deadline")
    ack = await review_repo.open_review_target(session, review, "case_review_acknowledge",
                                               review.applied_at)
    await _meet(session, actor, case, ack, now, data.late_reason, required=False)
    target = await review_repo.open_review_target(session, review, "case_review_decision",
                                                  review.applied_at)
    await _meet(session, actor, case, target, now, data.late_reason)
    review.threshold_met, review.decision, review.decided_at = (
        data.threshold_met, data.decision, now)
    review.decided_by_agency_id = actor.agency_id
    if review.acknowledged_at is None:
        review.acknowledged_at, review.acknowledged_by_agency_id = now, actor.agency_id
    if data.threshold_met:
        review.outcome_by = _start_outcome_targets(session, case, now)
    return _Recorded(now, {"threshold_met": data.threshold_met,
                           "outcome_by": review.outcome_by},
                     {"threshold_met": data.threshold_met}, data.decision)


def _start_outcome_targets(session: AsyncSession, case: Case, now: datetime) -> datetime | None:
    """Start the policy's outcome targets from the decision; the latest due time."""
    due = None
    for spec in hm.case_review_outcome_targets():
        at = hm.due_at(spec, now)
        session.add(target_repo.new_target(
            case.id, spec.kind, None, now, at,
            owner_agency_id=owner_of(spec.kind, case.lead_agency_id)))
        due = at if due is None else max(due, at)
    return due


async def _check_agencies(session: AsyncSession, slugs: list[str]) -> None:
    known = await agency_repo.known_slugs(session, slugs)
    errors = [{"field": f"agencies_present.{i}", "message": "unknown agency"}
              for i, slug in enumerate(slugs) if slug not in known]
    if errors:
        raise ValidationFailed("the meeting names an unknown agency", errors=errors)


def _check_meeting(review: CaseReview, case: Case, data: MeetingIn, now: datetime) -> None:
    if review.meeting_held_on is not None:
        raise Conflict("the review meeting is already recorded")
    if review.threshold_met is not True:
        raise Conflict("a review meeting follows a decision that the threshold is met")
    if case.status == "closed":
        raise Conflict("the case is closed: reopen it first")
    if data.held_on > clock.london_date(now):
        raise _invalid("held_on", "is in the future")
    if data.held_on < clock.london_date(review.decided_at):
        raise _invalid("held_on", "is before the threshold decision")
    errors = [{"field": f"recommendations.{i}.due_at", "message": "is before the meeting"}
              for i, r in enumerate(data.recommendations)
              if clock.london_date(r.due_at) < data.held_on]
    if errors:
        raise ValidationFailed("a recommendation is due before the meeting", errors=errors)


async def _recommend(
    session: AsyncSession, actor: Actor, case: Case, review: CaseReview, data: MeetingIn,
    now: datetime,
) -> list[uuid.UUID]:
    """Each recommendation: an action owned by its agency (a member) and a target due with it."""
    ids = []
    for i, rec in enumerate(data.recommendations):
        try:
            action = await record_update(session, actor, case, kind="action", text=rec.text,
                                         owner_agency=rec.owner_agency, due_at=rec.due_at,
                                         now=now)
        except ValidationFailed as e:
            raise ValidationFailed(e.detail, errors=[
                {**err, "field": f"recommendations.{i}.{err['field']}"} for err in e.errors
            ]) from None
        # The recommendation's target is owned by the agency that owns its action.
        target = target_repo.new_target(case.id, "case_review_recommendation", None, now,
                                        clock.utcnow(rec.due_at),
                                        owner_agency_id=action.owner_agency_id)
        session.add(target)
        await session.flush()
        row = CaseReviewRecommendation(
            id=uuid.uuid4(), review_id=review.id, case_id=case.id, text=rec.text,
            owner_agency_id=action.owner_agency_id, due_at=target.due_at, action_id=action.id,
            target_id=target.id, created_at=now)
        session.add(row)
        ids.append(row.id)
    await session.flush()
    return ids


@_step(action="case_review.add", step="meeting", event="case_review_meeting")
async def record_meeting(
    session: AsyncSession, actor: Actor, st: _Step, data: MeetingIn, now: datetime
) -> _Recorded:
    review = st.review
    _check_meeting(review, st.case, data, now)
    await _check_agencies(session, data.agencies_present)
    ids = await _recommend(session, actor, st.case, review, data, now)
    review.meeting_held_on = data.held_on
    review.meeting_agencies = list(data.agencies_present)
    review.meeting_recorded_at = now
    held = {"held_on": data.held_on.isoformat(), "agencies": list(data.agencies_present)}
    return _Recorded(now, {**held, "recommendations": len(ids)},
                     {**held, "recommendations": [str(i) for i in ids]})


@_step(action="case_review.decide", step="outcome", event="case_review_outcome_sent")
async def record_outcome(
    session: AsyncSession, actor: Actor, st: _Step, data: OutcomeIn, now: datetime
) -> _Recorded:
    """The result of the review and its recommendations, sent to the applicant."""
    review = st.review
    if review.outcome_sent_at is not None:
        raise Conflict("the outcome is already sent")
    if review.meeting_held_on is None:
        raise Conflict("record the review meeting first (after a threshold met)")
    at = _when(data.sent_at, now, review.decided_at, "sent_at")
    target = await review_repo.open_review_target(session, review, "case_review_outcome",
                                                  review.decided_at)
    await _meet(session, actor, st.case, target, at, data.late_reason)
    review.outcome, review.outcome_sent_at = data.outcome, at
    review.outcome_recorded_by_agency_id = actor.agency_id
    return _Recorded(at, {}, {"sent_at": at.isoformat()}, data.late_reason)


@_step(action="case_review.add", step="escalate", event="case_review_escalated")
async def request_escalation(
    session: AsyncSession, actor: Actor, st: _Step, data: EscalationIn, now: datetime
) -> _Recorded:
    """A dissatisfied applicant asks for the review (or its threshold decision) to be
    escalated."""
    review = st.review
    if review.escalation_requested_at is not None:
        raise Conflict("the escalation is already requested")
    if review.decided_at is None:
        raise Conflict("an escalation follows the threshold decision or the outcome")
    at = _when(data.requested_at, now, review.decided_at, "requested_at")
    review.escalation_requested_at, review.escalated_to = at, data.escalated_to
    review.escalation_grounds = data.grounds
    to = {"escalated_to": data.escalated_to}
    return _Recorded(at, to, to)


@_step(action="case_review.decide", step="escalation_result",
       event="case_review_escalation_result")
async def record_escalation_result(
    session: AsyncSession, actor: Actor, st: _Step, data: EscalationResultIn, now: datetime
) -> _Recorded:
    review = st.review
    if review.escalation_requested_at is None:
        raise Conflict("no escalation was requested")
    if review.escalation_result is not None:
        raise Conflict("the escalation's result is already recorded")
    at = _when(data.decided_at, now, review.escalation_requested_at, "decided_at")
    review.escalation_result, review.escalation_result_detail = data.result, data.detail
    review.escalation_result_at = at
    result = {"result": data.result}
    return _Recorded(at, result, result)

