"""What anonymising a case removes and what it keeps, as data (the periods are in
`retention_schedules`, per agency kind).

Removed: the identity of every party (names, contacts, dates of birth and the repeat-caller
digests: the `party_identities` rows are deleted), and every column of free text a person wrote
(diary entries, officer accounts, updates, closures, reasons, interventions' premises and
conditions, the Case Review's words, referrals' decline reasons) and the free text of audit
notes; what referrals told services about the person is deleted. Kept for statistics and
for the case's shape: categories, NSIR types, severities, dates and times, levels and their
history, assessments' answers and scores, flags, targets, interventions' types and statuses,
who did what and when, and the audit chain (which never held any of the removed values).

Each rule names a table, how its rows belong to a case, and for each column the SQL expression
it becomes; a row counts as changed when any column differs from what it would become, so a
dry run's count is exactly what a real run changes. No value is ever read into Python.
"""

from __future__ import annotations

from dataclasses import dataclass

REDACTED = "[redacted]"
_R = f"'{REDACTED}'"
# Free-text keys of timeline summaries (a closing's outcome, a reopening's reason).
TIMELINE_TEXT_KEYS = ("outcome", "reason")


@dataclass(frozen=True)
class Rule:
    table: str
    what: str  # for the report and the docs
    columns: tuple[tuple[str, str], ...] = ()  # (column, SQL expression it becomes)
    delete: bool = False  # the rows go altogether
    case_of: str = "case_id = ANY(:case_ids)"  # the rows of the cases being anonymised


_BY_PARTY = "party_id IN (SELECT id FROM parties WHERE case_id = ANY(:case_ids))"

ANONYMISE: tuple[Rule, ...] = (
    Rule("party_identities", "identity of every party (name, phone, email, address, date of "
         "birth, lookup digests): deleted", delete=True, case_of=_BY_PARTY),
    Rule("parties", "party descriptions and removal reasons; marked erased",
         (("description", "NULL"), ("removed_reason", f"CASE WHEN removed_at IS NULL THEN NULL "
                                                      f"ELSE {_R} END"),
          ("erased_at", "COALESCE(erased_at, :now)"))),
    Rule("diary_entries", "diary entries' free text (what happened, where, who, witnesses, "
         "effect, reported to and reference)",
         (("what_happened", _R), ("location", "NULL"), ("responsible", "NULL"),
          ("witnesses", "NULL"), ("effect_on_victim", "NULL"), ("reported_to", "NULL"),
          ("reported_reference", "NULL"))),
    Rule("incidents", "officer reports' accounts and locations",
         (("account", f"CASE WHEN account IS NULL THEN NULL ELSE {_R} END"),
          ("location", "NULL"))),
    Rule("updates", "updates' and actions' text", (("text", _R),)),
    Rule("cases", "the case summary and outcome",
         (("summary", "NULL"), ("outcome", f"CASE WHEN outcome IS NULL THEN NULL ELSE {_R} END")),
         case_of="id = ANY(:case_ids)"),
    Rule("case_closures", "closures' outcome, the victim's comment and reasons",
         (("outcome", _R), ("victim_comment", "NULL"), ("not_asked_reason", "NULL"),
          ("reopen_reason", f"CASE WHEN reopen_reason IS NULL THEN NULL ELSE {_R} END"))),
    Rule("case_events", "timeline outcomes and reasons",
         (("summary", "summary - CAST(:timeline_keys AS text[])"),)),
    Rule("assessments", "the reason of a professional judgement",
         (("judgement", f"CASE WHEN judgement ? 'reason' THEN jsonb_set(judgement, '{{reason}}', "
                        f"to_jsonb(CAST({_R} AS text))) ELSE judgement END"),)),
    Rule("targets", "late reasons",
         (("late_reason", f"CASE WHEN late_reason IS NULL THEN NULL ELSE {_R} END"),)),
    Rule("interventions", "premises, conditions, documents and status reasons",
         (("premises", "NULL"), ("conditions", "CAST('{}' AS text[])"),
          ("documents", "CAST('{}' AS text[])"), ("status_reason", "NULL"))),
    Rule("case_reviews", "the applicant's description, decision, outcome and escalation text",
         (("applicant_description", _R), ("decision", "NULL"), ("outcome", "NULL"),
          ("escalation_grounds", "NULL"), ("escalation_result_detail", "NULL"))),
    Rule("case_review_recommendations", "recommendations' text", (("text", _R),)),
    Rule("audit_notes", "free text of audit notes (reasons, legal bases, late reasons); the "
         "chained rows keep only their salted commitments",
         (("text", "NULL"), ("salt", "NULL"), ("erased_at", "COALESCE(erased_at, :now)"))),
    Rule("legal_holds", "legal holds' reasons (when, until and by whom are kept)",
         (("reason", _R),
          ("release_reason", f"CASE WHEN release_reason IS NULL THEN NULL ELSE {_R} END"))),
    Rule("idempotency_keys", "Idempotency-Keys of the case's writes: deleted", delete=True),
    Rule("referral_disclosures", "what referrals told services about the person referred: "
         "deleted (the referrals keep the need, level, states and the names of the fields)",
         delete=True, case_of="referral_id IN (SELECT id FROM referrals "
                              "WHERE case_id = ANY(:case_ids))"),
    Rule("referrals", "referrals' decline reasons",
         (("reason", f"CASE WHEN reason IS NULL THEN NULL ELSE {_R} END"),)),
)


def changed_predicate(rule: Rule) -> str:
    """The rows of the rule's cases that it would change."""
    if rule.delete or not rule.columns:
        return rule.case_of
    differs = " OR ".join(f"{c} IS DISTINCT FROM ({expr})" for c, expr in rule.columns)
    return f"{rule.case_of} AND ({differs})"


def count_sql(rule: Rule) -> str:
    # Table, column and expression names are the constants above, never input.
    return f"SELECT count(*) FROM {rule.table} WHERE {changed_predicate(rule)}"  # noqa: S608


def apply_sql(rule: Rule) -> str:
    if rule.delete:
        return f"DELETE FROM {rule.table} WHERE {changed_predicate(rule)}"  # noqa: S608
    sets = ", ".join(f"{c} = {expr}" for c, expr in rule.columns)
    return f"UPDATE {rule.table} SET {sets} WHERE {changed_predicate(rule)}"  # noqa: S608


# Where a person can be named in free text, for erasure's replacement of one party's values:
# (table, how its rows belong to a case, text columns, text[] columns, jsonb columns).
FREE_TEXT: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...] = (
    ("parties", "case_id = :case_id",
     ("description", "removed_reason", "consent_legal_basis"), (), ()),
    ("case_members", "case_id = :case_id", ("legal_basis",), (), ()),
    ("diary_entries", "case_id = :case_id",
     ("what_happened", "location", "responsible", "witnesses", "effect_on_victim",
      "reported_to", "reported_reference"), (), ()),
    ("incidents", "case_id = :case_id", ("account", "location"), (), ()),
    ("updates", "case_id = :case_id", ("text",), (), ()),
    ("cases", "id = :case_id", ("summary", "outcome"), (), ()),
    ("case_closures", "case_id = :case_id",
     ("outcome", "victim_comment", "not_asked_reason", "reopen_reason"), (), ()),
    ("case_events", "case_id = :case_id", (), (), ("summary",)),
    ("assessments", "case_id = :case_id", (), (), ("judgement",)),
    ("targets", "case_id = :case_id", ("late_reason",), (), ()),
    ("interventions", "case_id = :case_id", ("premises", "status_reason", "court"),
     ("conditions", "documents"), ()),
    ("case_reviews", "case_id = :case_id",
     ("applicant_description", "decision", "outcome", "escalation_grounds",
      "escalation_result_detail"), (), ()),
    ("case_review_recommendations", "case_id = :case_id", ("text",), (), ()),
    ("audit_notes", "case_id = :case_id", ("text",), (), ()),
    ("legal_holds", "case_id = :case_id", ("reason", "release_reason"), (), ()),
    ("referrals", "case_id = :case_id", ("reason", "legal_basis"), (), ()),
)
