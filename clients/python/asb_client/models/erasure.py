from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.erasure_fields_item import ErasureFieldsItem
from ..models.party_role import PartyRole

if TYPE_CHECKING:
    from ..models.erasure_changed import ErasureChanged


T = TypeVar("T", bound="Erasure")


@_attrs_define
class Erasure:
    """
    Attributes:
        party_id (UUID):
        role (PartyRole):
        display_name (str):
        erased_at (datetime.datetime):
        fields (list[ErasureFieldsItem]): The identity fields that held a value (names only).
        free_text (bool):
        changed (ErasureChanged): Rows changed per table.
    """

    party_id: UUID
    role: PartyRole
    display_name: str
    erased_at: datetime.datetime
    fields: list[ErasureFieldsItem]
    free_text: bool
    changed: ErasureChanged

    def to_dict(self) -> dict[str, Any]:
        party_id = str(self.party_id)

        role = self.role.value

        display_name = self.display_name

        erased_at = self.erased_at.isoformat()

        fields = []
        for fields_item_data in self.fields:
            fields_item = fields_item_data.value
            fields.append(fields_item)

        free_text = self.free_text

        changed = self.changed.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "party_id": party_id,
                "role": role,
                "display_name": display_name,
                "erased_at": erased_at,
                "fields": fields,
                "free_text": free_text,
                "changed": changed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.erasure_changed import ErasureChanged  # noqa: PLC0415

        d = dict(src_dict)
        party_id = UUID(d.pop("party_id"))

        role = PartyRole(d.pop("role"))

        display_name = d.pop("display_name")

        erased_at = datetime.datetime.fromisoformat(d.pop("erased_at"))

        fields = []
        _fields = d.pop("fields")
        for fields_item_data in _fields:
            fields_item = ErasureFieldsItem(fields_item_data)

            fields.append(fields_item)

        free_text = d.pop("free_text")

        changed = ErasureChanged.from_dict(d.pop("changed"))

        erasure = cls(
            party_id=party_id,
            role=role,
            display_name=display_name,
            erased_at=erased_at,
            fields=fields,
            free_text=free_text,
            changed=changed,
        )

        return erasure
