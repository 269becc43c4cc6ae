from enum import StrEnum


class ErasureFieldsItem(StrEnum):
    ADDRESS = "address"
    DATE_OF_BIRTH = "date_of_birth"
    EMAIL = "email"
    NAME = "name"
    PHONE = "phone"

    def __str__(self) -> str:
        return str(self.value)
