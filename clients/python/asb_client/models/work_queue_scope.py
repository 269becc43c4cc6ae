from enum import StrEnum


class WorkQueueScope(StrEnum):
    ALL_MEMBER_CASES = "all_member_cases"
    OWNED = "owned"

    def __str__(self) -> str:
        return str(self.value)
