from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.consent_basis import ConsentBasis

T = TypeVar("T", bound="Member")


@_attrs_define
class Member:
    """
    Example:
        {'agency': 'fen-housing', 'since': '2025-03-05T10:02:00Z', 'invited_by_agency': 'fen-council', 'consent_basis':
            'consent', 'legal_basis': None}

    Attributes:
        agency (str): An agency's stable short name. Example: fen-council.
        since (datetime.datetime):
        invited_by_agency (None | str): Who shared the case with it; `null` for the agency that opened it.
        consent_basis (ConsentBasis | None): The basis of the sharing; `null` for the agency that opened the case.
        legal_basis (None | str):
    """

    agency: str
    since: datetime.datetime
    invited_by_agency: None | str
    consent_basis: ConsentBasis | None
    legal_basis: None | str

    def to_dict(self) -> dict[str, Any]:
        agency = self.agency

        since = self.since.isoformat()

        invited_by_agency: None | str
        invited_by_agency = self.invited_by_agency

        consent_basis: None | str
        if isinstance(self.consent_basis, ConsentBasis):
            consent_basis = self.consent_basis.value
        else:
            consent_basis = self.consent_basis

        legal_basis: None | str
        legal_basis = self.legal_basis

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "agency": agency,
                "since": since,
                "invited_by_agency": invited_by_agency,
                "consent_basis": consent_basis,
                "legal_basis": legal_basis,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        agency = d.pop("agency")

        since = datetime.datetime.fromisoformat(d.pop("since"))

        def _parse_invited_by_agency(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        invited_by_agency = _parse_invited_by_agency(d.pop("invited_by_agency"))

        def _parse_consent_basis(data: object) -> ConsentBasis | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                consent_basis_type_0 = ConsentBasis(data)

                return consent_basis_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConsentBasis | None, data)

        consent_basis = _parse_consent_basis(d.pop("consent_basis"))

        def _parse_legal_basis(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        legal_basis = _parse_legal_basis(d.pop("legal_basis"))

        member = cls(
            agency=agency,
            since=since,
            invited_by_agency=invited_by_agency,
            consent_basis=consent_basis,
            legal_basis=legal_basis,
        )

        return member
