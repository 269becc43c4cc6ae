from enum import StrEnum


class CaseReviewResult(StrEnum):
    FURTHER_ACTION_REQUIRED = "further_action_required"
    REVIEW_UPHELD = "review_upheld"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
