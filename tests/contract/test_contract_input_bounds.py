"""The limits the contract publishes for request bodies are the limits the server enforces:
for every input schema with a pydantic model behind it, each property's length and range bounds
in openapi.yaml equal the model's (properties given by $ref or enum are checked by the contract
validator itself)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from asb_api import schemas
from asb_core.incidents import schemas as incident_schemas

SPEC = yaml.safe_load((Path(__file__).resolve().parents[2] / "openapi.yaml").read_text())
PAIRS = {
    "JudgementInput": schemas.JudgementIn,
    "VictimInput": schemas.VictimIn,
    "ConsentInput": schemas.ConsentIn,
    "DiaryEntryInput": incident_schemas.DiaryEntryIn,
    "OfficerReportInput": incident_schemas.OfficerReportIn,
    "UpdateInput": schemas.UpdateIn,
    "CaseReviewInput": schemas.CaseReviewIn,
}
BOUNDS = ("maxLength", "minLength", "maximum", "minimum", "maxItems", "minItems")


def _bounds(prop: dict) -> dict:
    found: dict = {}
    for alternative in [prop, *prop.get("anyOf", [])]:
        found.update({k: alternative[k] for k in BOUNDS if k in alternative})
    return found


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_published_bounds_are_enforced_bounds(name):
    model = PAIRS[name].model_json_schema()
    for field, prop in SPEC["components"]["schemas"][name]["properties"].items():
        assert field in model["properties"], f"{name}.{field} is not accepted by the server"
        if any("$ref" in alt or "enum" in alt for alt in [prop, *prop.get("anyOf", [])]):
            continue
        assert _bounds(prop) == _bounds(model["properties"][field]), f"{name}.{field}"
