from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.victim_view_input import VictimViewInput


T = TypeVar("T", bound="CloseCaseRequest")


@_attrs_define
class CloseCaseRequest:
    """
    Example:
        {'outcome': 'Acceptable behaviour contract signed by the neighbour; no incidents for 8 weeks.',
            'final_victim_update': 'Phoned Ms R to explain the contract and how to report any breach.', 'victim_view':
            {'satisfied': 'yes', 'kept_informed': 'yes', 'feels_safer': 'not_sure', 'comment': 'Glad it is quieter; worried
            it will start again in the summer.'}}

    Attributes:
        outcome (str): How the case ended, e.g. "Acceptable behaviour contract signed; no incidents for 8 weeks".
        final_victim_update (str): What the victim was told at closure (recorded as a `victim_update`).
        victim_view (VictimViewInput): The victim's view at closure (required since closures record it; counted in the
            statistics by area, level and lead agency kind, never with identity). Asked (`satisfied` yes or no):
            `kept_informed` and `feels_safer` are required. Not asked: `not_asked_reason` is required and the answers and
            comment are left out. A field that breaks this is a `422` naming `victim_view.<field>`. Example: {'satisfied':
            'not_asked', 'not_asked_reason': 'Moved away; no contact details after three letters.'}.
    """

    outcome: str
    final_victim_update: str
    victim_view: VictimViewInput

    def to_dict(self) -> dict[str, Any]:
        outcome = self.outcome

        final_victim_update = self.final_victim_update

        victim_view = self.victim_view.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "outcome": outcome,
                "final_victim_update": final_victim_update,
                "victim_view": victim_view,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.victim_view_input import VictimViewInput  # noqa: PLC0415

        d = dict(src_dict)
        outcome = d.pop("outcome")

        final_victim_update = d.pop("final_victim_update")

        victim_view = VictimViewInput.from_dict(d.pop("victim_view"))

        close_case_request = cls(
            outcome=outcome,
            final_victim_update=final_victim_update,
            victim_view=victim_view,
        )

        return close_case_request
