"""Input models of the cases slice: opening a case, changing it (PATCH), closing and reopening.
These are the only validation of those bodies."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints

from asb_core.assessments.schemas import JudgementIn
from asb_core.parties.schemas import ConsentIn, VictimIn
from asb_core.validation import AreaName, MergePatch, Short, Strict, Text


class OpenCaseIn(Strict):
    area: AreaName
    summary: Text | None = None
    answers: dict[str, Any] = Field(default_factory=dict)
    judgement: JudgementIn | None = None
    policy_version: Short | None = None
    victim: VictimIn
    consent: ConsentIn


class CasePatchIn(MergePatch):
    """Only the fields actually sent are changed (`model_fields_set`): absent is not null."""

    summary: Text | None = None
    status: Literal["open", "active", "review"] | None = None
    area: AreaName | None = None
    lead_agency: Short | None = None


class CloseIn(Strict):
    outcome: Annotated[str, StringConstraints(min_length=1, max_length=5000)]
    final_victim_update: Annotated[str, StringConstraints(min_length=1, max_length=5000)]


class ReopenIn(Strict):
    reason: Annotated[str, StringConstraints(min_length=1, max_length=5000)]
