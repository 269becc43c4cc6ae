from enum import StrEnum


class ListCasesTargetState(StrEnum):
    BREACHED = "breached"
    DUE = "due"

    def __str__(self) -> str:
        return str(self.value)
