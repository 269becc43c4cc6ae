"""Input models of the assessments slice: a judgement, a stateless evaluation and a case's
reassessment. These are the only validation of those bodies."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, StringConstraints

from asb_core.validation import Level, Short, Strict


class JudgementIn(Strict):
    level: Level
    reason: Annotated[str, StringConstraints(min_length=1, max_length=2000)]


class EvaluateIn(Strict):
    answers: dict[str, Any]
    policy_version: Short | None = None
    judgement: JudgementIn | None = None


class ReassessIn(Strict):
    answers: dict[str, Any] = Field(default_factory=dict)
    judgement: JudgementIn | None = None
    policy_version: Short | None = None
