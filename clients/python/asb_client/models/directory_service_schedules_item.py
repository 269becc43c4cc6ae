from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="DirectoryServiceSchedulesItem")


@_attrs_define
class DirectoryServiceSchedulesItem:
    """
    Attributes:
        freq (None | str):  Example: WEEKLY.
        byday (None | str):  Example: MO,TU,WE,TH,FR.
        opens_at (str):  Example: 09:00.
        closes_at (str):  Example: 17:00.
        description (None | str):
    """

    freq: None | str
    byday: None | str
    opens_at: str
    closes_at: str
    description: None | str

    def to_dict(self) -> dict[str, Any]:
        freq: None | str
        freq = self.freq

        byday: None | str
        byday = self.byday

        opens_at = self.opens_at

        closes_at = self.closes_at

        description: None | str
        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "freq": freq,
                "byday": byday,
                "opens_at": opens_at,
                "closes_at": closes_at,
                "description": description,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_freq(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        freq = _parse_freq(d.pop("freq"))

        def _parse_byday(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        byday = _parse_byday(d.pop("byday"))

        opens_at = d.pop("opens_at")

        closes_at = d.pop("closes_at")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        directory_service_schedules_item = cls(
            freq=freq,
            byday=byday,
            opens_at=opens_at,
            closes_at=closes_at,
            description=description,
        )

        return directory_service_schedules_item
