from enum import StrEnum


class ConsentState(StrEnum):
    GIVEN = "given"
    NOT_ASKED = "not_asked"
    REFUSED = "refused"

    def __str__(self) -> str:
        return str(self.value)
