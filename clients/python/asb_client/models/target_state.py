from enum import StrEnum


class TargetState(StrEnum):
    BREACHED = "breached"
    DUE = "due"
    MET = "met"

    def __str__(self) -> str:
        return str(self.value)
