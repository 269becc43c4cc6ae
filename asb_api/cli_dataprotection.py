"""`asb retention run [--dry-run]` and `asb sar export --party ID --agency SLUG`: the operator's
data protection commands.

`retention run` applies the retention schedules (asb_core/dataprotection/retention.py) to every
case, one case per transaction, with a progress bar on stderr and the report on stdout; a dry
run changes nothing and says what would change. After a real run the tables it changed are
vacuumed, so the old row versions that still held the removed values leave the tables and their
indexes (backups and WAL archives keep them until they expire: see README, Data protection).
`sar export` writes the subject access document of one party, as the agency's data protection
officer would get it, as JSON or HTML.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from asb_core.settings import Settings


def cmd_retention_run(args: argparse.Namespace, settings: Settings) -> int:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
    from sqlalchemy import text

    from asb_api.cli_jobs import _with_sessions
    from asb_core.actor import Actor
    from asb_core.dataprotection import retention

    async def work(maker: Any) -> Any:
        console = Console(stderr=True)
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
        with Progress(*columns, console=console, transient=False) as bar:
            task = bar.add_task("dry run" if args.dry_run else "anonymising", total=None)

            def progress(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            async with maker() as session:
                report = await retention.run(session, Actor.system(), dry_run=args.dry_run,
                                             progress=progress)
        if not args.dry_run and report.changes:
            tables = sorted(t for t, n in report.changes.items() if n)
            async with maker.kw["bind"].connect() as conn:
                conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
                for table in tables:  # names from dataprotection.rules, never input
                    await conn.execute(text(f'VACUUM (ANALYZE) "{table}"'))
            report.vacuumed = tables
        return report

    report = _with_sessions(settings, work)
    for line in retention.report_lines(report):
        print(line)
    if report.vacuumed:
        print(f"vacuumed: {', '.join(report.vacuumed)}")
    return 0


def cmd_sar_export(args: argparse.Namespace, settings: Settings) -> int:
    from sqlalchemy import select

    from asb_api.cli_jobs import _with_sessions
    from asb_core.access import parse_uuid
    from asb_core.actor import Actor
    from asb_core.agencies.models import Agency
    from asb_core.dataprotection import sar
    from asb_core.errors import NotFound
    from asb_core.parties.models import Party

    async def work(maker: Any) -> dict:
        async with maker() as session:
            agency = (await session.execute(
                select(Agency).where(Agency.slug == args.agency))).scalar_one_or_none()
            if agency is None:
                raise NotFound(f"no agency {args.agency}")
            party = await session.get(Party, parse_uuid(args.party, "party"))
            if party is None:
                raise NotFound(f"no party {args.party}")
            # The agency's data protection officer, acting from the operator's console.
            officer = Actor(None, agency.id, agency.slug, agency.kind, "dpo")
            case_id, party_id = party.case_id, party.id
            await session.rollback()
            return await sar.export(session, officer, case_id, party_id, fmt=args.format)

    doc = _with_sessions(settings, work)
    out = sar.to_html(doc) if args.format == "html" else json.dumps(doc, indent=2)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(out)
        print(f"subject access export of {len(doc['cases'])} case(s) written to {args.out}",
              file=sys.stderr)
    else:
        sys.stdout.write(out + "\n")
    return 0


def add_subcommands(sub: Any) -> None:
    ret = sub.add_parser("retention", help="retention schedules").add_subparsers(
        dest="retention_command", required=True)
    run = ret.add_parser(
        "run", help="anonymise closed cases past their retention period (legal holds skipped)")
    run.add_argument("--dry-run", action="store_true",
                     help="change nothing; report what would be anonymised")
    run.set_defaults(func=cmd_retention_run)

    sar_cmd = sub.add_parser("sar", help="subject access requests").add_subparsers(
        dest="sar_command", required=True)
    exp = sar_cmd.add_parser("export", help="everything held about one data subject")
    exp.add_argument("--party", required=True, help="the party's id (any case it is on)")
    exp.add_argument("--agency", required=True,
                     help="slug of the agency answering the request (its member cases)")
    exp.add_argument("--format", choices=("json", "html"), default="json")
    exp.add_argument("--out", help="file to write (default: stdout)")
    exp.set_defaults(func=cmd_sar_export)
