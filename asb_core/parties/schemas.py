"""Input models of the parties slice: the victim named when a case is opened, a party added or
amended later, consent, a party's removal, and a call handler's repeat-caller lookup. These are
the only validation of those bodies."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import StringConstraints, field_validator

from asb_core import clock
from asb_core.validation import DateIn, MergePatch, Short, Strict, past_date

PartyRole = Literal["victim", "complainant", "alleged_perpetrator", "witness"]
Phone = Annotated[str, StringConstraints(min_length=1, max_length=50)]
Email = Annotated[str, StringConstraints(min_length=1, max_length=320)]
Address = Annotated[str, StringConstraints(min_length=1, max_length=1000)]
Reason = Annotated[str, StringConstraints(min_length=1, max_length=2000)]


class VictimIn(Strict):
    role: Literal["victim", "complainant"] = "victim"
    name: Short
    phone: Annotated[str, StringConstraints(max_length=50)] | None = None
    email: Annotated[str, StringConstraints(max_length=320)] | None = None
    address: Annotated[str, StringConstraints(max_length=1000)] | None = None
    date_of_birth: Annotated[str, StringConstraints(max_length=10)] | None = None

    # Given as text here (YYYY-MM-DD), from 1900 to today.
    _dob = field_validator("date_of_birth")(past_date)


class ConsentIn(Strict):
    state: Literal["given", "refused", "not_asked"]
    legal_basis: Reason | None = None

    @field_validator("legal_basis")
    @classmethod
    def _says_something(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError("a legal basis must say something (not only spaces)")
        return value


def _born_in_the_past(value: date | None) -> date | None:
    if value is not None and value > clock.utcnow().date():
        raise ValueError("a date of birth cannot be in the future")
    return value


class IdentityIn(Strict):
    """A party's restricted identity and contact details (each optional: a witness may be
    known only by role)."""

    name: Short | None = None
    phone: Phone | None = None
    email: Email | None = None
    address: Address | None = None
    date_of_birth: DateIn | None = None

    _dob = field_validator("date_of_birth")(_born_in_the_past)


class PartyIn(IdentityIn):
    """A party added to an open case; consent not asked unless given here."""

    role: PartyRole
    consent: ConsentIn | None = None


class PartyPatchIn(IdentityIn, MergePatch):
    """A merge patch: only the fields sent change; `null` clears a contact detail."""

    role: PartyRole | None = None

    @field_validator("role")
    @classmethod
    def _not_null(cls, value: str | None) -> str | None:
        if value is None:
            raise ValueError("a party always has a role: send one, or leave it out")
        return value


class PartyRemovalIn(Strict):
    reason: Reason


class RepeatCallerIn(Strict):
    phone: Annotated[str, StringConstraints(min_length=1, max_length=50)] | None = None
    address: Annotated[str, StringConstraints(min_length=1, max_length=1000)] | None = None
    area: Annotated[str, StringConstraints(min_length=1, max_length=100)] | None = None
