"""monitor.toml → a typed ``Config``.

Every mistake becomes one ``ConfigError`` line naming the file, the key and the
fix. Where the configuration comes from: ``--config FILE``, else
``$MONITOR_CONFIG``, else ``./config/monitor.toml``, else the defaults embedded
in the package (``monitor/defaults/monitor.toml``, kept equal to
``config/monitor.toml`` by a test).
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from monitor.errors import ConfigError
from monitor.models import SEVERITIES, Feed

EMBEDDED = "<embedded defaults>"

_DURATION = re.compile(r"^\s*(?:(\d+)d)?\s*(?:(\d+)h)?\s*(?:(\d+)m)?\s*(?:(\d+)s)?\s*$")


def parse_duration(value: Any) -> int:
    """"15m", "1h", "1h30m", "90s", "2d" or a number of seconds → seconds."""
    if isinstance(value, bool):
        raise ValueError("not a duration")
    if isinstance(value, int):
        if value <= 0:
            raise ValueError("must be positive")
        return value
    if not isinstance(value, str):
        raise ValueError("not a duration")
    match = _DURATION.match(value)
    if not match or not any(match.groups()):
        raise ValueError("not a duration")
    d, h, m, s = (int(g or 0) for g in match.groups())
    seconds = d * 86400 + h * 3600 + m * 60 + s
    if seconds <= 0:
        raise ValueError("must be positive")
    return seconds


@dataclass
class FetchSettings:
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    max_bytes: int = 10 * 1024 * 1024
    concurrency: int = 8
    per_host: int = 2
    max_backoff_seconds: int = 6 * 3600
    jitter_seconds: int = 60


FULL_TEXT_MODES = ("auto", "always", "never")


@dataclass
class FullTextSettings:
    """When and how much the core reads of an article's own page (monitor/pages.py)."""

    teaser_chars: int = 500  # feed text shorter than this is a teaser ("auto")
    per_host_daily: int = 200  # pages fetched from one host per UTC day, at most
    time_budget_seconds: int = 60  # page reading per feed document, at most


@dataclass
class Config:
    source: str  # the file it came from, or EMBEDDED
    storage_path: Path
    feeds: list[Feed] = field(default_factory=list)
    baseline_path: Path | None = None  # None: the embedded baseline
    prune_after_days: int = 90
    fetch: FetchSettings = field(default_factory=FetchSettings)
    full_text: FullTextSettings = field(default_factory=FullTextSettings)
    plugins_disable: list[str] = field(default_factory=list)
    plugins_dir: Path | None = None
    slow_hook_seconds: float = 5.0
    hook_timeout_seconds: float = 30.0
    plugin_settings: dict[str, dict] = field(default_factory=dict)
    notifiers: dict[str, dict] = field(default_factory=dict)

    def section(self, plugin: str) -> dict:
        """The plugin's own configuration: [plugins.NAME] or [notifiers.NAME]."""
        if plugin in self.notifiers:
            return dict(self.notifiers[plugin])
        return dict(self.plugin_settings.get(plugin, {}))


def default_storage_path() -> Path:
    """Under systemd's StateDirectory, else the XDG state directory."""
    state_dir = os.environ.get("STATE_DIRECTORY")
    if state_dir:
        return Path(state_dir.split(":")[0]) / "monitor.db"
    xdg = os.environ.get("XDG_STATE_HOME") or os.path.expanduser("~/.local/state")
    return Path(xdg) / "monitor" / "monitor.db"


def embedded_text(name: str) -> str:
    return resources.files("monitor.defaults").joinpath(name).read_text("utf-8")


def find_config_file(explicit: str | None) -> Path | None:
    if explicit:
        return Path(explicit)
    env = os.environ.get("MONITOR_CONFIG")
    if env:
        return Path(env)
    local = Path("config/monitor.toml")
    return local if local.exists() else None


def load_config(explicit: str | None = None, db_override: str | None = None) -> Config:
    path = find_config_file(explicit)
    if path is None:
        text, source, base = embedded_text("monitor.toml"), EMBEDDED, None
    else:
        try:
            text = path.read_text("utf-8")
        except FileNotFoundError:
            raise ConfigError(f"{path}: no such file; pass --config with an existing file") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read it ({exc}); check the file's permissions and encoding") from None
        source, base = str(path), path.resolve().parent
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{source}: not valid TOML ({exc}); fix the syntax there") from None
    config = _Parser(source, base).parse(data)
    if db_override:
        config.storage_path = Path(db_override)
    return config


class _Parser:
    """Walks the TOML tree once, failing on the first mistake with its key."""

    SECTIONS = {"storage", "feeds", "baseline", "fetch", "full_text", "plugins", "notifiers"}

    def __init__(self, source: str, base: Path | None):
        self.source = source
        self.base = base

    def fail(self, key: str, problem: str, fix: str) -> ConfigError:
        return ConfigError(f"{self.source}: {key}: {problem}; {fix}")

    def path(self, value: str) -> Path:
        p = Path(os.path.expanduser(value))
        if not p.is_absolute() and self.base is not None:
            p = self.base / p
        return p

    def resolve_files(self, section: dict) -> dict:
        """A plugin's ``file`` or ``*_file`` keys are paths relative to this file."""
        resolved = dict(section)
        for key, value in section.items():
            if (key == "file" or key.endswith("_file")) and isinstance(value, str) and "$" not in value:
                resolved[key] = str(self.path(value))
        return resolved

    def table(self, data: dict, key: str) -> dict:
        value = data.get(key, {})
        if not isinstance(value, dict):
            raise self.fail(key, f"expected a table, got {type(value).__name__}", f"write it as [{key}]")
        return value

    def only(self, table: dict, prefix: str, allowed: set[str]) -> None:
        for key in table:
            if key not in allowed:
                raise self.fail(
                    f"{prefix}{key}", "unknown key", f"use one of: {', '.join(sorted(allowed))}"
                )

    def typed(self, table: dict, prefix: str, key: str, kind: type | tuple, default: Any) -> Any:
        if key not in table:
            return default
        value = table[key]
        ok = isinstance(value, kind) and not (isinstance(value, bool) and kind in (int, float, (int, float)))
        if not ok:
            names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            raise self.fail(f"{prefix}{key}", f"expected {names}, got {value!r}", "correct its type")
        return value

    def duration(self, table: dict, prefix: str, key: str, default: int) -> int:
        if key not in table:
            return default
        try:
            return parse_duration(table[key])
        except ValueError:
            raise self.fail(
                f"{prefix}{key}", f"{table[key]!r} is not a duration", 'write it like "30s", "15m", "1h" or "1d"'
            ) from None

    def parse(self, data: dict) -> Config:
        self.only(data, "", self.SECTIONS)

        storage = self.table(data, "storage")
        self.only(storage, "storage.", {"path", "prune_after"})
        storage_path = (
            self.path(self.typed(storage, "storage.", "path", str, ""))
            if storage.get("path")
            else default_storage_path()
        )
        prune_days = self.duration(storage, "storage.", "prune_after", 90 * 86400) // 86400 or 1

        baseline = self.table(data, "baseline")
        self.only(baseline, "baseline.", {"path"})
        if "path" in baseline:
            baseline_path = self.path(self.typed(baseline, "baseline.", "path", str, ""))
        elif self.base is not None and (self.base / "baseline.json").exists():
            baseline_path = self.base / "baseline.json"
        else:
            baseline_path = None

        fetch = self.parse_fetch(self.table(data, "fetch"))
        full_text = self.parse_full_text(self.table(data, "full_text"))
        feeds = self.parse_feeds(data.get("feeds", []))

        plugins = self.table(data, "plugins")
        disable = self.typed(plugins, "plugins.", "disable", list, [])
        if not all(isinstance(x, str) for x in disable):
            raise self.fail("plugins.disable", "expected a list of plugin names", 'write it like ["claim"]')
        plugins_dir = self.path(plugins["dir"]) if isinstance(plugins.get("dir"), str) else None
        if "dir" in plugins and not isinstance(plugins["dir"], str):
            raise self.fail("plugins.dir", "expected a folder path", 'write it like "plugins.d"')
        slow = float(self.typed(plugins, "plugins.", "slow_hook_seconds", (int, float), 5.0))
        budget = float(self.typed(plugins, "plugins.", "hook_timeout_seconds", (int, float), 30.0))
        if budget <= 0:
            raise self.fail("plugins.hook_timeout_seconds", "must be greater than zero", "give a number of seconds, like 30")
        settings = {}
        for key, value in plugins.items():
            if key in {"disable", "dir", "slow_hook_seconds", "hook_timeout_seconds"}:
                continue
            if not isinstance(value, dict):
                raise self.fail(
                    f"plugins.{key}",
                    "unknown key",
                    "use disable, dir, slow_hook_seconds, hook_timeout_seconds, or a [plugins.NAME] table for a plugin's settings",
                )
            settings[key] = self.resolve_files(value)

        notifiers = self.table(data, "notifiers")
        for key, value in notifiers.items():
            if not isinstance(value, dict):
                raise self.fail(f"notifiers.{key}", "expected a table", f"write it as [notifiers.{key}]")
            notifiers[key] = self.resolve_files(value)
        return Config(
            source=self.source,
            storage_path=storage_path,
            feeds=feeds,
            baseline_path=baseline_path,
            prune_after_days=prune_days,
            fetch=fetch,
            full_text=full_text,
            plugins_disable=list(disable),
            plugins_dir=plugins_dir,
            slow_hook_seconds=slow,
            hook_timeout_seconds=budget,
            plugin_settings=settings,
            notifiers={k: dict(v) for k, v in notifiers.items()},
        )

    def parse_fetch(self, table: dict) -> FetchSettings:
        p = "fetch."
        self.only(
            table,
            p,
            {"connect_timeout", "read_timeout", "max_bytes", "concurrency", "per_host", "max_backoff", "jitter"},
        )
        s = FetchSettings()
        s.connect_timeout = float(self.typed(table, p, "connect_timeout", (int, float), s.connect_timeout))
        s.read_timeout = float(self.typed(table, p, "read_timeout", (int, float), s.read_timeout))
        s.max_bytes = self.typed(table, p, "max_bytes", int, s.max_bytes)
        s.concurrency = self.typed(table, p, "concurrency", int, s.concurrency)
        s.per_host = self.typed(table, p, "per_host", int, s.per_host)
        for key in ("connect_timeout", "read_timeout", "max_bytes", "concurrency", "per_host"):
            if getattr(s, key) <= 0:
                raise self.fail(p + key, "must be greater than zero", "give a positive number")
        s.max_backoff_seconds = self.duration(table, p, "max_backoff", s.max_backoff_seconds)
        s.jitter_seconds = self.duration(table, p, "jitter", s.jitter_seconds) if table.get("jitter") != 0 else 0
        return s

    def parse_full_text(self, table: dict) -> FullTextSettings:
        p = "full_text."
        self.only(table, p, {"teaser_chars", "per_host_daily", "time_budget"})
        s = FullTextSettings()
        s.teaser_chars = self.typed(table, p, "teaser_chars", int, s.teaser_chars)
        s.per_host_daily = self.typed(table, p, "per_host_daily", int, s.per_host_daily)
        for key in ("teaser_chars", "per_host_daily"):
            if getattr(s, key) < 0:
                raise self.fail(p + key, "must not be negative", "give 0 or a positive number")
        s.time_budget_seconds = self.duration(table, p, "time_budget", s.time_budget_seconds)
        return s

    def parse_feeds(self, feeds: Any) -> list[Feed]:
        if not isinstance(feeds, list):
            raise self.fail("feeds", "expected an array of tables", "write each feed as [[feeds]]")
        result, names = [], set()
        for i, entry in enumerate(feeds):
            prefix = f"feeds[{i}]."
            if not isinstance(entry, dict):
                raise self.fail(f"feeds[{i}]", "expected a table", "write each feed as [[feeds]]")
            self.only(entry, prefix, {"url", "name", "interval", "enabled", "full_text"})
            url = self.typed(entry, prefix, "url", str, None)
            if not url:
                raise self.fail(prefix + "url", "missing", 'add url = "https://…" to this feed')
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                raise self.fail(prefix + "url", f"{url!r} is not an http(s) URL", 'write it like "https://example.com/feed.xml"')
            name = self.typed(entry, prefix, "name", str, parts.netloc)
            if not name.strip():
                raise self.fail(prefix + "name", "is empty", "give the feed a name")
            if name in names:
                raise self.fail(prefix + "name", f"{name!r} is used by another feed", "give each feed its own name")
            names.add(name)
            interval = self.duration(entry, prefix, "interval", 900)
            enabled = self.typed(entry, prefix, "enabled", bool, True)
            full_text = entry.get("full_text", "auto")
            if full_text not in FULL_TEXT_MODES:
                raise self.fail(
                    prefix + "full_text",
                    f"{full_text!r} is not a choice (feed {name!r})",
                    'write "auto", "always" or "never"',
                )
            result.append(Feed(name=name, url=url, interval_seconds=interval, enabled=enabled, full_text=full_text))
        return result


def severity_at_least(severity: str, minimum: str) -> bool:
    return SEVERITIES.index(severity) >= SEVERITIES.index(minimum)
