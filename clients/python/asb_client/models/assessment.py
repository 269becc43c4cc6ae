from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.risk_level import RiskLevel

if TYPE_CHECKING:
    from ..models.answers import Answers
    from ..models.judgement import Judgement
    from ..models.reason import Reason


T = TypeVar("T", bound="Assessment")


@_attrs_define
class Assessment:
    """
    Attributes:
        id (UUID):
        case_id (UUID):
        answers (Answers): Answers by question id (policy `fenland-harm-v1`). Absent or `null` means unknown (not asked
            yet), never "no". Any other key is a `422` (`answers.<key>`: unknown question id). Example: {'immediate_danger':
            False, 'threats_or_violence': False, 'repeat': True, 'feels_targeted': True, 'hostility_perceived': [],
            'disability_or_illness': True, 'reported_elsewhere': False, 'sleep_affected': True, 'frequency': 'weekly'}.
        policy_version (str):
        score (int):
        computed_level (RiskLevel): `high`: a priority, immediate multi-agency action. `medium`: a joint multi-agency
            approach within 24 hours. `standard`: usually a referral for advice.
        level (RiskLevel): `high`: a priority, immediate multi-agency action. `medium`: a joint multi-agency approach
            within 24 hours. `standard`: usually a referral for advice.
        reasons (list[Reason]):
        judgement (Judgement | None):
        assessed_at (datetime.datetime):
        assessed_by_agency (str): An agency's stable short name. Example: fen-council.
    """

    id: UUID
    case_id: UUID
    answers: Answers
    policy_version: str
    score: int
    computed_level: RiskLevel
    level: RiskLevel
    reasons: list[Reason]
    judgement: Judgement | None
    assessed_at: datetime.datetime
    assessed_by_agency: str

    def to_dict(self) -> dict[str, Any]:
        from ..models.judgement import Judgement  # noqa: PLC0415

        id = str(self.id)

        case_id = str(self.case_id)

        answers = self.answers.to_dict()

        policy_version = self.policy_version

        score = self.score

        computed_level = self.computed_level.value

        level = self.level.value

        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.to_dict()
            reasons.append(reasons_item)

        judgement: dict[str, Any] | None
        if isinstance(self.judgement, Judgement):
            judgement = self.judgement.to_dict()
        else:
            judgement = self.judgement

        assessed_at = self.assessed_at.isoformat()

        assessed_by_agency = self.assessed_by_agency

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "case_id": case_id,
                "answers": answers,
                "policy_version": policy_version,
                "score": score,
                "computed_level": computed_level,
                "level": level,
                "reasons": reasons,
                "judgement": judgement,
                "assessed_at": assessed_at,
                "assessed_by_agency": assessed_by_agency,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.answers import Answers  # noqa: PLC0415
        from ..models.judgement import Judgement  # noqa: PLC0415
        from ..models.reason import Reason  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        case_id = UUID(d.pop("case_id"))

        answers = Answers.from_dict(d.pop("answers"))

        policy_version = d.pop("policy_version")

        score = d.pop("score")

        computed_level = RiskLevel(d.pop("computed_level"))

        level = RiskLevel(d.pop("level"))

        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in _reasons:
            reasons_item = Reason.from_dict(reasons_item_data)

            reasons.append(reasons_item)

        def _parse_judgement(data: object) -> Judgement | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                judgement_type_0 = Judgement.from_dict(data)

                return judgement_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Judgement | None, data)

        judgement = _parse_judgement(d.pop("judgement"))

        assessed_at = datetime.datetime.fromisoformat(d.pop("assessed_at"))

        assessed_by_agency = d.pop("assessed_by_agency")

        assessment = cls(
            id=id,
            case_id=case_id,
            answers=answers,
            policy_version=policy_version,
            score=score,
            computed_level=computed_level,
            level=level,
            reasons=reasons,
            judgement=judgement,
            assessed_at=assessed_at,
            assessed_by_agency=assessed_by_agency,
        )

        return assessment
