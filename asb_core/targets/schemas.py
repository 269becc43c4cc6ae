"""Input models of the targets slice: marking a target met (a reason when it is late), and
reassigning its owner agency."""

from __future__ import annotations

from typing import Annotated

from pydantic import StringConstraints

from asb_core.validation import Short, Strict


class TargetMetIn(Strict):
    late_reason: Annotated[str, StringConstraints(min_length=1, max_length=2000)] | None = None


class TargetOwnerIn(Strict):
    """Reassigning a target to another member agency, and why (audited, on the timeline)."""

    owner_agency: Short
    reason: Annotated[str, StringConstraints(min_length=1, max_length=2000)]
