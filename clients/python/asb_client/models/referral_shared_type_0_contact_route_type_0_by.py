from enum import StrEnum


class ReferralSharedType0ContactRouteType0By(StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    POST = "post"

    def __str__(self) -> str:
        return str(self.value)
