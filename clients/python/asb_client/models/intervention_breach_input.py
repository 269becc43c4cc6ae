from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.category import Category
from ..models.perceived_by import PerceivedBy
from ..models.strand import Strand
from ..types import UNSET, Unset

T = TypeVar("T", bound="InterventionBreachInput")


@_attrs_define
class InterventionBreachInput:
    """
    Example:
        {'occurred_at': '2026-12-12T23:30:00Z', 'account': 'Loud music from the flat until 02:00', 'category': 'noise'}

    Attributes:
        occurred_at (datetime.datetime): Not in the future.
        account (str): What was done in breach.
        category (Category | None | Unset): The behaviour that breached it (required when a breach is no offence in
            law).
        location (None | str | Unset):
        officer_reference (None | str | Unset):
        hostility_perceived (list[Strand] | Unset):
        hostility_perceived_by (None | PerceivedBy | Unset):
        hostility_asked (bool | Unset):  Default: False.
        victim_feels_targeted (bool | None | Unset): `true` yes, `false` no, `null` (or absent) unknown: not asked yet.
    """

    occurred_at: datetime.datetime
    account: str
    category: Category | None | Unset = UNSET
    location: None | str | Unset = UNSET
    officer_reference: None | str | Unset = UNSET
    hostility_perceived: list[Strand] | Unset = UNSET
    hostility_perceived_by: None | PerceivedBy | Unset = UNSET
    hostility_asked: bool | Unset = False
    victim_feels_targeted: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        occurred_at = self.occurred_at.isoformat()

        account = self.account

        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        elif isinstance(self.category, Category):
            category = self.category.value
        else:
            category = self.category

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        else:
            location = self.location

        officer_reference: None | str | Unset
        if isinstance(self.officer_reference, Unset):
            officer_reference = UNSET
        else:
            officer_reference = self.officer_reference

        hostility_perceived: list[str] | Unset = UNSET
        if not isinstance(self.hostility_perceived, Unset):
            hostility_perceived = []
            for componentsschemas_strands_item_data in self.hostility_perceived:
                componentsschemas_strands_item = componentsschemas_strands_item_data.value
                hostility_perceived.append(componentsschemas_strands_item)

        hostility_perceived_by: None | str | Unset
        if isinstance(self.hostility_perceived_by, Unset):
            hostility_perceived_by = UNSET
        elif isinstance(self.hostility_perceived_by, PerceivedBy):
            hostility_perceived_by = self.hostility_perceived_by.value
        else:
            hostility_perceived_by = self.hostility_perceived_by

        hostility_asked = self.hostility_asked

        victim_feels_targeted: bool | None | Unset
        if isinstance(self.victim_feels_targeted, Unset):
            victim_feels_targeted = UNSET
        else:
            victim_feels_targeted = self.victim_feels_targeted

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "occurred_at": occurred_at,
                "account": account,
            }
        )
        if category is not UNSET:
            field_dict["category"] = category
        if location is not UNSET:
            field_dict["location"] = location
        if officer_reference is not UNSET:
            field_dict["officer_reference"] = officer_reference
        if hostility_perceived is not UNSET:
            field_dict["hostility_perceived"] = hostility_perceived
        if hostility_perceived_by is not UNSET:
            field_dict["hostility_perceived_by"] = hostility_perceived_by
        if hostility_asked is not UNSET:
            field_dict["hostility_asked"] = hostility_asked
        if victim_feels_targeted is not UNSET:
            field_dict["victim_feels_targeted"] = victim_feels_targeted

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        account = d.pop("account")

        def _parse_category(data: object) -> Category | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                category_type_0 = Category(data)

                return category_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Category | None | Unset, data)

        category = _parse_category(d.pop("category", UNSET))

        def _parse_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location = _parse_location(d.pop("location", UNSET))

        def _parse_officer_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        officer_reference = _parse_officer_reference(d.pop("officer_reference", UNSET))

        _hostility_perceived = d.pop("hostility_perceived", UNSET)
        hostility_perceived: list[Strand] | Unset = UNSET
        if _hostility_perceived is not UNSET:
            hostility_perceived = []
            for componentsschemas_strands_item_data in _hostility_perceived:
                componentsschemas_strands_item = Strand(componentsschemas_strands_item_data)

                hostility_perceived.append(componentsschemas_strands_item)

        def _parse_hostility_perceived_by(data: object) -> None | PerceivedBy | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                hostility_perceived_by_type_0 = PerceivedBy(data)

                return hostility_perceived_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PerceivedBy | Unset, data)

        hostility_perceived_by = _parse_hostility_perceived_by(d.pop("hostility_perceived_by", UNSET))

        hostility_asked = d.pop("hostility_asked", UNSET)

        def _parse_victim_feels_targeted(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        victim_feels_targeted = _parse_victim_feels_targeted(d.pop("victim_feels_targeted", UNSET))

        intervention_breach_input = cls(
            occurred_at=occurred_at,
            account=account,
            category=category,
            location=location,
            officer_reference=officer_reference,
            hostility_perceived=hostility_perceived,
            hostility_perceived_by=hostility_perceived_by,
            hostility_asked=hostility_asked,
            victim_feels_targeted=victim_feels_targeted,
        )

        return intervention_breach_input
