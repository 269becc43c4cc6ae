"""Risk levels (standard < medium < high) and helpers to compare and combine them."""

from __future__ import annotations

from enum import StrEnum

from harm_model.errors import HarmValidationError, short_repr


class Level(StrEnum):
    """A risk level. Compares by rank, never alphabetically (``str`` order would be backwards)."""

    STANDARD = "standard"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @classmethod
    def parse(cls, value: object, field: str = "level") -> Level:
        """Level from a Level or its value; HarmValidationError naming ``field`` otherwise."""
        if isinstance(value, Level):
            return value
        if isinstance(value, str):
            level = _BY_VALUE.get(value)
            if level is not None:
                return level
        raise HarmValidationError(
            field, f"expected one of standard, medium, high (got {short_repr(value)})"
        )

    def _other_rank(self, other: object) -> int:
        if isinstance(other, Level):
            return _RANK[other]
        if isinstance(other, str) and other in _BY_VALUE:
            return _RANK[_BY_VALUE[other]]
        raise TypeError(f"cannot compare Level with {short_repr(other)}")

    def __lt__(self, other: object) -> bool:
        return _RANK[self] < self._other_rank(other)

    def __le__(self, other: object) -> bool:
        return _RANK[self] <= self._other_rank(other)

    def __gt__(self, other: object) -> bool:
        return _RANK[self] > self._other_rank(other)

    def __ge__(self, other: object) -> bool:
        return _RANK[self] >= self._other_rank(other)

    def __str__(self) -> str:
        return self.value


_RANK = {Level.STANDARD: 0, Level.MEDIUM: 1, Level.HIGH: 2}
_BY_VALUE = {lvl.value: lvl for lvl in Level}
LEVELS_BY_RANK: tuple[Level, ...] = (Level.STANDARD, Level.MEDIUM, Level.HIGH)


def max_level(*levels: Level | str) -> Level:
    """The highest of the given levels (standard when none are given)."""
    best = 0
    for lvl in levels:
        r = _RANK[Level.parse(lvl)]
        if r > best:
            best = r
    return LEVELS_BY_RANK[best]
