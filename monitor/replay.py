"""Feed documents for `monitor replay`: files, folders of files (in name order)
and URLs, in the order given."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from monitor.errors import UserError
from monitor.log import get_logger

log = get_logger("monitor.replay")


def documents(sources: list[str] | tuple[str, ...], pipeline) -> Iterator[tuple[str, bytes, dict]]:
    for source in sources:
        if re.match(r"^https?://", source):
            result = pipeline.fetcher.fetch(source)
            if not result.ok or result.body is None:
                log.error("replay_fetch_failed", url=source, status=result.status, error=result.error)
                continue
            yield urlsplit(source).netloc, result.body, result.headers
            continue
        path = Path(source)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file())
        elif path.is_file():
            files = [path]
        else:
            raise UserError(f"{source}: no such file or folder; pass feed files, folders of them, or URLs")
        for file in files:
            try:
                data = file.read_bytes()
            except OSError as exc:
                log.error("replay_read_failed", path=str(file), error=exc.strerror)
                continue
            yield file.name, data, {}
