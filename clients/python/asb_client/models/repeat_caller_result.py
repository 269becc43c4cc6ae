from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.risk_level import RiskLevel

if TYPE_CHECKING:
    from ..models.repeat_caller_result_contact_item import RepeatCallerResultContactItem


T = TypeVar("T", bound="RepeatCallerResult")


@_attrs_define
class RepeatCallerResult:
    """
    Attributes:
        match (bool):
        level (None | RiskLevel): The highest level among the matching open cases the caller may read; null when none
            match or the caller may read none of them.
        contact (list[RepeatCallerResultContactItem]): The lead agency of each matching case the caller may not read.
    """

    match: bool
    level: None | RiskLevel
    contact: list[RepeatCallerResultContactItem]

    def to_dict(self) -> dict[str, Any]:
        match = self.match

        level: None | str
        if isinstance(self.level, RiskLevel):
            level = self.level.value
        else:
            level = self.level

        contact = []
        for contact_item_data in self.contact:
            contact_item = contact_item_data.to_dict()
            contact.append(contact_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "match": match,
                "level": level,
                "contact": contact,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.repeat_caller_result_contact_item import RepeatCallerResultContactItem  # noqa: PLC0415

        d = dict(src_dict)
        match = d.pop("match")

        def _parse_level(data: object) -> None | RiskLevel:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                level_type_0 = RiskLevel(data)

                return level_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RiskLevel, data)

        level = _parse_level(d.pop("level"))

        contact = []
        _contact = d.pop("contact")
        for contact_item_data in _contact:
            contact_item = RepeatCallerResultContactItem.from_dict(contact_item_data)

            contact.append(contact_item)

        repeat_caller_result = cls(
            match=match,
            level=level,
            contact=contact,
        )

        return repeat_caller_result
