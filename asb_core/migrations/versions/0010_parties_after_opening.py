"""Parties after opening: a party's version (its ETag for amendments) and soft removal.

A party is never deleted once on a case: removing one marks it removed (when, by which agency
and principal, why) and keeps the row for the audit trail. The repeat-caller lookup only ever
matches victims and complainants, so the phone and address digests of any other party (alleged
perpetrators, witnesses) are cleared: they served nothing and were a searchable index of a
perpetrator's contact details.

Revision ID: 0010
Revises: 0016 (written against 0009; chained after main's 0016 on rebase, so there is one
head; it touches only `parties` and `party_identities`, which 0016 does not)
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0015"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.add_column("parties", sa.Column("version", sa.Integer(), nullable=False,
                                       server_default="1"))
    op.add_column("parties", sa.Column("updated_at", TZ, nullable=True))
    op.add_column("parties", sa.Column("removed_at", TZ, nullable=True))
    op.add_column("parties", sa.Column("removed_by_agency_id", sa.Uuid(), nullable=True))
    op.add_column("parties", sa.Column("removed_by_principal_id", sa.Uuid(), nullable=True))
    op.add_column("parties", sa.Column("removed_reason", sa.Text(), nullable=True))
    op.create_foreign_key("fk_parties_removed_by_agency_id_agencies", "parties", "agencies",
                          ["removed_by_agency_id"], ["id"])
    op.create_check_constraint("ck_parties_removed", "parties",
                               "(removed_at IS NULL) = (removed_reason IS NULL)")
    op.execute(
        "UPDATE party_identities SET phone_digest = NULL, address_digest = NULL "
        "FROM parties WHERE parties.id = party_identities.party_id "
        "AND parties.role NOT IN ('victim', 'complainant') "
        "AND (phone_digest IS NOT NULL OR address_digest IS NOT NULL)"
    )


def downgrade() -> None:
    op.drop_constraint("ck_parties_removed", "parties", type_="check")
    op.drop_constraint("fk_parties_removed_by_agency_id_agencies", "parties",
                       type_="foreignkey")
    for column in ("removed_reason", "removed_by_principal_id", "removed_by_agency_id",
                   "removed_at", "updated_at", "version"):
        op.drop_column("parties", column)
