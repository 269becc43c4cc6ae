from enum import StrEnum


class StatCellType1(StrEnum):
    VALUE_0 = "1-4"
    VALUE_1 = "*"

    def __str__(self) -> str:
        return str(self.value)
