from enum import StrEnum


class ReferralOutcomeType2Type1(StrEnum):
    DID_NOT_ENGAGE = "did_not_engage"
    ENGAGED = "engaged"
    NOT_ELIGIBLE = "not_eligible"

    def __str__(self) -> str:
        return str(self.value)
