from enum import StrEnum


class InterventionStatusChangeStatus(StrEnum):
    DISCHARGED = "discharged"
    EXPIRED = "expired"
    ISSUED = "issued"

    def __str__(self) -> str:
        return str(self.value)
