from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.category import Category
from ..models.nsir_type import NsirType

T = TypeVar("T", bound="CategoryInfo")


@_attrs_define
class CategoryInfo:
    """
    Attributes:
        id (Category): Local behaviour category, by severity: 1 `litter`, `fly_tipping`, `abandoned_vehicle`,
            `graffiti`; 2 `noise`, `rowdy_behaviour`, `animal_nuisance`, `vehicle_nuisance`, `drug_or_alcohol`; 3
            `verbal_abuse`, `intimidation`, `harassment`; 4 `threats`, `criminal_damage`, `offensive_graffiti`, and the
            breaches of a 2014 Act order or notice (recorded by `POST .../interventions/{intervention_id}/breaches`):
            `order_breach` (a criminal offence: CPN, Criminal Behaviour Order, closure notice or order) and
            `injunction_breach` (contempt of court); 5 `assault`, `arson`, `weapon`.
        label (str):
        nsir (NsirType): National Standard for Incident Recording (2011) incident type.
        severity (int):
        can_be_offence (bool):
        critical (bool): Reporting it raises the case to high at once.
    """

    id: Category
    label: str
    nsir: NsirType
    severity: int
    can_be_offence: bool
    critical: bool

    def to_dict(self) -> dict[str, Any]:
        id = self.id.value

        label = self.label

        nsir = self.nsir.value

        severity = self.severity

        can_be_offence = self.can_be_offence

        critical = self.critical

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "label": label,
                "nsir": nsir,
                "severity": severity,
                "can_be_offence": can_be_offence,
                "critical": critical,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = Category(d.pop("id"))

        label = d.pop("label")

        nsir = NsirType(d.pop("nsir"))

        severity = d.pop("severity")

        can_be_offence = d.pop("can_be_offence")

        critical = d.pop("critical")

        category_info = cls(
            id=id,
            label=label,
            nsir=nsir,
            severity=severity,
            can_be_offence=can_be_offence,
            critical=critical,
        )

        return category_info
