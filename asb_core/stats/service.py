"""Countywide statistics with small-number suppression: no identity, ever.

Every figure is a count of cases, incidents, flags, Case Review applications, targets,
interventions, referrals (by need, area and service, and time to acceptance) or case closures
(the victim's view at closure, by area, level and lead agency kind: the cross-county consistency
review the victims' report asked for); nothing here reads parties, diary text, what a referral
shared or the victim's comment. Each table is aggregated in the database (one query per table,
below) and protected (`asb_core.stats.suppression`) before it leaves this module.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from asb_core import access
from asb_core.actor import Actor
from asb_core.errors import ValidationFailed
from asb_core.interventions.toolkit import TOOL_IDS
from asb_core.stats.suppression import BASE, PRIMARY, SECONDARY, Table, published
from asb_core.uow import unit_of_work

LONDON = ZoneInfo("Europe/London")
LEVELS = ("standard", "medium", "high")
NSIR = ("personal", "nuisance", "environmental")
REVIEW_OUTCOMES = ("undecided", "threshold_met", "threshold_not_met")
TARGET_OUTCOMES = ("met_on_time", "late_or_breached")
AGENCY_KINDS = ("police", "council", "housing_provider", "victim_service", "health", "other")
# The victim's view at closure: each question with its answers ("not_asked" when the victim
# was not asked at all, so each table counts every closing once).
VIEW_QUESTIONS = {
    "satisfied": ("victim_satisfied", ("yes", "no", "not_asked"),
                  "satisfied with the response"),
    "kept_informed": ("victim_kept_informed", ("yes", "no", "not_asked"), "kept informed"),
    "feels_safer": ("victim_feels_safer", ("yes", "no", "not_sure", "not_asked"),
                    "feels safer"),
}
VIEW_BY = {"area": "area", "level": "risk_level", "lead_agency_kind": "lead_kind"}


# --- queries -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    start: datetime | None
    end: datetime | None  # exclusive
    area: str | None

    @property
    def params(self) -> dict:
        return {"start": self.start, "end": self.end, "area": self.area}


def period(from_: date | str | None, to: date | str | None, area: str | None) -> Period:
    """Whole London calendar days: `from` inclusive, `to` inclusive."""

    def day(value: date | str | None, field_name: str) -> date | None:
        if value is None or value == "":
            return None
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            raise ValidationFailed(f"{field_name}: a date (YYYY-MM-DD)", errors=[
                {"field": field_name, "message": "a date (YYYY-MM-DD)"}]) from None

    start, end = day(from_, "from"), day(to, "to")
    if start and end and end < start:
        raise ValidationFailed("to is before from",
                               errors=[{"field": "to", "message": "on or after from"}])
    if area is not None and (not area.strip() or len(area) > 100):
        raise ValidationFailed("bad area", errors=[{"field": "area", "message": "1 to 100"}])

    def at(d: date | None, plus: int = 0) -> datetime | None:
        if d is None:
            return None
        return datetime.combine(date.fromordinal(d.toordinal() + plus), time(), LONDON
                                ).astimezone(UTC)

    return Period(at(start), at(end, 1), area.strip() if area else None)


def _in_period(column: str) -> str:
    return (f"(CAST(:start AS timestamptz) IS NULL OR {column} >= :start) AND "
            f"(CAST(:end AS timestamptz) IS NULL OR {column} < :end) AND "
            "(CAST(:area AS text) IS NULL OR c.area = :area)")


def _month(column: str) -> str:
    return f"to_char({column} AT TIME ZONE 'Europe/London', 'YYYY-MM')"


def _months(found: list[str], p: Period) -> list[str]:
    """Every month from the first to the last (of the period, else of the data)."""
    def ym(d: datetime) -> str:
        return d.astimezone(LONDON).strftime("%Y-%m")

    bounds = sorted(found)
    first = ym(p.start) if p.start else (bounds[0] if bounds else None)
    last = ym(p.end - timedelta(microseconds=1)) if p.end else (bounds[-1] if bounds else None)
    if first is None or last is None:
        return []
    y, m = int(first[:4]), int(first[5:])
    out = []
    while f"{y:04d}-{m:02d}" <= last and len(out) < 1200:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


async def _rows(session: AsyncSession, sql: str, p: Period, **extra) -> list:
    return list((await session.execute(text(sql), {**p.params, **extra})).all())


async def _cases_tables(session: AsyncSession, p: Period) -> tuple[Table, Table]:
    """Cases opened, by month and by area, against their current risk level."""
    cases = await _rows(session, f"""
        SELECT {_month('c.opened_at')} AS month, c.area, c.risk_level, count(*) AS n
        FROM cases c WHERE {_in_period('c.opened_at')}
        GROUP BY 1, 2, 3""", p)  # noqa: S608 (constant SQL fragments only)
    by_month = Table("Cases opened by month and current risk level",
                     _months([r.month for r in cases], p), list(LEVELS))
    by_area = Table("Cases opened by area and current risk level",
                    sorted({r.area for r in cases}), list(LEVELS))
    for r in cases:
        by_month.add(r.month, r.risk_level, r.n)
        by_area.add(r.area, r.risk_level, r.n)
    return by_month, by_area


async def _incidents_table(session: AsyncSession, p: Period) -> Table:
    incidents = await _rows(session, f"""
        SELECT i.category, i.nsir_type, count(*) AS n
        FROM incidents i JOIN cases c ON c.id = i.case_id
        WHERE i.same_as IS NULL AND {_in_period('i.occurred_at')}
        GROUP BY 1, 2""", p)  # noqa: S608 (constant SQL fragments only)
    by_category = Table(
        "Incidents by local category and NSIR type (repeat reports counted once)",
        sorted({r.category for r in incidents}), list(NSIR),
    )
    for r in incidents:
        by_category.add(r.category, r.nsir_type, r.n)
    return by_category


async def _open_flags_table(session: AsyncSession, p: Period) -> Table:
    flags = await _rows(session, f"""
        SELECT f.rule_id, count(*) AS n
        FROM escalation_flags f JOIN cases c ON c.id = f.case_id
        WHERE f.cleared_at IS NULL AND {_in_period('f.raised_at')}
        GROUP BY 1""", p)  # noqa: S608 (constant SQL fragments only)
    open_flags = Table("Open escalation flags by rule", sorted({r.rule_id for r in flags}),
                       ["open"], row_totals=False)
    for r in flags:
        open_flags.add(r.rule_id, "open", r.n)
    return open_flags


async def _case_reviews_table(session: AsyncSession, p: Period) -> Table:
    reviews = await _rows(session, f"""
        SELECT {_month('v.applied_at')} AS month,
               CASE WHEN v.threshold_met IS NULL THEN 'undecided'
                    WHEN v.threshold_met THEN 'threshold_met'
                    ELSE 'threshold_not_met' END AS outcome,
               count(*) AS n
        FROM case_reviews v JOIN cases c ON c.id = v.case_id
        WHERE {_in_period('v.applied_at')}
        GROUP BY 1, 2""", p)  # noqa: S608 (constant SQL fragments only)
    case_reviews = Table("ASB Case Review applications by month and threshold decision",
                         _months([r.month for r in reviews], p) if reviews else [],
                         list(REVIEW_OUTCOMES))
    for r in reviews:
        case_reviews.add(r.month, r.outcome, r.n)
    return case_reviews


async def _target_performance_table(session: AsyncSession, p: Period, now: datetime) -> Table:
    # A target counts once it has an outcome: met, or past its due time unmet.
    targets = await _rows(session, f"""
        SELECT a.slug AS agency, COALESCE(t.level, c.risk_level) AS level,
               CASE WHEN t.state = 'met' AND t.met_at <= t.due_at THEN 'met_on_time'
                    ELSE 'late_or_breached' END AS outcome,
               count(*) AS n
        FROM targets t JOIN cases c ON c.id = t.case_id
        JOIN agencies a ON a.id = c.lead_agency_id
        WHERE (t.state = 'met' OR (t.due_at < :now AND t.closed_at IS NULL))
          AND {_in_period('t.due_at')}
        GROUP BY 1, 2, 3""", p, now=now)  # noqa: S608 (constant SQL fragments only)
    pairs = sorted({(r.agency, r.level) for r in targets},
                   key=lambda x: (x[0], LEVELS.index(x[1]) if x[1] in LEVELS else 9))
    performance = Table("Response targets by lead agency and level: met on time or not",
                        [f"{a} / {lv}" for a, lv in pairs], list(TARGET_OUTCOMES))
    for r in targets:
        performance.add(f"{r.agency} / {r.level}", r.outcome, r.n)
    return performance


async def _interventions_table(session: AsyncSession, p: Period) -> Table:
    """The ladder actually used: interventions issued (anything past proposed), by the case's
    area and the tool, in the period by when they were issued."""
    used = await _rows(session, f"""
        SELECT c.area, v.type, count(*) AS n
        FROM interventions v JOIN cases c ON c.id = v.case_id
        WHERE v.issued_at IS NOT NULL AND v.status <> 'proposed' AND {_in_period('v.issued_at')}
        GROUP BY 1, 2""", p)  # noqa: S608 (constant SQL fragments only)
    by_type = Table("Interventions issued by area and type (the 2014 Act toolkit)",
                    sorted({r.area for r in used}), list(TOOL_IDS))
    for r in used:
        by_type.add(r.area, r.type, r.n)
    return by_type


async def _victim_view_tables(session: AsyncSession, p: Period) -> dict[str, Table]:
    """The victim's view at each closing in the period, one table per question and breakdown
    (area, level and lead agency kind as they were at closure)."""
    rows = await _rows(session, f"""
        SELECT c.area, c.risk_level, a.kind AS lead_kind, c.victim_satisfied,
               COALESCE(c.victim_kept_informed, 'not_asked') AS victim_kept_informed,
               COALESCE(c.victim_feels_safer, 'not_asked') AS victim_feels_safer,
               count(*) AS n
        FROM case_closures c JOIN agencies a ON a.id = c.lead_agency_id
        WHERE {_in_period('c.closed_at')}
        GROUP BY 1, 2, 3, 4, 5, 6""", p)  # noqa: S608 (constant SQL fragments only)
    labels = {
        "area": sorted({r.area for r in rows}),
        "level": list(LEVELS),
        "lead_agency_kind": [k for k in AGENCY_KINDS if k in {r.lead_kind for r in rows}],
    }
    tables = {}
    for q, (column, answers, asks) in VIEW_QUESTIONS.items():
        for by, attr in VIEW_BY.items():
            table = Table(f"Victim {asks} at closure, by {by.replace('_', ' ')}",
                          labels[by], list(answers))
            for r in rows:
                table.add(getattr(r, attr), getattr(r, column), r.n)
            tables[f"victim_{q}_by_{by}"] = table
    return tables


REFERRAL_ANSWERS = ("accepted", "declined", "no_response", "awaiting")
ACCEPTANCE_BANDS = ("within_2_days", "3_to_5_days", "over_5_days")


async def _referral_tables(session: AsyncSession, p: Period) -> dict[str, Table]:
    """Referrals made in the period (by when sent), by need, area and service, against the
    service's answer (accepted, declined, recorded as no response, or still awaited; the row
    total is the referrals made); and the time from sending to acceptance, in whole days."""
    rows = await _rows(session, f"""
        SELECT r.need, r.area, s.name AS service,
               CASE WHEN r.accepted_at IS NOT NULL THEN 'accepted'
                    WHEN r.answered_at IS NOT NULL THEN 'declined'
                    WHEN r.state IN ('no_response', 'closed') THEN 'no_response'
                    ELSE 'awaiting' END AS answer,
               CASE WHEN r.accepted_at IS NULL THEN NULL
                    WHEN r.accepted_at - r.sent_at <= interval '2 days' THEN 'within_2_days'
                    WHEN r.accepted_at - r.sent_at <= interval '5 days' THEN '3_to_5_days'
                    ELSE 'over_5_days' END AS band,
               count(*) AS n
        FROM referrals r JOIN cases c ON c.id = r.case_id
        JOIN directory_services s ON s.id = r.service_id
        WHERE {_in_period('r.sent_at')}
        GROUP BY 1, 2, 3, 4, 5""", p)  # noqa: S608 (constant SQL fragments only)
    tables = {}
    for by, attr in (("need", "need"), ("area", "area"), ("service", "service")):
        table = Table(f"Referrals made by {by} and the service's answer",
                      sorted({getattr(r, attr) for r in rows}), list(REFERRAL_ANSWERS))
        for r in rows:
            table.add(getattr(r, attr), r.answer, r.n)
        tables[f"referrals_by_{by}"] = table
    accepted = [r for r in rows if r.band is not None]
    timing = Table("Referrals accepted by need and time from sending to acceptance",
                   sorted({r.need for r in accepted}), list(ACCEPTANCE_BANDS))
    for r in accepted:
        timing.add(r.need, r.band, r.n)
    tables["referral_acceptance_time_by_need"] = timing
    return tables


def _with_share_met_on_time(performance: Table) -> dict:
    """The protected performance table with each row's share met on time, where its cells and
    total are shown (a share computed from hidden counts would give them away)."""
    perf = published(performance.render())
    perf["share_met_on_time"] = [
        round(cells[0] / total, 3) if isinstance(cells[0], int) and isinstance(total, int)
        and isinstance(cells[1], int) and total > 0 else None
        for cells, total in zip(perf["cells"], perf["row_totals"], strict=True)
    ]
    return perf


SUPPRESSION = {
    "primary": PRIMARY,
    "secondary": SECONDARY,
    "rounding_base": BASE,
    "rule": "counts of 1 to 4 are shown as '1-4'; '*' marks a count withheld so that "
            "a '1-4' cell cannot be recovered from the totals; every other count is rounded "
            "down to a multiple of 5 (10 means 10 to 14), so that no two queries (areas, "
            "periods) can be subtracted to recover a small count",
}


async def true_tables(session: AsyncSession, p: Period, now: datetime) -> dict[str, Table]:
    """Every table with its true counts (never published as they are: see `compute`)."""
    by_month, by_area = await _cases_tables(session, p)
    return {
        "cases_by_month_level": by_month,
        "cases_by_area_level": by_area,
        "incidents_by_category_nsir": await _incidents_table(session, p),
        "open_flags_by_rule": await _open_flags_table(session, p),
        "case_reviews_by_month": await _case_reviews_table(session, p),
        "target_performance": await _target_performance_table(session, p, now),
        "interventions_by_area_type": await _interventions_table(session, p),
        **await _victim_view_tables(session, p),
        **await _referral_tables(session, p),
    }


async def compute(session: AsyncSession, p: Period, now: datetime | None = None) -> dict:
    """Every table, protected and rounded. Pure aggregates: no row-level data leaves the
    database."""
    now = now or datetime.now(UTC)
    tables = await true_tables(session, p, now)
    shown = {name: published(t.render()) for name, t in tables.items()
             if name != "target_performance"}
    shown["target_performance"] = _with_share_met_on_time(tables["target_performance"])
    return {
        "generated_at": now.astimezone(UTC).isoformat().replace("+00:00", "Z"),
        "period": {"from": _day(p.start), "to": _day(p.end, -1), "area": p.area},
        "suppression": dict(SUPPRESSION),
        "tables": shown,
    }


def _day(at: datetime | None, plus: int = 0) -> str | None:
    if at is None:
        return None
    d = at.astimezone(LONDON).date()
    return date.fromordinal(d.toordinal() + plus).isoformat()


@unit_of_work
async def statistics(
    session: AsyncSession,
    actor: Actor,
    *,
    from_: date | str | None = None,
    to: date | str | None = None,
    area: str | None = None,
    now: datetime | None = None,
) -> dict:
    """The statistics for an analyst (or the system, from the CLI)."""
    if actor.role != "system":
        access.require(actor, "stats.read")
    return await compute(session, period(from_, to, area), now)


def to_csv(stats: dict) -> str:
    """Long format: table, row, column, value (totals as row or column "total")."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["table", "row", "column", "value"])
    for name, t in stats["tables"].items():
        for r, cells in zip(t["rows"], t["cells"], strict=True):
            for c, v in zip(t["columns"], cells, strict=True):
                w.writerow([name, r, c, v])
            if "row_totals" in t:
                w.writerow([name, r, "total", t["row_totals"][t["rows"].index(r)]])
        for c, v in zip(t["columns"], t["column_totals"], strict=True):
            w.writerow([name, "total", c, v])
        w.writerow([name, "total", "total", t["total"]])
        for r, share in zip(t["rows"], t.get("share_met_on_time", []), strict=False):
            w.writerow([name, r, "share_met_on_time", "" if share is None else share])
    return out.getvalue()
