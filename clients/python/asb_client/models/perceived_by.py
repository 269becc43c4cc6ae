from enum import StrEnum


class PerceivedBy(StrEnum):
    OFFICER = "officer"
    OTHER = "other"
    VICTIM = "victim"
    WITNESS = "witness"

    def __str__(self) -> str:
        return str(self.value)
