from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.diary_entry_batch_result_results_item import DiaryEntryBatchResultResultsItem


T = TypeVar("T", bound="DiaryEntryBatchResult")


@_attrs_define
class DiaryEntryBatchResult:
    """
    Attributes:
        created (int):
        replayed (int):
        failed (int):
        results (list[DiaryEntryBatchResultResultsItem]):
    """

    created: int
    replayed: int
    failed: int
    results: list[DiaryEntryBatchResultResultsItem]

    def to_dict(self) -> dict[str, Any]:
        created = self.created

        replayed = self.replayed

        failed = self.failed

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "created": created,
                "replayed": replayed,
                "failed": failed,
                "results": results,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.diary_entry_batch_result_results_item import DiaryEntryBatchResultResultsItem  # noqa: PLC0415

        d = dict(src_dict)
        created = d.pop("created")

        replayed = d.pop("replayed")

        failed = d.pop("failed")

        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = DiaryEntryBatchResultResultsItem.from_dict(results_item_data)

            results.append(results_item)

        diary_entry_batch_result = cls(
            created=created,
            replayed=replayed,
            failed=failed,
            results=results,
        )

        return diary_entry_batch_result
