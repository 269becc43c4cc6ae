from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.stat_cell_type_1 import StatCellType1

T = TypeVar("T", bound="StatTable")


@_attrs_define
class StatTable:
    """A two-way table of counts with row and column totals.

    Attributes:
        title (str):
        rows (list[str]):
        columns (list[str]):
        cells (list[list[int | StatCellType1]]): One list per row, one cell per column.
        row_totals (list[int | StatCellType1]):
        column_totals (list[int | StatCellType1]):
        total (int | StatCellType1): A count, `"1-4"` for a small count, or `"*"` for a count withheld.
    """

    title: str
    rows: list[str]
    columns: list[str]
    cells: list[list[int | StatCellType1]]
    row_totals: list[int | StatCellType1]
    column_totals: list[int | StatCellType1]
    total: int | StatCellType1

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

        stat_table = cls(
            title=title,
            rows=rows,
            columns=columns,
            cells=cells,
            row_totals=row_totals,
            column_totals=column_totals,
            total=total,
        )

        return stat_table
