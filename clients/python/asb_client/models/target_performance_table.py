from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.stat_cell_type_1 import StatCellType1

T = TypeVar("T", bound="TargetPerformanceTable")


@_attrs_define
class TargetPerformanceTable:
    """Targets met on time or not, by lead agency and level, with the share met.

    Attributes:
        title (str):
        rows (list[str]):
        columns (list[str]):
        cells (list[list[int | StatCellType1]]):
        row_totals (list[int | StatCellType1]):
        column_totals (list[int | StatCellType1]):
        total (int | StatCellType1): A count, `"1-4"` for a small count, or `"*"` for a count withheld.
        share_met_on_time (list[float | None]): Per row, the share of targets met on time (null where suppressed).
    """

    title: str
    rows: list[str]
    columns: list[str]
    cells: list[list[int | StatCellType1]]
    row_totals: list[int | StatCellType1]
    column_totals: list[int | StatCellType1]
    total: int | StatCellType1
    share_met_on_time: list[float | None]

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        rows = self.rows

        columns = self.columns

        cells = []
        for cells_item_data in self.cells:
            cells_item = []
            for cells_item_item_data in cells_item_data:
                cells_item_item: int | str
                if isinstance(cells_item_item_data, StatCellType1):
                    cells_item_item = cells_item_item_data.value
                else:
                    cells_item_item = cells_item_item_data
                cells_item.append(cells_item_item)

            cells.append(cells_item)

        row_totals = []
        for row_totals_item_data in self.row_totals:
            row_totals_item: int | str
            if isinstance(row_totals_item_data, StatCellType1):
                row_totals_item = row_totals_item_data.value
            else:
                row_totals_item = row_totals_item_data
            row_totals.append(row_totals_item)

        column_totals = []
        for column_totals_item_data in self.column_totals:
            column_totals_item: int | str
            if isinstance(column_totals_item_data, StatCellType1):
                column_totals_item = column_totals_item_data.value
            else:
                column_totals_item = column_totals_item_data
            column_totals.append(column_totals_item)

        total: int | str
        if isinstance(self.total, StatCellType1):
            total = self.total.value
        else:
            total = self.total

        share_met_on_time = []
        for share_met_on_time_item_data in self.share_met_on_time:
            share_met_on_time_item: float | None
            share_met_on_time_item = share_met_on_time_item_data
            share_met_on_time.append(share_met_on_time_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
                "rows": rows,
                "columns": columns,
                "cells": cells,
                "row_totals": row_totals,
                "column_totals": column_totals,
                "total": total,
                "share_met_on_time": share_met_on_time,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        rows = cast(list[str], d.pop("rows"))

        columns = cast(list[str], d.pop("columns"))

        cells = []
        _cells = d.pop("cells")
        for cells_item_data in _cells:
            cells_item = []
            _cells_item = cells_item_data
            for cells_item_item_data in _cells_item:

                def _parse_cells_item_item(data: object) -> int | StatCellType1:
                    try:
                        if not isinstance(data, str):
                            raise TypeError()
                        componentsschemas_stat_cell_type_1 = StatCellType1(data)

                        return componentsschemas_stat_cell_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(int | StatCellType1, data)

                cells_item_item = _parse_cells_item_item(cells_item_item_data)

                cells_item.append(cells_item_item)

            cells.append(cells_item)

        row_totals = []
        _row_totals = d.pop("row_totals")
        for row_totals_item_data in _row_totals:

            def _parse_row_totals_item(data: object) -> int | StatCellType1:
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    componentsschemas_stat_cell_type_1 = StatCellType1(data)

                    return componentsschemas_stat_cell_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(int | StatCellType1, data)

            row_totals_item = _parse_row_totals_item(row_totals_item_data)

            row_totals.append(row_totals_item)

        column_totals = []
        _column_totals = d.pop("column_totals")
        for column_totals_item_data in _column_totals:

            def _parse_column_totals_item(data: object) -> int | StatCellType1:
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    componentsschemas_stat_cell_type_1 = StatCellType1(data)

                    return componentsschemas_stat_cell_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(int | StatCellType1, data)

            column_totals_item = _parse_column_totals_item(column_totals_item_data)

            column_totals.append(column_totals_item)

        def _parse_total(data: object) -> int | StatCellType1:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_stat_cell_type_1 = StatCellType1(data)

                return componentsschemas_stat_cell_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | StatCellType1, data)

        total = _parse_total(d.pop("total"))

        share_met_on_time = []
        _share_met_on_time = d.pop("share_met_on_time")
        for share_met_on_time_item_data in _share_met_on_time:

            def _parse_share_met_on_time_item(data: object) -> float | None:
                if data is None:
                    return data
                return cast(float | None, data)

            share_met_on_time_item = _parse_share_met_on_time_item(share_met_on_time_item_data)

            share_met_on_time.append(share_met_on_time_item)

        target_performance_table = cls(
            title=title,
            rows=rows,
            columns=columns,
            cells=cells,
            row_totals=row_totals,
            column_totals=column_totals,
            total=total,
            share_met_on_time=share_met_on_time,
        )

        return target_performance_table
