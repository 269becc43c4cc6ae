"""Every `asb` command's help has a description, the environment variables it reads and an
example, and every option of every command says what it is for."""

from __future__ import annotations

import argparse

import pytest

from asb_api.cli import build_parser
from asb_api.cli_help import commands

ALL = list(commands(build_parser()))


def test_the_tree_is_the_known_one():
    paths = {p for p, _ in ALL}
    assert {"asb serve", "asb worker", "asb import diary", "asb stats", "asb key issue",
            "asb audit verify"} <= paths


@pytest.mark.parametrize("path,parser", ALL, ids=[p for p, _ in ALL])
def test_help_describes_options_environment_and_an_example(path, parser):
    assert parser.description, f"{path}: no description (asb_api/cli_help.py COMMANDS)"
    assert "environment:\n  " in parser.epilog and "example:\n  asb" in parser.epilog.replace(
        "KEY=$(asb", "asb"), path
    for action in parser._actions:
        if isinstance(action, (argparse._HelpAction, argparse._SubParsersAction)):
            continue
        assert action.help, f"{path} {action.option_strings or action.dest}: no help"
    text = parser.format_help()
    assert "environment:" in text and "example:" in text


def test_readme_cli_reference_names_every_command():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    reference = readme.split("## CLI reference", 1)[1].split("\n## ", 1)[0]
    leaves = [p for p, parser in ALL
              if not any(isinstance(a, argparse._SubParsersAction) for a in parser._actions)]
    assert [p for p in leaves if p not in reference] == []
