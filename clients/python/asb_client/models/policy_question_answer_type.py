from enum import StrEnum


class PolicyQuestionAnswerType(StrEnum):
    BOOLEAN = "boolean"
    FREQUENCY = "frequency"
    STRANDS = "strands"

    def __str__(self) -> str:
        return str(self.value)
