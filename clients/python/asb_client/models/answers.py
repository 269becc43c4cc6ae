from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.frequency import Frequency
from ..models.strand import Strand
from ..types import UNSET, Unset

T = TypeVar("T", bound="Answers")


@_attrs_define
class Answers:
    """Answers by question id (policy `fenland-harm-v1`). Absent or `null` means unknown (not asked yet), never "no". Any
    other key is a `422` (`answers.<key>`: unknown question id).

        Example:
            {'immediate_danger': False, 'threats_or_violence': False, 'repeat': True, 'feels_targeted': True,
                'hostility_perceived': [], 'disability_or_illness': True, 'reported_elsewhere': False, 'sleep_affected': True,
                'frequency': 'weekly'}

        Attributes:
            immediate_danger (bool | None | Unset): `true` yes, `false` no, `null` (or absent) unknown: not asked yet.
            threats_or_violence (bool | None | Unset): `true` yes, `false` no, `null` (or absent) unknown: not asked yet.
            self_harm_risk (bool | None | Unset): `true` yes, `false` no, `null` (or absent) unknown: not asked yet.
            hostility_perceived (list[Strand] | None | Unset): (hostility) Does the victim, or anyone else, think the
                behaviour is motivated by hostility towards a disability, race, religion, sexual orientation, transgender
                identity or another personal characteristic? Which? `[]` no, `null` unknown. Any strand: hate flag and at least
                medium; with `feels_targeted` or `repeat`: high.
            disability_or_illness (bool | None | Unset): `true` yes, `false` no, `null` (or absent) unknown: not asked yet.
            age_vulnerable (bool | None | Unset): `true` yes, `false` no, `null` (or absent) unknown: not asked yet.
            isolated (bool | None | Unset): `true` yes, `false` no, `null` (or absent) unknown: not asked yet.
            financial_hardship (bool | None | Unset): `true` yes, `false` no, `null` (or absent) unknown: not asked yet.
            self_perceived_vulnerable (bool | None | Unset): `true` yes, `false` no, `null` (or absent) unknown: not asked
                yet.
            carer_or_dependants (bool | None | Unset): `true` yes, `false` no, `null` (or absent) unknown: not asked yet.
            physical_health_affected (bool | None | Unset): `true` yes, `false` no, `null` (or absent) unknown: not asked
                yet.
            mental_health_affected (bool | None | Unset): `true` yes, `false` no, `null` (or absent) unknown: not asked yet.
            sleep_affected (bool | None | Unset): `true` yes, `false` no, `null` (or absent) unknown: not asked yet.
            daily_life_affected (bool | None | Unset): `true` yes, `false` no, `null` (or absent) unknown: not asked yet.
            feels_unsafe_at_home (bool | None | Unset): `true` yes, `false` no, `null` (or absent) unknown: not asked yet.
            considering_moving (bool | None | Unset): `true` yes, `false` no, `null` (or absent) unknown: not asked yet.
            children_affected (bool | None | Unset): `true` yes, `false` no, `null` (or absent) unknown: not asked yet.
            fear_of_reprisal (bool | None | Unset): `true` yes, `false` no, `null` (or absent) unknown: not asked yet.
            repeat (bool | None | Unset): `true` yes, `false` no, `null` (or absent) unknown: not asked yet.
            frequency (Frequency | None | Unset): (pattern) How often does it happen? daily 3, weekly 2, monthly 1,
                less_often 0.
            escalating (bool | None | Unset): `true` yes, `false` no, `null` (or absent) unknown: not asked yet.
            feels_targeted (bool | None | Unset): `true` yes, `false` no, `null` (or absent) unknown: not asked yet.
            property_damage (bool | None | Unset): `true` yes, `false` no, `null` (or absent) unknown: not asked yet.
            reported_elsewhere (bool | None | Unset): `true` yes, `false` no, `null` (or absent) unknown: not asked yet.
    """

    immediate_danger: bool | None | Unset = UNSET
    threats_or_violence: bool | None | Unset = UNSET
    self_harm_risk: bool | None | Unset = UNSET
    hostility_perceived: list[Strand] | None | Unset = UNSET
    disability_or_illness: bool | None | Unset = UNSET
    age_vulnerable: bool | None | Unset = UNSET
    isolated: bool | None | Unset = UNSET
    financial_hardship: bool | None | Unset = UNSET
    self_perceived_vulnerable: bool | None | Unset = UNSET
    carer_or_dependants: bool | None | Unset = UNSET
    physical_health_affected: bool | None | Unset = UNSET
    mental_health_affected: bool | None | Unset = UNSET
    sleep_affected: bool | None | Unset = UNSET
    daily_life_affected: bool | None | Unset = UNSET
    feels_unsafe_at_home: bool | None | Unset = UNSET
    considering_moving: bool | None | Unset = UNSET
    children_affected: bool | None | Unset = UNSET
    fear_of_reprisal: bool | None | Unset = UNSET
    repeat: bool | None | Unset = UNSET
    frequency: Frequency | None | Unset = UNSET
    escalating: bool | None | Unset = UNSET
    feels_targeted: bool | None | Unset = UNSET
    property_damage: bool | None | Unset = UNSET
    reported_elsewhere: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        immediate_danger: bool | None | Unset
        if isinstance(self.immediate_danger, Unset):
            immediate_danger = UNSET
        else:
            immediate_danger = self.immediate_danger

        threats_or_violence: bool | None | Unset
        if isinstance(self.threats_or_violence, Unset):
            threats_or_violence = UNSET
        else:
            threats_or_violence = self.threats_or_violence

        self_harm_risk: bool | None | Unset
        if isinstance(self.self_harm_risk, Unset):
            self_harm_risk = UNSET
        else:
            self_harm_risk = self.self_harm_risk

        hostility_perceived: list[str] | None | Unset
        if isinstance(self.hostility_perceived, Unset):
            hostility_perceived = UNSET
        elif isinstance(self.hostility_perceived, list):
            hostility_perceived = []
            for hostility_perceived_type_0_item_data in self.hostility_perceived:
                hostility_perceived_type_0_item = hostility_perceived_type_0_item_data.value
                hostility_perceived.append(hostility_perceived_type_0_item)

        else:
            hostility_perceived = self.hostility_perceived

        disability_or_illness: bool | None | Unset
        if isinstance(self.disability_or_illness, Unset):
            disability_or_illness = UNSET
        else:
            disability_or_illness = self.disability_or_illness

        age_vulnerable: bool | None | Unset
        if isinstance(self.age_vulnerable, Unset):
            age_vulnerable = UNSET
        else:
            age_vulnerable = self.age_vulnerable

        isolated: bool | None | Unset
        if isinstance(self.isolated, Unset):
            isolated = UNSET
        else:
            isolated = self.isolated

        financial_hardship: bool | None | Unset
        if isinstance(self.financial_hardship, Unset):
            financial_hardship = UNSET
        else:
            financial_hardship = self.financial_hardship

        self_perceived_vulnerable: bool | None | Unset
        if isinstance(self.self_perceived_vulnerable, Unset):
            self_perceived_vulnerable = UNSET
        else:
            self_perceived_vulnerable = self.self_perceived_vulnerable

        carer_or_dependants: bool | None | Unset
        if isinstance(self.carer_or_dependants, Unset):
            carer_or_dependants = UNSET
        else:
            carer_or_dependants = self.carer_or_dependants

        physical_health_affected: bool | None | Unset
        if isinstance(self.physical_health_affected, Unset):
            physical_health_affected = UNSET
        else:
            physical_health_affected = self.physical_health_affected

        mental_health_affected: bool | None | Unset
        if isinstance(self.mental_health_affected, Unset):
            mental_health_affected = UNSET
        else:
            mental_health_affected = self.mental_health_affected

        sleep_affected: bool | None | Unset
        if isinstance(self.sleep_affected, Unset):
            sleep_affected = UNSET
        else:
            sleep_affected = self.sleep_affected

        daily_life_affected: bool | None | Unset
        if isinstance(self.daily_life_affected, Unset):
            daily_life_affected = UNSET
        else:
            daily_life_affected = self.daily_life_affected

        feels_unsafe_at_home: bool | None | Unset
        if isinstance(self.feels_unsafe_at_home, Unset):
            feels_unsafe_at_home = UNSET
        else:
            feels_unsafe_at_home = self.feels_unsafe_at_home

        considering_moving: bool | None | Unset
        if isinstance(self.considering_moving, Unset):
            considering_moving = UNSET
        else:
            considering_moving = self.considering_moving

        children_affected: bool | None | Unset
        if isinstance(self.children_affected, Unset):
            children_affected = UNSET
        else:
            children_affected = self.children_affected

        fear_of_reprisal: bool | None | Unset
        if isinstance(self.fear_of_reprisal, Unset):
            fear_of_reprisal = UNSET
        else:
            fear_of_reprisal = self.fear_of_reprisal

        repeat: bool | None | Unset
        if isinstance(self.repeat, Unset):
            repeat = UNSET
        else:
            repeat = self.repeat

        frequency: None | str | Unset
        if isinstance(self.frequency, Unset):
            frequency = UNSET
        elif isinstance(self.frequency, Frequency):
            frequency = self.frequency.value
        else:
            frequency = self.frequency

        escalating: bool | None | Unset
        if isinstance(self.escalating, Unset):
            escalating = UNSET
        else:
            escalating = self.escalating

        feels_targeted: bool | None | Unset
        if isinstance(self.feels_targeted, Unset):
            feels_targeted = UNSET
        else:
            feels_targeted = self.feels_targeted

        property_damage: bool | None | Unset
        if isinstance(self.property_damage, Unset):
            property_damage = UNSET
        else:
            property_damage = self.property_damage

        reported_elsewhere: bool | None | Unset
        if isinstance(self.reported_elsewhere, Unset):
            reported_elsewhere = UNSET
        else:
            reported_elsewhere = self.reported_elsewhere

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if immediate_danger is not UNSET:
            field_dict["immediate_danger"] = immediate_danger
        if threats_or_violence is not UNSET:
            field_dict["threats_or_violence"] = threats_or_violence
        if self_harm_risk is not UNSET:
            field_dict["self_harm_risk"] = self_harm_risk
        if hostility_perceived is not UNSET:
            field_dict["hostility_perceived"] = hostility_perceived
        if disability_or_illness is not UNSET:
            field_dict["disability_or_illness"] = disability_or_illness
        if age_vulnerable is not UNSET:
            field_dict["age_vulnerable"] = age_vulnerable
        if isolated is not UNSET:
            field_dict["isolated"] = isolated
        if financial_hardship is not UNSET:
            field_dict["financial_hardship"] = financial_hardship
        if self_perceived_vulnerable is not UNSET:
            field_dict["self_perceived_vulnerable"] = self_perceived_vulnerable
        if carer_or_dependants is not UNSET:
            field_dict["carer_or_dependants"] = carer_or_dependants
        if physical_health_affected is not UNSET:
            field_dict["physical_health_affected"] = physical_health_affected
        if mental_health_affected is not UNSET:
            field_dict["mental_health_affected"] = mental_health_affected
        if sleep_affected is not UNSET:
            field_dict["sleep_affected"] = sleep_affected
        if daily_life_affected is not UNSET:
            field_dict["daily_life_affected"] = daily_life_affected
        if feels_unsafe_at_home is not UNSET:
            field_dict["feels_unsafe_at_home"] = feels_unsafe_at_home
        if considering_moving is not UNSET:
            field_dict["considering_moving"] = considering_moving
        if children_affected is not UNSET:
            field_dict["children_affected"] = children_affected
        if fear_of_reprisal is not UNSET:
            field_dict["fear_of_reprisal"] = fear_of_reprisal
        if repeat is not UNSET:
            field_dict["repeat"] = repeat
        if frequency is not UNSET:
            field_dict["frequency"] = frequency
        if escalating is not UNSET:
            field_dict["escalating"] = escalating
        if feels_targeted is not UNSET:
            field_dict["feels_targeted"] = feels_targeted
        if property_damage is not UNSET:
            field_dict["property_damage"] = property_damage
        if reported_elsewhere is not UNSET:
            field_dict["reported_elsewhere"] = reported_elsewhere

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_immediate_danger(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        immediate_danger = _parse_immediate_danger(d.pop("immediate_danger", UNSET))

        def _parse_threats_or_violence(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        threats_or_violence = _parse_threats_or_violence(d.pop("threats_or_violence", UNSET))

        def _parse_self_harm_risk(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        self_harm_risk = _parse_self_harm_risk(d.pop("self_harm_risk", UNSET))

        def _parse_hostility_perceived(data: object) -> list[Strand] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                hostility_perceived_type_0 = []
                _hostility_perceived_type_0 = data
                for hostility_perceived_type_0_item_data in _hostility_perceived_type_0:
                    hostility_perceived_type_0_item = Strand(hostility_perceived_type_0_item_data)

                    hostility_perceived_type_0.append(hostility_perceived_type_0_item)

                return hostility_perceived_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Strand] | None | Unset, data)

        hostility_perceived = _parse_hostility_perceived(d.pop("hostility_perceived", UNSET))

        def _parse_disability_or_illness(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        disability_or_illness = _parse_disability_or_illness(d.pop("disability_or_illness", UNSET))

        def _parse_age_vulnerable(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        age_vulnerable = _parse_age_vulnerable(d.pop("age_vulnerable", UNSET))

        def _parse_isolated(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        isolated = _parse_isolated(d.pop("isolated", UNSET))

        def _parse_financial_hardship(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        financial_hardship = _parse_financial_hardship(d.pop("financial_hardship", UNSET))

        def _parse_self_perceived_vulnerable(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        self_perceived_vulnerable = _parse_self_perceived_vulnerable(d.pop("self_perceived_vulnerable", UNSET))

        def _parse_carer_or_dependants(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        carer_or_dependants = _parse_carer_or_dependants(d.pop("carer_or_dependants", UNSET))

        def _parse_physical_health_affected(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        physical_health_affected = _parse_physical_health_affected(d.pop("physical_health_affected", UNSET))

        def _parse_mental_health_affected(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        mental_health_affected = _parse_mental_health_affected(d.pop("mental_health_affected", UNSET))

        def _parse_sleep_affected(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        sleep_affected = _parse_sleep_affected(d.pop("sleep_affected", UNSET))

        def _parse_daily_life_affected(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        daily_life_affected = _parse_daily_life_affected(d.pop("daily_life_affected", UNSET))

        def _parse_feels_unsafe_at_home(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        feels_unsafe_at_home = _parse_feels_unsafe_at_home(d.pop("feels_unsafe_at_home", UNSET))

        def _parse_considering_moving(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        considering_moving = _parse_considering_moving(d.pop("considering_moving", UNSET))

        def _parse_children_affected(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        children_affected = _parse_children_affected(d.pop("children_affected", UNSET))

        def _parse_fear_of_reprisal(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        fear_of_reprisal = _parse_fear_of_reprisal(d.pop("fear_of_reprisal", UNSET))

        def _parse_repeat(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        repeat = _parse_repeat(d.pop("repeat", UNSET))

        def _parse_frequency(data: object) -> Frequency | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                frequency_type_0 = Frequency(data)

                return frequency_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Frequency | None | Unset, data)

        frequency = _parse_frequency(d.pop("frequency", UNSET))

        def _parse_escalating(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        escalating = _parse_escalating(d.pop("escalating", UNSET))

        def _parse_feels_targeted(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        feels_targeted = _parse_feels_targeted(d.pop("feels_targeted", UNSET))

        def _parse_property_damage(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        property_damage = _parse_property_damage(d.pop("property_damage", UNSET))

        def _parse_reported_elsewhere(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        reported_elsewhere = _parse_reported_elsewhere(d.pop("reported_elsewhere", UNSET))

        answers = cls(
            immediate_danger=immediate_danger,
            threats_or_violence=threats_or_violence,
            self_harm_risk=self_harm_risk,
            hostility_perceived=hostility_perceived,
            disability_or_illness=disability_or_illness,
            age_vulnerable=age_vulnerable,
            isolated=isolated,
            financial_hardship=financial_hardship,
            self_perceived_vulnerable=self_perceived_vulnerable,
            carer_or_dependants=carer_or_dependants,
            physical_health_affected=physical_health_affected,
            mental_health_affected=mental_health_affected,
            sleep_affected=sleep_affected,
            daily_life_affected=daily_life_affected,
            feels_unsafe_at_home=feels_unsafe_at_home,
            considering_moving=considering_moving,
            children_affected=children_affected,
            fear_of_reprisal=fear_of_reprisal,
            repeat=repeat,
            frequency=frequency,
            escalating=escalating,
            feels_targeted=feels_targeted,
            property_damage=property_damage,
            reported_elsewhere=reported_elsewhere,
        )

        return answers
