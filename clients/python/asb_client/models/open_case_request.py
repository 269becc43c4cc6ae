from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.answers import Answers
    from ..models.consent_input import ConsentInput
    from ..models.judgement_input import JudgementInput
    from ..models.victim_input import VictimInput


T = TypeVar("T", bound="OpenCaseRequest")


@_attrs_define
class OpenCaseRequest:
    """
    Example:
        {'area': 'fenland', 'summary': 'Loud music late at night from next door for six weeks; now shouting over the
            fence.', 'answers': {'immediate_danger': False, 'threats_or_violence': False, 'repeat': True, 'feels_targeted':
            True, 'hostility_perceived': [], 'disability_or_illness': True, 'reported_elsewhere': False}, 'victim': {'role':
            'victim', 'name': 'Aisha Rahman', 'phone': '01354 000 000', 'address': '12 Example Terrace, March, PE15 0XX'},
            'consent': {'state': 'given'}}

    Attributes:
        area (str): An area an agency covers (a district), by its short name. Example: fenland.
        victim (VictimInput): The person the case is about. Name and contact details are restricted: only caseworkers
            and supervisors of member agencies see them, and every read is audited. Example: {'role': 'victim', 'name':
            'Aisha Rahman', 'phone': '01354 000 000', 'email': None, 'address': '12 Example Terrace, March, PE15 0XX',
            'date_of_birth': '1958-06-02'}.
        consent (ConsentInput): Whether the victim agreed to their case being shared between agencies. Without consent a
            case can still be shared on a recorded legal basis. Example: {'state': 'given'}.
        summary (None | str | Unset): A short description of the problem, without naming the victim.
        answers (Answers | Unset): Answers by question id (policy `fenland-harm-v1`). Absent or `null` means unknown
            (not asked yet), never "no". Any other key is a `422` (`answers.<key>`: unknown question id). Example:
            {'immediate_danger': False, 'threats_or_violence': False, 'repeat': True, 'feels_targeted': True,
            'hostility_perceived': [], 'disability_or_illness': True, 'reported_elsewhere': False, 'sleep_affected': True,
            'frequency': 'weekly'}.
        judgement (JudgementInput | Unset): Professional judgement on the level. Raising needs a reason; lowering below
            the computed level needs a supervisor key and a reason. Who made it is taken from your API key. Example:
            {'level': 'high', 'reason': "Victim's mother has dementia and is frightened to be alone in the house."}.
        policy_version (str | Unset):
    """

    area: str
    victim: VictimInput
    consent: ConsentInput
    summary: None | str | Unset = UNSET
    answers: Answers | Unset = UNSET
    judgement: JudgementInput | Unset = UNSET
    policy_version: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        area = self.area

        victim = self.victim.to_dict()

        consent = self.consent.to_dict()

        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary

        answers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.answers, Unset):
            answers = self.answers.to_dict()

        judgement: dict[str, Any] | Unset = UNSET
        if not isinstance(self.judgement, Unset):
            judgement = self.judgement.to_dict()

        policy_version = self.policy_version

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "area": area,
                "victim": victim,
                "consent": consent,
            }
        )
        if summary is not UNSET:
            field_dict["summary"] = summary
        if answers is not UNSET:
            field_dict["answers"] = answers
        if judgement is not UNSET:
            field_dict["judgement"] = judgement
        if policy_version is not UNSET:
            field_dict["policy_version"] = policy_version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.answers import Answers  # noqa: PLC0415
        from ..models.consent_input import ConsentInput  # noqa: PLC0415
        from ..models.judgement_input import JudgementInput  # noqa: PLC0415
        from ..models.victim_input import VictimInput  # noqa: PLC0415

        d = dict(src_dict)
        area = d.pop("area")

        victim = VictimInput.from_dict(d.pop("victim"))

        consent = ConsentInput.from_dict(d.pop("consent"))

        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

        _answers = d.pop("answers", UNSET)
        answers: Answers | Unset
        if isinstance(_answers, Unset):
            answers = UNSET
        else:
            answers = Answers.from_dict(_answers)

        _judgement = d.pop("judgement", UNSET)
        judgement: JudgementInput | Unset
        if isinstance(_judgement, Unset):
            judgement = UNSET
        else:
            judgement = JudgementInput.from_dict(_judgement)

        policy_version = d.pop("policy_version", UNSET)

        open_case_request = cls(
            area=area,
            victim=victim,
            consent=consent,
            summary=summary,
            answers=answers,
            judgement=judgement,
            policy_version=policy_version,
        )

        return open_case_request
