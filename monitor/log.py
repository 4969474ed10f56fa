"""structlog set-up: readable lines on a terminal, JSON lines otherwise.

Every event carries its fields (feed, url, status, duration_ms, alert_id, …),
so `journalctl -u monitor -o cat | jq` works as well as reading by eye.

Records from the standard library's `logging` (APScheduler, httpx, plugins that
use `logging.getLogger`) go out through structlog too: one renderer and one
lock, so every line is whole and in the same format.
"""

from __future__ import annotations

import logging
import sys

import structlog


class _ThroughStructlog(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        fields = {"logger": record.name}
        if record.exc_info:
            fields["exc_info"] = record.exc_info
        structlog.get_logger().log(record.levelno, record.getMessage(), **fields)


def configure(fmt: str = "auto", level: str = "INFO", stream=None) -> None:
    stream = stream or sys.stderr
    if fmt == "auto":
        fmt = "console" if stream.isatty() else "json"
    processors: list = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    if fmt == "json":
        processors += [structlog.processors.format_exc_info, structlog.processors.JSONRenderer(default=str)]
    else:
        processors.append(structlog.dev.ConsoleRenderer(colors=stream.isatty()))
    structlog.configure(
        processors=processors,
        wrapper_class=structlog.make_filtering_bound_logger(getattr(logging, level.upper(), logging.INFO)),
        logger_factory=structlog.PrintLoggerFactory(file=stream),
        cache_logger_on_first_use=False,
    )
    # Libraries say at INFO what they are doing (APScheduler: every job run);
    # from them, warnings and worse unless the user asked for DEBUG.
    ours = getattr(logging, level.upper(), logging.INFO)
    root = logging.getLogger()
    root.handlers = [_ThroughStructlog()]
    root.setLevel(logging.DEBUG if ours <= logging.DEBUG else max(ours, logging.WARNING))


def get_logger(name: str = "monitor"):
    return structlog.get_logger(name)
