"""Webhooks: subscriptions, the transactional outbox and per-subscription deliveries.

A trigger on `case_events` turns the timeline kinds that partners subscribe to into outbox
events, in the same transaction as the change the timeline row records. The payload is built
from a whitelist of non-identifying fields (ids, reference, area, level, status, flags, due
times); it never reads parties or party identities.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)
EVENT_TYPES = (
    "'case.shared', 'case.level_changed', 'escalation.raised', 'target.due_soon', "
    "'target.breached', 'diary_entry.added', 'case.closed'"
)

# Timeline kind -> webhook event type. Only these kinds leave the system.
FUNCTIONS = [
    r"""
CREATE FUNCTION webhook_ts(t timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
$$
""",
    r"""
CREATE FUNCTION webhook_case_doc(cid uuid) RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
    'id', c.id,
    'reference', c.reference,
    'area', c.area,
    'status', c.status,
    'risk_level', c.risk_level,
    'lead_agency', a.slug,
    'flags', COALESCE((
      SELECT jsonb_agg(DISTINCT f.rule_id)
      FROM escalation_flags f WHERE f.case_id = c.id AND f.cleared_at IS NULL), '[]'::jsonb),
    'open_targets', COALESCE((
      SELECT jsonb_agg(jsonb_build_object(
        'id', t.id, 'kind', t.kind, 'level', t.level, 'state', t.state,
        'due_at', webhook_ts(t.due_at)) ORDER BY t.due_at, t.id)
      FROM targets t
      WHERE t.case_id = c.id AND t.closed_at IS NULL AND t.state <> 'met'), '[]'::jsonb)
  )
  FROM cases c JOIN agencies a ON a.id = c.lead_agency_id
  WHERE c.id = cid
$$
""",
    r"""
CREATE FUNCTION webhook_target_doc(tid uuid) RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
    'id', t.id, 'kind', t.kind, 'level', t.level, 'state', t.state,
    'started_at', webhook_ts(t.started_at), 'due_at', webhook_ts(t.due_at))
  FROM targets t WHERE t.id = tid
$$
""",
    r"""
CREATE FUNCTION webhook_outbox_from_case_event() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  etype text;
  detail jsonb := '{}'::jsonb;
  ev_id uuid;
BEGIN
  etype := CASE NEW.kind
    WHEN 'member_added' THEN 'case.shared'
    WHEN 'level_change' THEN 'case.level_changed'
    WHEN 'flag_raised' THEN 'escalation.raised'
    WHEN 'diary_entry' THEN 'diary_entry.added'
    WHEN 'diary_entry_added' THEN 'diary_entry.added'
    WHEN 'case_closed' THEN 'case.closed'
    WHEN 'target_breached' THEN 'target.breached'
    ELSE NULL
  END;
  IF etype IS NULL THEN
    RETURN NULL;
  END IF;
  -- Nobody listening: no outbox row at all (bulk imports pay one indexed probe per entry).
  IF NOT EXISTS (
    SELECT 1 FROM webhook_subscriptions s
    JOIN case_members m ON m.agency_id = s.agency_id AND m.case_id = NEW.case_id
    WHERE s.active AND etype = ANY (s.event_types)
  ) THEN
    RETURN NULL;
  END IF;

  IF etype = 'case.shared' THEN
    detail := jsonb_build_object(
      'agency', NEW.summary ->> 'agency', 'basis', NEW.summary ->> 'basis');
  ELSIF etype = 'case.level_changed' THEN
    detail := jsonb_build_object(
      'from', NEW.summary ->> 'from', 'to', NEW.summary ->> 'to');
  ELSIF etype = 'escalation.raised' THEN
    SELECT jsonb_build_object(
      'flag', jsonb_build_object(
        'id', f.id, 'rule_id', f.rule_id, 'evidence', to_jsonb(f.evidence),
        'raised_at', webhook_ts(f.raised_at)),
      'follow_up_target', webhook_target_doc(f.follow_up_target_id))
    INTO detail
    FROM escalation_flags f WHERE f.id = NEW.entity_id;
    IF detail IS NULL THEN
      detail := jsonb_build_object('flag', jsonb_build_object(
        'id', NEW.entity_id, 'rule_id', NEW.summary ->> 'rule_id'));
    END IF;
  ELSIF etype = 'diary_entry.added' THEN
    SELECT jsonb_build_object('diary_entry', jsonb_build_object(
      'id', d.id, 'started_at', webhook_ts(d.started_at), 'category', d.category,
      'nsir_type', d.nsir_type, 'severity', d.severity,
      'hostility_perceived', to_jsonb(d.hostility_perceived),
      'amends', d.amends, 'recorded_at', webhook_ts(d.recorded_at),
      'acknowledgement_reference', d.acknowledgement_reference))
    INTO detail
    FROM diary_entries d WHERE d.id = NEW.entity_id;
    IF detail IS NULL THEN
      detail := jsonb_build_object('diary_entry', jsonb_build_object(
        'id', NEW.entity_id, 'category', NEW.summary ->> 'category',
        'severity', NEW.summary -> 'severity'));
    END IF;
  ELSIF etype = 'case.closed' THEN
    detail := jsonb_build_object('closed_at', webhook_ts(NEW.at));
  ELSIF etype = 'target.breached' THEN
    detail := jsonb_build_object('target', webhook_target_doc(NEW.entity_id));
  END IF;

  ev_id := gen_random_uuid();
  INSERT INTO outbox_events (id, event_type, case_id, case_event_seq, occurred_at, payload,
                             created_at)
  VALUES (ev_id, etype, NEW.case_id, NEW.seq, NEW.at,
          jsonb_build_object('case', webhook_case_doc(NEW.case_id), 'by_agency', NEW.agency,
                             'entity_id', NEW.entity_id) || COALESCE(detail, '{}'::jsonb),
          now());
  INSERT INTO webhook_deliveries (id, event_id, subscription_id, state, attempts,
                                  next_attempt_at, created_at)
  SELECT gen_random_uuid(), ev_id, s.id, 'pending', 0, now(), now()
  FROM webhook_subscriptions s
  JOIN case_members m ON m.agency_id = s.agency_id AND m.case_id = NEW.case_id
  WHERE s.active AND etype = ANY (s.event_types);
  RETURN NULL;
END $$
""",
]


def upgrade() -> None:
    op.create_table(
        "webhook_subscriptions",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("agency_id", sa.Uuid(), sa.ForeignKey("agencies.id"), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("secret", sa.Text(), nullable=False),
        sa.Column("event_types", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_by_principal_id", sa.Uuid()),
        sa.Column("created_at", TZ, nullable=False, server_default=sa.func.now()),
        sa.Column("deleted_at", TZ),
        sa.CheckConstraint(
            f"cardinality(event_types) > 0 AND event_types <@ ARRAY[{EVENT_TYPES}]::text[]",
            name="ck_webhook_subscriptions_event_types",
        ),
    )
    op.create_index(
        "ix_webhook_subscriptions_agency_id", "webhook_subscriptions", ["agency_id", "created_at"]
    )

    op.create_table(
        "outbox_events",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("seq", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column("event_type", sa.String(40), nullable=False),
        sa.Column("case_id", sa.Uuid(), sa.ForeignKey("cases.id", ondelete="CASCADE")),
        sa.Column("case_event_seq", sa.BigInteger()),
        sa.Column("occurred_at", TZ, nullable=False),
        sa.Column("payload", postgresql.JSONB(), nullable=False),
        sa.Column("dedupe_key", sa.Text()),
        sa.Column("created_at", TZ, nullable=False, server_default=sa.func.now()),
        sa.CheckConstraint(f"event_type IN ({EVENT_TYPES})", name="ck_outbox_events_event_type"),
        sa.UniqueConstraint("seq", name="uq_outbox_events_seq"),
        # Sweep events (due soon, breached) are emitted once per target and due time.
        sa.UniqueConstraint("dedupe_key", name="uq_outbox_events_dedupe_key"),
    )
    op.create_index("ix_outbox_events_case_id", "outbox_events", ["case_id"])

    op.create_table(
        "webhook_deliveries",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column(
            "event_id",
            sa.Uuid(),
            sa.ForeignKey("outbox_events.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "subscription_id",
            sa.Uuid(),
            sa.ForeignKey("webhook_subscriptions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", TZ, nullable=False),
        sa.Column("claim_token", sa.Uuid()),
        sa.Column("last_attempt_at", TZ),
        sa.Column("last_status", sa.Integer()),
        sa.Column("last_error", sa.Text()),
        sa.Column("delivered_at", TZ),
        sa.Column("created_at", TZ, nullable=False, server_default=sa.func.now()),
        sa.CheckConstraint(
            "state IN ('pending', 'delivered', 'dead')", name="ck_webhook_deliveries_state"
        ),
        sa.UniqueConstraint(
            "event_id", "subscription_id", name="uq_webhook_deliveries_event_id"
        ),
    )
    # The worker's claim query: pending deliveries in due order (partial: done ones cost nothing).
    op.create_index(
        "ix_webhook_deliveries_pending_next_attempt_at",
        "webhook_deliveries",
        ["next_attempt_at"],
        postgresql_where=sa.text("state = 'pending'"),
    )
    op.create_index(
        "ix_webhook_deliveries_subscription_id",
        "webhook_deliveries",
        ["subscription_id", "created_at", "id"],
    )

    for statement in FUNCTIONS:  # asyncpg runs one statement per call
        op.execute(statement)
    op.execute(
        "CREATE TRIGGER case_events_webhook_outbox AFTER INSERT ON case_events "
        "FOR EACH ROW EXECUTE FUNCTION webhook_outbox_from_case_event()"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS case_events_webhook_outbox ON case_events")
    op.execute("DROP FUNCTION IF EXISTS webhook_outbox_from_case_event()")
    op.execute("DROP FUNCTION IF EXISTS webhook_target_doc(uuid)")
    op.execute("DROP FUNCTION IF EXISTS webhook_case_doc(uuid)")
    op.execute("DROP FUNCTION IF EXISTS webhook_ts(timestamptz)")
    op.drop_table("webhook_deliveries")
    op.drop_table("outbox_events")
    op.drop_table("webhook_subscriptions")
