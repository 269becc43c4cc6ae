from enum import StrEnum


class RiskLevel(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    STANDARD = "standard"

    def __str__(self) -> str:
        return str(self.value)
