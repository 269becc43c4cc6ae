from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.consent_state import ConsentState
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReferralConsentInput")


@_attrs_define
class ReferralConsentInput:
    """The person's consent to this referral; without it, a legal basis.

    Attributes:
        state (ConsentState):
        legal_basis (None | str | Unset):
    """

    state: ConsentState
    legal_basis: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        state = self.state.value

        legal_basis: None | str | Unset
        if isinstance(self.legal_basis, Unset):
            legal_basis = UNSET
        else:
            legal_basis = self.legal_basis

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "state": state,
            }
        )
        if legal_basis is not UNSET:
            field_dict["legal_basis"] = legal_basis

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        state = ConsentState(d.pop("state"))

        def _parse_legal_basis(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        legal_basis = _parse_legal_basis(d.pop("legal_basis", UNSET))

        referral_consent_input = cls(
            state=state,
            legal_basis=legal_basis,
        )

        return referral_consent_input
