from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.diary_entry_batch_item_entry import DiaryEntryBatchItemEntry


T = TypeVar("T", bound="DiaryEntryBatchItem")


@_attrs_define
class DiaryEntryBatchItem:
    """
    Attributes:
        idempotency_key (str):
        entry (DiaryEntryBatchItemEntry): A DiaryEntryInput, validated item by item: an invalid entry fails its item
            only.
    """

    idempotency_key: str
    entry: DiaryEntryBatchItemEntry

    def to_dict(self) -> dict[str, Any]:
        idempotency_key = self.idempotency_key

        entry = self.entry.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "idempotency_key": idempotency_key,
                "entry": entry,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.diary_entry_batch_item_entry import DiaryEntryBatchItemEntry  # noqa: PLC0415

        d = dict(src_dict)
        idempotency_key = d.pop("idempotency_key")

        entry = DiaryEntryBatchItemEntry.from_dict(d.pop("entry"))

        diary_entry_batch_item = cls(
            idempotency_key=idempotency_key,
            entry=entry,
        )

        return diary_entry_batch_item
