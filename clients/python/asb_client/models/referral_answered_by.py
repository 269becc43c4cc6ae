from enum import StrEnum


class ReferralAnsweredBy(StrEnum):
    REFERRING_OFFICER = "referring_officer"
    SERVICE = "service"

    def __str__(self) -> str:
        return str(self.value)
