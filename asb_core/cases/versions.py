"""Case versions as preconditions: the version a writer last read, given as an int by a caller
in-process or as an HTTP `If-Match` header (the case's ETag, `"<version>"`).

The header is parsed by the service, after the case has been found visible: a caller that may
not see a case learns nothing from the precondition answers (404 comes first).
"""

from __future__ import annotations

from dataclasses import dataclass

from asb_core.errors import PreconditionFailed, PreconditionRequired


@dataclass(frozen=True)
class IfMatch:
    """The raw `If-Match` header of a request (None when absent)."""

    header: str | None


def etag(version: int) -> str:
    return f'"{version}"'


def expected(value: int | IfMatch | None, *, required: bool) -> int | None:
    """The expected version: 428 when an If-Match is required and absent, 412 when the header
    cannot name a version."""
    if not isinstance(value, IfMatch):
        return value
    if value.header is None:
        if required:
            raise PreconditionRequired(
                "this change needs an If-Match header with the ETag you last read")
        return None
    return _parse(value.header)


def _parse(header: str) -> int:
    value = header.strip()
    if value.startswith("W/"):
        value = value[2:]
    value = value.strip('"')
    if not value.isdigit() or len(value) > 12:
        raise PreconditionFailed("If-Match does not name a current version")
    return int(value)
