from enum import StrEnum


class DirectoryServiceAttributesItemTaxonomyTermVocabulary(StrEnum):
    ASB_REFERRAL_NEEDS = "asb-referral-needs"

    def __str__(self) -> str:
        return str(self.value)
