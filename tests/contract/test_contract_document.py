"""openapi.yaml read as other toolchains read it: no prose split into stray keys, one tag per
resource, a description on every operation, and the names it gives (CLI commands, audit
actions) being the names the code uses.

Redocly CLI lints the same document in `make lint-contract`; these are the project's own rules
that no generic linter knows.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import yaml

from asb_api.cli import build_parser

ROOT = Path(__file__).resolve().parents[2]
SPEC = yaml.safe_load((ROOT / "openapi.yaml").read_text())
METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}


def _operations():
    for path, item in SPEC["paths"].items():
        for method, op in item.items():
            if method in METHODS:
                yield path, method, op


def _stray_keys(node, where=()):
    """Keys whose value is null outside examples: a flow mapping `{description: a, b}` makes
    `b` a key of its own for YAML parsers, which is how prose with commas went wrong."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("example", "examples", "default", "const", "enum"):
                continue
            if value is None:
                yield "/".join(map(str, (*where, key)))
            yield from _stray_keys(value, (*where, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _stray_keys(value, (*where, i))


def test_no_prose_was_split_into_stray_keys():
    assert list(_stray_keys(SPEC)) == []


def test_every_operation_has_a_description_and_one_declared_tag():
    declared = [t["name"] for t in SPEC["tags"]]
    assert len(declared) == len(set(declared))
    # One tag per resource: no two tags that differ only by a plural s.
    singular = [n.lower().rstrip("s") for n in declared]
    assert len(singular) == len(set(singular)), declared
    for path, method, op in _operations():
        assert op.get("description", "").strip(), f"{method.upper()} {path} has no description"
        assert len(op.get("tags", [])) == 1 and op["tags"][0] in declared, (path, method)


def test_info_names_a_contact():
    contact = SPEC["info"]["contact"]
    assert contact.get("email") or contact.get("url")


def _cli_commands() -> set[str]:
    """Every `asb <command> [<subcommand>]` the CLI's parser knows."""
    import argparse

    def walk(parser, prefix):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    yield f"{prefix} {name}"
                    yield from walk(sub, f"{prefix} {name}")

    return set(walk(build_parser(), "asb"))


def test_commands_named_in_the_contract_are_the_clis():
    text = (ROOT / "openapi.yaml").read_text()
    named = set(re.findall(r"`(asb(?: [a-z][a-z-]*)+)[^`]*`", text))
    known = _cli_commands()
    assert named, "the contract names no command (the key issuing one, at least)"
    assert {n for n in named if n not in known} == set()


def _emitted_audit_actions() -> set[str]:
    """The action names asb_core writes to the audit log: the string passed to
    `audit.record(session, actor, "<action>", ...)` or `rows.audited("<action>", ...)`, the
    case review steps' `case_review.<step>`, and the chain's own first event."""
    found = {"audit.chain_open"}
    for path in (ROOT / "asb_core").rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = ast.unparse(node.func)
            if func.endswith("audit.record") and len(node.args) >= 3:
                arg = node.args[2]
            elif func.endswith(".audited") and node.args:
                arg = node.args[0]
            elif func == "_step":
                step = next(k.value for k in node.keywords if k.arg == "step")
                found.add(f"case_review.{step.value}")
                continue
            else:
                continue
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.add(arg.value)
    return found


def test_audit_action_names_in_the_contract_are_those_emitted():
    action = SPEC["components"]["schemas"]["AuditEvent"]["properties"]["action"]
    documented = set(re.findall(r"`([a-z_]+\.[a-z_]+)`", action["description"]))
    emitted = _emitted_audit_actions()
    assert len(emitted) > 20
    assert emitted - documented == set(), "emitted but not in AuditEvent.action"
    assert documented - emitted == set(), "documented but never emitted"
    assert action["example"] in emitted
