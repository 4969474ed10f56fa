"""pytest fixtures for plugin authors, exported through the ``pytest11`` entry
point: any test suite in an environment where monitor is installed can use them.

- ``monitor_env``: a temporary monitor (its own config file, database and
  plugins folder) driven through the real command line.
- ``rss``: builds an RSS document from a list of entries.

Example::

    def test_my_detector(monitor_env, rss):
        monitor_env.replay(rss([{"title": "Torkham reopened", "summary": "…",
                                  "published": "2025-11-15T06:30:00Z"}]))
        assert monitor_env.alerts(detector="crossing")
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest


def rss_document(entries: list[dict[str, Any]], title: str = "Test feed", link: str = "https://example.org/") -> bytes:
    """An RSS 2.0 document. Each entry: title, summary, link, guid, published
    (ISO 8601 or datetime); missing keys are left out of the item."""
    items = []
    for entry in entries:
        parts = []
        for key, tag in (("title", "title"), ("link", "link"), ("summary", "description")):
            if entry.get(key) is not None:
                parts.append(f"<{tag}>{escape(str(entry[key]))}</{tag}>")
        if entry.get("guid") is not None:
            parts.append(f'<guid isPermaLink="false">{escape(str(entry["guid"]))}</guid>')
        published = entry.get("published")
        if published is not None:
            if isinstance(published, str):
                published = datetime.fromisoformat(published.replace("Z", "+00:00"))
            if published.tzinfo is None:
                published = published.replace(tzinfo=timezone.utc)
            parts.append(f"<pubDate>{format_datetime(published.astimezone(timezone.utc), usegmt=True)}</pubDate>")
        items.append("<item>" + "".join(parts) + "</item>")
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>{escape(link)}</link><description>test</description>"
        + "".join(items)
        + "</channel></rss>"
    ).encode("utf-8")


@dataclass
class MonitorEnv:
    """A throwaway monitor: config, database and plugins folder in one directory."""

    root: Path
    config_text: str = ""
    env: dict[str, str] = field(default_factory=dict)

    @property
    def config(self) -> Path:
        return self.root / "monitor.toml"

    @property
    def db(self) -> Path:
        return self.root / "monitor.db"

    @property
    def plugins_dir(self) -> Path:
        return self.root / "plugins.d"

    def configure(self, toml: str = "") -> Path:
        """Write monitor.toml: the database here, the plugins folder here, plus ``toml``."""
        self.plugins_dir.mkdir(exist_ok=True)
        self.config.write_text(
            f'[storage]\npath = "{self.db}"\n\n[plugins]\ndir = "{self.plugins_dir}"\n\n{toml}\n', "utf-8"
        )
        return self.config

    def run(self, *args: str, check: bool = True, timeout: float = 120) -> subprocess.CompletedProcess:
        """Run ``monitor ARGS`` with this environment's config, as a user would."""
        if not self.config.exists():
            self.configure()
        env = {**os.environ, "MONITOR_CONFIG": str(self.config), **self.env}
        result = subprocess.run(
            [sys.executable, "-m", "monitor", *args], capture_output=True, text=True, env=env, timeout=timeout
        )
        if check and result.returncode != 0:
            raise AssertionError(f"monitor {' '.join(args)} exited {result.returncode}:\n{result.stderr}")
        return result

    def replay(
        self, *documents: bytes | str | Path, notify: bool = False, feed: str = "test", offline: bool = True
    ) -> subprocess.CompletedProcess:
        """Feed documents (bytes of a feed, or paths) through the pipeline.
        ``offline`` (the default): articles' pages are not fetched, so a test
        never reaches the links in its entries."""
        paths = []
        for index, doc in enumerate(documents):
            if isinstance(doc, bytes):
                path = self.root / f"replay-{len(list(self.root.glob('replay-*')))}-{index}.xml"
                path.write_bytes(doc)
                paths.append(str(path))
            else:
                paths.append(str(doc))
        args = ["replay", *paths, "--feed", feed] + ([] if notify else ["--no-notify"]) + (["--offline"] if offline else [])
        return self.run(*args)

    def alerts(self, detector: str | None = None) -> list[dict[str, Any]]:
        """Stored alerts as the JSON objects of ``monitor alerts --json``."""
        args = ["alerts", "--json"] + (["--detector", detector] if detector else [])
        out = self.run(*args).stdout
        return [json.loads(line) for line in out.splitlines() if line.strip()]


@pytest.fixture
def monitor_env(tmp_path) -> MonitorEnv:
    env = MonitorEnv(tmp_path)
    env.configure()
    return env


@pytest.fixture
def rss():
    return rss_document
