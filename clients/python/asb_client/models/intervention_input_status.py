from enum import StrEnum


class InterventionInputStatus(StrEnum):
    ISSUED = "issued"
    PROPOSED = "proposed"

    def __str__(self) -> str:
        return str(self.value)
