"""Request bodies as pydantic models: strict (unknown fields are refused), bounded strings.

Response bodies are built by `asb_api.serialize` from domain objects; the contract for both is
openapi.yaml, which the contract tests check on every request and response.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

Text = Annotated[str, StringConstraints(max_length=20_000)]
Short = Annotated[str, StringConstraints(min_length=1, max_length=500)]
# An area as the contract spells it (openapi.yaml Area): a short lower-case name.
AreaName = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,62}$")]
Level = Literal["standard", "medium", "high"]
Strand = Literal["disability", "race", "religion", "sexual_orientation", "transgender", "other"]


# C0 control characters other than tab, newline and carriage return, and DEL: never in a
# diary sheet or a name; NUL cannot even be stored (PostgreSQL text and jsonb refuse it).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_MAX_DEPTH = 32


def _control_free(value: Any, depth: int = 0) -> None:
    if depth > _MAX_DEPTH:
        raise ValueError("nested too deeply")
    if isinstance(value, str):
        if _CONTROL.search(value):
            raise ValueError("control characters are not allowed")
    elif isinstance(value, dict):
        for k, v in value.items():
            _control_free(k, depth + 1)
            _control_free(v, depth + 1)
    elif isinstance(value, list | tuple):
        for v in value:
            _control_free(v, depth + 1)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)

    @model_validator(mode="before")
    @classmethod
    def _no_control_characters(cls, data: Any) -> Any:
        _control_free(data)
        return data

    @field_validator("*", mode="after")
    @classmethod
    def _not_before_1900(cls, value: Any) -> Any:
        if isinstance(value, datetime) and value.year < 1900:
            raise ValueError("is before 1900")
        return value


class JudgementIn(Strict):
    level: Level
    reason: Annotated[str, StringConstraints(min_length=1, max_length=2000)]


class EvaluateIn(Strict):
    answers: dict[str, Any]
    policy_version: Short | None = None
    judgement: JudgementIn | None = None


class VictimIn(Strict):
    role: Literal["victim", "complainant"] = "victim"
    name: Short
    phone: Annotated[str, StringConstraints(max_length=50)] | None = None
    email: Annotated[str, StringConstraints(max_length=320)] | None = None
    address: Annotated[str, StringConstraints(max_length=1000)] | None = None
    date_of_birth: Annotated[str, StringConstraints(max_length=10)] | None = None


class ConsentIn(Strict):
    state: Literal["given", "refused", "not_asked"]
    legal_basis: Annotated[str, StringConstraints(min_length=1, max_length=2000)] | None = None


class OpenCaseIn(Strict):
    area: AreaName
    summary: Text | None = None
    answers: dict[str, Any] = Field(default_factory=dict)
    judgement: JudgementIn | None = None
    policy_version: Short | None = None
    victim: VictimIn
    consent: ConsentIn


class CasePatchIn(Strict):
    summary: Text | None = None
    status: Literal["open", "active", "review"] | None = None
    area: AreaName | None = None
    lead_agency: Short | None = None

    @model_validator(mode="after")
    def _not_empty(self) -> CasePatchIn:
        if not self.model_fields_set:
            raise ValueError("name at least one field to change")
        return self


class CloseIn(Strict):
    outcome: Annotated[str, StringConstraints(min_length=1, max_length=5000)]
    final_victim_update: Annotated[str, StringConstraints(min_length=1, max_length=5000)]


class ReopenIn(Strict):
    reason: Annotated[str, StringConstraints(min_length=1, max_length=5000)]


class ShareIn(Strict):
    agency: Short
    basis: Literal["consent", "legal_basis"]
    legal_basis: Annotated[str, StringConstraints(min_length=1, max_length=2000)] | None = None
    justification: Annotated[str, StringConstraints(max_length=2000)] | None = None


class DiaryEntryIn(Strict):
    started_at: datetime
    duration_minutes: Annotated[int, Field(ge=0, le=60 * 24 * 31)] | None = None
    location: Annotated[str, StringConstraints(max_length=1000)] | None = None
    what_happened: Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
    responsible: Annotated[str, StringConstraints(max_length=2000)] | None = None
    witnesses: Annotated[str, StringConstraints(max_length=2000)] | None = None
    effect_on_victim: Annotated[str, StringConstraints(max_length=5000)] | None = None
    reported_to: Annotated[str, StringConstraints(max_length=500)] | None = None
    reported_reference: Annotated[str, StringConstraints(max_length=200)] | None = None
    category: Short
    hostility_perceived: list[Strand] = Field(default_factory=list, max_length=6)
    hostility_perceived_by: Literal["victim", "witness", "officer", "other"] | None = None
    hostility_asked: bool = False
    victim_feels_targeted: bool | None = None
    source_system: Annotated[str, StringConstraints(max_length=200)] | None = None
    amends: UUID | None = None

    @field_validator("duration_minutes", mode="before")
    @classmethod
    def _minutes_not_boolean(cls, value: Any) -> Any:
        # Litestar validates non-strictly, which would read `true` as 1 minute.
        if isinstance(value, bool):
            raise ValueError("a whole number of minutes")
        return value


class AmendmentIn(DiaryEntryIn):
    amends: None = None


class OfficerReportIn(Strict):
    """An incident an officer witnessed or was told of (`POST /v1/cases/{id}/incidents`)."""

    occurred_at: datetime
    category: Short
    account: Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
    officer_reference: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = None
    location: Annotated[str, StringConstraints(min_length=1, max_length=1000)] | None = None
    hostility_perceived: list[Strand] = Field(default_factory=list, max_length=6)
    hostility_perceived_by: Literal["victim", "witness", "officer", "other"] | None = None
    hostility_asked: bool = False
    victim_feels_targeted: bool | None = None
    same_as: UUID | None = None


class ReassessIn(Strict):
    answers: dict[str, Any] = Field(default_factory=dict)
    judgement: JudgementIn | None = None
    policy_version: Short | None = None


class UpdateIn(Strict):
    kind: Literal["update", "action", "victim_update"]
    text: Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
    owner_agency: Short | None = None
    due_at: datetime | None = None


class TargetMetIn(Strict):
    late_reason: Annotated[str, StringConstraints(min_length=1, max_length=2000)] | None = None


class CaseReviewIn(Strict):
    applicant_description: Annotated[str, StringConstraints(min_length=1, max_length=2000)]
    applied_at: datetime | None = None


def dump(model: BaseModel) -> dict[str, Any]:
    """The fields the client actually sent (so PATCH can tell absent from null)."""
    return model.model_dump(exclude_unset=True)


class RepeatCallerIn(Strict):
    phone: Annotated[str, StringConstraints(min_length=1, max_length=50)] | None = None
    address: Annotated[str, StringConstraints(min_length=1, max_length=1000)] | None = None
    area: Annotated[str, StringConstraints(min_length=1, max_length=100)] | None = None
