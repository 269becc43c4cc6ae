"""The intervention toolkit as data: the ASB, Crime and Policing Act 2014 powers and the informal
tools used before them, one `Tool` each. This is the only place that says which agency kinds may
issue (or apply for) a tool, how long it may last, and what a breach of it means (the facts are
those of shared/DOMAIN.md, "Interventions", from the Home Office statutory guidance for
frontline professionals, revised 2022/2023).

- `issuers`: the agency kinds that may issue the tool or apply to the court for it. A court
  makes injunctions, closure orders and Criminal Behaviour Orders; the intervention is recorded
  by the agency that applied. Transport for London, the Environment Agency and NHS Protect
  (s5) are agencies of kind `other` or `health` here.
- `min_term`, `max_term`: the bounds of issued-to-expiry, when both dates are known (None: no
  bound in law). A closure notice lasts 24 to 48 hours; a closure order up to 3 months,
  extendable to 6 (the bound checked here); a Criminal Behaviour Order at least 1 year (2 for
  an adult, whose age this service does not hold).
- `breach`: what a breach means in law (`BREACH_MEANINGS`), and `breach_category` the harm
  model category its incident is recorded under (None: the behaviour's own category, which
  the caller must give). `breachable` False: there is nothing to breach (a referral, a
  mediation, possession proceedings).
- `needs_before`: a tool that may only follow another against the same person (a CPN only
  after a written Community Protection Warning, s43(5)).
- `against_party`: False for tools against premises (closure notices and orders), which name
  no person.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from types import MappingProxyType

AGENCY_KINDS = ("police", "council", "housing_provider", "victim_service", "health", "other")
ANY_AGENCY = AGENCY_KINDS
STATUSES = ("proposed", "issued", "breached", "discharged", "expired")
# Status changes a caller may make (a breach is recorded through its own operation).
TRANSITIONS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "proposed": ("issued", "discharged"),
    "issued": ("discharged", "expired"),
    "breached": ("discharged", "expired"),
    "discharged": (),
    "expired": (),
})
BREACHABLE_STATUSES = ("issued", "breached")

BREACH_MEANINGS: Mapping[str, str] = MappingProxyType({
    "none_in_law": "none in law; evidence of persistence (and for an injunction)",
    "cpn_may_follow": "not an offence; a Community Protection Notice may follow",
    "criminal_offence": "a criminal offence: fixed penalty, fine or prosecution",
    "contempt_of_court": "contempt of court, not a crime; arrest where a power of arrest is "
                         "attached",
    "not_applicable": "nothing to breach",
})


@dataclass(frozen=True, slots=True)
class Tool:
    id: str
    label: str
    issuers: tuple[str, ...]
    breach: str
    breach_category: str | None = None
    min_term: timedelta | None = None
    max_term: timedelta | None = None
    needs_before: str | None = None
    against_party: bool = True
    court_made: bool = False

    @property
    def breachable(self) -> bool:
        return self.breach != "not_applicable"


_CPN_ISSUERS = ("police", "council", "housing_provider")  # a landlord designated by the council
_DAY = timedelta(days=1)

TOOLS: Mapping[str, Tool] = MappingProxyType({t.id: t for t in (
    Tool("verbal_warning", "Verbal warning", ANY_AGENCY, "none_in_law"),
    Tool("warning_letter", "Warning letter", ANY_AGENCY, "none_in_law"),
    Tool("acceptable_behaviour_agreement", "Acceptable Behaviour Agreement or Contract",
         ANY_AGENCY, "none_in_law"),
    Tool("community_protection_warning", "Community Protection Warning", _CPN_ISSUERS,
         "cpn_may_follow"),
    Tool("community_protection_notice", "Community Protection Notice (s43)", _CPN_ISSUERS,
         "criminal_offence", "order_breach", needs_before="community_protection_warning"),
    Tool("civil_injunction", "Civil injunction (Part 1)",
         ("council", "housing_provider", "police", "health", "other"), "contempt_of_court",
         "injunction_breach", court_made=True),
    Tool("closure_notice", "Closure notice (Part 4)", ("police", "council"),
         "criminal_offence", "order_breach", min_term=timedelta(hours=24),
         max_term=timedelta(hours=48), against_party=False),
    Tool("closure_order", "Closure order (Part 4)", ("police", "council"), "criminal_offence",
         "order_breach", max_term=183 * _DAY, against_party=False, court_made=True),
    Tool("criminal_behaviour_order", "Criminal Behaviour Order (Part 2)", ("police", "council"),
         "criminal_offence", "order_breach", min_term=365 * _DAY, court_made=True),
    Tool("possession_proceedings", "Possession proceedings", ("housing_provider", "council"),
         "not_applicable", court_made=True),
    Tool("mediation", "Mediation", ANY_AGENCY, "not_applicable"),
    Tool("support_referral", "Referral to support services for the perpetrator", ANY_AGENCY,
         "not_applicable"),
)})
TOOL_IDS: tuple[str, ...] = tuple(TOOLS)


def tool(tool_id: str) -> Tool:
    return TOOLS[tool_id]


def term_error(t: Tool, term: timedelta) -> str | None:
    """Why `term` (issued to expiry) is not possible for `t`, or None."""
    if term <= timedelta(0):
        return "must be after issued_at"
    if t.min_term is not None and term < t.min_term:
        return f"a {t.label} lasts at least {_span(t.min_term)}"
    if t.max_term is not None and term > t.max_term:
        return f"a {t.label} lasts at most {_span(t.max_term)}"
    return None


def _span(d: timedelta) -> str:
    return f"{d.days} days" if d.days > 2 else f"{int(d.total_seconds() // 3600)} hours"
