from enum import StrEnum


class CasePatchStatus(StrEnum):
    ACTIVE = "active"
    OPEN = "open"
    REVIEW = "review"

    def __str__(self) -> str:
        return str(self.value)
