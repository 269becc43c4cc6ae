from enum import StrEnum


class TargetSpecEveryOrWithin(StrEnum):
    EVERY = "every"
    WITHIN = "within"

    def __str__(self) -> str:
        return str(self.value)
