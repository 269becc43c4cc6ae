"""Target specifications: how long a piece of work may take (kept free of imports on purpose,
so that the policy, the targets and the escalation rules can all use it)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from harm_model.levels import Level

TARGET_KINDS: tuple[str, ...] = ("first_contact", "multi_agency", "victim_update", "case_review")
UNITS: tuple[str, ...] = ("hours", "working_days", "days")


@dataclass(frozen=True, slots=True)
class TargetSpec:
    """One target: ``amount`` ``unit`` from its start, once (``within``) or recurring (``every``).

    ``level`` is the risk level the target belongs to; follow-up targets of escalation flags
    (hate review, sharing with the police, reassessment...) are not tied to a level and carry
    ``None``.
    """

    kind: str
    level: Level | None
    amount: int
    unit: str
    recurring: bool
    text: str

    @property
    def every_or_within(self) -> str:
        return "every" if self.recurring else "within"

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "level": None if self.level is None else self.level.value,
            "every_or_within": self.every_or_within,
            "amount": self.amount,
            "unit": self.unit,
            "recurring": self.recurring,
            "text": self.text,
        }
