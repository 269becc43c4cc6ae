from enum import StrEnum


class ShareField(StrEnum):
    ADDRESS = "address"
    CONTACT_ROUTE = "contact_route"
    DATE_OF_BIRTH = "date_of_birth"
    EMAIL = "email"
    FIRST_NAME = "first_name"
    FULL_NAME = "full_name"
    PHONE = "phone"

    def __str__(self) -> str:
        return str(self.value)
