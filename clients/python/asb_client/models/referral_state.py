from enum import StrEnum


class ReferralState(StrEnum):
    ACCEPTED = "accepted"
    CLOSED = "closed"
    DECLINED = "declined"
    NO_RESPONSE = "no_response"
    SENT = "sent"

    def __str__(self) -> str:
        return str(self.value)
