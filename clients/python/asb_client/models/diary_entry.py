from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.category import Category
from ..models.nsir_type import NsirType
from ..models.perceived_by import PerceivedBy
from ..models.strand import Strand

T = TypeVar("T", bound="DiaryEntry")


@_attrs_define
class DiaryEntry:
    """
    Example:
        {'id': '2c6a1f4e-8b3d-4e7a-b0c9-1d2e3f4a5b6c', 'case_id': '5b1f0c7e-3c1a-4a8e-9a55-0d2f6b7c9e14', 'started_at':
            '2025-03-09T22:40:00Z', 'duration_minutes': 90, 'location': 'Back garden and shared fence, Example Terrace,
            March', 'what_happened': 'Music from number 14 so loud the windows shook. When I asked them to turn it down the
            man shouted "go back where you came from" over the fence.', 'responsible': 'Man at number 14, about 30, shaved
            head', 'witnesses': 'My son (16)', 'effect_on_victim': 'Could not sleep; my mother was crying.', 'reported_to':
            'Police, 101', 'reported_reference': 'CC-20250309-1187', 'category': 'verbal_abuse', 'nsir_type': 'personal',
            'severity': 3, 'hostility_perceived': ['race'], 'hostility_perceived_by': 'victim', 'hostility_asked': True,
            'victim_feels_targeted': True, 'source_system': 'fen-housing-hms', 'amends': None, 'same_as': None,
            'reported_at': None, 'author_agency': 'fen-housing', 'recorded_at': '2025-03-10T08:05:12Z', 'acknowledged_at':
            '2025-03-10T08:05:12Z', 'acknowledgement_reference': 'ASB-2025-000042-D7'}

    Attributes:
        id (UUID):
        case_id (UUID):
        started_at (datetime.datetime):
        duration_minutes (int | None):
        location (None | str):
        what_happened (str):
        responsible (None | str):
        witnesses (None | str):
        effect_on_victim (None | str):
        reported_to (None | str):
        reported_reference (None | str):
        category (Category): Local behaviour category, by severity: 1 `litter`, `fly_tipping`, `abandoned_vehicle`,
            `graffiti`; 2 `noise`, `rowdy_behaviour`, `animal_nuisance`, `vehicle_nuisance`, `drug_or_alcohol`; 3
            `verbal_abuse`, `intimidation`, `harassment`; 4 `threats`, `criminal_damage`, `offensive_graffiti`, and the
            breaches of a 2014 Act order or notice (recorded by `POST .../interventions/{intervention_id}/breaches`):
            `order_breach` (a criminal offence: CPN, Criminal Behaviour Order, closure notice or order) and
            `injunction_breach` (contempt of court); 5 `assault`, `arson`, `weapon`.
        nsir_type (NsirType): National Standard for Incident Recording (2011) incident type.
        severity (int): From the category (1 environmental ... 5 assault, arson, weapon).
        hostility_perceived (list[Strand]):
        hostility_perceived_by (None | PerceivedBy):
        hostility_asked (bool):
        victim_feels_targeted (bool | None):
        source_system (None | str):
        amends (None | UUID):
        same_as (None | UUID): The incident this entry repeats.
        reported_at (datetime.datetime | None): When the victim reported it (null - when recorded).
        author_agency (str): An agency's stable short name. Example: fen-council.
        recorded_at (datetime.datetime):
        acknowledged_at (datetime.datetime | None): When the entry was acknowledged (at once, on receipt).
        acknowledgement_reference (None | str): Reference to give back to the victim for this entry: the case reference
            and the entry's number among the case's incidents (`ASB-2026-000042-D7`).
    """

    id: UUID
    case_id: UUID
    started_at: datetime.datetime
    duration_minutes: int | None
    location: None | str
    what_happened: str
    responsible: None | str
    witnesses: None | str
    effect_on_victim: None | str
    reported_to: None | str
    reported_reference: None | str
    category: Category
    nsir_type: NsirType
    severity: int
    hostility_perceived: list[Strand]
    hostility_perceived_by: None | PerceivedBy
    hostility_asked: bool
    victim_feels_targeted: bool | None
    source_system: None | str
    amends: None | UUID
    same_as: None | UUID
    reported_at: datetime.datetime | None
    author_agency: str
    recorded_at: datetime.datetime
    acknowledged_at: datetime.datetime | None
    acknowledgement_reference: None | str

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        case_id = str(self.case_id)

        started_at = self.started_at.isoformat()

        duration_minutes: int | None
        duration_minutes = self.duration_minutes

        location: None | str
        location = self.location

        what_happened = self.what_happened

        responsible: None | str
        responsible = self.responsible

        witnesses: None | str
        witnesses = self.witnesses

        effect_on_victim: None | str
        effect_on_victim = self.effect_on_victim

        reported_to: None | str
        reported_to = self.reported_to

        reported_reference: None | str
        reported_reference = self.reported_reference

        category = self.category.value

        nsir_type = self.nsir_type.value

        severity = self.severity

        hostility_perceived = []
        for componentsschemas_strands_item_data in self.hostility_perceived:
            componentsschemas_strands_item = componentsschemas_strands_item_data.value
            hostility_perceived.append(componentsschemas_strands_item)

        hostility_perceived_by: None | str
        if isinstance(self.hostility_perceived_by, PerceivedBy):
            hostility_perceived_by = self.hostility_perceived_by.value
        else:
            hostility_perceived_by = self.hostility_perceived_by

        hostility_asked = self.hostility_asked

        victim_feels_targeted: bool | None
        victim_feels_targeted = self.victim_feels_targeted

        source_system: None | str
        source_system = self.source_system

        amends: None | str
        if isinstance(self.amends, UUID):
            amends = str(self.amends)
        else:
            amends = self.amends

        same_as: None | str
        if isinstance(self.same_as, UUID):
            same_as = str(self.same_as)
        else:
            same_as = self.same_as

        reported_at: None | str
        if isinstance(self.reported_at, datetime.datetime):
            reported_at = self.reported_at.isoformat()
        else:
            reported_at = self.reported_at

        author_agency = self.author_agency

        recorded_at = self.recorded_at.isoformat()

        acknowledged_at: None | str
        if isinstance(self.acknowledged_at, datetime.datetime):
            acknowledged_at = self.acknowledged_at.isoformat()
        else:
            acknowledged_at = self.acknowledged_at

        acknowledgement_reference: None | str
        acknowledgement_reference = self.acknowledgement_reference

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "case_id": case_id,
                "started_at": started_at,
                "duration_minutes": duration_minutes,
                "location": location,
                "what_happened": what_happened,
                "responsible": responsible,
                "witnesses": witnesses,
                "effect_on_victim": effect_on_victim,
                "reported_to": reported_to,
                "reported_reference": reported_reference,
                "category": category,
                "nsir_type": nsir_type,
                "severity": severity,
                "hostility_perceived": hostility_perceived,
                "hostility_perceived_by": hostility_perceived_by,
                "hostility_asked": hostility_asked,
                "victim_feels_targeted": victim_feels_targeted,
                "source_system": source_system,
                "amends": amends,
                "same_as": same_as,
                "reported_at": reported_at,
                "author_agency": author_agency,
                "recorded_at": recorded_at,
                "acknowledged_at": acknowledged_at,
                "acknowledgement_reference": acknowledgement_reference,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        case_id = UUID(d.pop("case_id"))

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        def _parse_duration_minutes(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        duration_minutes = _parse_duration_minutes(d.pop("duration_minutes"))

        def _parse_location(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        location = _parse_location(d.pop("location"))

        what_happened = d.pop("what_happened")

        def _parse_responsible(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        responsible = _parse_responsible(d.pop("responsible"))

        def _parse_witnesses(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        witnesses = _parse_witnesses(d.pop("witnesses"))

        def _parse_effect_on_victim(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        effect_on_victim = _parse_effect_on_victim(d.pop("effect_on_victim"))

        def _parse_reported_to(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reported_to = _parse_reported_to(d.pop("reported_to"))

        def _parse_reported_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reported_reference = _parse_reported_reference(d.pop("reported_reference"))

        category = Category(d.pop("category"))

        nsir_type = NsirType(d.pop("nsir_type"))

        severity = d.pop("severity")

        hostility_perceived = []
        _hostility_perceived = d.pop("hostility_perceived")
        for componentsschemas_strands_item_data in _hostility_perceived:
            componentsschemas_strands_item = Strand(componentsschemas_strands_item_data)

            hostility_perceived.append(componentsschemas_strands_item)

        def _parse_hostility_perceived_by(data: object) -> None | PerceivedBy:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                hostility_perceived_by_type_0 = PerceivedBy(data)

                return hostility_perceived_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PerceivedBy, data)

        hostility_perceived_by = _parse_hostility_perceived_by(d.pop("hostility_perceived_by"))

        hostility_asked = d.pop("hostility_asked")

        def _parse_victim_feels_targeted(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        victim_feels_targeted = _parse_victim_feels_targeted(d.pop("victim_feels_targeted"))

        def _parse_source_system(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source_system = _parse_source_system(d.pop("source_system"))

        def _parse_amends(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                amends_type_0 = UUID(data)

                return amends_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        amends = _parse_amends(d.pop("amends"))

        def _parse_same_as(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                same_as_type_0 = UUID(data)

                return same_as_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        same_as = _parse_same_as(d.pop("same_as"))

        def _parse_reported_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reported_at_type_0 = datetime.datetime.fromisoformat(data)

                return reported_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        reported_at = _parse_reported_at(d.pop("reported_at"))

        author_agency = d.pop("author_agency")

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        def _parse_acknowledged_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                acknowledged_at_type_0 = datetime.datetime.fromisoformat(data)

                return acknowledged_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        acknowledged_at = _parse_acknowledged_at(d.pop("acknowledged_at"))

        def _parse_acknowledgement_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        acknowledgement_reference = _parse_acknowledgement_reference(d.pop("acknowledgement_reference"))

        diary_entry = cls(
            id=id,
            case_id=case_id,
            started_at=started_at,
            duration_minutes=duration_minutes,
            location=location,
            what_happened=what_happened,
            responsible=responsible,
            witnesses=witnesses,
            effect_on_victim=effect_on_victim,
            reported_to=reported_to,
            reported_reference=reported_reference,
            category=category,
            nsir_type=nsir_type,
            severity=severity,
            hostility_perceived=hostility_perceived,
            hostility_perceived_by=hostility_perceived_by,
            hostility_asked=hostility_asked,
            victim_feels_targeted=victim_feels_targeted,
            source_system=source_system,
            amends=amends,
            same_as=same_as,
            reported_at=reported_at,
            author_agency=author_agency,
            recorded_at=recorded_at,
            acknowledged_at=acknowledged_at,
            acknowledgement_reference=acknowledgement_reference,
        )

        return diary_entry
