from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.risk_level import RiskLevel

if TYPE_CHECKING:
    from ..models.victim_view import VictimView


T = TypeVar("T", bound="CaseClosure")


@_attrs_define
class CaseClosure:
    """
    Example:
        {'id': '2a3b4c5d-6e7f-4081-9a2b-3c4d5e6f7a8b', 'case_id': '5b1f0c7e-3c1a-4a8e-9a55-0d2f6b7c9e14', 'closed_at':
            '2025-06-01T10:00:00Z', 'closed_by_agency': 'fen-council', 'outcome': 'Acceptable behaviour contract signed by
            the neighbour; no incidents for 8 weeks.', 'risk_level': 'medium', 'victim_view': {'satisfied': 'yes',
            'kept_informed': 'yes', 'feels_safer': 'not_sure', 'comment': None, 'not_asked_reason': None}, 'reopened_at':
            '2025-06-12T08:30:00Z', 'reopen_reason': 'Loud music and shouting started again on 10 June.'}

    Attributes:
        id (UUID):
        case_id (UUID):
        closed_at (datetime.datetime):
        closed_by_agency (str): An agency's stable short name. Example: fen-council.
        outcome (str):
        risk_level (RiskLevel): `high`: a priority, immediate multi-agency action. `medium`: a joint multi-agency
            approach within 24 hours. `standard`: usually a referral for advice.
        victim_view (VictimView):
        reopened_at (datetime.datetime | None):
        reopen_reason (None | str):
    """

    id: UUID
    case_id: UUID
    closed_at: datetime.datetime
    closed_by_agency: str
    outcome: str
    risk_level: RiskLevel
    victim_view: VictimView
    reopened_at: datetime.datetime | None
    reopen_reason: None | str

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        case_id = str(self.case_id)

        closed_at = self.closed_at.isoformat()

        closed_by_agency = self.closed_by_agency

        outcome = self.outcome

        risk_level = self.risk_level.value

        victim_view = self.victim_view.to_dict()

        reopened_at: None | str
        if isinstance(self.reopened_at, datetime.datetime):
            reopened_at = self.reopened_at.isoformat()
        else:
            reopened_at = self.reopened_at

        reopen_reason: None | str
        reopen_reason = self.reopen_reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "case_id": case_id,
                "closed_at": closed_at,
                "closed_by_agency": closed_by_agency,
                "outcome": outcome,
                "risk_level": risk_level,
                "victim_view": victim_view,
                "reopened_at": reopened_at,
                "reopen_reason": reopen_reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.victim_view import VictimView  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        case_id = UUID(d.pop("case_id"))

        closed_at = datetime.datetime.fromisoformat(d.pop("closed_at"))

        closed_by_agency = d.pop("closed_by_agency")

        outcome = d.pop("outcome")

        risk_level = RiskLevel(d.pop("risk_level"))

        victim_view = VictimView.from_dict(d.pop("victim_view"))

        def _parse_reopened_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reopened_at_type_0 = datetime.datetime.fromisoformat(data)

                return reopened_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        reopened_at = _parse_reopened_at(d.pop("reopened_at"))

        def _parse_reopen_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reopen_reason = _parse_reopen_reason(d.pop("reopen_reason"))

        case_closure = cls(
            id=id,
            case_id=case_id,
            closed_at=closed_at,
            closed_by_agency=closed_by_agency,
            outcome=outcome,
            risk_level=risk_level,
            victim_view=victim_view,
            reopened_at=reopened_at,
            reopen_reason=reopen_reason,
        )

        return case_closure
