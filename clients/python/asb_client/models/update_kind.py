from enum import StrEnum


class UpdateKind(StrEnum):
    ACTION = "action"
    UPDATE = "update"
    VICTIM_UPDATE = "victim_update"

    def __str__(self) -> str:
        return str(self.value)
