"""The intervention toolkit as data: who may issue each tool, the terms, what a breach means,
the category a breach lands under, and the migration's constraint lists kept equal to it."""

from __future__ import annotations

import importlib
from datetime import timedelta

import pytest

import harm_model as hm
from asb_core.interventions import toolkit
from asb_core.interventions.service import breach_category


def test_every_tool_in_the_brief_is_there():
    assert set(toolkit.TOOL_IDS) == {
        "verbal_warning", "warning_letter", "acceptable_behaviour_agreement",
        "community_protection_warning", "community_protection_notice", "civil_injunction",
        "closure_notice", "closure_order", "criminal_behaviour_order", "possession_proceedings",
        "mediation", "support_referral"}
    for t in toolkit.TOOLS.values():
        assert set(t.issuers) <= set(toolkit.AGENCY_KINDS) and t.issuers
        assert t.breach in toolkit.BREACH_MEANINGS
        assert t.needs_before is None or t.needs_before in toolkit.TOOLS


@pytest.mark.parametrize(("tool_id", "kind", "may"), [
    ("community_protection_notice", "council", True),
    ("community_protection_notice", "housing_provider", True),
    ("community_protection_notice", "victim_service", False),
    ("civil_injunction", "victim_service", False),
    ("civil_injunction", "other", True),  # TfL, the Environment Agency
    ("closure_notice", "housing_provider", False),
    ("criminal_behaviour_order", "police", True),
    ("possession_proceedings", "police", False),
    ("warning_letter", "victim_service", True),
])
def test_who_may_issue(tool_id, kind, may):
    assert (kind in toolkit.tool(tool_id).issuers) is may


def test_offences_and_contempt_land_at_severity_four_at_least():
    for t in toolkit.TOOLS.values():
        if t.breach in ("criminal_offence", "contempt_of_court"):
            category = hm.CATEGORIES[t.breach_category]
            assert category.severity >= 4 and not category.critical
            assert category.can_be_offence is (t.breach == "criminal_offence")
        else:
            assert t.breach_category is None


def test_breach_category_keeps_the_worse_behaviour():
    cpn, letter = toolkit.tool("community_protection_notice"), toolkit.tool("warning_letter")
    assert breach_category(cpn, None) == "order_breach"
    assert breach_category(cpn, "noise") == "order_breach"
    assert breach_category(cpn, "assault") == "assault"
    assert breach_category(toolkit.tool("civil_injunction"), "threats") == "threats"
    assert breach_category(letter, None) is None
    assert breach_category(letter, "noise") == "noise"


def test_terms():
    notice = toolkit.tool("closure_notice")
    assert toolkit.term_error(notice, timedelta(hours=48)) is None
    assert "at most 48 hours" in toolkit.term_error(notice, timedelta(hours=49))
    assert "at least 24 hours" in toolkit.term_error(notice, timedelta(hours=2))
    cbo = toolkit.tool("criminal_behaviour_order")
    assert "at least 365 days" in toolkit.term_error(cbo, timedelta(days=100))
    assert toolkit.term_error(toolkit.tool("warning_letter"), timedelta(0)) is not None


def test_migration_lists_match_the_toolkit():
    migration = importlib.import_module("asb_core.migrations.versions.0011_interventions")
    assert migration.TOOLS == toolkit.TOOL_IDS
    assert migration.STATUSES == toolkit.STATUSES
