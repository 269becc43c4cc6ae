"""Assessments on a case: run the harm model, keep every result, move the case level.

Case level rule: the level is the latest assessment's level, except that an open
`critical-incident` flag (from a reported incident) holds the case at high; only a supervisor's
judgement that explicitly lowers the level overrides that floor (recorded with its reason).
"""

from __future__ import annotations

import dataclasses
import uuid
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

import harm_model as hm
from asb_core import access, clock, idempotency
from asb_core.actor import Actor
from asb_core.assessments import repository as assessment_repo
from asb_core.assessments.models import Assessment
from asb_core.assessments.schemas import JudgementIn, ReassessIn
from asb_core.audit import chain as audit
from asb_core.cases import events, levels
from asb_core.cases import repository as case_repo
from asb_core.cases.models import Case
from asb_core.errors import Conflict, Forbidden, ValidationFailed
from asb_core.escalation import flags as flag_writer
from asb_core.escalation import repository as flag_repo
from asb_core.idempotency import RequestKey
from asb_core.pagination import Page, check_limit, page_of
from asb_core.uow import unit_of_work


def harm_errors(exc: hm.HarmValidationError) -> ValidationFailed:
    return ValidationFailed(str(exc), errors=list(exc.errors))


def run_assessment(
    actor: Actor, answers: dict, judgement: JudgementIn | None, policy_version: str | None
) -> hm.Assessment:
    """harm_model.assess with the actor's judgement; lowering below computed needs a supervisor."""
    try:
        computed = hm.assess(answers, policy_version)
        if judgement is None:
            return computed
        level = hm.Level.parse(judgement.level, "judgement.level")
        supervisor = access.can(actor, "case.lower_level")
        if level < computed.computed_level and not supervisor:
            raise Forbidden("lowering the level below the computed level needs a supervisor")
        j = hm.Judgement(
            level=level,
            reason=judgement.reason,
            by=f"{actor.agency_slug}:{actor.principal_id}",
            supervisor=supervisor,
        )
        return hm.assess(answers, policy_version, judgement=j)
    except hm.HarmValidationError as exc:
        raise harm_errors(exc) from None


def flags_of(result: hm.Assessment, stored: Assessment, now: datetime) -> list[hm.Flag]:
    """The flags an assessment raises, with the stored assessment's id as their evidence (the
    API's evidence is ids of diary entries or assessments; the harm model names question ids,
    which the assessment itself records)."""
    return [dataclasses.replace(f, evidence=(str(stored.id),))
            for f in hm.assessment_flags(result, at=now)]


async def store_assessment(
    session: AsyncSession, actor: Actor, case_id: uuid.UUID, result: hm.Assessment, now: datetime
) -> Assessment:
    row = await assessment_repo.insert_assessment(session, actor, case_id, result, now)
    await events.event(
        session, actor, case_id, "assessment", now, row.id,
        level=row.level, computed_level=row.computed_level, score=row.score,
        judged=result.judgement is not None,
    )
    await audit.record(
        session, actor, "assessment.add", case_id=case_id, entity="assessment", entity_id=row.id,
        justification=result.judgement.reason if result.judgement else None,
        detail={"level": row.level, "computed_level": row.computed_level,
                "policy_version": row.policy_version},
    )
    return row


@unit_of_work
async def reassess(
    session: AsyncSession,
    actor: Actor,
    case_id: object,
    data: ReassessIn,
    *,
    now: datetime | None = None,
    idempotency_key: RequestKey | None = None,
) -> Assessment:
    """Assess the case again; with `idempotency_key`, a retry of the same request answers with
    the assessment the first one stored (see `asb_core.idempotency`)."""
    now = clock.utcnow(now)
    case = await case_repo.load_case(session, actor, case_id, "assessment.add", lock=True)
    earlier = await idempotency.replay_of(session, actor, idempotency_key, case_id=case.id,
                                          resource_type="assessment")
    if earlier is not None:
        return await case_repo.row_of_case(session, Assessment, case.id, earlier)
    if case.status == "closed":
        raise Conflict("the case is closed: reopen it first")
    result = run_assessment(actor, data.answers, data.judgement, data.policy_version)
    row = await store_assessment(session, actor, case.id, result, now)
    raised = await flag_writer.apply_flags(
        session, actor, case.id, flags_of(result, row, now), "assessment", now,
        lead_agency_id=case.lead_agency_id,
    )
    level = result.level
    lowered_by_supervisor = (
        result.judgement is not None
        and result.judgement.supervisor
        and result.level < result.computed_level
    )
    if not lowered_by_supervisor and await flag_repo.has_open_flag(
        session, case.id, "critical-incident"
    ):
        level = hm.max_level(level, hm.Level.HIGH)
    changed = await levels.change_level(
        session, actor, case, level.value, now, reason=f"reassessment {row.id}"
    )
    if raised and changed.version == case.version:
        # A flag raised changes the case's representation even when its level holds.
        await case_repo.bump(session, case, now=now)
    await idempotency.bind_key(session, actor, idempotency_key, row.id)
    return row


@unit_of_work
async def list_assessments(
    session: AsyncSession, actor: Actor, case_id: object, *, limit: int = 50,
    cursor: str | None = None,
) -> Page:
    check_limit(limit)
    case: Case = await case_repo.load_case(session, actor, case_id, "case.read")
    rows = await assessment_repo.assessments_page(session, case.id, limit, cursor)
    return page_of(rows, limit, lambda r: (r.assessed_at.isoformat(), r.id))
