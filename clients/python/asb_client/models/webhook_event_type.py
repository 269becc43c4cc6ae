from enum import StrEnum


class WebhookEventType(StrEnum):
    CASE_CLOSED = "case.closed"
    CASE_LEVEL_CHANGED = "case.level_changed"
    CASE_SHARED = "case.shared"
    DIARY_ENTRY_ADDED = "diary_entry.added"
    ESCALATION_RAISED = "escalation.raised"
    REFERRAL_CHANGED = "referral.changed"
    TARGET_BREACHED = "target.breached"
    TARGET_DUE_SOON = "target.due_soon"

    def __str__(self) -> str:
        return str(self.value)
