"""`asb` subcommands for background and bulk work: `worker` (webhook delivery, the target
sweep and audit anchors), `import diary` (a housing provider's backlog), `directory import` (a
council's service directory) and `stats` (countywide figures).

Registered on the main parser by `asb_api.cli.build_parser` through `add_subcommands`.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
from collections.abc import Awaitable, Callable
from typing import Any

from asb_core.settings import Settings


def _with_sessions(settings: Settings, work: Callable[[Any], Awaitable[Any]]) -> Any:
    """Run `work(session_factory)` against the configured database."""
    from asb_core.db import create_engine, resolve_database_url, session_factory

    async def run() -> Any:
        engine = create_engine(resolve_database_url(settings), settings)
        try:
            return await work(session_factory(engine))
        finally:
            await engine.dispose()

    return asyncio.run(run())


def cmd_worker(args: argparse.Namespace, settings: Settings) -> int:
    from asb_core.webhooks.egress import EgressPolicy, webhook_client
    from asb_core.worker import WorkerConfig, run_forever, run_once

    config = WorkerConfig()
    egress = EgressPolicy.from_settings(settings)

    async def work(maker: Any) -> None:
        if args.once:
            async with webhook_client(egress) as client:
                s = await run_once(maker, http_client=client, config=config)
            print(
                f"{s.claimed} deliveries claimed: {s.delivered} delivered, {s.retried} to retry, "
                f"{s.dead} dead; {s.sweep.breached} targets breached, "
                f"{s.sweep.due_soon} due-soon notices"
            )
            if s.anchor:
                print(f"audit anchor made: {s.anchor}")
            if s.anonymised:
                print(f"retention: {s.anonymised} case(s) anonymised")
            return
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        print(f"worker running every {args.interval:g} s; Ctrl-C stops it", file=sys.stderr)
        await run_forever(maker, interval=args.interval, config=config, stop=stop,
                          egress=egress)

    _with_sessions(settings, work)
    return 0


def cmd_stats(args: argparse.Namespace, settings: Settings) -> int:
    import json

    from asb_core.actor import Actor
    from asb_core.stats.service import statistics, to_csv

    async def work(maker: Any) -> dict:
        async with maker() as session, session.begin():
            return await statistics(session, Actor.system(), from_=args.from_, to=args.to,
                                    area=args.area)

    from asb_api.cli_progress import spinner

    with spinner("counting"):
        result = _with_sessions(settings, work)
    if args.format == "csv":
        sys.stdout.write(to_csv(result))
    else:
        print(json.dumps(result, indent=2))
    return 0


def cmd_import_diary(args: argparse.Namespace, settings: Settings) -> int:
    from pathlib import Path

    from asb_core.incidents.importer import import_diary

    async def work(maker: Any) -> Any:
        return await import_diary(
            maker, Path(args.file), args.agency, skip_invalid=args.skip_invalid,
            rejects_path=Path(args.rejects) if args.rejects else None,
        )

    report = _with_sessions(settings, work)
    for e in report.errors[:50]:
        print(e, file=sys.stderr)
    if len(report.errors) > 50:
        print(f"... and {len(report.errors) - 50} more", file=sys.stderr)
    print(f"{report.rows} rows: {report.valid} valid, {report.invalid} invalid; "
          f"{report.imported} entries imported, {report.already} already imported")
    if report.rejects_path:
        print(f"rejected rows written to {report.rejects_path}")
    if report.stopped_at is not None:
        print(f"stopped at row {report.stopped_at}; re-running the file after fixing it "
              "imports only the rows still missing", file=sys.stderr)
        return 1
    if not report.written:
        print("nothing was written" + (": fix the rows above, or use --skip-invalid"
                                       if report.invalid else ""), file=sys.stderr)
        return 1
    return 0


def cmd_directory_import(args: argparse.Namespace, settings: Settings) -> int:
    from pathlib import Path

    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    from asb_core.directory.importer import import_directory

    console = Console(stderr=True)
    with Progress("[progress.description]{task.description}", BarColumn(),
                  MofNCompleteColumn(), TimeRemainingColumn(), console=console,
                  transient=False) as bar:
        task = bar.add_task("importing services", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        async def work(maker: Any) -> Any:
            return await import_directory(
                maker, Path(args.file), progress=progress,
                rejects_path=Path(args.rejects) if args.rejects else None)

        report = _with_sessions(settings, work)
    for problem in report.file_errors:
        print(f"{args.file}: {problem}", file=sys.stderr)
    if report.file_errors:
        return 1
    for r in report.rejects[:20]:
        for e in r.errors:
            print(f"record {r.record} ({r.service_id or 'no id'}), {e['field']}: {e['message']}",
                  file=sys.stderr)
    print(f"{report.records} services: {report.valid} valid, {report.invalid} rejected; "
          f"{report.created} created, {report.updated} updated, {report.unchanged} unchanged "
          f"({report.organizations_created} organisations created, "
          f"{report.organizations_updated} updated)")
    if report.rejects_path:
        print(f"rejected services written to {report.rejects_path}")
    return 1 if report.invalid else 0


def add_subcommands(sub: Any) -> None:
    worker = sub.add_parser(
        "worker",
        help="deliver webhooks (signed, retried, dead-lettered), sweep targets and anchor the "
             "audit log (every ASB_AUDIT_ANCHOR_SECONDS)",
    )
    worker.add_argument("--once", action="store_true", help="one pass, then exit")
    worker.add_argument("--interval", type=float, default=5.0,
                        help="seconds between passes (default 5)")
    worker.set_defaults(func=cmd_worker)

    imp = sub.add_parser("import", help="bulk imports").add_subparsers(
        dest="import_command", required=True
    )
    di = imp.add_parser("diary", help="import diary entries from a CSV file (docs/import.md)")
    di.add_argument("file", help="CSV, UTF-8 (a BOM is fine), header row first")
    di.add_argument("--agency", required=True, help="slug of the importing agency")
    di.add_argument("--skip-invalid", action="store_true",
                    help="write the valid rows and put the others in a rejects file")
    di.add_argument("--rejects", help="rejects file (default FILE.rejects.csv)")
    di.set_defaults(func=cmd_import_diary)

    dr = sub.add_parser("directory", help="the service directory").add_subparsers(
        dest="directory_command", required=True)
    dimp = dr.add_parser("import", help="import services: Open Referral UK JSON or the CSV of "
                                        "docs/directory-import.md (idempotent)")
    dimp.add_argument("file", help="a .json (ORUK services) or .csv file")
    dimp.add_argument("--rejects", help="rejects file (default FILE.rejects.csv)")
    dimp.set_defaults(func=cmd_directory_import)

    st = sub.add_parser("stats", help="countywide statistics, small numbers suppressed")
    st.add_argument("--format", choices=("json", "csv"), default="json")
    st.add_argument("--from", dest="from_", help="first day, YYYY-MM-DD")
    st.add_argument("--to", help="last day, YYYY-MM-DD")
    st.add_argument("--area")
    st.set_defaults(func=cmd_stats)
