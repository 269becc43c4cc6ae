from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.referral_answered_by import ReferralAnsweredBy
from ..models.referral_consent_basis import ReferralConsentBasis
from ..models.referral_outcome_type_1 import ReferralOutcomeType1
from ..models.referral_outcome_type_2_type_1 import ReferralOutcomeType2Type1
from ..models.referral_outcome_type_3_type_1 import ReferralOutcomeType3Type1
from ..models.referral_state import ReferralState
from ..models.risk_level import RiskLevel
from ..models.share_field import ShareField

if TYPE_CHECKING:
    from ..models.referral_handover_target_type_0 import ReferralHandoverTargetType0
    from ..models.referral_service import ReferralService
    from ..models.referral_shared_type_0 import ReferralSharedType0


T = TypeVar("T", bound="Referral")


@_attrs_define
class Referral:
    """
    Example:
        {'id': '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', 'case_id': '5b1f0c7e-3c1a-4a8e-9a55-0d2f6b7c9e14', 'service':
            {'id': '3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c', 'name': 'Neighbour Mediation (Fenland)', 'organization': 'Fenland
            Mediation CIC', 'referral_method': 'api'}, 'need': 'mediation', 'level': 'standard', 'area': 'fenland', 'state':
            'accepted', 'consent_basis': 'consent', 'legal_basis': None, 'shared_fields': ['first_name', 'contact_route'],
            'decline_reason': None, 'outcome': None, 'referring_agency': 'fen-council', 'answered_by': 'service',
            'handover_target': {'id': '1d2c3b4a-5f6e-4d7c-8b9a-0f1e2d3c4b5a', 'state': 'met', 'due_at':
            '2026-12-09T23:59:59Z', 'met_at': '2026-12-03T10:12:00Z'}, 'sent_at': '2026-12-02T09:30:00Z', 'answered_at':
            '2026-12-03T10:12:00Z', 'accepted_at': '2026-12-03T10:12:00Z', 'closed_at': None, 'updated_at':
            '2026-12-03T10:12:00Z', 'shared': {'need': 'mediation', 'level': 'standard', 'first_name': 'Ada', 'full_name':
            None, 'contact_route': {'by': 'phone', 'value': '01234 567890'}, 'phone': None, 'email': None, 'address': None,
            'date_of_birth': None}}

    Attributes:
        id (UUID):
        case_id (UUID):
        service (ReferralService):
        need (str): A need of the policy's vocabulary (`GET /v1/assessment-policy`, `referrals.needs`). Example:
            mediation.
        level (RiskLevel): `high`: a priority, immediate multi-agency action. `medium`: a joint multi-agency approach
            within 24 hours. `standard`: usually a referral for advice.
        area (str): An area an agency covers (a district), by its short name. Example: fenland.
        state (ReferralState):
        consent_basis (ReferralConsentBasis):
        legal_basis (None | str):
        shared_fields (list[ShareField]):
        decline_reason (None | str):
        outcome (None | ReferralOutcomeType1 | ReferralOutcomeType2Type1 | ReferralOutcomeType3Type1):
        referring_agency (str): An agency's stable short name. Example: fen-council.
        answered_by (ReferralAnsweredBy): Who records the service's answer.
        handover_target (None | ReferralHandoverTargetType0):
        sent_at (datetime.datetime):
        answered_at (datetime.datetime | None):
        accepted_at (datetime.datetime | None):
        closed_at (datetime.datetime | None):
        updated_at (datetime.datetime):
        shared (None | ReferralSharedType0): Restricted: what the person agreed the service may know (the fields in
            `shared_fields`; the others null), with the need and level. Null unless you are the receiving service.
    """

    id: UUID
    case_id: UUID
    service: ReferralService
    need: str
    level: RiskLevel
    area: str
    state: ReferralState
    consent_basis: ReferralConsentBasis
    legal_basis: None | str
    shared_fields: list[ShareField]
    decline_reason: None | str
    outcome: None | ReferralOutcomeType1 | ReferralOutcomeType2Type1 | ReferralOutcomeType3Type1
    referring_agency: str
    answered_by: ReferralAnsweredBy
    handover_target: None | ReferralHandoverTargetType0
    sent_at: datetime.datetime
    answered_at: datetime.datetime | None
    accepted_at: datetime.datetime | None
    closed_at: datetime.datetime | None
    updated_at: datetime.datetime
    shared: None | ReferralSharedType0

    def to_dict(self) -> dict[str, Any]:
        from ..models.referral_handover_target_type_0 import ReferralHandoverTargetType0  # noqa: PLC0415
        from ..models.referral_shared_type_0 import ReferralSharedType0  # noqa: PLC0415

        id = str(self.id)

        case_id = str(self.case_id)

        service = self.service.to_dict()

        need = self.need

        level = self.level.value

        area = self.area

        state = self.state.value

        consent_basis = self.consent_basis.value

        legal_basis: None | str
        legal_basis = self.legal_basis

        shared_fields = []
        for shared_fields_item_data in self.shared_fields:
            shared_fields_item = shared_fields_item_data.value
            shared_fields.append(shared_fields_item)

        decline_reason: None | str
        decline_reason = self.decline_reason

        outcome: None | str
        if isinstance(self.outcome, ReferralOutcomeType1):
            outcome = self.outcome.value
        elif isinstance(self.outcome, ReferralOutcomeType2Type1):
            outcome = self.outcome.value
        elif isinstance(self.outcome, ReferralOutcomeType3Type1):
            outcome = self.outcome.value
        else:
            outcome = self.outcome

        referring_agency = self.referring_agency

        answered_by = self.answered_by.value

        handover_target: dict[str, Any] | None
        if isinstance(self.handover_target, ReferralHandoverTargetType0):
            handover_target = self.handover_target.to_dict()
        else:
            handover_target = self.handover_target

        sent_at = self.sent_at.isoformat()

        answered_at: None | str
        if isinstance(self.answered_at, datetime.datetime):
            answered_at = self.answered_at.isoformat()
        else:
            answered_at = self.answered_at

        accepted_at: None | str
        if isinstance(self.accepted_at, datetime.datetime):
            accepted_at = self.accepted_at.isoformat()
        else:
            accepted_at = self.accepted_at

        closed_at: None | str
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        updated_at = self.updated_at.isoformat()

        shared: dict[str, Any] | None
        if isinstance(self.shared, ReferralSharedType0):
            shared = self.shared.to_dict()
        else:
            shared = self.shared

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "case_id": case_id,
                "service": service,
                "need": need,
                "level": level,
                "area": area,
                "state": state,
                "consent_basis": consent_basis,
                "legal_basis": legal_basis,
                "shared_fields": shared_fields,
                "decline_reason": decline_reason,
                "outcome": outcome,
                "referring_agency": referring_agency,
                "answered_by": answered_by,
                "handover_target": handover_target,
                "sent_at": sent_at,
                "answered_at": answered_at,
                "accepted_at": accepted_at,
                "closed_at": closed_at,
                "updated_at": updated_at,
                "shared": shared,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.referral_handover_target_type_0 import ReferralHandoverTargetType0  # noqa: PLC0415
        from ..models.referral_service import ReferralService  # noqa: PLC0415
        from ..models.referral_shared_type_0 import ReferralSharedType0  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        case_id = UUID(d.pop("case_id"))

        service = ReferralService.from_dict(d.pop("service"))

        need = d.pop("need")

        level = RiskLevel(d.pop("level"))

        area = d.pop("area")

        state = ReferralState(d.pop("state"))

        consent_basis = ReferralConsentBasis(d.pop("consent_basis"))

        def _parse_legal_basis(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        legal_basis = _parse_legal_basis(d.pop("legal_basis"))

        shared_fields = []
        _shared_fields = d.pop("shared_fields")
        for shared_fields_item_data in _shared_fields:
            shared_fields_item = ShareField(shared_fields_item_data)

            shared_fields.append(shared_fields_item)

        def _parse_decline_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decline_reason = _parse_decline_reason(d.pop("decline_reason"))

        def _parse_outcome(
            data: object,
        ) -> None | ReferralOutcomeType1 | ReferralOutcomeType2Type1 | ReferralOutcomeType3Type1:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_1 = ReferralOutcomeType1(data)

                return outcome_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_2_type_1 = ReferralOutcomeType2Type1(data)

                return outcome_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_3_type_1 = ReferralOutcomeType3Type1(data)

                return outcome_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReferralOutcomeType1 | ReferralOutcomeType2Type1 | ReferralOutcomeType3Type1, data)

        outcome = _parse_outcome(d.pop("outcome"))

        referring_agency = d.pop("referring_agency")

        answered_by = ReferralAnsweredBy(d.pop("answered_by"))

        def _parse_handover_target(data: object) -> None | ReferralHandoverTargetType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                handover_target_type_0 = ReferralHandoverTargetType0.from_dict(data)

                return handover_target_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReferralHandoverTargetType0, data)

        handover_target = _parse_handover_target(d.pop("handover_target"))

        sent_at = datetime.datetime.fromisoformat(d.pop("sent_at"))

        def _parse_answered_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                answered_at_type_0 = datetime.datetime.fromisoformat(data)

                return answered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        answered_at = _parse_answered_at(d.pop("answered_at"))

        def _parse_accepted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                accepted_at_type_0 = datetime.datetime.fromisoformat(data)

                return accepted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        accepted_at = _parse_accepted_at(d.pop("accepted_at"))

        def _parse_closed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        closed_at = _parse_closed_at(d.pop("closed_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_shared(data: object) -> None | ReferralSharedType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                shared_type_0 = ReferralSharedType0.from_dict(data)

                return shared_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReferralSharedType0, data)

        shared = _parse_shared(d.pop("shared"))

        referral = cls(
            id=id,
            case_id=case_id,
            service=service,
            need=need,
            level=level,
            area=area,
            state=state,
            consent_basis=consent_basis,
            legal_basis=legal_basis,
            shared_fields=shared_fields,
            decline_reason=decline_reason,
            outcome=outcome,
            referring_agency=referring_agency,
            answered_by=answered_by,
            handover_target=handover_target,
            sent_at=sent_at,
            answered_at=answered_at,
            accepted_at=accepted_at,
            closed_at=closed_at,
            updated_at=updated_at,
            shared=shared,
        )

        return referral
