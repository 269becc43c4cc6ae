"""Bulk diary import: a housing provider's backlog from a CSV file (`asb import diary`).

The column format is documented in docs/import.md. The whole file is read and every row
validated before anything is written (dates in UK formats, interpreted in Europe/London; every
row through the API's own input model, DiaryEntryIn; the case reference must name a case the
importing agency is a member of). Errors are reported as "row N, column X: message", where
row 1 is the header, as a spreadsheet numbers them.

By default nothing is written unless every row is valid. With `skip_invalid` the valid rows are
written and the invalid ones go to a rejects CSV (the original columns plus `errors`).

Rows are written by the one write path of every incident (`incidents.service.land`), a case's
rows at a time (`_write_case_rows`): each entry is acknowledged, folded into the case's
escalation state in time order and audited as if sent alone, and the flags, a level raise and
the victim-update clock follow in the same statement. Each row carries an idempotency key
derived from the agency's `source_system` and `source_row_id` (or, without a row id, from the
row's content), so running the same file again imports nothing twice; a row whose id was
imported before with different content is refused. Rows are written in batches (one transaction
each), so other writers to the same cases are not held up for the length of a large file.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import sys
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from asb_core.actor import Actor
from asb_core.agencies.models import Agency
from asb_core.cases.models import Case
from asb_core.errors import DomainError, NotFound, ValidationFailed
from asb_core.incidents.models import IdempotencyKey
from asb_core.incidents.schemas import DiaryEntryIn, parse
from asb_core.incidents.service import Sent, land
from asb_core.sharing.models import Membership

LONDON = ZoneInfo("Europe/London")
COLUMNS = (
    "case_reference", "started_at", "duration_minutes", "location", "what_happened",
    "responsible", "witnesses", "effect_on_victim", "reported_to", "reported_reference",
    "category", "hostility_perceived", "hostility_perceived_by", "victim_feels_targeted",
    "source_system", "source_row_id",
)
REQUIRED = ("case_reference", "started_at", "what_happened", "category")
TEXT = ("location", "what_happened", "responsible", "witnesses", "effect_on_victim",
        "reported_to", "reported_reference", "source_system")
YES = {"yes", "y", "true"}
NO = {"no", "n", "false"}
MAX_ROWS = 2_000_000

_UK = re.compile(
    r"^(?P<d>\d{1,2})[/-](?P<m>\d{1,2})[/-](?P<y>\d{4})"
    r"(?:[ T](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?$"
)


@dataclass(frozen=True)
class RowError:
    row: int
    column: str | None
    message: str

    def __str__(self) -> str:
        where = f"row {self.row}" + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.message}"


@dataclass
class ImportReport:
    rows: int = 0
    valid: int = 0
    invalid: int = 0
    imported: int = 0
    already: int = 0
    errors: list[RowError] = field(default_factory=list)
    rejects_path: Path | None = None
    written: bool = False
    stopped_at: int | None = None  # a row that failed while writing (earlier batches stay)


@dataclass
class _Row:
    number: int
    raw: dict[str, str]
    case_reference: str = ""
    data: dict = field(default_factory=dict)
    entry: DiaryEntryIn | None = None
    key: str = ""
    fingerprint: str = ""
    errors: list[RowError] = field(default_factory=list)


class Progress:
    """A small progress bar on stderr: redrawn in place on a terminal, a line per 10% otherwise."""

    def __init__(self, label: str, total: int, stream: TextIO | None = None) -> None:
        self.label, self.total, self.done = label, max(total, 1), 0
        self.stream = stream or sys.stderr
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.started = self.last = time.monotonic()
        self.last_decile = -1

    def advance(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if self.tty and now - self.last < 0.1 and self.done < self.total:
            return
        decile = self.done * 10 // self.total
        if not self.tty and decile == self.last_decile and self.done < self.total:
            return
        self.last, self.last_decile = now, decile
        width = 30
        filled = width * self.done // self.total
        bar = "#" * filled + "-" * (width - filled)
        rate = self.done / max(now - self.started, 1e-6)
        line = (f"{self.label} [{bar}] {self.done}/{self.total} "
                f"{100 * self.done // self.total:3d}% {rate:,.0f} rows/s")
        self.stream.write(("\r" + line) if self.tty else (line + "\n"))
        self.stream.flush()

    def close(self) -> None:
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()


def parse_uk_datetime(value: str) -> datetime:
    """dd/mm/yyyy, dd/mm/yyyy HH:MM[:SS], dd-mm-yyyy (with or without a time), or ISO 8601.
    Times without an offset are Europe/London wall-clock times; the result is in UTC."""
    text = value.strip()
    m = _UK.match(text)
    if m:
        try:
            local = datetime(int(m["y"]), int(m["m"]), int(m["d"]), int(m["H"] or 0),
                             int(m["M"] or 0), int(m["S"] or 0))
        except ValueError as exc:
            raise ValueError(f"not a real date or time ({exc})") from None
    else:
        try:
            local = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise ValueError(
                "a date as dd/mm/yyyy, dd/mm/yyyy HH:MM, dd-mm-yyyy or ISO 8601"
            ) from None
    if local.tzinfo is None:
        local = local.replace(tzinfo=LONDON)
    return local.astimezone(UTC)


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def _yes_no(value: str) -> bool | str:
    if value.lower() in YES:
        return True
    if value.lower() in NO:
        return False
    return value  # the model refuses it, naming the column


def _cells(raw: dict[str, str], bad) -> dict:
    """The row's cells as the API's JSON body would carry them (UK dates read in London time,
    whole minutes, strands split on ';'); a cell that cannot be read is reported via `bad`."""
    data: dict = {col: v for col in TEXT if (v := _clean(raw.get(col))) is not None}
    started = _clean(raw.get("started_at"))
    if started:
        try:
            data["started_at"] = parse_uk_datetime(started).isoformat()
        except ValueError as exc:
            bad("started_at", str(exc))
    duration = _clean(raw.get("duration_minutes"))
    if duration is not None:
        if re.fullmatch(r"\d{1,6}", duration):
            data["duration_minutes"] = int(duration)
        else:
            bad("duration_minutes", "a whole number of minutes")
    category = _clean(raw.get("category"))
    if category:
        data["category"] = category.lower().replace(" ", "_").replace("-", "_")
    strands = [s.strip().lower().replace(" ", "_")
               for s in (raw.get("hostility_perceived") or "").split(";") if s.strip()]
    if strands:
        data["hostility_perceived"] = strands
        data["hostility_asked"] = True
    by = _clean(raw.get("hostility_perceived_by"))
    if by is not None:
        data["hostility_perceived_by"] = by.lower()
    targeted = _clean(raw.get("victim_feels_targeted"))
    if targeted is not None:
        data["victim_feels_targeted"] = _yes_no(targeted)
    return data


def _row_to_entry(row: _Row, now: datetime) -> None:
    """Build the API's own input model (DiaryEntryIn) from the row: every error of the row,
    by column, from reading the cells and from the model's rules alike."""
    raw = row.raw

    def bad(column: str | None, message: str) -> None:
        row.errors.append(RowError(row.number, column, message))

    for col in REQUIRED:
        if not _clean(raw.get(col)):
            bad(col, "required")
    row.case_reference = (_clean(raw.get("case_reference")) or "").upper()
    data = _cells(raw, bad)
    seen = {e.column for e in row.errors}
    try:
        row.entry = parse(DiaryEntryIn, data, now=now)
    except ValidationFailed as exc:
        for e in exc.errors:
            column = e.get("field")
            column = column if column in COLUMNS else None
            if column is None or column not in seen:  # one message per unreadable cell
                bad(column, e.get("message", "not valid"))
    row.data = data
    _identify(row, data)


def _identify(row: _Row, data: dict) -> None:
    """The row's fingerprint and its Idempotency-Key (from its source id, else its content)."""
    canonical = json.dumps({"case": row.case_reference, **data}, sort_keys=True,
                           separators=(",", ":"))
    row.fingerprint = hashlib.sha256(canonical.encode()).hexdigest()
    source_id = _clean(row.raw.get("source_row_id"))
    identity = (f"id\x1f{data.get('source_system') or ''}\x1f{source_id}" if source_id
                else f"content\x1f{canonical}")
    row.key = "diary-import:" + hashlib.sha256(identity.encode()).hexdigest()


def _header_problems(cleaned: list[str]) -> list[RowError]:
    problems = [RowError(1, h or "(blank)", "unknown column") for h in cleaned if h not in COLUMNS]
    problems += [RowError(1, col, "missing column") for col in REQUIRED if col not in cleaned]
    if len(set(cleaned)) != len(cleaned):
        problems.append(RowError(1, None, "a column appears twice"))
    return problems


def _read_rows(reader: csv.DictReader) -> tuple[list[_Row], list[RowError]]:
    rows = []
    for raw in reader:
        number = reader.line_num
        if None in raw:
            rows.append(_Row(number, {}, errors=[RowError(
                number, None, "more fields than the header has columns")]))
            continue
        if not any((v or "").strip() for v in raw.values()):
            continue  # a blank line
        rows.append(_Row(number, {k: v or "" for k, v in raw.items()}))
        if len(rows) > MAX_ROWS:
            return [], [RowError(number, None, f"more than {MAX_ROWS} rows")]
    return rows, []


def read_file(path: Path) -> tuple[list[_Row], list[RowError]]:
    """All rows of the file, or file-level errors (encoding, header)."""
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        return [], [RowError(0, None, f"cannot open the file: {exc.strerror}")]
    with handle:
        try:
            reader = csv.DictReader(handle)
            cleaned = [h.strip().lower() for h in reader.fieldnames or []]
            problems = _header_problems(cleaned)
            if problems:
                return [], problems
            reader.fieldnames = cleaned
            return _read_rows(reader)
        except UnicodeDecodeError as exc:
            return [], [RowError(0, None, f"the file is not UTF-8 (byte {exc.start})")]
        except csv.Error as exc:
            return [], [RowError(reader.line_num, None, f"not a CSV file: {exc}")]


async def _agency_actor(session_factory: async_sessionmaker, slug: str) -> Actor:
    async with session_factory() as session:
        agency = (await session.execute(select(Agency).where(Agency.slug == slug))
                  ).scalar_one_or_none()
    if agency is None:
        raise NotFound(f"no agency {slug!r}")
    # The operator imports on the agency's behalf with an integration's rights (diary.add).
    return Actor(None, agency.id, agency.slug, agency.kind, "integration")


async def _cases_for(session_factory: async_sessionmaker, actor: Actor,
                     references: Iterable[str]) -> dict[str, tuple[uuid.UUID, str]]:
    refs = sorted(set(references))
    found: dict[str, tuple[uuid.UUID, str]] = {}
    async with session_factory() as session:
        for i in range(0, len(refs), 5000):
            rows = await session.execute(
                select(Case.reference, Case.id, Case.status)
                .join(Membership, Membership.case_id == Case.id)
                .where(Membership.agency_id == actor.agency_id,
                       Case.reference.in_(refs[i:i + 5000]))
            )
            for ref, cid, status in rows:
                found[ref] = (cid, status)
    return found


class _RowFailed(Exception):
    def __init__(self, error: RowError) -> None:
        super().__init__(str(error))
        self.error = error


async def _imported_before(session_factory: async_sessionmaker, actor: Actor,
                           rows: list[_Row]) -> set[str]:
    """Keys of rows this agency imported already; a row imported before with other content is
    an error on that row."""
    by_key = {r.key: r for r in rows if r.key and not r.errors}
    keys = sorted(by_key)
    done: set[str] = set()
    async with session_factory() as session:
        for i in range(0, len(keys), 5000):
            held = await session.execute(
                select(IdempotencyKey.key, IdempotencyKey.fingerprint).where(
                    IdempotencyKey.agency_id == actor.agency_id,
                    IdempotencyKey.key.in_(keys[i:i + 5000]),
                )
            )
            for key, fingerprint in held:
                r = by_key[key]
                if fingerprint == r.fingerprint:
                    done.add(key)
                else:
                    r.errors.append(RowError(r.number, "source_row_id",
                                             "imported before with different content"))
    return done


# A cell a spreadsheet would run as a formula (CSV injection): written back with a leading
# apostrophe, which spreadsheets show as text and a person fixing the row can delete.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def write_rejects(path: Path, rows: list[_Row]) -> None:
    """The rejected rows as they came, plus their errors; no cell is written as a formula."""
    with path.open("w", encoding="utf-8", newline="") as out:
        w = csv.writer(out)
        w.writerow(["row", *COLUMNS, "errors"])
        for r in rows:
            w.writerow([r.number, *(spreadsheet_safe(r.raw.get(c, "")) for c in COLUMNS),
                        spreadsheet_safe("; ".join(str(e) for e in r.errors))])


async def _write_case_rows(session: AsyncSession, actor: Actor, case_id: uuid.UUID,
                           rows: list[_Row], now: datetime) -> tuple[int, int]:
    """Land one case's rows as the API lands a batch of entries (incidents.service.land, in the
    caller's transaction): each acknowledged, folded in time order, with the same flags, level,
    targets, timeline and audit as one at a time. Returns (created, already imported)."""
    sent = [Sent(r.entry, None, r.key, r.fingerprint) for r in rows]
    try:
        results = await land(session, actor, case_id, sent, "diary.add", now)
    except DomainError as exc:
        raise _RowFailed(RowError(rows[0].number, "case_reference", exc.detail)) from exc
    created = already = 0
    for r, result in zip(rows, results, strict=True):
        if isinstance(result, Exception):
            detail = getattr(result, "detail", str(result))
            raise _RowFailed(RowError(r.number, None if "closed" not in detail
                                      else "case_reference", detail))
        created += result[1]
        already += not result[1]
    session.expunge_all()
    return created, already


def _check_against_cases(rows: list[_Row], cases: dict, agency_slug: str) -> set[int]:
    """Each row's case must be shared with the agency and open; a row id seen twice must carry
    the same content. Returns the numbers of rows that repeat an earlier row exactly."""
    seen: dict[str, tuple[str, int]] = {}
    duplicates: set[int] = set()
    for r in rows:
        if r.case_reference and not any(e.column == "case_reference" for e in r.errors):
            found = cases.get(r.case_reference)
            if found is None:
                r.errors.append(RowError(r.number, "case_reference",
                                         f"no case {r.case_reference} shared with {agency_slug}"))
            elif found[1] == "closed":
                r.errors.append(RowError(r.number, "case_reference",
                                         f"case {r.case_reference} is closed"))
        if not r.key:
            continue
        earlier = seen.setdefault(r.key, (r.fingerprint, r.number))
        if earlier[1] == r.number:
            continue
        if earlier[0] != r.fingerprint:
            r.errors.append(RowError(r.number, "source_row_id",
                                     f"same id as row {earlier[1]} with different content"))
        else:
            duplicates.add(r.number)  # the same row twice: written once
    return duplicates


def _chunks(todo: list[_Row], cases: dict, batch: int) -> list[tuple[uuid.UUID, list[_Row]]]:
    """Each case's rows in time order (the order they fold in), cut into chunks of `batch`."""
    by_case: dict[uuid.UUID, list[_Row]] = {}
    for r in todo:
        by_case.setdefault(cases[r.case_reference][0], []).append(r)
    pending: list[tuple[uuid.UUID, list[_Row]]] = []
    for case_id, case_rows in by_case.items():
        case_rows.sort(key=lambda r: (r.data["started_at"], r.number))
        pending += [(case_id, case_rows[i:i + batch]) for i in range(0, len(case_rows), batch)]
    return pending


async def _write_all(session_factory: async_sessionmaker, actor: Actor, report: ImportReport,
                     pending: list, batch: int, now: datetime, bar: Progress) -> bool:
    """Write the chunks, one transaction per ~batch rows (whole per-case chunks until the batch
    is full); False if a row failed at write time (that transaction rolled back, earlier ones
    stay, and a re-run after fixing the row imports only what is missing)."""
    while pending:
        group, size = [], 0
        while pending and (not group or size + len(pending[0][1]) <= batch):
            group.append(pending.pop(0))
            size += len(group[-1][1])
        created_here = already_here = 0
        try:
            async with session_factory() as session, session.begin():
                for case_id, chunk in group:
                    created, already = await _write_case_rows(session, actor, case_id, chunk,
                                                               now)
                    created_here += created
                    already_here += already
        except _RowFailed as failed:
            report.errors.append(failed.error)
            report.stopped_at = failed.error.row
            return False
        report.imported += created_here
        report.already += already_here
        bar.advance(size)
    return True


async def import_diary(
    session_factory: async_sessionmaker,
    path: Path,
    agency_slug: str,
    *,
    skip_invalid: bool = False,
    rejects_path: Path | None = None,
    batch: int = 500,
    progress: TextIO | None = None,
    now: datetime | None = None,
) -> ImportReport:
    report = ImportReport()
    actor = await _agency_actor(session_factory, agency_slug)
    now = now or datetime.now(UTC)
    rows, file_errors = read_file(path)
    if file_errors:
        report.errors = file_errors
        return report
    report.rows = len(rows)

    bar = Progress("validating", len(rows), progress)
    for r in rows:
        if not r.errors:
            _row_to_entry(r, now)
        bar.advance()
    bar.close()
    cases = await _cases_for(session_factory, actor,
                             (r.case_reference for r in rows if r.case_reference))
    duplicates = _check_against_cases(rows, cases, agency_slug)
    imported_before = await _imported_before(session_factory, actor, rows)
    invalid = [r for r in rows if r.errors]
    report.invalid = len(invalid)
    report.valid = len(rows) - len(invalid)
    report.errors = [e for r in invalid for e in r.errors]
    if invalid and not skip_invalid:
        return report
    if invalid:
        report.rejects_path = rejects_path or path.with_name(path.stem + ".rejects.csv")
        write_rejects(report.rejects_path, invalid)

    todo = [r for r in rows if not r.errors and r.number not in duplicates
            and r.key not in imported_before]
    report.already += len(rows) - len(invalid) - len(todo)
    bar = Progress("importing ", len(todo), progress)
    finished = await _write_all(session_factory, actor, report, _chunks(todo, cases, batch),
                                batch, now, bar)
    bar.close()
    report.written = True if finished else report.imported > 0
    return report
