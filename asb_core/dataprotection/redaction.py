"""The statements that remove personal data from a case: the retention rules applied (or
counted, for a dry run) and one person's values replaced wherever the case's free text repeats
them. Values are passed to PostgreSQL as parameters and never logged or returned."""

from __future__ import annotations

import re
import uuid
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core.dataprotection.rules import (
    ANONYMISE,
    FREE_TEXT,
    TIMELINE_TEXT_KEYS,
    apply_sql,
    count_sql,
)

ERASED = "[erased]"


class RedactionFailed(RuntimeError):
    """A redaction statement failed; its message names the table only."""


async def allow(session: AsyncSession, on: bool) -> None:
    """Let this transaction redact diary entries' free text (their trigger refuses any other
    change, and any change at all without this)."""
    await session.execute(text("SELECT set_config('asb.redaction', :v, true)"),
                          {"v": "on" if on else "off"})


async def anonymise(session: AsyncSession, case_ids: list[uuid.UUID], now: datetime, *,
                    dry_run: bool) -> dict[str, int]:
    """Each retention rule on the cases: rows it changes (a dry run only counts them)."""
    params = {"case_ids": case_ids, "now": now, "timeline_keys": list(TIMELINE_TEXT_KEYS)}
    changed: dict[str, int] = {}
    if not dry_run:
        await allow(session, True)
    for rule in ANONYMISE:
        if dry_run:
            n = (await session.execute(text(count_sql(rule)), params)).scalar_one()
        else:
            n = (await session.execute(text(apply_sql(rule)), params)).rowcount
        changed[rule.table] = changed.get(rule.table, 0) + n
    if not dry_run:
        await allow(session, False)
    return changed


def pattern(values: dict[str, str | None]) -> str | None:
    """One case-insensitive PostgreSQL regular expression matching any of a person's values:
    the whole name and its last part (a surname of 3 letters or more) as words, the phone's
    digits with any spaces or dashes between them, the email and the address as written."""
    parts: list[str] = []
    name = (values.get("name") or "").strip()
    if name:
        words = name.split()
        parts.append(r"\m" + r"\s+".join(re.escape(w) for w in words) + r"\M")
        if len(words) > 1 and len(words[-1]) >= 3:
            parts.append(r"\m" + re.escape(words[-1]) + r"\M")
    digits = re.sub(r"\D", "", values.get("phone") or "")
    if len(digits) >= 6:
        parts.append(r"[\s-]*".join(digits))
    for key in ("email", "address"):
        v = (values.get(key) or "").strip()
        if v:
            parts.append(re.escape(v))
    return "|".join(f"(?:{p})" for p in parts) or None


async def replace_values(session: AsyncSession, case_id: uuid.UUID, regex: str,
                         replacement: str = ERASED) -> dict[str, int]:
    """Replace every match of `regex` in the case's free text (text, text[] and jsonb columns);
    audit notes that change lose their salt too. Rows changed, per table."""
    params = {"case_id": case_id, "rx": regex, "rep": replacement}
    changed: dict[str, int] = {}
    await allow(session, True)
    for table, case_of, texts, arrays, documents in FREE_TEXT:
        sets, hits = [], []
        for c in texts:
            sets.append(f"{c} = regexp_replace({c}, :rx, :rep, 'gi')")
            hits.append(f"{c} ~* :rx")
        for c in arrays:
            sets.append(f"{c} = ARRAY(SELECT regexp_replace(x, :rx, :rep, 'gi') "  # noqa: S608
                        f"FROM unnest({c}) WITH ORDINALITY AS u(x, n) ORDER BY n)")
            hits.append(f"array_to_string({c}, chr(10)) ~* :rx")
        for c in documents:
            sets.append(f"{c} = CAST(regexp_replace(CAST({c} AS text), :rx, :rep, 'gi') "
                        "AS jsonb)")
            hits.append(f"CAST({c} AS text) ~* :rx")
        if table == "audit_notes":
            sets.append("salt = NULL")
        # Names from FREE_TEXT only; the person's values travel as parameters.
        where = f"{case_of} AND ({' OR '.join(hits)})"
        sql = f"UPDATE {table} SET {', '.join(sets)} WHERE {where}"  # noqa: S608
        try:
            n = (await session.execute(text(sql), params)).rowcount
        except DBAPIError:
            # The driver's message quotes the parameters (the person's values): never let it
            # reach a log or a traceback.
            raise RedactionFailed(f"redacting {table} failed") from None
        if n:
            changed[table] = n
    await allow(session, False)
    return changed
