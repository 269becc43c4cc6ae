"""Every operation reads exactly the query parameters openapi.yaml gives it: the names the app
accepts (any other is a 422 naming it, asb_api/query_params.py) are the contract's, for every
route the app serves."""

from __future__ import annotations

import re

from asb_api.query_params import declared_query_params
from tests.contract.openapi_validation import spec_dict

IGNORED_METHODS = {"OPTIONS", "HEAD"}


def contract_query_params() -> dict[tuple[str, str], set[str]]:
    spec = spec_dict()
    refs = spec["components"]["parameters"]
    out = {}
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if not isinstance(op, dict) or "responses" not in op:
                continue
            names = set()
            for p in [*item.get("parameters", []), *op.get("parameters", [])]:
                p = refs[p["$ref"].rsplit("/", 1)[-1]] if "$ref" in p else p
                if p["in"] == "query":
                    names.add(p["name"])
            out[(method.upper(), path)] = names
    return out


def test_app_and_contract_name_the_same_query_parameters():
    from asb_api.app import create_app
    from asb_core.settings import Settings

    described = contract_query_params()
    wrong = []
    for route in create_app(Settings()).routes:
        path = re.sub(r"\{(\w+)(:[^}]*)?\}", r"{\1}", route.path)
        for handler in getattr(route, "route_handlers", None) or [route.route_handler]:
            methods = getattr(handler, "http_methods", None) or handler.opt["http_methods"]
            for method in set(methods) - IGNORED_METHODS:
                if (method, path) in described:
                    served = set(declared_query_params(handler))
                    if served != described[(method, path)]:
                        wrong.append(f"{method} {path}: app {sorted(served)}, "
                                     f"contract {sorted(described[(method, path)])}")
    assert not wrong, "\n".join(wrong)
