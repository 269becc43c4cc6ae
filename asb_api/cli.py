"""The `asb` command: serve the API, migrate, manage agencies and keys, verify and anchor the
audit log.

Every subcommand works against `DATABASE_URL`, or the embedded PostgreSQL when it is unset.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from asb_core.agencies.models import AGENCY_KINDS, ROLES
from asb_core.settings import Settings, get_settings


def _url(settings: Settings) -> str:
    from asb_core.db import resolve_database_url

    return resolve_database_url(settings)


def _in_session(settings: Settings, work: Callable[[Any], Awaitable[Any]]) -> Any:
    """Run `work(session)` in one transaction against the configured database."""
    from asb_core.db import create_engine, session_factory

    async def run() -> Any:
        engine = create_engine(_url(settings), settings)
        try:
            async with session_factory(engine)() as session, session.begin():
                return await work(session)
        finally:
            await engine.dispose()

    return asyncio.run(run())


def cmd_db_upgrade(args: argparse.Namespace, settings: Settings) -> int:
    from asb_api.cli_progress import spinner
    from asb_core.migrate import upgrade

    url = _url(settings)
    with spinner(f"migrating to {args.revision} (each migration is logged as it runs)"):
        upgrade(url, args.revision)
    print(f"database at revision {args.revision}")
    return 0


def cmd_db_downgrade(args: argparse.Namespace, settings: Settings) -> int:
    from asb_core.migrate import downgrade

    downgrade(_url(settings), args.revision)
    print(f"database downgraded to {args.revision}")
    return 0


def cmd_agency_add(args: argparse.Namespace, settings: Settings) -> int:
    from asb_core.actor import Actor
    from asb_core.agencies.service import add_agency

    areas = [a.strip() for a in (args.areas or "").split(",") if a.strip()]

    async def work(session: Any) -> Any:
        return await add_agency(session, Actor.system(), args.slug, args.name, args.kind, areas)

    agency = _in_session(settings, work)
    print(f"agency {agency.slug} ({agency.kind}) added")
    return 0


def cmd_agency_disable(args: argparse.Namespace, settings: Settings) -> int:
    from asb_core.actor import Actor
    from asb_core.agencies.service import set_disabled

    disable = args.agency_command == "disable"

    async def work(session: Any) -> Any:
        return await set_disabled(session, Actor.system(), args.slug, disabled=disable,
                                  reason=getattr(args, "reason", None))

    agency = _in_session(settings, work)
    if disable:
        print(f"agency {agency.slug} disabled: its keys, embed tokens and webhooks are refused "
              f"within ASB_KEY_CACHE_SECONDS ({settings.key_cache_seconds} s)")
    else:
        print(f"agency {agency.slug} enabled")
    return 0


def cmd_key_issue(args: argparse.Namespace, settings: Settings) -> int:
    from asb_core.actor import Actor
    from asb_core.agencies.service import issue_key

    async def work(session: Any) -> Any:
        return await issue_key(session, Actor.system(), args.agency, args.role, args.label)

    principal, key = _in_session(settings, work)
    print(f"key {principal.key_prefix} for {args.agency} as {args.role}; shown once, keep it safe:")
    print(key)
    return 0


def cmd_key_revoke(args: argparse.Namespace, settings: Settings) -> int:
    from asb_core.actor import Actor
    from asb_core.agencies.service import revoke_key

    async def work(session: Any) -> Any:
        return await revoke_key(session, Actor.system(), args.key)

    principal = _in_session(settings, work)
    print(f"key {principal.key_prefix} revoked")
    return 0


def cmd_audit_verify(args: argparse.Namespace, settings: Settings) -> int:
    from sqlalchemy import text

    from asb_api.cli_progress import bar
    from asb_core.audit.anchors import verify_anchors
    from asb_core.audit.chain import verify

    async def work(session: Any) -> tuple:
        # One snapshot for the whole walk, so rows committed meanwhile cannot look like a break.
        await session.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"))
        total = await session.scalar(text("SELECT count(*) FROM audit_events"))
        with bar("verifying the audit log", total) as done:
            result = await verify(session, progress=done)
        if not result.ok:
            return result, None
        return result, await verify_anchors(session, published=args.anchor or ())

    result, anchors = _in_session(settings, work)
    if not result.ok:
        print(f"audit log BROKEN: {result.problem}", file=sys.stderr)
        return 1
    if not anchors.ok:
        print(f"audit log BROKEN: {anchors.problem}", file=sys.stderr)
        return 1
    line = f"audit log intact: {result.events} events in {result.chains} chains"
    if result.authenticated and result.keyed:
        line += f"; {result.keyed} keyed events authenticated"
    elif result.keyed:
        line += (f"; {result.keyed} keyed events: links checked, not authenticated "
                 "(set ASB_AUDIT_KEY or ASB_AUDIT_KEY_FILE to check them)")
    if anchors.anchors:
        line += f"; {anchors.anchors} anchors hold (latest {anchors.latest_hash})"
    print(line)
    for published in args.anchor or ():
        print(f"published anchor {published} found")
    return 0


def cmd_audit_anchor(args: argparse.Namespace, settings: Settings) -> int:
    from asb_core.audit.anchors import anchor_now
    from asb_core.db import create_engine, session_factory

    async def run() -> Any:
        engine = create_engine(_url(settings), settings)
        try:
            maker = session_factory(engine)
            # A None is another process anchoring at the same moment: take the next one.
            return await anchor_now(maker) or await anchor_now(maker)
        finally:
            await engine.dispose()

    from asb_api.cli_progress import spinner

    with spinner("anchoring every audit chain"):
        anchor = asyncio.run(run())
    if anchor is None:
        print("error: another process kept making anchors; try again", file=sys.stderr)
        return 1
    print(f"anchor {anchor.seq} at {anchor.at.isoformat()}: {anchor.chains} chains, "
          f"{anchor.events} events, {anchor.changed} heads moved since the anchor before. "
          "Store its hash outside this database (check it with asb audit verify --anchor):")
    print(anchor.hash)
    return 0


def _serve_demo(settings: Settings, base_url: str) -> None:
    """Load the demo area and print its keys, one demo case and a first request. The keys are
    kept in the data directory (readable by its owner only) and printed again on the next
    start while they are valid, so scripts written against them keep working."""
    import json

    from asb_core.demo.agencies import load_demo_area

    store = Path(settings.data_dir) / "demo-keys.json"
    try:
        known = json.loads(store.read_text())
    except (OSError, ValueError):
        known = {}
    from asb_api.cli_progress import spinner

    with spinner("loading the demo area"):
        area = _in_session(settings, lambda session: load_demo_area(session, known))
    store.parent.mkdir(parents=True, exist_ok=True)
    store.write_text(json.dumps(area.keys, indent=1))
    store.chmod(0o600)
    print(f"Demo area loaded. API keys (the same on every start; kept in {store}):")
    for line in area.lines():
        print(f"  {line}")
    if area.case_id:
        print(f"Demo case: id {area.case_id}  reference {area.reference}")
        print(f"  e.g. curl -s {base_url}/v1/cases/{area.case_id} "
              '-H "Authorization: Bearer $KEY"   # KEY: the demo-council caseworker key')


def _address_in_use(host: str, port: int) -> str | None:
    """Why (host, port) cannot be listened on, or None. Granian binds with SO_REUSEPORT, so a
    second `asb serve` on a port another one holds would start without complaint and take half
    its connections (found by hand: a server thought stopped kept answering with old code); a
    plain bind, as this one is, is refused while anything listens there."""
    try:
        with socket.create_server((host, port)):
            return None
    except OSError as exc:
        return exc.strerror or str(exc)


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    from granian import Granian
    from granian.constants import Interfaces, Loops

    from asb_core.migrate import upgrade

    host = args.host or settings.host
    port = args.port or settings.port
    busy = _address_in_use(host, port)
    if busy is not None:
        print(f"asb serve: cannot listen on {host}:{port}: {busy} (is another asb serve "
              "running there?)", file=sys.stderr)
        return 1
    url = _url(settings)  # starts the embedded server when DATABASE_URL is unset
    upgrade(url)
    if args.demo:
        _serve_demo(settings, f"http://{host}:{port}")
    workers = args.workers or settings.workers
    print(f"serving on http://{host}:{port}  (docs: http://{host}:{port}/docs)", flush=True)
    os.environ["DATABASE_URL"] = url
    if not settings.audit_key and not settings.audit_key_file:
        print("warning: no audit key (ASB_AUDIT_KEY or ASB_AUDIT_KEY_FILE): the audit log is "
              "hashed but not keyed, so a database superuser could rewrite its unanchored "
              "tail without trace", file=sys.stderr, flush=True)
    if not settings.secret_key and not os.environ.get("ASB_SECRET_KEY"):
        # Every worker must sign and verify embed tokens with the same secret.
        from asb_api.embed_tokens import stored_secret

        os.environ["ASB_SECRET_KEY"] = stored_secret(settings.data_dir)
    if workers > 1 and not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        # Workers share metrics through files, so any worker's /metrics reports all of them.
        import tempfile

        os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="asb-metrics-")
    Granian(
        "asb_api.app:create_app",
        address=host,
        port=port,
        interface=Interfaces.ASGI,
        workers=workers,
        loop=Loops.uvloop,
        factory=True,
        log_access=False,
    ).serve()
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="asb", description="Multi-agency ASB casework API with the Fenland harm model."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="migrate the database and serve the API")
    serve.add_argument("--host", help="address to bind (default ASB_HOST or 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (default ASB_PORT or 8000)")
    serve.add_argument("--workers", type=int, help="worker processes (default ASB_WORKERS or 1)")
    serve.add_argument("--demo", action="store_true",
                       help="load a small demo area and print one API key per agency")
    serve.set_defaults(func=cmd_serve)

    db = sub.add_parser("db", help="database schema").add_subparsers(
        dest="db_command", required=True
    )
    up = db.add_parser("upgrade", help="apply migrations")
    up.add_argument("revision", nargs="?", default="head")
    up.set_defaults(func=cmd_db_upgrade)
    down = db.add_parser("downgrade", help="revert migrations")
    down.add_argument("revision", nargs="?", default="base")
    down.set_defaults(func=cmd_db_downgrade)

    agency = sub.add_parser("agency", help="agencies").add_subparsers(
        dest="agency_command", required=True
    )
    add = agency.add_parser("add", help="add an agency")
    add.add_argument("slug")
    add.add_argument("--name", required=True)
    add.add_argument("--kind", required=True, choices=AGENCY_KINDS)
    add.add_argument("--areas", help="comma-separated areas the agency covers")
    add.set_defaults(func=cmd_agency_add)
    dis = agency.add_parser(
        "disable", help="refuse every key and embed token of an agency and withhold its webhooks"
    )
    dis.add_argument("slug")
    dis.add_argument("--reason", help="why (kept on the audit log)")
    dis.set_defaults(func=cmd_agency_disable)
    ena = agency.add_parser("enable", help="enable a disabled agency again")
    ena.add_argument("slug")
    ena.set_defaults(func=cmd_agency_disable)

    key = sub.add_parser("key", help="API keys").add_subparsers(dest="key_command", required=True)
    issue = key.add_parser("issue", help="issue a key; the key is printed alone on the last line")
    issue.add_argument("--agency", required=True)
    issue.add_argument("--role", required=True, choices=ROLES)
    issue.add_argument("--label")
    issue.set_defaults(func=cmd_key_issue)
    revoke = key.add_parser("revoke", help="revoke a key (the key itself or its prefix)")
    revoke.add_argument("key")
    revoke.set_defaults(func=cmd_key_revoke)

    aud = sub.add_parser("audit", help="audit log").add_subparsers(
        dest="audit_command", required=True
    )
    ver = aud.add_parser(
        "verify", help="walk the hash chains and the anchors; non-zero exit names the break"
    )
    ver.add_argument("--anchor", action="append", metavar="HASH",
                     help="an anchor hash published earlier: fail unless it is in the log "
                          "(repeatable)")
    ver.set_defaults(func=cmd_audit_verify)
    anc = aud.add_parser(
        "anchor", help="anchor every chain's head now; prints the anchor hash on the last line"
    )
    anc.set_defaults(func=cmd_audit_anchor)

    from asb_api.cli_jobs import add_subcommands  # worker, import diary, stats

    add_subcommands(sub)
    from asb_api.cli_dataprotection import add_subcommands as add_data_protection

    add_data_protection(sub)  # retention run, sar export
    from asb_api.cli_help import document  # descriptions, environment, examples

    return document(parser)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = get_settings()
    from asb_core import logs
    from asb_core.errors import DomainError

    logs.configure(settings.log_level, settings.log_format)
    from asb_core import telemetry

    telemetry.configure()  # on only with OTEL_EXPORTER_OTLP_ENDPOINT and the otel extra

    try:
        return args.func(args, settings)
    except DomainError as exc:
        print(f"error: {exc.detail}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
