from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.stat_list import StatList
    from ..models.stat_table import StatTable
    from ..models.target_performance_table import TargetPerformanceTable


T = TypeVar("T", bound="StatisticsTables")


@_attrs_define
class StatisticsTables:
    """
    Attributes:
        cases_by_month_level (StatTable): A two-way table of counts with row and column totals.
        cases_by_area_level (StatTable): A two-way table of counts with row and column totals.
        incidents_by_category_nsir (StatTable): A two-way table of counts with row and column totals.
        open_flags_by_rule (StatList): A one-column table of counts (no row totals: each row is its own total).
        case_reviews_by_month (StatTable): A two-way table of counts with row and column totals.
        target_performance (TargetPerformanceTable): Targets met on time or not, by lead agency and level, with the
            share met.
        interventions_by_area_type (StatTable): A two-way table of counts with row and column totals.
        victim_satisfied_by_area (StatTable): A two-way table of counts with row and column totals.
        victim_satisfied_by_level (StatTable): A two-way table of counts with row and column totals.
        victim_satisfied_by_lead_agency_kind (StatTable): A two-way table of counts with row and column totals.
        victim_kept_informed_by_area (StatTable): A two-way table of counts with row and column totals.
        victim_kept_informed_by_level (StatTable): A two-way table of counts with row and column totals.
        victim_kept_informed_by_lead_agency_kind (StatTable): A two-way table of counts with row and column totals.
        victim_feels_safer_by_area (StatTable): A two-way table of counts with row and column totals.
        victim_feels_safer_by_level (StatTable): A two-way table of counts with row and column totals.
        victim_feels_safer_by_lead_agency_kind (StatTable): A two-way table of counts with row and column totals.
        referrals_by_need (StatTable): A two-way table of counts with row and column totals.
        referrals_by_area (StatTable): A two-way table of counts with row and column totals.
        referrals_by_service (StatTable): A two-way table of counts with row and column totals.
        referral_acceptance_time_by_need (StatTable): A two-way table of counts with row and column totals.
    """

    cases_by_month_level: StatTable
    cases_by_area_level: StatTable
    incidents_by_category_nsir: StatTable
    open_flags_by_rule: StatList
    case_reviews_by_month: StatTable
    target_performance: TargetPerformanceTable
    interventions_by_area_type: StatTable
    victim_satisfied_by_area: StatTable
    victim_satisfied_by_level: StatTable
    victim_satisfied_by_lead_agency_kind: StatTable
    victim_kept_informed_by_area: StatTable
    victim_kept_informed_by_level: StatTable
    victim_kept_informed_by_lead_agency_kind: StatTable
    victim_feels_safer_by_area: StatTable
    victim_feels_safer_by_level: StatTable
    victim_feels_safer_by_lead_agency_kind: StatTable
    referrals_by_need: StatTable
    referrals_by_area: StatTable
    referrals_by_service: StatTable
    referral_acceptance_time_by_need: StatTable

    def to_dict(self) -> dict[str, Any]:
        cases_by_month_level = self.cases_by_month_level.to_dict()

        cases_by_area_level = self.cases_by_area_level.to_dict()

        incidents_by_category_nsir = self.incidents_by_category_nsir.to_dict()

        open_flags_by_rule = self.open_flags_by_rule.to_dict()

        case_reviews_by_month = self.case_reviews_by_month.to_dict()

        target_performance = self.target_performance.to_dict()

        interventions_by_area_type = self.interventions_by_area_type.to_dict()

        victim_satisfied_by_area = self.victim_satisfied_by_area.to_dict()

        victim_satisfied_by_level = self.victim_satisfied_by_level.to_dict()

        victim_satisfied_by_lead_agency_kind = self.victim_satisfied_by_lead_agency_kind.to_dict()

        victim_kept_informed_by_area = self.victim_kept_informed_by_area.to_dict()

        victim_kept_informed_by_level = self.victim_kept_informed_by_level.to_dict()

        victim_kept_informed_by_lead_agency_kind = self.victim_kept_informed_by_lead_agency_kind.to_dict()

        victim_feels_safer_by_area = self.victim_feels_safer_by_area.to_dict()

        victim_feels_safer_by_level = self.victim_feels_safer_by_level.to_dict()

        victim_feels_safer_by_lead_agency_kind = self.victim_feels_safer_by_lead_agency_kind.to_dict()

        referrals_by_need = self.referrals_by_need.to_dict()

        referrals_by_area = self.referrals_by_area.to_dict()

        referrals_by_service = self.referrals_by_service.to_dict()

        referral_acceptance_time_by_need = self.referral_acceptance_time_by_need.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "cases_by_month_level": cases_by_month_level,
                "cases_by_area_level": cases_by_area_level,
                "incidents_by_category_nsir": incidents_by_category_nsir,
                "open_flags_by_rule": open_flags_by_rule,
                "case_reviews_by_month": case_reviews_by_month,
                "target_performance": target_performance,
                "interventions_by_area_type": interventions_by_area_type,
                "victim_satisfied_by_area": victim_satisfied_by_area,
                "victim_satisfied_by_level": victim_satisfied_by_level,
                "victim_satisfied_by_lead_agency_kind": victim_satisfied_by_lead_agency_kind,
                "victim_kept_informed_by_area": victim_kept_informed_by_area,
                "victim_kept_informed_by_level": victim_kept_informed_by_level,
                "victim_kept_informed_by_lead_agency_kind": victim_kept_informed_by_lead_agency_kind,
                "victim_feels_safer_by_area": victim_feels_safer_by_area,
                "victim_feels_safer_by_level": victim_feels_safer_by_level,
                "victim_feels_safer_by_lead_agency_kind": victim_feels_safer_by_lead_agency_kind,
                "referrals_by_need": referrals_by_need,
                "referrals_by_area": referrals_by_area,
                "referrals_by_service": referrals_by_service,
                "referral_acceptance_time_by_need": referral_acceptance_time_by_need,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.stat_list import StatList  # noqa: PLC0415
        from ..models.stat_table import StatTable  # noqa: PLC0415
        from ..models.target_performance_table import TargetPerformanceTable  # noqa: PLC0415

        d = dict(src_dict)
        cases_by_month_level = StatTable.from_dict(d.pop("cases_by_month_level"))

        cases_by_area_level = StatTable.from_dict(d.pop("cases_by_area_level"))

        incidents_by_category_nsir = StatTable.from_dict(d.pop("incidents_by_category_nsir"))

        open_flags_by_rule = StatList.from_dict(d.pop("open_flags_by_rule"))

        case_reviews_by_month = StatTable.from_dict(d.pop("case_reviews_by_month"))

        target_performance = TargetPerformanceTable.from_dict(d.pop("target_performance"))

        interventions_by_area_type = StatTable.from_dict(d.pop("interventions_by_area_type"))

        victim_satisfied_by_area = StatTable.from_dict(d.pop("victim_satisfied_by_area"))

        victim_satisfied_by_level = StatTable.from_dict(d.pop("victim_satisfied_by_level"))

        victim_satisfied_by_lead_agency_kind = StatTable.from_dict(d.pop("victim_satisfied_by_lead_agency_kind"))

        victim_kept_informed_by_area = StatTable.from_dict(d.pop("victim_kept_informed_by_area"))

        victim_kept_informed_by_level = StatTable.from_dict(d.pop("victim_kept_informed_by_level"))

        victim_kept_informed_by_lead_agency_kind = StatTable.from_dict(
            d.pop("victim_kept_informed_by_lead_agency_kind")
        )

        victim_feels_safer_by_area = StatTable.from_dict(d.pop("victim_feels_safer_by_area"))

        victim_feels_safer_by_level = StatTable.from_dict(d.pop("victim_feels_safer_by_level"))

        victim_feels_safer_by_lead_agency_kind = StatTable.from_dict(d.pop("victim_feels_safer_by_lead_agency_kind"))

        referrals_by_need = StatTable.from_dict(d.pop("referrals_by_need"))

        referrals_by_area = StatTable.from_dict(d.pop("referrals_by_area"))

        referrals_by_service = StatTable.from_dict(d.pop("referrals_by_service"))

        referral_acceptance_time_by_need = StatTable.from_dict(d.pop("referral_acceptance_time_by_need"))

        statistics_tables = cls(
            cases_by_month_level=cases_by_month_level,
            cases_by_area_level=cases_by_area_level,
            incidents_by_category_nsir=incidents_by_category_nsir,
            open_flags_by_rule=open_flags_by_rule,
            case_reviews_by_month=case_reviews_by_month,
            target_performance=target_performance,
            interventions_by_area_type=interventions_by_area_type,
            victim_satisfied_by_area=victim_satisfied_by_area,
            victim_satisfied_by_level=victim_satisfied_by_level,
            victim_satisfied_by_lead_agency_kind=victim_satisfied_by_lead_agency_kind,
            victim_kept_informed_by_area=victim_kept_informed_by_area,
            victim_kept_informed_by_level=victim_kept_informed_by_level,
            victim_kept_informed_by_lead_agency_kind=victim_kept_informed_by_lead_agency_kind,
            victim_feels_safer_by_area=victim_feels_safer_by_area,
            victim_feels_safer_by_level=victim_feels_safer_by_level,
            victim_feels_safer_by_lead_agency_kind=victim_feels_safer_by_lead_agency_kind,
            referrals_by_need=referrals_by_need,
            referrals_by_area=referrals_by_area,
            referrals_by_service=referrals_by_service,
            referral_acceptance_time_by_need=referral_acceptance_time_by_need,
        )

        return statistics_tables
