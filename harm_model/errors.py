"""Validation errors raised by the harm model.

Every error names the field it is about (``answers.repeat``, ``judgement``, ``category``...) so
that the API layer can turn it into field-level problem details without parsing messages.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping


class HarmValidationError(ValueError):
    """Input rejected by the harm model.

    ``errors`` is a list of ``{"field": ..., "message": ...}`` dicts; ``str()`` names every field.
    Build it either from one field and message or from a list of such dicts.
    """

    def __init__(
        self, field_or_errors: str | Iterable[Mapping[str, str]], message: str = ""
    ) -> None:
        if isinstance(field_or_errors, str):
            errors = [{"field": field_or_errors, "message": message}]
        else:
            errors = [{"field": e["field"], "message": e["message"]} for e in field_or_errors]
        self.errors: list[dict[str, str]] = errors
        super().__init__("; ".join(f"{e['field']}: {e['message']}" for e in errors))

    @property
    def fields(self) -> list[str]:
        return [e["field"] for e in self.errors]


def short_repr(value: object, limit: int = 40) -> str:
    """A bounded repr for error messages (answers can be arbitrary client input)."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
