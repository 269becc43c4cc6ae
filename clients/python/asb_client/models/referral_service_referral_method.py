from enum import StrEnum


class ReferralServiceReferralMethod(StrEnum):
    API = "api"
    EMAIL = "email"
    PHONE = "phone"

    def __str__(self) -> str:
        return str(self.value)
