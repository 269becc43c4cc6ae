"""Repeat-caller lookup (keyed digests of callers' phone numbers and addresses) and target
events on the timeline.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "deployment_secrets",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    # The pepper is made here, once per deployment, and never leaves the database.
    op.execute(
        sa.text("INSERT INTO deployment_secrets (name, value) VALUES ('lookup_pepper', :v)")
        .bindparams(v=secrets.token_hex(32))
    )
    op.add_column("party_identities", sa.Column("phone_digest", sa.String(64)))
    op.add_column("party_identities", sa.Column("address_digest", sa.String(64)))
    op.create_index("ix_party_identities_phone_digest", "party_identities", ["phone_digest"])
    op.create_index("ix_party_identities_address_digest", "party_identities", ["address_digest"])
    _backfill()
    # Every target set or moved appears on the case timeline, whichever path created it. The
    # event sits a microsecond after the target's start, i.e. just after the event that set it
    # (case opened, level change, flag), which the services record at that same start time.
    op.execute(
        """
        CREATE FUNCTION targets_to_timeline() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN
            INSERT INTO case_events (case_id, at, kind, entity_id, agency, summary)
            VALUES (NEW.case_id, NEW.started_at + interval '1 microsecond', 'target_set',
                    NEW.id, NULL,
                    jsonb_build_object('kind', NEW.kind, 'level', NEW.level,
                                       'due_at', NEW.due_at));
          ELSIF NEW.state = 'due' AND NEW.due_at IS DISTINCT FROM OLD.due_at THEN
            INSERT INTO case_events (case_id, at, kind, entity_id, agency, summary)
            VALUES (NEW.case_id, NEW.started_at + interval '1 microsecond',
                    'target_rescheduled', NEW.id, NULL,
                    jsonb_build_object('kind', NEW.kind, 'level', NEW.level,
                                       'from', OLD.due_at, 'due_at', NEW.due_at));
          END IF;
          RETURN NULL;
        END $$;
        """
    )
    op.execute(
        "CREATE TRIGGER targets_timeline AFTER INSERT OR UPDATE OF due_at ON targets "
        "FOR EACH ROW EXECUTE FUNCTION targets_to_timeline()"
    )


def _backfill() -> None:
    from asb_core.parties.lookup_digest import address_digest, phone_digest

    bind = op.get_bind()
    pepper = bytes.fromhex(
        bind.execute(sa.text("SELECT value FROM deployment_secrets")).scalar_one()
    )
    rows = bind.execute(sa.text("SELECT party_id, phone, address FROM party_identities")).all()
    for party_id, phone, address in rows:
        bind.execute(
            sa.text("UPDATE party_identities SET phone_digest = :p, address_digest = :a "
                    "WHERE party_id = :id"),
            {"p": phone_digest(pepper, phone), "a": address_digest(pepper, address),
             "id": party_id},
        )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS targets_timeline ON targets")
    op.execute("DROP FUNCTION IF EXISTS targets_to_timeline()")
    op.drop_index("ix_party_identities_address_digest", "party_identities")
    op.drop_index("ix_party_identities_phone_digest", "party_identities")
    op.drop_column("party_identities", "address_digest")
    op.drop_column("party_identities", "phone_digest")
    op.drop_table("deployment_secrets")
