from enum import StrEnum


class EmbedTokenScopesItem(StrEnum):
    ASSESS_EVALUATE = "assess.evaluate"
    CASE_OPEN = "case.open"

    def __str__(self) -> str:
        return str(self.value)
