"""The pure parts of data protection: the retention rules' SQL shape, the pattern erasure
matches a person's values with, and the redaction of third parties in subject access exports."""

from __future__ import annotations

import re

from asb_core.dataprotection import rules
from asb_core.dataprotection.redaction import pattern
from asb_core.dataprotection.sar import THIRD_PARTY, _redactor, _same_person


def _pg_to_py(rx: str) -> re.Pattern:
    # PostgreSQL's word boundaries \m and \M are Python's \b.
    return re.compile(rx.replace(r"\m", r"\b").replace(r"\M", r"\b"), re.IGNORECASE)


def test_every_rule_counts_and_applies_the_same_rows():
    for rule in rules.ANONYMISE:
        where = rules.changed_predicate(rule)
        assert rules.count_sql(rule).endswith(f"WHERE {where}")
        assert rules.apply_sql(rule).endswith(f"WHERE {where}")
        assert ":case_ids" in where
        if not rule.delete:
            # A row counts only while some column still differs from what it becomes, so a
            # second run changes nothing.
            assert "IS DISTINCT FROM" in where


def test_identity_is_deleted_and_facts_are_not_touched():
    by_table = {r.table: r for r in rules.ANONYMISE}
    assert by_table["party_identities"].delete
    touched = {c for r in rules.ANONYMISE for c, _ in r.columns}
    for kept in ("category", "severity", "nsir_type", "started_at", "occurred_at",
                 "risk_level", "level", "rule_id", "state", "due_at", "hostility_strands"):
        assert kept not in touched


def test_erasure_pattern_matches_the_persons_values_and_not_other_words():
    rx = _pg_to_py(pattern({"name": "Gideon  Marchbanks", "phone": "07700 955-311",
                            "email": "g@example.net", "address": "14 Sluice Row"}))
    text = ("Gideon Marchbanks rang from 07700955311 (or 07700 955 311); MARCHBANKS again; "
            "wrote from g@example.net; lives at 14 sluice row; Marchbanksville is a town")
    out = rx.sub("[erased]", text)
    assert out == ("[erased] rang from [erased] (or [erased]); [erased] again; wrote from "
                   "[erased]; lives at [erased]; Marchbanksville is a town")
    assert pattern({"name": None, "phone": "12"}) is None


def test_sar_redactor_hides_every_part_of_other_peoples_names():
    redact = _redactor([{"name": "Abdul Rahman", "phone": "07700 900 461", "email": None,
                         "address": "3 Gull Way"}])
    assert redact("Not to approach Abdul, Rahman or 3 Gull Way; call 07700900461") == (
        f"Not to approach {THIRD_PARTY}, {THIRD_PARTY} or {THIRD_PARTY}; call {THIRD_PARTY}")
    assert redact(None) is None


def test_the_same_person_needs_the_name_and_one_more_identifier():
    a = {"name": "Wayne Kettering", "date_of_birth": "1988-04-01", "phone": None,
         "email": None, "address": None}
    assert _same_person(a, {**a, "name": "wayne   KETTERING"})
    assert not _same_person(a, {**a, "date_of_birth": "1990-01-01"})
    assert not _same_person(a, {**a, "name": "Wayne Kettle"})
