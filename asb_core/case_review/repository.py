"""Statements on ASB Case Review applications: one application of a case (locked to record a
step), a case's applications in the order they were made, the targets their steps started,
meeting recommendations (by application, or the one an action came from) and the agencies a
meeting names."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core.case_review.models import CaseReview, CaseReviewRecommendation
from asb_core.cases import repository as case_repo
from asb_core.targets.models import Target


async def review_of_case(
    session: AsyncSession, case_id: uuid.UUID, review_id: uuid.UUID
) -> CaseReview | None:
    return await case_repo.row_of_case(session, CaseReview, case_id, review_id)


async def case_reviews(session: AsyncSession, case_id: uuid.UUID) -> list[CaseReview]:
    rows = await session.execute(
        select(CaseReview).where(CaseReview.case_id == case_id).order_by(CaseReview.applied_at)
    )
    return list(rows.scalars().all())


async def open_decision_target(session: AsyncSession, review: CaseReview) -> Target | None:
    """The threshold-decision target the application started (same case, started at its
    application time) if still to be met."""
    return (await session.execute(
        select(Target).where(Target.case_id == review.case_id,
                             Target.kind == "case_review_decision",
                             Target.state.in_(("due", "breached")),
                             Target.started_at == review.applied_at).limit(1)
    )).scalar_one_or_none()


async def lock_review(
    session: AsyncSession, case_id: uuid.UUID, review_id: uuid.UUID
) -> CaseReview | None:
    """The case's application, its row locked (SELECT ... FOR UPDATE)."""
    return await case_repo.row_of_case(session, CaseReview, case_id, review_id, lock=True)


async def review_by_id(session: AsyncSession, review_id: uuid.UUID) -> CaseReview:
    stmt = select(CaseReview).where(CaseReview.id == review_id).execution_options(
        populate_existing=True)
    return (await session.execute(stmt)).scalar_one()


async def open_review_target(
    session: AsyncSession, review: CaseReview, kind: str, started_at
) -> Target | None:
    """The target of `kind` the application's previous step started at `started_at`, if still
    to be met (a case's applications are told apart by their start times)."""
    return (await session.execute(
        select(Target).where(Target.case_id == review.case_id, Target.kind == kind,
                             Target.state.in_(("due", "breached")),
                             Target.closed_at.is_(None),
                             Target.started_at == started_at).limit(1)
    )).scalar_one_or_none()


async def recommendations_of(
    session: AsyncSession, review_ids: list[uuid.UUID]
) -> list[CaseReviewRecommendation]:
    if not review_ids:
        return []
    rows = await session.execute(
        select(CaseReviewRecommendation)
        .where(CaseReviewRecommendation.review_id.in_(review_ids))
        .order_by(CaseReviewRecommendation.created_at, CaseReviewRecommendation.id)
    )
    return list(rows.scalars().all())


async def recommendation_target_of_action(
    session: AsyncSession, case_id: uuid.UUID, action_id: uuid.UUID
) -> Target | None:
    """The still-open target of the recommendation that became this action, if any."""
    return (await session.execute(
        select(Target).join(CaseReviewRecommendation,
                            CaseReviewRecommendation.target_id == Target.id)
        .where(CaseReviewRecommendation.case_id == case_id,
               CaseReviewRecommendation.action_id == action_id,
               Target.state.in_(("due", "breached")), Target.closed_at.is_(None))
    )).scalar_one_or_none()

