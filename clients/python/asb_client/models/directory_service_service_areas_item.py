from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="DirectoryServiceServiceAreasItem")


@_attrs_define
class DirectoryServiceServiceAreasItem:
    """
    Attributes:
        service_area (str): An area an agency covers (a district), by its short name. Example: fenland.
    """

    service_area: str

    def to_dict(self) -> dict[str, Any]:
        service_area = self.service_area

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "service_area": service_area,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        service_area = d.pop("service_area")

        directory_service_service_areas_item = cls(
            service_area=service_area,
        )

        return directory_service_service_areas_item
