from enum import StrEnum


class InterventionBreachInLaw(StrEnum):
    CONTEMPT_OF_COURT = "contempt_of_court"
    CPN_MAY_FOLLOW = "cpn_may_follow"
    CRIMINAL_OFFENCE = "criminal_offence"
    NONE_IN_LAW = "none_in_law"
    NOT_APPLICABLE = "not_applicable"

    def __str__(self) -> str:
        return str(self.value)
