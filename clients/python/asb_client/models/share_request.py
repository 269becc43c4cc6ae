from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.consent_basis import ConsentBasis
from ..types import UNSET, Unset

T = TypeVar("T", bound="ShareRequest")


@_attrs_define
class ShareRequest:
    """
    Example:
        {'agency': 'fen-housing', 'basis': 'consent', 'justification': 'Victim and neighbour are both tenants of Fen
            Housing.'}

    Attributes:
        agency (str): An agency's stable short name. Example: fen-council.
        basis (ConsentBasis): The basis on which a case was shared with an agency.
        legal_basis (None | str | Unset): Required when `basis` is `legal_basis`.
        justification (None | str | Unset): Why this agency needs the case (audited with the disclosure).
    """

    agency: str
    basis: ConsentBasis
    legal_basis: None | str | Unset = UNSET
    justification: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        agency = self.agency

        basis = self.basis.value

        legal_basis: None | str | Unset
        if isinstance(self.legal_basis, Unset):
            legal_basis = UNSET
        else:
            legal_basis = self.legal_basis

        justification: None | str | Unset
        if isinstance(self.justification, Unset):
            justification = UNSET
        else:
            justification = self.justification

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "agency": agency,
                "basis": basis,
            }
        )
        if legal_basis is not UNSET:
            field_dict["legal_basis"] = legal_basis
        if justification is not UNSET:
            field_dict["justification"] = justification

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        agency = d.pop("agency")

        basis = ConsentBasis(d.pop("basis"))

        def _parse_legal_basis(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        legal_basis = _parse_legal_basis(d.pop("legal_basis", UNSET))

        def _parse_justification(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        justification = _parse_justification(d.pop("justification", UNSET))

        share_request = cls(
            agency=agency,
            basis=basis,
            legal_basis=legal_basis,
            justification=justification,
        )

        return share_request
