"""The app and the contract describe the same operations, and the contract is well made.

- every HTTP route the Litestar app serves is in openapi.yaml with the same methods, and every
  operation in openapi.yaml is served (xfail until the routes are written);
- every example in the contract validates against its schema;
- response objects are closed and list every field as required (the server controls them);
- every /v1 operation declares the problem responses the API promises (401, 429, 503; 404 on
  case paths; 422 where it takes a body, a query or a path parameter).
"""

from __future__ import annotations

import re

import pytest

from tests.contract.openapi_validation import (
    HTTP_METHODS,
    json_pointer,
    schema_validator,
    spec_dict,
    spec_operations,
)

# Served outside the contract on purpose: the contract itself and its rendering.
NOT_IN_CONTRACT = {"/docs", "/openapi.yaml"}
IGNORED_METHODS = {"OPTIONS", "HEAD"}  # added by Litestar to every route


def app_operations() -> set[tuple[str, str]]:
    from asb_api.app import create_app
    from asb_core.settings import Settings

    app = create_app(Settings())
    ops = set()
    for route in app.routes:
        methods = getattr(route, "methods", None)
        if methods is None:  # websockets: not HTTP API operations
            continue
        if not methods:  # an ASGI handler: the HTTP methods it serves, if it declares them
            methods = set(route.route_handler.opt.get("http_methods", ()))
        path = re.sub(r"\{(\w+)(:[^}]*)?\}", r"{\1}", route.path)
        if path in NOT_IN_CONTRACT:
            continue
        for method in methods:
            if method not in IGNORED_METHODS:
                ops.add((method, path))
    return ops


def test_app_routes_and_contract_operations_match():
    served = app_operations()
    described = spec_operations()
    undocumented = sorted(f"{m} {p}" for m, p in served - described)
    unserved = sorted(f"{m} {p}" for m, p in described - served)
    assert not undocumented and not unserved, (
        f"served but not in openapi.yaml: {undocumented}\n"
        f"in openapi.yaml but not served: {unserved}"
    )


def test_served_routes_are_all_in_the_contract():
    """The half that must hold already: nothing is served that the contract does not describe."""
    undocumented = sorted(f"{m} {p}" for m, p in app_operations() - spec_operations())
    assert not undocumented, f"served but not in openapi.yaml: {undocumented}"


def test_operation_ids_are_unique():
    ids = [
        op["operationId"]
        for item in spec_dict()["paths"].values()
        for method, op in item.items()
        if method in HTTP_METHODS
    ]
    assert len(ids) == len(set(ids))


# ----- examples ------------------------------------------------------------------------------


def _examples():
    doc = spec_dict()
    for name, schema in doc["components"]["schemas"].items():
        if "example" in schema:
            yield f"schema {name}", json_pointer("components", "schemas", name), schema["example"]
    for name, response in doc["components"]["responses"].items():
        for media, content in response.get("content", {}).items():
            where = ("components", "responses", name, "content", media, "schema")
            if "example" in content:
                yield f"response {name}", json_pointer(*where), content["example"]
            for ex_name, ex in content.get("examples", {}).items():
                yield f"response {name}/{ex_name}", json_pointer(*where), ex["value"]
    for path, item in doc["paths"].items():
        for method, op in item.items():
            if method not in HTTP_METHODS:
                continue
            places = []
            for media, content in op.get("requestBody", {}).get("content", {}).items():
                places.append((("requestBody", "content", media), content))
            for status, resp in op.get("responses", {}).items():
                for media, content in resp.get("content", {}).items():
                    places.append((("responses", status, "content", media), content))
            for where, content in places:
                if "schema" not in content:
                    continue
                pointer = json_pointer("paths", path, method, *where, "schema")
                if "example" in content:
                    yield f"{method} {path} {'/'.join(where)}", pointer, content["example"]
                for ex_name, ex in content.get("examples", {}).items():
                    yield f"{method} {path} {ex_name}", pointer, ex["value"]


EXAMPLES = list(_examples())


@pytest.mark.parametrize(("pointer", "example"), [e[1:] for e in EXAMPLES],
                         ids=[e[0] for e in EXAMPLES])
def test_example_matches_its_schema(pointer, example):
    errors = [
        f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
        for e in schema_validator(pointer).iter_errors(example)
    ]
    assert not errors, errors


def test_there_are_examples_for_the_main_resources():
    named = {e[0] for e in EXAMPLES}
    for name in ("Case", "DiaryEntry", "AssessmentResult", "Target", "Flag", "Update", "Party"):
        assert f"schema {name}" in named


# ----- strictness of response schemas --------------------------------------------------------

# Optional by design: a problem's `instance` and `errors` appear only when they mean something
# (RFC 9457); answers are partial by nature (an absent question is unknown).
ANSWER_IDS = set(spec_dict()["components"]["schemas"]["Answers"]["properties"])
OPTIONAL_OK = {"Problem": {"instance", "errors"}, "Answers": ANSWER_IDS}


def _resolve(ref: str) -> tuple[str, dict]:
    name = ref.rsplit("/", 1)[-1]
    return name, spec_dict()["components"]["schemas"][name]


def _walk(schema: dict, name: str, seen: set[str], out: list[str]) -> None:
    if "$ref" in schema:
        ref_name, target = _resolve(schema["$ref"])
        if ref_name not in seen:
            seen.add(ref_name)
            _walk(target, ref_name, seen, out)
        return
    types = schema.get("type")
    types = types if isinstance(types, list) else [types]
    if "object" in types or "properties" in schema:
        if "additionalProperties" not in schema:
            out.append(f"{name}: object without an explicit additionalProperties")
        props = set(schema.get("properties", {}))
        missing = props - set(schema.get("required", [])) - OPTIONAL_OK.get(name, set())
        if missing:
            out.append(f"{name}: response fields not required: {sorted(missing)}")
    for key in ("anyOf", "oneOf", "allOf"):
        for sub in schema.get(key, []):
            _walk(sub, name, seen, out)
    for prop_name, sub in schema.get("properties", {}).items():
        _walk(sub, f"{name}.{prop_name}", seen, out)
    if isinstance(schema.get("items"), dict):
        _walk(schema["items"], f"{name}[]", seen, out)
    if isinstance(schema.get("additionalProperties"), dict):
        _walk(schema["additionalProperties"], f"{name}{{}}", seen, out)


def test_response_schemas_are_closed_and_fully_required():
    doc = spec_dict()
    problems: list[str] = []
    seen: set[str] = set()
    responses = list(doc["components"]["responses"].values())
    for item in doc["paths"].values():
        for method, op in item.items():
            if method in HTTP_METHODS:
                responses.extend(op["responses"].values())
    for resp in responses:
        if "$ref" in resp:
            continue
        for content in resp.get("content", {}).values():
            if "schema" in content:
                _walk(content["schema"], "response", seen, problems)
    assert not problems, "\n".join(problems)


# ----- the problem responses every operation promises ---------------------------------------


def test_v1_operations_declare_their_problem_responses():
    problems = []
    for path, item in spec_dict()["paths"].items():
        if not path.startswith("/v1/"):
            continue
        shared_params = item.get("parameters", [])
        for method, op in item.items():
            if method not in HTTP_METHODS:
                continue
            statuses = set(op["responses"])
            need = {"401", "429", "503"}
            if path.startswith("/v1/cases/{case_id}"):
                need.add("404")
            if op.get("requestBody") or op.get("parameters") or shared_params:
                need.add("422")
            if op.get("requestBody"):
                need |= {"400", "413"}
            if method != "get":
                need.add("403")
            missing = need - statuses
            if missing:
                problems.append(f"{op['operationId']}: missing {sorted(missing)}")
            for status, resp in op["responses"].items():
                if status.startswith(("4", "5")) and "$ref" not in resp:
                    problems.append(f"{op['operationId']} {status}: not a shared problem response")
            if op.get("security") == []:
                problems.append(f"{op['operationId']}: /v1 operations need an API key")
    assert not problems, "\n".join(problems)


def test_unauthenticated_operations_are_only_the_probes():
    doc = spec_dict()
    assert doc["security"] == [{"bearerAuth": []}]
    assert doc["components"]["securitySchemes"]["bearerAuth"] == {
        **doc["components"]["securitySchemes"]["bearerAuth"], "type": "http", "scheme": "bearer",
    }
    open_ops = {
        path
        for path, item in doc["paths"].items()
        for method, op in item.items()
        if method in HTTP_METHODS and op.get("security") == []
    }
    assert open_ops == {"/health", "/ready", "/metrics", "/embed/assessment"}
