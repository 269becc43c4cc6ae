from enum import StrEnum


class ReferralInputContactRouteType2Type1(StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    POST = "post"

    def __str__(self) -> str:
        return str(self.value)
