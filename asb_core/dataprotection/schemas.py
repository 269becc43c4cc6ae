"""Input models of the data protection operations: the only validation of their bodies."""

from __future__ import annotations

from typing import Annotated

from pydantic import StringConstraints

from asb_core.validation import AwareDateTimeIn, Strict

Reason = Annotated[str, StringConstraints(min_length=1, max_length=2000, pattern=r"\S")]
RequestReference = Annotated[str, StringConstraints(min_length=1, max_length=200,
                                                    pattern=r"\S")]


class LegalHoldIn(Strict):
    """Hold a case from retention: why (litigation, a complaint, an inquiry), and until when
    (none: until released). `until` must be in the future (checked by the service's clock)."""

    reason: Reason
    until: AwareDateTimeIn | None = None


class HoldReleaseIn(Strict):
    reason: Reason


class ErasureIn(Strict):
    """Erase one party's identity from a case. `request_reference` is the erasure request's
    reference in the agency's own records; `reason` says on what ground (e.g. UK GDPR Art. 17
    (1)(a), no longer necessary). With `free_text`, the party's name, phone, email and address
    are also replaced wherever the case's free text repeats them."""

    request_reference: RequestReference
    reason: Reason
    free_text: bool = False
