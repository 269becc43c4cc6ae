"""Request bodies as pydantic models: strict (unknown fields are refused), bounded strings.

Response bodies are built by `asb_api.serialize` from domain objects; the contract for both is
openapi.yaml, which the contract tests check on every request and response.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    Field,
    StringConstraints,
    model_validator,
)

from asb_core.validation import AreaName, Level, Short, Strand, Strict, Text  # noqa: F401


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
