from enum import StrEnum


class ReferralConsentBasis(StrEnum):
    CONSENT = "consent"
    LEGAL_BASIS = "legal_basis"

    def __str__(self) -> str:
        return str(self.value)
