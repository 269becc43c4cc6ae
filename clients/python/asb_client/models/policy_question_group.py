from enum import StrEnum


class PolicyQuestionGroup(StrEnum):
    CRITICAL = "critical"
    HOSTILITY = "hostility"
    IMPACT = "impact"
    PATTERN = "pattern"
    VULNERABILITY = "vulnerability"

    def __str__(self) -> str:
        return str(self.value)
