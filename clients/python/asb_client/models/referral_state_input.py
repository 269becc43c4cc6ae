from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.referral_state_input_outcome_type_1 import ReferralStateInputOutcomeType1
from ..models.referral_state_input_outcome_type_2_type_1 import ReferralStateInputOutcomeType2Type1
from ..models.referral_state_input_outcome_type_3_type_1 import ReferralStateInputOutcomeType3Type1
from ..models.referral_state_input_state import ReferralStateInputState
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReferralStateInput")


@_attrs_define
class ReferralStateInput:
    """
    Attributes:
        state (ReferralStateInputState):
        reason (None | str | Unset): Required when declining.
        outcome (None | ReferralStateInputOutcomeType1 | ReferralStateInputOutcomeType2Type1 |
            ReferralStateInputOutcomeType3Type1 | Unset): Required when closing, and only then.
    """

    state: ReferralStateInputState
    reason: None | str | Unset = UNSET
    outcome: (
        None
        | ReferralStateInputOutcomeType1
        | ReferralStateInputOutcomeType2Type1
        | ReferralStateInputOutcomeType3Type1
        | Unset
    ) = UNSET

    def to_dict(self) -> dict[str, Any]:
        state = self.state.value

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        outcome: None | str | Unset
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        elif isinstance(self.outcome, ReferralStateInputOutcomeType1):
            outcome = self.outcome.value
        elif isinstance(self.outcome, ReferralStateInputOutcomeType2Type1):
            outcome = self.outcome.value
        elif isinstance(self.outcome, ReferralStateInputOutcomeType3Type1):
            outcome = self.outcome.value
        else:
            outcome = self.outcome

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "state": state,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason
        if outcome is not UNSET:
            field_dict["outcome"] = outcome

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        state = ReferralStateInputState(d.pop("state"))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_outcome(
            data: object,
        ) -> (
            None
            | ReferralStateInputOutcomeType1
            | ReferralStateInputOutcomeType2Type1
            | ReferralStateInputOutcomeType3Type1
            | Unset
        ):
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_1 = ReferralStateInputOutcomeType1(data)

                return outcome_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_2_type_1 = ReferralStateInputOutcomeType2Type1(data)

                return outcome_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_3_type_1 = ReferralStateInputOutcomeType3Type1(data)

                return outcome_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                None
                | ReferralStateInputOutcomeType1
                | ReferralStateInputOutcomeType2Type1
                | ReferralStateInputOutcomeType3Type1
                | Unset,
                data,
            )

        outcome = _parse_outcome(d.pop("outcome", UNSET))

        referral_state_input = cls(
            state=state,
            reason=reason,
            outcome=outcome,
        )

        return referral_state_input
