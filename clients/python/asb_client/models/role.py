from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    ANALYST = "analyst"
    AUDITOR = "auditor"
    CALL_HANDLER = "call_handler"
    CASEWORKER = "caseworker"
    DPO = "dpo"
    INTEGRATION = "integration"
    SUPERVISOR = "supervisor"

    def __str__(self) -> str:
        return str(self.value)
