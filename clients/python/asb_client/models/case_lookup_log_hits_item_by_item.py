from enum import StrEnum


class CaseLookupLogHitsItemByItem(StrEnum):
    ADDRESS = "address"
    PHONE = "phone"

    def __str__(self) -> str:
        return str(self.value)
