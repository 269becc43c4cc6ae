from enum import StrEnum


class EmbedTokenScopesItem(StrEnum):
    ASSESS_EVALUATE = "assess.evaluate"
    CASE_OPEN = "case.open"
    REPEAT_CALLER_LOOKUP = "repeat_caller.lookup"

    def __str__(self) -> str:
        return str(self.value)
