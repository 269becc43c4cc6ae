from enum import StrEnum


class IncidentSource(StrEnum):
    DIARY_ENTRY = "diary_entry"
    OFFICER_REPORT = "officer_report"

    def __str__(self) -> str:
        return str(self.value)
