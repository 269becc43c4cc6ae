"""Input models of the incidents slice: diary entries, amendments and officer reports. These are
the only validation of those bodies (the API, the batch endpoint and the importer all build them).
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import Field, StringConstraints, field_validator

from asb_core.validation import Short, Strand, Strict


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
