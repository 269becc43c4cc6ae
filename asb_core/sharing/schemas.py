"""Input model of the sharing slice: sharing a case with another agency."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import StringConstraints

from asb_core.validation import Short, Strict


class ShareIn(Strict):
    agency: Short
    basis: Literal["consent", "legal_basis"]
    legal_basis: Annotated[str, StringConstraints(min_length=1, max_length=2000)] | None = None
    justification: Annotated[str, StringConstraints(max_length=2000)] | None = None
