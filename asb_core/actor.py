"""Who is acting: the authenticated principal, its agency and role.

Every service takes an `Actor`; the access policy and the audit log read it. The CLI acts as
`Actor.system()`, an operator on the machine, audited as such.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Actor:
    principal_id: uuid.UUID | None
    agency_id: uuid.UUID | None
    agency_slug: str | None
    agency_kind: str | None
    role: str
    # An embed token may only evaluate, open cases and look up repeat callers, whatever its
    # issuer's role allows.
    scopes: frozenset[str] = frozenset()

    @classmethod
    def system(cls) -> Actor:
        return cls(None, None, None, None, "system")
