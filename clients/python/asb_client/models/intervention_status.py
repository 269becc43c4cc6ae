from enum import StrEnum


class InterventionStatus(StrEnum):
    BREACHED = "breached"
    DISCHARGED = "discharged"
    EXPIRED = "expired"
    ISSUED = "issued"
    PROPOSED = "proposed"

    def __str__(self) -> str:
        return str(self.value)
