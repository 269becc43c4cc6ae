from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.category import Category
from ..models.perceived_by import PerceivedBy
from ..models.strand import Strand
from ..types import UNSET, Unset

T = TypeVar("T", bound="DiaryAmendmentInput")


@_attrs_define
class DiaryAmendmentInput:
    """The corrected entry, with the same fields and limits as a new entry (`DiaryEntryInput`); the entry it amends is
    named by the path.

        Attributes:
            started_at (datetime.datetime):
            what_happened (str):
            category (Category): Local behaviour category, by severity: 1 `litter`, `fly_tipping`, `abandoned_vehicle`,
                `graffiti`; 2 `noise`, `rowdy_behaviour`, `animal_nuisance`, `vehicle_nuisance`, `drug_or_alcohol`; 3
                `verbal_abuse`, `intimidation`, `harassment`; 4 `threats`, `criminal_damage`, `offensive_graffiti`, and the
                breaches of a 2014 Act order or notice (recorded by `POST .../interventions/{intervention_id}/breaches`):
                `order_breach` (a criminal offence: CPN, Criminal Behaviour Order, closure notice or order) and
                `injunction_breach` (contempt of court); 5 `assault`, `arson`, `weapon`.
            duration_minutes (int | None | Unset):
            location (None | str | Unset):
            responsible (None | str | Unset):
            witnesses (None | str | Unset):
            effect_on_victim (None | str | Unset):
            reported_to (None | str | Unset):
            reported_reference (None | str | Unset):
            hostility_perceived (list[Strand] | Unset):
            hostility_perceived_by (None | PerceivedBy | Unset):
            hostility_asked (bool | Unset):
            victim_feels_targeted (bool | None | Unset):
            source_system (None | str | Unset):
            reported_at (datetime.datetime | None | Unset): When the victim reported this to the agency, if earlier than now
                (a sheet posted late); not before `started_at`, not in the future. The Case Review's "reported in time" rule
                reads it; null means when it is recorded.
    """

    started_at: datetime.datetime
    what_happened: str
    category: Category
    duration_minutes: int | None | Unset = UNSET
    location: None | str | Unset = UNSET
    responsible: None | str | Unset = UNSET
    witnesses: None | str | Unset = UNSET
    effect_on_victim: None | str | Unset = UNSET
    reported_to: None | str | Unset = UNSET
    reported_reference: None | str | Unset = UNSET
    hostility_perceived: list[Strand] | Unset = UNSET
    hostility_perceived_by: None | PerceivedBy | Unset = UNSET
    hostility_asked: bool | Unset = UNSET
    victim_feels_targeted: bool | None | Unset = UNSET
    source_system: None | str | Unset = UNSET
    reported_at: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        started_at = self.started_at.isoformat()

        what_happened = self.what_happened

        category = self.category.value

        duration_minutes: int | None | Unset
        if isinstance(self.duration_minutes, Unset):
            duration_minutes = UNSET
        else:
            duration_minutes = self.duration_minutes

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        else:
            location = self.location

        responsible: None | str | Unset
        if isinstance(self.responsible, Unset):
            responsible = UNSET
        else:
            responsible = self.responsible

        witnesses: None | str | Unset
        if isinstance(self.witnesses, Unset):
            witnesses = UNSET
        else:
            witnesses = self.witnesses

        effect_on_victim: None | str | Unset
        if isinstance(self.effect_on_victim, Unset):
            effect_on_victim = UNSET
        else:
            effect_on_victim = self.effect_on_victim

        reported_to: None | str | Unset
        if isinstance(self.reported_to, Unset):
            reported_to = UNSET
        else:
            reported_to = self.reported_to

        reported_reference: None | str | Unset
        if isinstance(self.reported_reference, Unset):
            reported_reference = UNSET
        else:
            reported_reference = self.reported_reference

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

        source_system: None | str | Unset
        if isinstance(self.source_system, Unset):
            source_system = UNSET
        else:
            source_system = self.source_system

        reported_at: None | str | Unset
        if isinstance(self.reported_at, Unset):
            reported_at = UNSET
        elif isinstance(self.reported_at, datetime.datetime):
            reported_at = self.reported_at.isoformat()
        else:
            reported_at = self.reported_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "started_at": started_at,
                "what_happened": what_happened,
                "category": category,
            }
        )
        if duration_minutes is not UNSET:
            field_dict["duration_minutes"] = duration_minutes
        if location is not UNSET:
            field_dict["location"] = location
        if responsible is not UNSET:
            field_dict["responsible"] = responsible
        if witnesses is not UNSET:
            field_dict["witnesses"] = witnesses
        if effect_on_victim is not UNSET:
            field_dict["effect_on_victim"] = effect_on_victim
        if reported_to is not UNSET:
            field_dict["reported_to"] = reported_to
        if reported_reference is not UNSET:
            field_dict["reported_reference"] = reported_reference
        if hostility_perceived is not UNSET:
            field_dict["hostility_perceived"] = hostility_perceived
        if hostility_perceived_by is not UNSET:
            field_dict["hostility_perceived_by"] = hostility_perceived_by
        if hostility_asked is not UNSET:
            field_dict["hostility_asked"] = hostility_asked
        if victim_feels_targeted is not UNSET:
            field_dict["victim_feels_targeted"] = victim_feels_targeted
        if source_system is not UNSET:
            field_dict["source_system"] = source_system
        if reported_at is not UNSET:
            field_dict["reported_at"] = reported_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        what_happened = d.pop("what_happened")

        category = Category(d.pop("category"))

        def _parse_duration_minutes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        duration_minutes = _parse_duration_minutes(d.pop("duration_minutes", UNSET))

        def _parse_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location = _parse_location(d.pop("location", UNSET))

        def _parse_responsible(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        responsible = _parse_responsible(d.pop("responsible", UNSET))

        def _parse_witnesses(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        witnesses = _parse_witnesses(d.pop("witnesses", UNSET))

        def _parse_effect_on_victim(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        effect_on_victim = _parse_effect_on_victim(d.pop("effect_on_victim", UNSET))

        def _parse_reported_to(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reported_to = _parse_reported_to(d.pop("reported_to", UNSET))

        def _parse_reported_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reported_reference = _parse_reported_reference(d.pop("reported_reference", UNSET))

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

        def _parse_source_system(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_system = _parse_source_system(d.pop("source_system", UNSET))

        def _parse_reported_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reported_at_type_0 = datetime.datetime.fromisoformat(data)

                return reported_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        reported_at = _parse_reported_at(d.pop("reported_at", UNSET))

        diary_amendment_input = cls(
            started_at=started_at,
            what_happened=what_happened,
            category=category,
            duration_minutes=duration_minutes,
            location=location,
            responsible=responsible,
            witnesses=witnesses,
            effect_on_victim=effect_on_victim,
            reported_to=reported_to,
            reported_reference=reported_reference,
            hostility_perceived=hostility_perceived,
            hostility_perceived_by=hostility_perceived_by,
            hostility_asked=hostility_asked,
            victim_feels_targeted=victim_feels_targeted,
            source_system=source_system,
            reported_at=reported_at,
        )

        return diary_amendment_input
