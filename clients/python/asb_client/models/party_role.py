from enum import StrEnum


class PartyRole(StrEnum):
    ALLEGED_PERPETRATOR = "alleged_perpetrator"
    COMPLAINANT = "complainant"
    VICTIM = "victim"
    WITNESS = "witness"

    def __str__(self) -> str:
        return str(self.value)
