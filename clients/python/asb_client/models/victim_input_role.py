from enum import StrEnum


class VictimInputRole(StrEnum):
    COMPLAINANT = "complainant"
    VICTIM = "victim"

    def __str__(self) -> str:
        return str(self.value)
