"""The shared rules of every input model: strict objects (unknown fields refused), no control
characters, no date before 1900, and the bounded string types the contract names.

Each slice's `schemas.py` builds its input models on `Strict`; those models are the only
validation of a body, whether it came over HTTP or from an import file.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    StringConstraints,
    field_validator,
    model_validator,
)

Text = Annotated[str, StringConstraints(max_length=20_000)]
Short = Annotated[str, StringConstraints(min_length=1, max_length=500)]
# An area as the contract spells it (openapi.yaml Area): a short lower-case name.
AreaName = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,62}$")]
Level = Literal["standard", "medium", "high"]


def _not_a_number(value: Any) -> Any:
    # Non-strict validation would read 1700000000 as seconds since 1970.
    if isinstance(value, int | float):
        raise ValueError("a date-time with a time zone, not a number")
    return value


# A date-time (or date) given as text (RFC 3339), never as a number.
DateTimeIn = Annotated[datetime, BeforeValidator(_not_a_number)]
AwareDateTimeIn = Annotated[AwareDatetime, BeforeValidator(_not_a_number)]
DateIn = Annotated[date, BeforeValidator(_not_a_number)]


def past_date(value: str | None) -> str | None:
    """A calendar date `YYYY-MM-DD` from 1900 to today (a date of birth)."""
    if value is None:
        return None
    try:
        day = date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        day = None
    if day is None:
        raise ValueError("a date as YYYY-MM-DD")
    if day.year < 1900 or day > datetime.now(UTC).date():
        raise ValueError("must be a date from 1900 to today")
    return value
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

    @classmethod
    def model_validate(cls, obj: Any, *, strict: bool | None = None, **kwargs: Any) -> Any:
        # Litestar's pydantic plugin passes strict=False, which would turn off the fields' own
        # strictness (StrictInt, StrictBool: "10" read as 10, true as 1); only strict=True is
        # honoured, and the fields decide otherwise.
        return super().model_validate(obj, strict=strict or None, **kwargs)

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


class MergePatch(Strict):
    """A JSON merge patch (RFC 7396): only the fields actually sent change (`model_fields_set`),
    absent is not null, and at least one field must be sent."""

    @model_validator(mode="after")
    def _not_empty(self) -> MergePatch:
        if not self.model_fields_set:
            raise ValueError("name at least one field to change")
        return self

    def changes(self) -> dict[str, Any]:
        """The fields the client actually sent, with their values."""
        return self.model_dump(exclude_unset=True)
