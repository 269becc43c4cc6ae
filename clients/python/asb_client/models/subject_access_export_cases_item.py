from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.case_status import CaseStatus
from ..models.party_role import PartyRole
from ..models.risk_level import RiskLevel

if TYPE_CHECKING:
    from ..models.subject_access_export_cases_item_consent import SubjectAccessExportCasesItemConsent
    from ..models.subject_access_export_cases_item_diary_entries_type_0_item import (
        SubjectAccessExportCasesItemDiaryEntriesType0Item,
    )
    from ..models.subject_access_export_cases_item_incidents_type_0_item import (
        SubjectAccessExportCasesItemIncidentsType0Item,
    )
    from ..models.subject_access_export_cases_item_interventions_against_you_type_0_item import (
        SubjectAccessExportCasesItemInterventionsAgainstYouType0Item,
    )
    from ..models.subject_access_export_cases_item_referrals_of_you_type_0_item import (
        SubjectAccessExportCasesItemReferralsOfYouType0Item,
    )
    from ..models.subject_access_export_cases_item_updates_given_to_you_type_0_item import (
        SubjectAccessExportCasesItemUpdatesGivenToYouType0Item,
    )


T = TypeVar("T", bound="SubjectAccessExportCasesItem")


@_attrs_define
class SubjectAccessExportCasesItem:
    """One case on which the subject is a party. Besides the case's facts: for a victim or complainant `risk_level`,
    `diary_entries` and `updates_given_to_you`; for an alleged perpetrator `incidents` and `interventions_against_you`;
    for a perpetrator or witness, what is `withheld`. What the role does not give is null.

        Attributes:
            case_reference (str):
            area (str):
            status (CaseStatus):
            opened_at (datetime.datetime):
            closed_at (datetime.datetime | None):
            lead_agency (str):
            your_role (PartyRole):
            your_label (str):
            consent (SubjectAccessExportCasesItemConsent):
            removed_from_case_at (datetime.datetime | None):
            risk_level (None | RiskLevel):
            diary_entries (list[SubjectAccessExportCasesItemDiaryEntriesType0Item] | None): The subject's own diary sheets,
                third parties redacted.
            updates_given_to_you (list[SubjectAccessExportCasesItemUpdatesGivenToYouType0Item] | None):
            incidents (list[SubjectAccessExportCasesItemIncidentsType0Item] | None): The incidents recorded on the case,
                without accounts or places.
            interventions_against_you (list[SubjectAccessExportCasesItemInterventionsAgainstYouType0Item] | None):
            withheld (None | str):
            referrals_of_you (list[SubjectAccessExportCasesItemReferralsOfYouType0Item] | None): For a victim or
                complainant: each referral made of them, to which service, for what need, on what basis and what the service was
                told (null for other roles).
    """

    case_reference: str
    area: str
    status: CaseStatus
    opened_at: datetime.datetime
    closed_at: datetime.datetime | None
    lead_agency: str
    your_role: PartyRole
    your_label: str
    consent: SubjectAccessExportCasesItemConsent
    removed_from_case_at: datetime.datetime | None
    risk_level: None | RiskLevel
    diary_entries: list[SubjectAccessExportCasesItemDiaryEntriesType0Item] | None
    updates_given_to_you: list[SubjectAccessExportCasesItemUpdatesGivenToYouType0Item] | None
    incidents: list[SubjectAccessExportCasesItemIncidentsType0Item] | None
    interventions_against_you: list[SubjectAccessExportCasesItemInterventionsAgainstYouType0Item] | None
    withheld: None | str
    referrals_of_you: list[SubjectAccessExportCasesItemReferralsOfYouType0Item] | None

    def to_dict(self) -> dict[str, Any]:
        case_reference = self.case_reference

        area = self.area

        status = self.status.value

        opened_at = self.opened_at.isoformat()

        closed_at: None | str
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        lead_agency = self.lead_agency

        your_role = self.your_role.value

        your_label = self.your_label

        consent = self.consent.to_dict()

        removed_from_case_at: None | str
        if isinstance(self.removed_from_case_at, datetime.datetime):
            removed_from_case_at = self.removed_from_case_at.isoformat()
        else:
            removed_from_case_at = self.removed_from_case_at

        risk_level: None | str
        if isinstance(self.risk_level, RiskLevel):
            risk_level = self.risk_level.value
        else:
            risk_level = self.risk_level

        diary_entries: list[dict[str, Any]] | None
        if isinstance(self.diary_entries, list):
            diary_entries = []
            for diary_entries_type_0_item_data in self.diary_entries:
                diary_entries_type_0_item = diary_entries_type_0_item_data.to_dict()
                diary_entries.append(diary_entries_type_0_item)

        else:
            diary_entries = self.diary_entries

        updates_given_to_you: list[dict[str, Any]] | None
        if isinstance(self.updates_given_to_you, list):
            updates_given_to_you = []
            for updates_given_to_you_type_0_item_data in self.updates_given_to_you:
                updates_given_to_you_type_0_item = updates_given_to_you_type_0_item_data.to_dict()
                updates_given_to_you.append(updates_given_to_you_type_0_item)

        else:
            updates_given_to_you = self.updates_given_to_you

        incidents: list[dict[str, Any]] | None
        if isinstance(self.incidents, list):
            incidents = []
            for incidents_type_0_item_data in self.incidents:
                incidents_type_0_item = incidents_type_0_item_data.to_dict()
                incidents.append(incidents_type_0_item)

        else:
            incidents = self.incidents

        interventions_against_you: list[dict[str, Any]] | None
        if isinstance(self.interventions_against_you, list):
            interventions_against_you = []
            for interventions_against_you_type_0_item_data in self.interventions_against_you:
                interventions_against_you_type_0_item = interventions_against_you_type_0_item_data.to_dict()
                interventions_against_you.append(interventions_against_you_type_0_item)

        else:
            interventions_against_you = self.interventions_against_you

        withheld: None | str
        withheld = self.withheld

        referrals_of_you: list[dict[str, Any]] | None
        if isinstance(self.referrals_of_you, list):
            referrals_of_you = []
            for referrals_of_you_type_0_item_data in self.referrals_of_you:
                referrals_of_you_type_0_item = referrals_of_you_type_0_item_data.to_dict()
                referrals_of_you.append(referrals_of_you_type_0_item)

        else:
            referrals_of_you = self.referrals_of_you

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "case_reference": case_reference,
                "area": area,
                "status": status,
                "opened_at": opened_at,
                "closed_at": closed_at,
                "lead_agency": lead_agency,
                "your_role": your_role,
                "your_label": your_label,
                "consent": consent,
                "removed_from_case_at": removed_from_case_at,
                "risk_level": risk_level,
                "diary_entries": diary_entries,
                "updates_given_to_you": updates_given_to_you,
                "incidents": incidents,
                "interventions_against_you": interventions_against_you,
                "withheld": withheld,
                "referrals_of_you": referrals_of_you,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.subject_access_export_cases_item_consent import SubjectAccessExportCasesItemConsent  # noqa: PLC0415
        from ..models.subject_access_export_cases_item_diary_entries_type_0_item import (
            SubjectAccessExportCasesItemDiaryEntriesType0Item,  # noqa: PLC0415
        )
        from ..models.subject_access_export_cases_item_incidents_type_0_item import (
            SubjectAccessExportCasesItemIncidentsType0Item,  # noqa: PLC0415
        )
        from ..models.subject_access_export_cases_item_interventions_against_you_type_0_item import (
            SubjectAccessExportCasesItemInterventionsAgainstYouType0Item,  # noqa: PLC0415
        )
        from ..models.subject_access_export_cases_item_referrals_of_you_type_0_item import (
            SubjectAccessExportCasesItemReferralsOfYouType0Item,  # noqa: PLC0415
        )
        from ..models.subject_access_export_cases_item_updates_given_to_you_type_0_item import (
            SubjectAccessExportCasesItemUpdatesGivenToYouType0Item,  # noqa: PLC0415
        )

        d = dict(src_dict)
        case_reference = d.pop("case_reference")

        area = d.pop("area")

        status = CaseStatus(d.pop("status"))

        opened_at = datetime.datetime.fromisoformat(d.pop("opened_at"))

        def _parse_closed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        closed_at = _parse_closed_at(d.pop("closed_at"))

        lead_agency = d.pop("lead_agency")

        your_role = PartyRole(d.pop("your_role"))

        your_label = d.pop("your_label")

        consent = SubjectAccessExportCasesItemConsent.from_dict(d.pop("consent"))

        def _parse_removed_from_case_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                removed_from_case_at_type_0 = datetime.datetime.fromisoformat(data)

                return removed_from_case_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        removed_from_case_at = _parse_removed_from_case_at(d.pop("removed_from_case_at"))

        def _parse_risk_level(data: object) -> None | RiskLevel:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                risk_level_type_0 = RiskLevel(data)

                return risk_level_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RiskLevel, data)

        risk_level = _parse_risk_level(d.pop("risk_level"))

        def _parse_diary_entries(data: object) -> list[SubjectAccessExportCasesItemDiaryEntriesType0Item] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                diary_entries_type_0 = []
                _diary_entries_type_0 = data
                for diary_entries_type_0_item_data in _diary_entries_type_0:
                    diary_entries_type_0_item = SubjectAccessExportCasesItemDiaryEntriesType0Item.from_dict(
                        diary_entries_type_0_item_data
                    )

                    diary_entries_type_0.append(diary_entries_type_0_item)

                return diary_entries_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[SubjectAccessExportCasesItemDiaryEntriesType0Item] | None, data)

        diary_entries = _parse_diary_entries(d.pop("diary_entries"))

        def _parse_updates_given_to_you(
            data: object,
        ) -> list[SubjectAccessExportCasesItemUpdatesGivenToYouType0Item] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                updates_given_to_you_type_0 = []
                _updates_given_to_you_type_0 = data
                for updates_given_to_you_type_0_item_data in _updates_given_to_you_type_0:
                    updates_given_to_you_type_0_item = SubjectAccessExportCasesItemUpdatesGivenToYouType0Item.from_dict(
                        updates_given_to_you_type_0_item_data
                    )

                    updates_given_to_you_type_0.append(updates_given_to_you_type_0_item)

                return updates_given_to_you_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[SubjectAccessExportCasesItemUpdatesGivenToYouType0Item] | None, data)

        updates_given_to_you = _parse_updates_given_to_you(d.pop("updates_given_to_you"))

        def _parse_incidents(data: object) -> list[SubjectAccessExportCasesItemIncidentsType0Item] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                incidents_type_0 = []
                _incidents_type_0 = data
                for incidents_type_0_item_data in _incidents_type_0:
                    incidents_type_0_item = SubjectAccessExportCasesItemIncidentsType0Item.from_dict(
                        incidents_type_0_item_data
                    )

                    incidents_type_0.append(incidents_type_0_item)

                return incidents_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[SubjectAccessExportCasesItemIncidentsType0Item] | None, data)

        incidents = _parse_incidents(d.pop("incidents"))

        def _parse_interventions_against_you(
            data: object,
        ) -> list[SubjectAccessExportCasesItemInterventionsAgainstYouType0Item] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                interventions_against_you_type_0 = []
                _interventions_against_you_type_0 = data
                for interventions_against_you_type_0_item_data in _interventions_against_you_type_0:
                    interventions_against_you_type_0_item = (
                        SubjectAccessExportCasesItemInterventionsAgainstYouType0Item.from_dict(
                            interventions_against_you_type_0_item_data
                        )
                    )

                    interventions_against_you_type_0.append(interventions_against_you_type_0_item)

                return interventions_against_you_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[SubjectAccessExportCasesItemInterventionsAgainstYouType0Item] | None, data)

        interventions_against_you = _parse_interventions_against_you(d.pop("interventions_against_you"))

        def _parse_withheld(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        withheld = _parse_withheld(d.pop("withheld"))

        def _parse_referrals_of_you(data: object) -> list[SubjectAccessExportCasesItemReferralsOfYouType0Item] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                referrals_of_you_type_0 = []
                _referrals_of_you_type_0 = data
                for referrals_of_you_type_0_item_data in _referrals_of_you_type_0:
                    referrals_of_you_type_0_item = SubjectAccessExportCasesItemReferralsOfYouType0Item.from_dict(
                        referrals_of_you_type_0_item_data
                    )

                    referrals_of_you_type_0.append(referrals_of_you_type_0_item)

                return referrals_of_you_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[SubjectAccessExportCasesItemReferralsOfYouType0Item] | None, data)

        referrals_of_you = _parse_referrals_of_you(d.pop("referrals_of_you"))

        subject_access_export_cases_item = cls(
            case_reference=case_reference,
            area=area,
            status=status,
            opened_at=opened_at,
            closed_at=closed_at,
            lead_agency=lead_agency,
            your_role=your_role,
            your_label=your_label,
            consent=consent,
            removed_from_case_at=removed_from_case_at,
            risk_level=risk_level,
            diary_entries=diary_entries,
            updates_given_to_you=updates_given_to_you,
            incidents=incidents,
            interventions_against_you=interventions_against_you,
            withheld=withheld,
            referrals_of_you=referrals_of_you,
        )

        return subject_access_export_cases_item
