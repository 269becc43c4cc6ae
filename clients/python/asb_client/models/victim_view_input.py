from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.victim_satisfied import VictimSatisfied
from ..models.yes_no import YesNo
from ..models.yes_no_not_sure import YesNoNotSure
from ..types import UNSET, Unset

T = TypeVar("T", bound="VictimViewInput")


@_attrs_define
class VictimViewInput:
    """The victim's view at closure (required since closures record it; counted in the statistics by area, level and lead
    agency kind, never with identity). Asked (`satisfied` yes or no): `kept_informed` and `feels_safer` are required.
    Not asked: `not_asked_reason` is required and the answers and comment are left out. A field that breaks this is a
    `422` naming `victim_view.<field>`.

        Example:
            {'satisfied': 'not_asked', 'not_asked_reason': 'Moved away; no contact details after three letters.'}

        Attributes:
            satisfied (VictimSatisfied): The victim's satisfaction with the response; `not_asked` when they were not asked.
            kept_informed (None | Unset | YesNo):
            feels_safer (None | Unset | YesNoNotSure):
            comment (None | str | Unset): The victim's own words, if they gave any. Never in statistics.
            not_asked_reason (None | str | Unset): Why the victim was not asked (e.g. could not be contacted after three
                tries).
    """

    satisfied: VictimSatisfied
    kept_informed: None | Unset | YesNo = UNSET
    feels_safer: None | Unset | YesNoNotSure = UNSET
    comment: None | str | Unset = UNSET
    not_asked_reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        satisfied = self.satisfied.value

        kept_informed: None | str | Unset
        if isinstance(self.kept_informed, Unset):
            kept_informed = UNSET
        elif isinstance(self.kept_informed, YesNo):
            kept_informed = self.kept_informed.value
        else:
            kept_informed = self.kept_informed

        feels_safer: None | str | Unset
        if isinstance(self.feels_safer, Unset):
            feels_safer = UNSET
        elif isinstance(self.feels_safer, YesNoNotSure):
            feels_safer = self.feels_safer.value
        else:
            feels_safer = self.feels_safer

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        not_asked_reason: None | str | Unset
        if isinstance(self.not_asked_reason, Unset):
            not_asked_reason = UNSET
        else:
            not_asked_reason = self.not_asked_reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "satisfied": satisfied,
            }
        )
        if kept_informed is not UNSET:
            field_dict["kept_informed"] = kept_informed
        if feels_safer is not UNSET:
            field_dict["feels_safer"] = feels_safer
        if comment is not UNSET:
            field_dict["comment"] = comment
        if not_asked_reason is not UNSET:
            field_dict["not_asked_reason"] = not_asked_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        satisfied = VictimSatisfied(d.pop("satisfied"))

        def _parse_kept_informed(data: object) -> None | Unset | YesNo:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kept_informed_type_0 = YesNo(data)

                return kept_informed_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | YesNo, data)

        kept_informed = _parse_kept_informed(d.pop("kept_informed", UNSET))

        def _parse_feels_safer(data: object) -> None | Unset | YesNoNotSure:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                feels_safer_type_0 = YesNoNotSure(data)

                return feels_safer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | YesNoNotSure, data)

        feels_safer = _parse_feels_safer(d.pop("feels_safer", UNSET))

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        def _parse_not_asked_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        not_asked_reason = _parse_not_asked_reason(d.pop("not_asked_reason", UNSET))

        victim_view_input = cls(
            satisfied=satisfied,
            kept_informed=kept_informed,
            feels_safer=feels_safer,
            comment=comment,
            not_asked_reason=not_asked_reason,
        )

        return victim_view_input
