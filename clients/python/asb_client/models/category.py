from enum import StrEnum


class Category(StrEnum):
    ABANDONED_VEHICLE = "abandoned_vehicle"
    ANIMAL_NUISANCE = "animal_nuisance"
    ARSON = "arson"
    ASSAULT = "assault"
    CRIMINAL_DAMAGE = "criminal_damage"
    DRUG_OR_ALCOHOL = "drug_or_alcohol"
    FLY_TIPPING = "fly_tipping"
    GRAFFITI = "graffiti"
    HARASSMENT = "harassment"
    INJUNCTION_BREACH = "injunction_breach"
    INTIMIDATION = "intimidation"
    LITTER = "litter"
    NOISE = "noise"
    OFFENSIVE_GRAFFITI = "offensive_graffiti"
    ORDER_BREACH = "order_breach"
    ROWDY_BEHAVIOUR = "rowdy_behaviour"
    THREATS = "threats"
    VEHICLE_NUISANCE = "vehicle_nuisance"
    VERBAL_ABUSE = "verbal_abuse"
    WEAPON = "weapon"

    def __str__(self) -> str:
        return str(self.value)
