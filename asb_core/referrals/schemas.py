"""Input models of the referrals slice: a referral (`POST /v1/cases/{case_id}/referrals`) and a
change of its state (`POST /v1/referrals/{referral_id}/state`). The only validation of these
bodies; the rules that need the case, the service or the party are the service's."""

from __future__ import annotations

from typing import Annotated, Literal
from uuid import UUID

from pydantic import Field, StringConstraints

from asb_core.parties.schemas import ConsentIn, Reason
from asb_core.referrals.models import OUTCOMES
from asb_core.validation import Strict

NeedId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z_]{0,39}$")]
# What a referral may carry about the person referred. The minimum (the default) is a first
# name and one contact route; the need and level always go with it.
SHAREABLE = ("first_name", "contact_route", "full_name", "phone", "email", "address",
             "date_of_birth")
MINIMUM_SHARE = ("first_name", "contact_route")
ShareField = Literal[SHAREABLE]  # type: ignore[valid-type]


class ReferralConsentIn(ConsentIn):
    """The person's consent to this referral, as recorded by the referring officer; without it
    (refused or not asked), a legal basis for referring all the same. The same shape and rules
    as a party's consent."""


class ReferralIn(Strict):
    service_id: UUID
    need: NeedId
    # The victim (or complainant) referred: the case's first one when not named.
    party_id: UUID | None = None
    consent: ReferralConsentIn
    share: list[ShareField] = Field(default_factory=lambda: list(MINIMUM_SHARE), max_length=7)
    contact_route: Literal["phone", "email", "post"] | None = None


class ReferralStateIn(Strict):
    """The referral's next state: accepted, declined (with a reason), no_response, or closed
    (with an outcome)."""

    state: Literal["accepted", "declined", "no_response", "closed"]
    reason: Reason | None = None
    outcome: Literal[OUTCOMES] | None = None  # type: ignore[valid-type]

    def errors(self) -> list[dict]:
        out = []
        if self.state == "declined" and self.reason is None:
            out.append({"field": "reason", "message": "required when declining"})
        if self.state == "closed" and self.outcome is None:
            out.append({"field": "outcome", "message": "required when closing"})
        if self.state != "closed" and self.outcome is not None:
            out.append({"field": "outcome", "message": "only when closing"})
        return out
