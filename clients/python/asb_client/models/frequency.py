from enum import StrEnum


class Frequency(StrEnum):
    DAILY = "daily"
    LESS_OFTEN = "less_often"
    MONTHLY = "monthly"
    WEEKLY = "weekly"

    def __str__(self) -> str:
        return str(self.value)
