from enum import StrEnum


class WorkQueueState(StrEnum):
    BREACHED = "breached"
    DUE = "due"
    DUE_SOON = "due_soon"

    def __str__(self) -> str:
        return str(self.value)
