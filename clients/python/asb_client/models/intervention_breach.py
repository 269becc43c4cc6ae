from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.incident import Incident
    from ..models.intervention import Intervention


T = TypeVar("T", bound="InterventionBreach")


@_attrs_define
class InterventionBreach:
    """
    Attributes:
        intervention (Intervention):  Example: {'id': '2c1d7e0a-9b3f-4e6d-8a5c-1f0e9d8c7b6a', 'case_id':
            '5b1f0c7e-3c1a-4a8e-9a55-0d2f6b7c9e14', 'type': 'community_protection_notice', 'against_party_id':
            '7d3e9b10-2f4c-4c6a-9e1b-5a8f0c2d4e61', 'premises': None, 'issuing_agency': 'fen-council', 'recorded_by_agency':
            'fen-council', 'status': 'breached', 'status_reason': None, 'issued_at': '2026-12-05T10:00:00Z', 'served_at':
            '2026-12-05T15:30:00Z', 'expires_at': '2027-06-05T10:00:00Z', 'conditions': ['No amplified music audible outside
            the flat'], 'documents': ['edrms-44187'], 'power_of_arrest': False, 'court': None, 'breach_in_law':
            'criminal_offence', 'breach_count': 1, 'last_breach_incident_id': '0e4b6c2a-8d1f-4a3e-9c5b-7f2d1e0a9b8c',
            'created_at': '2026-12-05T10:02:11Z', 'updated_at': '2026-12-12T23:41:00Z'}.
        incident (Incident):  Example: {'id': '7e1d2c3b-4a59-4867-9a1b-2c3d4e5f6a7b', 'case_id':
            '5b1f0c7e-3c1a-4a8e-9a55-0d2f6b7c9e14', 'source': 'officer_report', 'diary_entry_id': None, 'evidence_id':
            '7e1d2c3b-4a59-4867-9a1b-2c3d4e5f6a7b', 'occurred_at': '2025-03-09T22:55:00Z', 'reported_at':
            '2025-03-10T01:12:40Z', 'category': 'threats', 'nsir_type': 'personal', 'severity': 4, 'hostility_perceived':
            ['race'], 'hostility_perceived_by': 'officer', 'hostility_asked': True, 'victim_feels_targeted': True,
            'reported_by_agency': 'cambs-police', 'same_as': None, 'account': 'Attended after a 999 call. The man from
            number 14 was in the street holding a bat and shouting at the victim\\'s window; he said he would "burn them
            out".', 'officer_reference': 'CC-20250309-1187', 'location': 'Outside 12 Example Terrace, March'}.
    """

    intervention: Intervention
    incident: Incident

    def to_dict(self) -> dict[str, Any]:
        intervention = self.intervention.to_dict()

        incident = self.incident.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "intervention": intervention,
                "incident": incident,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.incident import Incident  # noqa: PLC0415
        from ..models.intervention import Intervention  # noqa: PLC0415

        d = dict(src_dict)
        intervention = Intervention.from_dict(d.pop("intervention"))

        incident = Incident.from_dict(d.pop("incident"))

        intervention_breach = cls(
            intervention=intervention,
            incident=incident,
        )

        return intervention_breach
