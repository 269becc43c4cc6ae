from enum import StrEnum


class AgencyKind(StrEnum):
    COUNCIL = "council"
    HEALTH = "health"
    HOUSING_PROVIDER = "housing_provider"
    OTHER = "other"
    POLICE = "police"
    VICTIM_SERVICE = "victim_service"

    def __str__(self) -> str:
        return str(self.value)
