from enum import StrEnum


class CaseLookupLogHitsItemAnsweredType0(StrEnum):
    CONTACT = "contact"
    LEVEL = "level"

    def __str__(self) -> str:
        return str(self.value)
