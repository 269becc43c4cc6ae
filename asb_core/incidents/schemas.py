"""Input models of the incidents slice: diary entries, amendments and officer reports. These are
the only validation of those bodies (the API, the batch endpoint and the importer all build them).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import (
    Field,
    StrictBool,
    StrictInt,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

import harm_model as hm
from asb_core.errors import ValidationFailed
from asb_core.validation import Short, Strand, Strict

# An incident reported as happening up to this far ahead of the server's clock is taken as the
# reporter's clock running fast, not as a report of the future.
CLOCK_SKEW = timedelta(minutes=5)
PerceivedBy = Literal["victim", "witness", "officer", "other"]
MAX_BATCH = 500


def category_id(value: str) -> str:
    """A harm model category id (the validator every incident body shares)."""
    if value not in hm.CATEGORIES:
        raise ValueError("one of " + ", ".join(hm.CATEGORIES))
    return value


def _zoned_time(value: Any, info: ValidationInfo) -> Any:
    """A date-time with a zone, not a number of seconds, and not in the future (by the clock in
    the validation context, else the server's)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValueError("a date-time with a time zone, not a number")
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise ValueError("a date-time with a time zone") from None
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("a date-time with a time zone")
        now = (info.context or {}).get("now") or datetime.now(UTC)
        if value > now + CLOCK_SKEW:
            raise ValueError("is in the future")
    return value


class DiarySheetIn(Strict):
    """A victim's diary sheet: what happened, when, where, to whom, and how it felt."""

    started_at: datetime
    duration_minutes: Annotated[StrictInt, Field(ge=0, le=60 * 24 * 31)] | None = None
    location: Annotated[str, StringConstraints(max_length=1000)] | None = None
    what_happened: Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
    responsible: Annotated[str, StringConstraints(max_length=2000)] | None = None
    witnesses: Annotated[str, StringConstraints(max_length=2000)] | None = None
    effect_on_victim: Annotated[str, StringConstraints(max_length=5000)] | None = None
    reported_to: Annotated[str, StringConstraints(max_length=500)] | None = None
    reported_reference: Annotated[str, StringConstraints(max_length=200)] | None = None
    category: Short
    hostility_perceived: list[Strand] = Field(default_factory=list, max_length=6)
    hostility_perceived_by: PerceivedBy | None = Field(default=None, validate_default=True)
    hostility_asked: StrictBool = False
    victim_feels_targeted: StrictBool | None = None
    source_system: Annotated[str, StringConstraints(max_length=200)] | None = None
    reported_at: datetime | None = None

    @field_validator("duration_minutes", mode="before")
    @classmethod
    def _minutes_not_boolean(cls, value: Any) -> Any:
        # Litestar validates non-strictly, which would read `true` as 1 minute.
        if isinstance(value, bool):
            raise ValueError("a whole number of minutes")
        return value

    @field_validator("what_happened")
    @classmethod
    def _something_happened(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("required")
        return value

    _known_category = field_validator("category")(category_id)
    _started = field_validator("started_at", "reported_at", mode="before")(_zoned_time)

    @field_validator("reported_at")
    @classmethod
    def _reported_after_it_started(cls, value: datetime | None,
                                   info: ValidationInfo) -> datetime | None:
        started = info.data.get("started_at")
        if value is not None and started is not None and value < started:
            raise ValueError("reported before the behaviour started")
        return value

    @field_validator("hostility_perceived")
    @classmethod
    def _strands_once(cls, value: list[str]) -> list[str]:
        return sorted(set(value))

    @field_validator("hostility_perceived_by")
    @classmethod
    def _who_perceived(cls, value: str | None, info: ValidationInfo) -> str | None:
        # Checked with the default too (validate_default), and whatever else is wrong.
        if value is None and info.data.get("hostility_perceived"):
            raise ValueError("say who perceived the hostility")
        return value



class DiaryEntryIn(DiarySheetIn):
    """A diary entry: a sheet, which may amend an earlier entry of the case, or name the incident
    of the case it repeats (reported by another agency, say) so the rules count it once."""

    amends: UUID | None = None
    same_as: UUID | None = None

    @model_validator(mode="after")
    def _amends_or_repeats(self) -> DiaryEntryIn:
        if self.amends is not None and self.same_as is not None:
            raise ValueError("same_as: an amendment repeats the entry it amends; name one of "
                             "amends and same_as")
        return self


class AmendmentIn(DiarySheetIn):
    """A correction of an earlier entry: the whole corrected sheet, under the same rules; the
    entry it amends is named by the path, never in the body."""


class ReportedIncidentIn(Strict):
    """What every report of an incident without a diary sheet carries (an officer report, a
    breach of an intervention): when and where, the reporter's reference, and hostility."""

    occurred_at: datetime
    location: Annotated[str, StringConstraints(min_length=1, max_length=1000)] | None = None
    officer_reference: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = None
    hostility_perceived: list[Strand] = Field(default_factory=list, max_length=6)
    hostility_perceived_by: PerceivedBy | None = None
    hostility_asked: StrictBool = False
    victim_feels_targeted: StrictBool | None = None

    _occurred = field_validator("occurred_at", mode="before")(_zoned_time)

    @field_validator("hostility_perceived")
    @classmethod
    def _strands_once(cls, value: list[str]) -> list[str]:
        return sorted(set(value))

    @field_validator("account", check_fields=False)
    @classmethod
    def _account_given(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("required: the account of what happened")
        return value



class OfficerReportIn(ReportedIncidentIn):
    """An incident an officer witnessed or was told of (`POST /v1/cases/{id}/incidents`)."""

    category: Short
    account: Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
    same_as: UUID | None = None

    _known_category = field_validator("category")(category_id)

    @model_validator(mode="after")
    def _officer_perceived(self) -> OfficerReportIn:
        # The officer records it, so the officer perceived the hostility unless told otherwise.
        if self.hostility_perceived and self.hostility_perceived_by is None:
            self.hostility_perceived_by = "officer"
        return self


IdempotencyKeyText = Annotated[str, StringConstraints(min_length=1, max_length=200)]


class BatchItemIn(Strict):
    """One diary entry of a batch, with the Idempotency-Key its system would have sent alone."""

    idempotency_key: IdempotencyKeyText
    entry: dict[str, Any]


class DiaryBatchIn(Strict):
    """Up to 500 diary entries for one case; each item stands or falls on its own."""

    items: list[BatchItemIn] = Field(min_length=1, max_length=MAX_BATCH)


def field_errors(exc: ValidationError, prefix: str = "") -> list[dict]:
    """pydantic's errors as the API's field errors (`field`, `message`)."""
    out = []
    for err in exc.errors(include_url=False):
        loc = [str(p) for p in err.get("loc", ())][:1]
        message = str(err.get("msg", "invalid")).removeprefix("Value error, ")
        if not loc and ": " in message:  # a model-level rule naming its field
            field, message = message.split(": ", 1)
            loc = [field]
        out.append({"field": prefix + (".".join(loc) or "body"), "message": message})
    return out


def parse(model: type[Strict], data: object, *, what: str = "the diary entry",
          now: datetime | None = None) -> Strict:
    """`data` (an instance or a mapping) as `model`, or ValidationFailed listing every field
    error: the same rules whether it came over HTTP, in a batch or from an import file."""
    if isinstance(data, model):
        return data
    try:
        return model.model_validate(data, context={"now": now})
    except ValidationError as exc:
        raise ValidationFailed(f"{what} is not valid", errors=field_errors(exc)) from None
