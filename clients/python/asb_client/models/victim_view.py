from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.victim_satisfied import VictimSatisfied
from ..models.yes_no import YesNo
from ..models.yes_no_not_sure import YesNoNotSure

T = TypeVar("T", bound="VictimView")


@_attrs_define
class VictimView:
    """
    Attributes:
        satisfied (VictimSatisfied): The victim's satisfaction with the response; `not_asked` when they were not asked.
        kept_informed (None | YesNo):
        feels_safer (None | YesNoNotSure):
        comment (None | str):
        not_asked_reason (None | str):
    """

    satisfied: VictimSatisfied
    kept_informed: None | YesNo
    feels_safer: None | YesNoNotSure
    comment: None | str
    not_asked_reason: None | str

    def to_dict(self) -> dict[str, Any]:
        satisfied = self.satisfied.value

        kept_informed: None | str
        if isinstance(self.kept_informed, YesNo):
            kept_informed = self.kept_informed.value
        else:
            kept_informed = self.kept_informed

        feels_safer: None | str
        if isinstance(self.feels_safer, YesNoNotSure):
            feels_safer = self.feels_safer.value
        else:
            feels_safer = self.feels_safer

        comment: None | str
        comment = self.comment

        not_asked_reason: None | str
        not_asked_reason = self.not_asked_reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "satisfied": satisfied,
                "kept_informed": kept_informed,
                "feels_safer": feels_safer,
                "comment": comment,
                "not_asked_reason": not_asked_reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        satisfied = VictimSatisfied(d.pop("satisfied"))

        def _parse_kept_informed(data: object) -> None | YesNo:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kept_informed_type_0 = YesNo(data)

                return kept_informed_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | YesNo, data)

        kept_informed = _parse_kept_informed(d.pop("kept_informed"))

        def _parse_feels_safer(data: object) -> None | YesNoNotSure:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                feels_safer_type_0 = YesNoNotSure(data)

                return feels_safer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | YesNoNotSure, data)

        feels_safer = _parse_feels_safer(d.pop("feels_safer"))

        def _parse_comment(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        comment = _parse_comment(d.pop("comment"))

        def _parse_not_asked_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        not_asked_reason = _parse_not_asked_reason(d.pop("not_asked_reason"))

        victim_view = cls(
            satisfied=satisfied,
            kept_informed=kept_informed,
            feels_safer=feels_safer,
            comment=comment,
            not_asked_reason=not_asked_reason,
        )

        return victim_view
