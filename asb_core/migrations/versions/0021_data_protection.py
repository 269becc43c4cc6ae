"""Data protection over a case's life: the `dpo` role, retention schedules, legal holds,
erasure marks, and audit notes (free text kept out of the hash chain).

- `principals.role` may be `dpo` (the data protection officer).
- `retention_schedules`: the period after closure at which a case is anonymised, by the lead
  agency's kind, with its source (the defaults below; an operator may change the rows).
- `legal_holds`: a case held from retention, with reason, until when, who placed and released.
- `cases.anonymised_at`, `parties.erased_at` / `erased_by_agency_id`.
- `diary_entries` stay immutable, except that retention and erasure (the transaction having set
  `asb.redaction` on) may redact their free-text columns and nothing else.
- `audit_notes`: an audit event's free-text justification with a random salt; the event itself
  holds only `note:<sha256(salt || text)>` from now on, so retention and erasure can remove the
  words while the chain still verifies (rows written before this revision keep their text).

Revision ID: 0021
Revises: 0017 (main's head when rebased; written on 0012)
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0017"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)
OLD_ROLES = ("call_handler", "caseworker", "supervisor", "auditor", "analyst", "integration",
             "admin")
NEW_ROLES = (*OLD_ROLES, "dpo")
SIX_YEARS = 6 * 365 + 2  # six calendar years, leap days included
DEFAULT_SCHEDULES = [
    ("default", SIX_YEARS,
     "Six years after closure: the Limitation Act 1980 (ss2, 5) period for claims arising from "
     "the case, the common practice for ASB case files."),
    ("council", SIX_YEARS,
     "Six years after closure (last action + 6 years): IRMS Retention Guidelines for Local "
     "Authorities, community safety / ASB case files; Limitation Act 1980."),
    ("housing_provider", SIX_YEARS,
     "Six years after the case is closed: National Housing Federation guidance on document "
     "retention for housing associations (ASB case files); Limitation Act 1980."),
    ("police", SIX_YEARS,
     "Reviewed six years after closure: College of Policing APP Information Management (MoPI) "
     "review period for records outside groups 1 and 2; hold a case that must be kept longer."),
    ("victim_service", SIX_YEARS,
     "Six years after closure: Limitation Act 1980 period, as for the case's other agencies."),
    ("health", 8 * 365 + 2,
     "Eight years after the last contact: NHS Records Management Code of Practice (2023), "
     "adult health and care records."),
    ("other", SIX_YEARS, "Six years after closure: Limitation Act 1980 period."),
]


DIARY_TEXT = ("what_happened", "location", "responsible", "witnesses", "effect_on_victim",
              "reported_to", "reported_reference")
REFUSE = """
CREATE OR REPLACE FUNCTION diary_entries_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  {allow}RAISE EXCEPTION 'diary entries are immutable: add an amending entry instead'
    USING ERRCODE = 'insufficient_privilege';
END $$;
"""
# Redaction (asb_core/dataprotection/redaction.py) may change the free text, never the facts.
ALLOW_REDACTION = f"""IF current_setting('asb.redaction', true) = 'on'
     AND to_jsonb(NEW) - ARRAY[{', '.join(repr(c) for c in DIARY_TEXT)}]
       = to_jsonb(OLD) - ARRAY[{', '.join(repr(c) for c in DIARY_TEXT)}] THEN
    RETURN NEW;
  END IF;
  """


def _roles(roles: tuple[str, ...]) -> None:
    op.drop_constraint("ck_principals_role", "principals", type_="check")
    op.create_check_constraint("ck_principals_role", "principals",
                               f"role IN ({', '.join(repr(r) for r in roles)})")


def upgrade() -> None:
    _roles(NEW_ROLES)
    op.execute(REFUSE.format(allow=ALLOW_REDACTION))
    schedules = op.create_table(
        "retention_schedules",
        sa.Column("agency_kind", sa.String(32), primary_key=True),
        sa.Column("anonymise_after_days", sa.Integer(), nullable=False),
        sa.Column("basis", sa.Text(), nullable=False),
        sa.CheckConstraint("anonymise_after_days > 0", name="ck_retention_schedules_positive"),
    )
    op.bulk_insert(schedules, [
        {"agency_kind": k, "anonymise_after_days": d, "basis": b}
        for k, d, b in DEFAULT_SCHEDULES
    ])
    op.create_table(
        "legal_holds",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("case_id", sa.Uuid(), sa.ForeignKey("cases.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("until", TZ),
        sa.Column("placed_at", TZ, nullable=False),
        sa.Column("placed_by_agency_id", sa.Uuid(), sa.ForeignKey("agencies.id"),
                  nullable=False),
        sa.Column("placed_by_principal_id", sa.Uuid()),
        sa.Column("released_at", TZ),
        sa.Column("released_by_agency_id", sa.Uuid(), sa.ForeignKey("agencies.id")),
        sa.Column("release_reason", sa.Text()),
        sa.CheckConstraint("(released_at IS NULL) = (released_by_agency_id IS NULL)",
                           name="ck_legal_holds_released"),
    )
    op.create_index("ix_legal_holds_case_id", "legal_holds", ["case_id"])
    op.add_column("cases", sa.Column("anonymised_at", TZ))
    op.add_column("parties", sa.Column("erased_at", TZ))
    op.add_column("parties", sa.Column("erased_by_agency_id", sa.Uuid(),
                                       sa.ForeignKey("agencies.id")))
    op.create_table(
        "audit_notes",
        sa.Column("chain", sa.String(64), primary_key=True),
        sa.Column("chain_seq", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.Uuid()),
        sa.Column("salt", sa.LargeBinary()),
        sa.Column("text", sa.Text()),
        sa.Column("erased_at", TZ),
    )
    op.create_index("ix_audit_notes_case_id", "audit_notes", ["case_id"])


def downgrade() -> None:
    op.drop_index("ix_audit_notes_case_id", "audit_notes")
    op.drop_table("audit_notes")
    op.drop_column("parties", "erased_by_agency_id")
    op.drop_column("parties", "erased_at")
    op.drop_column("cases", "anonymised_at")
    op.drop_index("ix_legal_holds_case_id", "legal_holds")
    op.drop_table("legal_holds")
    op.drop_table("retention_schedules")
    op.execute(REFUSE.format(allow=""))
    op.execute("DELETE FROM principals WHERE role = 'dpo'")
    _roles(OLD_ROLES)
