"""Statements on ASB Case Review applications: a new application, one application of a case,
a case's applications in the order they were made, and the decision target an application
started."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core.case_review.models import CaseReview
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
