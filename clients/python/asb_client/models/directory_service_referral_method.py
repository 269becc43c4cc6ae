from enum import StrEnum


class DirectoryServiceReferralMethod(StrEnum):
    API = "api"
    EMAIL = "email"
    PHONE = "phone"

    def __str__(self) -> str:
        return str(self.value)
