"""Business metrics for Prometheus, counted in PostgreSQL when /metrics is scraped: cases
opened by the level they opened at, open cases by level, targets breached by kind, escalation
flags raised by rule, webhook deliveries by state (and referrals by state, once that table
exists). Counting in the database, not in process counters, makes them the same whichever
worker answers and whatever the worker processes (`asb worker`) did, and survives restarts.

Counts only: no identity, no area below what the statistics already publish.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core.uow import unit_of_work

# name -> (help, label, statement returning (label value, count) rows)
QUERIES: dict[str, tuple[str, str, str]] = {
    "asb_cases_opened_total": (
        "Cases opened, by the risk level they opened at.", "level",
        "SELECT summary ->> 'level', count(*) FROM case_events WHERE kind = 'case_opened' "
        "GROUP BY 1",
    ),
    "asb_cases_open": (
        "Cases not closed, by current risk level.", "level",
        "SELECT risk_level, count(*) FROM cases WHERE status <> 'closed' GROUP BY 1",
    ),
    "asb_targets_breached_total": (
        "Response targets breached, by kind.", "kind",
        "SELECT kind, count(*) FROM targets WHERE state = 'breached' GROUP BY 1",
    ),
    "asb_escalation_flags_raised_total": (
        "Escalation flags raised, by rule.", "rule",
        "SELECT rule_id, count(*) FROM escalation_flags GROUP BY 1",
    ),
    "asb_webhook_deliveries": (
        "Webhook deliveries, by state.", "state",
        "SELECT state, count(*) FROM webhook_deliveries GROUP BY 1",
    ),
}
OPTIONAL = {
    "asb_referrals": ("Referrals, by state.", "state",
                      "SELECT state, count(*) FROM referrals GROUP BY 1", "referrals"),
}


@unit_of_work
async def collect(session: AsyncSession) -> dict[str, tuple[str, str, dict[str, int]]]:
    """name -> (help, label, {label value: count})."""
    out: dict[str, tuple[str, str, dict[str, int]]] = {}
    for name, (help_, label, sql) in QUERIES.items():
        rows = (await session.execute(text(sql))).all()
        out[name] = (help_, label, {str(k): int(v) for k, v in rows if k is not None})
    for name, (help_, label, sql, table) in OPTIONAL.items():
        if await session.scalar(text("SELECT to_regclass(:t) IS NOT NULL"), {"t": table}):
            rows = (await session.execute(text(sql))).all()
            out[name] = (help_, label, {str(k): int(v) for k, v in rows if k is not None})
    return out


def exposition(metrics: dict[str, tuple[str, str, dict[str, int]]]) -> bytes:
    """The Prometheus text format of `collect()`'s result."""
    lines: list[str] = []
    for name, (help_, label, values) in metrics.items():
        kind = "counter" if name.endswith("_total") else "gauge"
        lines += [f"# HELP {name} {help_}", f"# TYPE {name} {kind}"]
        lines += [f'{name}{{{label}="{_escape(k)}"}} {v}' for k, v in sorted(values.items())]
    return ("\n".join(lines) + "\n").encode() if lines else b""


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')
