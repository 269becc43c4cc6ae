"""The help text of every `asb` command: a description, the environment variables it reads and
an example, attached to the parser tree after it is built (`document(parser)`), so the commands'
definitions stay short and the help is reviewed in one place.

tests/unit/test_cli_help.py fails when a command or an option has no help here or at its
definition: a new command needs an entry in COMMANDS.
"""

from __future__ import annotations

import argparse

# Read by every command that touches the database.
DB = ("DATABASE_URL (a PostgreSQL URL; unset: the embedded server)",
      "ASB_DATA_DIR (the embedded server's data)", "ASB_DB_TIMEOUT",
      "ASB_LOG_LEVEL", "ASB_LOG_FORMAT (json or console)")
AUDITED = ("ASB_AUDIT_KEY / ASB_AUDIT_KEY_FILE (the audit log's HMAC key: the same as the "
           "server's)",)

# command path -> (description, environment variables, examples)
COMMANDS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "asb": (
        "Multi-agency ASB casework API with the Fenland harm model: serve it, run its worker, "
        "and administer agencies, keys, the database and the audit log.",
        DB, ("asb serve --demo", "asb key issue --agency fen-council --role caseworker"),
    ),
    "asb serve": (
        "Apply pending migrations, then serve the API (granian). With --demo, load a small "
        "demo area and print one API key per demo agency and role.",
        (*DB, "ASB_HOST", "ASB_PORT", "ASB_WORKERS", "ASB_SECRET_KEY", *AUDITED,
         "ASB_MAX_BODY_BYTES", "ASB_RATE_LIMIT_PER_MINUTE", "ASB_KEY_CACHE_SECONDS",
         "ASB_TRUSTED_PROXIES", "ASB_EMBED_ORIGINS", "ASB_WEBHOOK_ALLOWED_NETWORKS"),
        ("asb serve --demo", "ASB_WORKERS=4 asb serve --host 0.0.0.0 --port 8000"),
    ),
    "asb db": ("Database schema migrations (Alembic).", DB, ("asb db upgrade",)),
    "asb db upgrade": ("Apply migrations up to REVISION (default: the latest).", DB,
                       ("asb db upgrade", "asb db upgrade 0012")),
    "asb db downgrade": ("Revert migrations down to REVISION (default: all of them).", DB,
                         ("asb db downgrade 0012",)),
    "asb agency": ("Agencies: councils, housing providers, police forces, victim services.",
                   (*DB, *AUDITED), ("asb agency add fen-council --name 'Fenland Council' "
                                     "--kind council --areas fenland",)),
    "asb agency add": ("Add an agency (audited).", (*DB, *AUDITED),
                       ("asb agency add fen-housing --name 'Fen Housing' "
                        "--kind housing_provider --areas fenland,wisbech",)),
    "asb agency disable": ("Refuse every key and embed token of an agency at once and withhold "
                           "its webhooks, without revoking them one by one (audited).",
                           (*DB, *AUDITED),
                           ("asb agency disable fen-housing --reason 'contract ended'",)),
    "asb agency enable": ("Enable a disabled agency again (audited).", (*DB, *AUDITED),
                          ("asb agency enable fen-housing",)),
    "asb key": ("API keys: each belongs to one agency and carries one role.", (*DB, *AUDITED),
                ("asb key issue --agency fen-council --role supervisor",)),
    "asb key issue": ("Issue a key (audited); it is printed alone on the last line and stored "
                      "only as a digest, so copy it now.", (*DB, *AUDITED),
                      ("KEY=$(asb key issue --agency fen-police --role call_handler "
                       "--label 'control room' | tail -1)",)),
    "asb key revoke": ("Revoke a key (audited), given the key or its prefix; servers refuse it "
                       "within ASB_KEY_CACHE_SECONDS.", (*DB, *AUDITED),
                       ("asb key revoke 3f9a0c1e   # the prefix: the 8 hex digits after asb_",)),
    "asb audit": ("The append-only, hash-chained audit log.", (*DB, *AUDITED),
                  ("asb audit verify",)),
    "asb audit verify": ("Walk every hash chain and anchor; exit 1 naming the first broken row "
                         "or anchor.", (*DB, *AUDITED),
                         ("asb audit verify --anchor 9f2b5c0e...",)),
    "asb audit anchor": ("Anchor every chain's head now; the anchor hash is printed on the last "
                         "line (publish it).", (*DB, *AUDITED), ("asb audit anchor | tail -1",)),
    "asb worker": (
        "Deliver webhooks (Standard Webhooks signatures, retried with backoff, dead after "
        "ASB_WEBHOOK_MAX_ATTEMPTS), sweep targets (breaches, due-soon notices) and anchor the "
        "audit log. Run any number: they share the work through PostgreSQL.",
        (*DB, *AUDITED, "ASB_WEBHOOK_TIMEOUT", "ASB_WEBHOOK_MAX_ATTEMPTS",
         "ASB_WEBHOOK_BACKOFF_BASE", "ASB_WEBHOOK_BACKOFF_CAP", "ASB_WEBHOOK_CONCURRENCY",
         "ASB_WEBHOOK_ALLOWED_NETWORKS", "ASB_DUE_SOON_HOURS", "ASB_AUDIT_ANCHOR_SECONDS",
         "ASB_AUDIT_ANCHOR_EVENTS"),
        ("asb worker", "asb worker --once"),
    ),
    "asb import": ("Bulk imports.", (*DB, *AUDITED),
                   ("asb import diary entries.csv --agency fen-housing",)),
    "asb import diary": ("Import diary entries from a CSV file (docs/import.md); re-running a "
                         "file imports only the rows still missing.", (*DB, *AUDITED),
                         ("asb import diary entries.csv --agency fen-housing --skip-invalid",)),
    "asb retention": ("Retention schedules: closed cases anonymised once past their period.",
                      (*DB, *AUDITED), ("asb retention run --dry-run",)),
    "asb retention run": ("Anonymise the closed cases past their retention period (legal holds "
                          "skipped), with a progress bar and a report; audited.",
                          (*DB, *AUDITED), ("asb retention run --dry-run", "asb retention run")),
    "asb sar": ("Subject access requests.", (*DB, *AUDITED),
                ("asb sar export --party 7d3e9b10-... --agency fen-council",)),
    "asb sar export": ("Everything held about one data subject, as the agency's data protection "
                       "officer would export it (audited).", (*DB, *AUDITED),
                       ("asb sar export --party 7d3e9b10-2f4c-4c6a-9e1b-5a8f0c2d4e61 "
                        "--agency fen-council --format html --out sar.html",)),
    "asb directory": ("The service directory referrals are made to.", (*DB, *AUDITED),
                      ("asb directory import services.json",)),
    "asb directory import": ("Import services from Open Referral UK JSON or the CSV of "
                             "docs/directory-import.md; idempotent (a service already imported "
                             "unchanged is skipped), bad services to a rejects file.",
                             (*DB, *AUDITED),
                             ("asb directory import fenland-services.json",
                              "asb directory import services.csv --rejects bad.csv")),
    "asb stats": ("Countywide statistics, small numbers suppressed, as JSON or CSV.", DB,
                  ("asb stats --format csv --from 2026-01-01 --to 2026-03-31 --area fenland",)),
}

# Options defined without a help text: "command path option" -> help.
OPTIONS = {
    "asb db upgrade revision": "the revision to reach (default head: the latest)",
    "asb db downgrade revision": "the revision to go back to (default base: none)",
    "asb agency add slug": "the agency's stable short name (a-z, 0-9, -), e.g. fen-council",
    "asb agency add --name": "the agency's name as people know it",
    "asb agency add --kind": "what kind of agency it is",
    "asb agency disable slug": "the agency's short name",
    "asb agency enable slug": "the agency's short name",
    "asb key issue --agency": "slug of the agency the key belongs to",
    "asb key issue --role": "the key's role (what it may do)",
    "asb key issue --label": "a note of who or what holds the key (never a person's secret)",
    "asb key revoke key": "the key itself, or the prefix it was shown with",
    "asb stats --format": "json (default) or csv",
    "asb sar export --format": "json (default) or html (a page to print or send)",
    "asb stats --area": "one area only (default: every area)",
}


def _describe(parser: argparse.ArgumentParser, path: str) -> None:
    description, env, examples = COMMANDS[path]
    parser.description = description
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = ("environment:\n" + "".join(f"  {e}\n" for e in env)
                     + "\nexample:\n" + "".join(f"  {x}\n" for x in examples))
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            continue
        name = action.option_strings[-1] if action.option_strings else action.dest
        key = f"{path} {name}"
        if key in OPTIONS and not action.help:
            action.help = OPTIONS[key]


def commands(parser: argparse.ArgumentParser, path: str = "asb"):
    """(path, parser) of the command and every subcommand under it."""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from commands(sub, f"{path} {name}")


def document(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    for path, sub in commands(parser):
        if path in COMMANDS:
            _describe(sub, path)
    return parser
