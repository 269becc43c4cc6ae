"""The contract publishes the rules the server enforces for request bodies: every schema used as
a request body in openapi.yaml (and every object schema nested in one) is mapped to the pydantic
input model that validates it, and the two agree on the properties accepted, the properties
required, length, range and item bounds, patterns and enumerations. An input schema without a
model, or a model without its schema, fails."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from asb_core.assessments import schemas as assessments
from asb_core.case_review import schemas as case_review
from asb_core.cases import schemas as cases
from asb_core.dataprotection import schemas as dataprotection
from asb_core.incidents import schemas as incidents
from asb_core.interventions import schemas as interventions
from asb_core.parties import schemas as parties
from asb_core.referrals import schemas as referrals
from asb_core.sharing import schemas as sharing
from asb_core.targets import schemas as targets
from asb_core.updates import schemas as updates
from asb_core.webhooks import schemas as webhooks

SPEC = yaml.safe_load((Path(__file__).resolve().parents[2] / "openapi.yaml").read_text())
SCHEMAS = SPEC["components"]["schemas"]
PAIRS = {
    "EvaluateRequest": assessments.EvaluateIn,
    "ReassessRequest": assessments.ReassessIn,
    "JudgementInput": assessments.JudgementIn,
    "OpenCaseRequest": cases.OpenCaseIn,
    "CasePatch": cases.CasePatchIn,
    "CloseCaseRequest": cases.CloseIn,
    "ReopenCaseRequest": cases.ReopenIn,
    "VictimInput": parties.VictimIn,
    "ConsentInput": parties.ConsentIn,
    "PartyInput": parties.PartyIn,
    "PartyPatch": parties.PartyPatchIn,
    "PartyRemovalInput": parties.PartyRemovalIn,
    "RepeatCallerLookup": parties.RepeatCallerIn,
    "ShareRequest": sharing.ShareIn,
    "UpdateInput": updates.UpdateIn,
    "MeetTargetRequest": targets.TargetMetIn,
    "ReassignTargetRequest": targets.TargetOwnerIn,
    "CaseReviewInput": case_review.CaseReviewIn,
    "CaseReviewAcknowledgementInput": case_review.AcknowledgementIn,
    "CaseReviewDecisionInput": case_review.DecisionIn,
    "CaseReviewMeetingInput": case_review.MeetingIn,
    "CaseReviewRecommendationInput": case_review.RecommendationIn,
    "CaseReviewOutcomeInput": case_review.OutcomeIn,
    "CaseReviewEscalationInput": case_review.EscalationIn,
    "CaseReviewEscalationResultInput": case_review.EscalationResultIn,
    "VictimViewInput": cases.VictimViewIn,
    "WebhookInput": webhooks.WebhookIn,
    "DiaryEntryInput": incidents.DiaryEntryIn,
    "DiaryAmendmentInput": incidents.AmendmentIn,
    "OfficerReportInput": incidents.OfficerReportIn,
    "DiaryEntryBatchInput": incidents.DiaryBatchIn,
    "DiaryEntryBatchItem": incidents.BatchItemIn,
    "InterventionInput": interventions.InterventionIn,
    "ReferralInput": referrals.ReferralIn,
    "ReferralConsentInput": referrals.ReferralConsentIn,
    "ReferralStateInput": referrals.ReferralStateIn,
    "InterventionStatusChange": interventions.StatusChangeIn,
    "InterventionBreachInput": interventions.BreachIn,
    "LegalHoldInput": dataprotection.LegalHoldIn,
    "HoldReleaseInput": dataprotection.HoldReleaseIn,
    "ErasureInput": dataprotection.ErasureIn,
}
# Component schemas the contract spells out but the input model leaves to the service (or the
# harm model), which answers a value outside them in its own words: component -> who checks it.
SERVICE_CHECKED = {
    "Answers": "harm_model.assess (422 naming the question)",
    "AgencySlug": "the agency is looked up by its slug (422 naming the field)",
    "Category": "the incidents service maps a category to its national type",
    "WebhookEventType": "webhooks/service.py (422 naming the unknown type)",
}
BOUNDS = ("maxLength", "minLength", "maximum", "minimum", "maxItems", "minItems", "pattern")


def _refs(node: object, found: set[str]) -> set[str]:
    if isinstance(node, dict):
        if "$ref" in node:
            found.add(node["$ref"].rsplit("/", 1)[-1])
        for value in node.values():
            _refs(value, found)
    elif isinstance(node, list):
        for value in node:
            _refs(value, found)
    return found


def _input_schemas() -> set[str]:
    """Object schemas used as request bodies, and the object schemas nested in them."""
    todo = set()
    for ops in SPEC["paths"].values():
        for op in ops.values():
            if isinstance(op, dict) and "requestBody" in op:
                _refs(op["requestBody"], todo)
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        todo |= _refs(SCHEMAS[name].get("properties", {}), set())
    return {n for n in seen if "properties" in SCHEMAS[n] and n not in SERVICE_CHECKED}


def _resolve(node: dict, defs: dict) -> list[dict]:
    """The alternatives a property allows (following $ref, anyOf and oneOf), without null."""
    out = []
    for alt in [node, *node.get("anyOf", []), *node.get("oneOf", [])]:
        if "$ref" in alt:
            name = alt["$ref"].rsplit("/", 1)[-1]
            out += _resolve({**(defs.get(name) or SCHEMAS[name]), "$name": name}, defs)
        elif alt.get("type") != "null" and not ({"anyOf", "oneOf"} & alt.keys()):
            out.append(alt)
    return out


def _facts(node: dict, defs: dict) -> dict:
    facts: dict = {}
    for alt in _resolve(node, defs):
        if alt.get("$name") in SERVICE_CHECKED:
            return {"service": alt["$name"]}
        facts.update({k: alt[k] for k in BOUNDS if k in alt})
        if "enum" in alt or "const" in alt:
            values = alt.get("enum", [alt.get("const")])
            facts["enum"] = sorted(v for v in values if v is not None)
        if "properties" in alt:
            facts["object"] = alt["$name"]
        if "items" in alt:
            facts["items"] = _facts(alt["items"], defs)
    return facts


def _disagreements(name: str) -> list[str]:
    spec, model = SCHEMAS[name], PAIRS[name].model_json_schema()
    defs = model.get("$defs", {})
    problems = []
    if set(spec["properties"]) != set(model["properties"]):
        problems.append(f"properties: contract {sorted(spec['properties'])}, "
                        f"server {sorted(model['properties'])}")
    if set(spec.get("required", [])) != set(model.get("required", [])):
        problems.append(f"required: contract {sorted(spec.get('required', []))}, "
                        f"server {sorted(model.get('required', []))}")
    if spec.get("additionalProperties") is not False:
        problems.append("the contract must refuse unknown properties, as the server does")
    for field in set(spec["properties"]) & set(model["properties"]):
        published = _facts(spec["properties"][field], SCHEMAS)
        enforced = _facts(model["properties"][field], defs)
        if "service" in published:
            continue
        if published.get("items", {}).get("service"):
            published.pop("items")
            enforced.pop("items", None)
        if "object" in published:
            nested = PAIRS.get(published.pop("object"))
            if nested is None or enforced.pop("object", None) != nested.__name__:
                problems.append(f"{field}: not validated by the mapped model")
            continue
        if "object" in published.get("items", {}):  # a list of a named object
            nested = PAIRS.get(published["items"].pop("object"))
            if nested is None or enforced.get("items", {}).pop("object", None) != nested.__name__:
                problems.append(f"{field}: items not validated by the mapped model")
        if published != enforced:
            problems.append(f"{field}: contract {published}, server {enforced}")
    return problems


def test_every_input_schema_has_its_model():
    assert _input_schemas() == set(PAIRS)


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_published_rules_are_enforced_rules(name):
    assert _disagreements(name) == []
