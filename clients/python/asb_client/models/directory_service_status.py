from enum import StrEnum


class DirectoryServiceStatus(StrEnum):
    ACTIVE = "active"
    DEFUNCT = "defunct"
    INACTIVE = "inactive"
    TEMPORARILY_CLOSED = "temporarily closed"

    def __str__(self) -> str:
        return str(self.value)
