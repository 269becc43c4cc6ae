from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.category import Category
from ..models.strand import Strand
from ..types import UNSET, Unset

T = TypeVar("T", bound="DiaryEntryAddedEventDataDiaryEntry")


@_attrs_define
class DiaryEntryAddedEventDataDiaryEntry:
    """The entry without its account (the victim's words stay in the case).

    Attributes:
        id (UUID):
        category (Category): Local behaviour category, by severity: 1 `litter`, `fly_tipping`, `abandoned_vehicle`,
            `graffiti`; 2 `noise`, `rowdy_behaviour`, `animal_nuisance`, `vehicle_nuisance`, `drug_or_alcohol`; 3
            `verbal_abuse`, `intimidation`, `harassment`; 4 `threats`, `criminal_damage`, `offensive_graffiti`, and the
            breaches of a 2014 Act order or notice (recorded by `POST .../interventions/{intervention_id}/breaches`):
            `order_breach` (a criminal offence: CPN, Criminal Behaviour Order, closure notice or order) and
            `injunction_breach` (contempt of court); 5 `assault`, `arson`, `weapon`.
        severity (int):
        started_at (datetime.datetime | Unset):
        nsir_type (None | str | Unset):
        hostility_perceived (list[Strand] | None | Unset):
        amends (None | Unset | UUID):
        recorded_at (datetime.datetime | Unset):
        acknowledgement_reference (None | str | Unset):
    """

    id: UUID
    category: Category
    severity: int
    started_at: datetime.datetime | Unset = UNSET
    nsir_type: None | str | Unset = UNSET
    hostility_perceived: list[Strand] | None | Unset = UNSET
    amends: None | Unset | UUID = UNSET
    recorded_at: datetime.datetime | Unset = UNSET
    acknowledgement_reference: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        category = self.category.value

        severity = self.severity

        started_at: str | Unset = UNSET
        if not isinstance(self.started_at, Unset):
            started_at = self.started_at.isoformat()

        nsir_type: None | str | Unset
        if isinstance(self.nsir_type, Unset):
            nsir_type = UNSET
        else:
            nsir_type = self.nsir_type

        hostility_perceived: list[str] | None | Unset
        if isinstance(self.hostility_perceived, Unset):
            hostility_perceived = UNSET
        elif isinstance(self.hostility_perceived, list):
            hostility_perceived = []
            for hostility_perceived_type_0_item_data in self.hostility_perceived:
                hostility_perceived_type_0_item = hostility_perceived_type_0_item_data.value
                hostility_perceived.append(hostility_perceived_type_0_item)

        else:
            hostility_perceived = self.hostility_perceived

        amends: None | str | Unset
        if isinstance(self.amends, Unset):
            amends = UNSET
        elif isinstance(self.amends, UUID):
            amends = str(self.amends)
        else:
            amends = self.amends

        recorded_at: str | Unset = UNSET
        if not isinstance(self.recorded_at, Unset):
            recorded_at = self.recorded_at.isoformat()

        acknowledgement_reference: None | str | Unset
        if isinstance(self.acknowledgement_reference, Unset):
            acknowledgement_reference = UNSET
        else:
            acknowledgement_reference = self.acknowledgement_reference

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "category": category,
                "severity": severity,
            }
        )
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if nsir_type is not UNSET:
            field_dict["nsir_type"] = nsir_type
        if hostility_perceived is not UNSET:
            field_dict["hostility_perceived"] = hostility_perceived
        if amends is not UNSET:
            field_dict["amends"] = amends
        if recorded_at is not UNSET:
            field_dict["recorded_at"] = recorded_at
        if acknowledgement_reference is not UNSET:
            field_dict["acknowledgement_reference"] = acknowledgement_reference

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        category = Category(d.pop("category"))

        severity = d.pop("severity")

        _started_at = d.pop("started_at", UNSET)
        started_at: datetime.datetime | Unset
        if isinstance(_started_at, Unset):
            started_at = UNSET
        else:
            started_at = datetime.datetime.fromisoformat(_started_at)

        def _parse_nsir_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        nsir_type = _parse_nsir_type(d.pop("nsir_type", UNSET))

        def _parse_hostility_perceived(data: object) -> list[Strand] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                hostility_perceived_type_0 = []
                _hostility_perceived_type_0 = data
                for hostility_perceived_type_0_item_data in _hostility_perceived_type_0:
                    hostility_perceived_type_0_item = Strand(hostility_perceived_type_0_item_data)

                    hostility_perceived_type_0.append(hostility_perceived_type_0_item)

                return hostility_perceived_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Strand] | None | Unset, data)

        hostility_perceived = _parse_hostility_perceived(d.pop("hostility_perceived", UNSET))

        def _parse_amends(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                amends_type_0 = UUID(data)

                return amends_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        amends = _parse_amends(d.pop("amends", UNSET))

        _recorded_at = d.pop("recorded_at", UNSET)
        recorded_at: datetime.datetime | Unset
        if isinstance(_recorded_at, Unset):
            recorded_at = UNSET
        else:
            recorded_at = datetime.datetime.fromisoformat(_recorded_at)

        def _parse_acknowledgement_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        acknowledgement_reference = _parse_acknowledgement_reference(d.pop("acknowledgement_reference", UNSET))

        diary_entry_added_event_data_diary_entry = cls(
            id=id,
            category=category,
            severity=severity,
            started_at=started_at,
            nsir_type=nsir_type,
            hostility_perceived=hostility_perceived,
            amends=amends,
            recorded_at=recorded_at,
            acknowledgement_reference=acknowledgement_reference,
        )

        diary_entry_added_event_data_diary_entry.additional_properties = d
        return diary_entry_added_event_data_diary_entry

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
