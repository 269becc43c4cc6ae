from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.diary_entry import DiaryEntry
    from ..models.problem import Problem


T = TypeVar("T", bound="DiaryEntryBatchResultResultsItem")


@_attrs_define
class DiaryEntryBatchResultResultsItem:
    """
    Attributes:
        index (int):
        status (int): 201, or the status of the item's problem
        created (bool | None): false for a replayed item; null for a failed one
        entry (DiaryEntry | None):
        problem (None | Problem):
    """

    index: int
    status: int
    created: bool | None
    entry: DiaryEntry | None
    problem: None | Problem

    def to_dict(self) -> dict[str, Any]:
        from ..models.diary_entry import DiaryEntry  # noqa: PLC0415
        from ..models.problem import Problem  # noqa: PLC0415

        index = self.index

        status = self.status

        created: bool | None
        created = self.created

        entry: dict[str, Any] | None
        if isinstance(self.entry, DiaryEntry):
            entry = self.entry.to_dict()
        else:
            entry = self.entry

        problem: dict[str, Any] | None
        if isinstance(self.problem, Problem):
            problem = self.problem.to_dict()
        else:
            problem = self.problem

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "index": index,
                "status": status,
                "created": created,
                "entry": entry,
                "problem": problem,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.diary_entry import DiaryEntry  # noqa: PLC0415
        from ..models.problem import Problem  # noqa: PLC0415

        d = dict(src_dict)
        index = d.pop("index")

        status = d.pop("status")

        def _parse_created(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        created = _parse_created(d.pop("created"))

        def _parse_entry(data: object) -> DiaryEntry | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                entry_type_0 = DiaryEntry.from_dict(data)

                return entry_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DiaryEntry | None, data)

        entry = _parse_entry(d.pop("entry"))

        def _parse_problem(data: object) -> None | Problem:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                problem_type_0 = Problem.from_dict(data)

                return problem_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Problem, data)

        problem = _parse_problem(d.pop("problem"))

        diary_entry_batch_result_results_item = cls(
            index=index,
            status=status,
            created=created,
            entry=entry,
            problem=problem,
        )

        return diary_entry_batch_result_results_item
