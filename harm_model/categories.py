"""Behaviour categories for incidents and diary entries.

Each local category carries its national incident type (NSIR 2011: personal, nuisance,
environmental) and its place on the severity ladder (1 environmental ... 5 assault, arson,
weapon). Categories at severity 4 and 5, and harassment, can be criminal offences; threats,
assault, arson and weapon are critical (level high at once). Breaches of orders and notices
under the ASB, Crime and Policing Act 2014 are severity 4 (`order_breach`, `injunction_breach`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

NSIR_TYPES: tuple[str, ...] = ("personal", "nuisance", "environmental")


@dataclass(frozen=True, slots=True)
class Category:
    id: str
    label: str
    nsir: str
    severity: int
    can_be_offence: bool
    critical: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "nsir": self.nsir,
            "severity": self.severity,
            "can_be_offence": self.can_be_offence,
            "critical": self.critical,
        }


# (id, label, nsir, severity, can_be_offence, critical). Severity 4-5 behaviour is directed at
# someone, so it is recorded as NSIR "personal".
LADDER: tuple[tuple[str, str, str, int, bool, bool], ...] = (
    ("litter", "Litter", "environmental", 1, False, False),
    ("fly_tipping", "Fly-tipping", "environmental", 1, False, False),
    ("abandoned_vehicle", "Abandoned vehicle", "environmental", 1, False, False),
    ("graffiti", "Graffiti (not offensive)", "environmental", 1, False, False),
    ("noise", "Noise", "nuisance", 2, False, False),
    ("rowdy_behaviour", "Rowdy behaviour", "nuisance", 2, False, False),
    ("animal_nuisance", "Animal nuisance", "nuisance", 2, False, False),
    ("vehicle_nuisance", "Vehicle nuisance", "nuisance", 2, False, False),
    ("drug_or_alcohol", "Drug or alcohol related", "nuisance", 2, False, False),
    ("verbal_abuse", "Verbal abuse", "personal", 3, False, False),
    ("intimidation", "Intimidation", "personal", 3, False, False),
    ("harassment", "Harassment", "personal", 3, True, False),
    ("threats", "Threats", "personal", 4, True, True),
    ("criminal_damage", "Criminal damage", "personal", 4, True, False),
    ("offensive_graffiti", "Offensive or targeted graffiti", "personal", 4, True, False),
    ("assault", "Assault", "personal", 5, True, True),
    ("arson", "Arson", "personal", 5, True, True),
    ("weapon", "Weapon", "personal", 5, True, True),
    # A breach of a 2014 Act order or notice (asb_core/interventions/toolkit.py): severity 4
    # whatever the behaviour that breached it, since the breach itself is a matter for the
    # courts. Breaching a CPN, a Criminal Behaviour Order or a closure notice or order is a
    # criminal offence; breaching a civil injunction is contempt of court, not a crime (so it
    # cannot make a possible hate crime on its own). Neither is critical: the behaviour that
    # breached the order, when it is a threat, an assault or worse, is recorded as such.
    ("order_breach", "Breach of an order or notice (criminal offence)", "personal", 4, True,
     False),
    ("injunction_breach", "Breach of a civil injunction (contempt of court)", "personal", 4,
     False, False),
)


def build_categories(
    rows: tuple[tuple[str, str, str, int, bool, bool], ...],
) -> Mapping[str, Category]:
    return MappingProxyType({row[0]: Category(*row) for row in rows})


CATEGORIES: Mapping[str, Category] = build_categories(LADDER)
