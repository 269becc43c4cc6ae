"""Input model of the updates slice: an update, an action or a victim update on a case."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import StringConstraints

from asb_core.validation import DateTimeIn, Short, Strict


class UpdateIn(Strict):
    kind: Literal["update", "action", "victim_update"]
    text: Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
    owner_agency: Short | None = None
    due_at: DateTimeIn | None = None
