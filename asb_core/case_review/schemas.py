"""Input model of the case review slice: logging an ASB Case Review application."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import StringConstraints

from asb_core.validation import Strict


class CaseReviewIn(Strict):
    applicant_description: Annotated[str, StringConstraints(min_length=1, max_length=2000)]
    applied_at: datetime | None = None
