from enum import StrEnum


class CaseStatus(StrEnum):
    ACTIVE = "active"
    CLOSED = "closed"
    OPEN = "open"
    REVIEW = "review"

    def __str__(self) -> str:
        return str(self.value)
