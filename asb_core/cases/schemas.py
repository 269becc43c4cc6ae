"""Input models of the cases slice: opening a case, changing it (PATCH), closing and reopening.
These are the only validation of those bodies."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, ValidationInfo, field_validator

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


ViewText = Annotated[str, StringConstraints(min_length=1, max_length=2000, pattern=r"\S")]


class VictimViewIn(Strict):
    """The victim's view at closure. Asked (`satisfied` yes or no): `kept_informed` and
    `feels_safer` are required. Not asked: `not_asked_reason` is required and the answers are
    absent. Each rule is checked with its field's default too (validate_default), so every
    missing answer is named at once."""

    satisfied: Literal["yes", "no", "not_asked"]
    kept_informed: Literal["yes", "no"] | None = Field(default=None, validate_default=True)
    feels_safer: Literal["yes", "no", "not_sure"] | None = Field(
        default=None, validate_default=True)
    comment: ViewText | None = Field(default=None, validate_default=True)
    not_asked_reason: ViewText | None = Field(default=None, validate_default=True)

    @field_validator("kept_informed", "feels_safer")
    @classmethod
    def _answered_when_asked(cls, value: str | None, info: ValidationInfo) -> str | None:
        asked = info.data.get("satisfied")
        if asked == "not_asked" and value is not None:
            raise ValueError("the victim was not asked: leave this out")
        if asked in ("yes", "no") and value is None:
            raise ValueError("required when the victim was asked")
        return value

    @field_validator("comment")
    @classmethod
    def _comment_when_asked(cls, value: str | None, info: ValidationInfo) -> str | None:
        if info.data.get("satisfied") == "not_asked" and value is not None:
            raise ValueError("the victim was not asked: leave this out")
        return value

    @field_validator("not_asked_reason")
    @classmethod
    def _reason_when_not_asked(cls, value: str | None, info: ValidationInfo) -> str | None:
        asked = info.data.get("satisfied")
        if asked == "not_asked" and value is None:
            raise ValueError("say why the victim was not asked")
        if asked in ("yes", "no") and value is not None:
            raise ValueError("only when the victim was not asked")
        return value


class CloseIn(Strict):
    outcome: Annotated[str, StringConstraints(min_length=1, max_length=5000)]
    final_victim_update: Annotated[str, StringConstraints(min_length=1, max_length=5000)]
    victim_view: VictimViewIn


class ReopenIn(Strict):
    reason: Annotated[str, StringConstraints(min_length=1, max_length=5000)]
