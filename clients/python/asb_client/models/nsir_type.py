from enum import StrEnum


class NsirType(StrEnum):
    ENVIRONMENTAL = "environmental"
    NUISANCE = "nuisance"
    PERSONAL = "personal"

    def __str__(self) -> str:
        return str(self.value)
