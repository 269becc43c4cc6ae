from enum import StrEnum


class Strand(StrEnum):
    DISABILITY = "disability"
    OTHER = "other"
    RACE = "race"
    RELIGION = "religion"
    SEXUAL_ORIENTATION = "sexual_orientation"
    TRANSGENDER = "transgender"

    def __str__(self) -> str:
        return str(self.value)
