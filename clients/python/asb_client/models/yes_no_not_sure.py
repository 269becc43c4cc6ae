from enum import StrEnum


class YesNoNotSure(StrEnum):
    NO = "no"
    NOT_SURE = "not_sure"
    YES = "yes"

    def __str__(self) -> str:
        return str(self.value)
