"""Input model of the targets slice: marking a target met (a reason when it is late)."""

from __future__ import annotations

from typing import Annotated

from pydantic import StringConstraints

from asb_core.validation import Strict


class TargetMetIn(Strict):
    late_reason: Annotated[str, StringConstraints(min_length=1, max_length=2000)] | None = None
