from enum import StrEnum


class RuleId(StrEnum):
    CASE_REVIEW_ELIGIBLE = "case-review-eligible"
    CRITICAL_INCIDENT = "critical-incident"
    HATE_CRIME = "hate-crime"
    HATE_PERCEIVED = "hate-perceived"
    HATE_SCREEN = "hate-screen"
    REPEAT_VICTIM = "repeat-victim"
    SEVERITY_RISE = "severity-rise"

    def __str__(self) -> str:
        return str(self.value)
