from enum import StrEnum


class SubjectAccessExportCasesItemReferralsOfYouType0ItemConsentBasis(StrEnum):
    CONSENT = "consent"
    LEGAL_BASIS = "legal_basis"

    def __str__(self) -> str:
        return str(self.value)
