from enum import StrEnum


class TargetKind(StrEnum):
    CASE_REVIEW = "case_review"
    CASE_REVIEW_ACKNOWLEDGE = "case_review_acknowledge"
    CASE_REVIEW_DECISION = "case_review_decision"
    CASE_REVIEW_OUTCOME = "case_review_outcome"
    CASE_REVIEW_RECOMMENDATION = "case_review_recommendation"
    FIRST_CONTACT = "first_contact"
    HATE_REVIEW = "hate_review"
    MULTI_AGENCY = "multi_agency"
    REASSESSMENT = "reassessment"
    REFERRAL_HANDOVER = "referral_handover"
    SHARE_WITH_POLICE = "share_with_police"
    VICTIM_UPDATE = "victim_update"

    def __str__(self) -> str:
        return str(self.value)
