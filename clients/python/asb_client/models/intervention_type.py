from enum import StrEnum


class InterventionType(StrEnum):
    ACCEPTABLE_BEHAVIOUR_AGREEMENT = "acceptable_behaviour_agreement"
    CIVIL_INJUNCTION = "civil_injunction"
    CLOSURE_NOTICE = "closure_notice"
    CLOSURE_ORDER = "closure_order"
    COMMUNITY_PROTECTION_NOTICE = "community_protection_notice"
    COMMUNITY_PROTECTION_WARNING = "community_protection_warning"
    CRIMINAL_BEHAVIOUR_ORDER = "criminal_behaviour_order"
    MEDIATION = "mediation"
    POSSESSION_PROCEEDINGS = "possession_proceedings"
    SUPPORT_REFERRAL = "support_referral"
    VERBAL_WARNING = "verbal_warning"
    WARNING_LETTER = "warning_letter"

    def __str__(self) -> str:
        return str(self.value)
