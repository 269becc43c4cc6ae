from enum import StrEnum


class ReferralStateInputState(StrEnum):
    ACCEPTED = "accepted"
    CLOSED = "closed"
    DECLINED = "declined"
    NO_RESPONSE = "no_response"

    def __str__(self) -> str:
        return str(self.value)
