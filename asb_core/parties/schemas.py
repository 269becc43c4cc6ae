"""Input models of the parties slice: the victim named when a case is opened, their consent,
and a call handler's repeat-caller lookup. These are the only validation of those bodies."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import StringConstraints

from asb_core.validation import Short, Strict


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


class RepeatCallerIn(Strict):
    phone: Annotated[str, StringConstraints(min_length=1, max_length=50)] | None = None
    address: Annotated[str, StringConstraints(min_length=1, max_length=1000)] | None = None
    area: Annotated[str, StringConstraints(min_length=1, max_length=100)] | None = None
