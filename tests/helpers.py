"""Helpers shared by the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A file in ../shared; the test skips, saying why, where that folder is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: ../shared (the seed article and datasets) is not beside this checkout")
    return path


def feed_config(server_url: str, feeds: list[tuple[str, str]], extra: str = "") -> str:
    blocks = [f'[[feeds]]\nname = "{name}"\nurl = "{server_url.rstrip("/")}{path}"\ninterval = "1h"\n' for name, path in feeds]
    return "[fetch]\njitter = 0\nread_timeout = 5\nconnect_timeout = 2\n\n" + "\n".join(blocks) + "\n" + extra


TORKHAM_OPEN = {
    "title": "Torkham reopened for trade and travellers",
    "summary": "Pakistan fully reopened the Torkham crossing for trade and pedestrians on Saturday morning, officials said.",
    "link": "https://news.example/torkham-open",
    "guid": "torkham-open",
    "published": "2025-11-15T06:30:00Z",
}
TORKHAM_CLOSED = {
    "title": "Torkham shut again",
    "summary": "Pakistani authorities closed the Torkham crossing to all traffic again early on Tuesday, officials said.",
    "link": "https://news.example/torkham-closed",
    "guid": "torkham-closed",
    "published": "2025-11-18T04:00:00Z",
}
IRRELEVANT = {
    "title": "Cricket board announces squad",
    "summary": "The cricket board announced a 15-member squad for the tour on Monday.",
    "link": "https://news.example/cricket",
    "guid": "cricket",
    "published": "2025-11-16T06:30:00Z",
}


def stored_alerts(monitor_env, detector: str) -> list[dict]:
    """The alerts ``detector`` raised, read from the database's alerts table (a
    public interface, like ``monitor alerts --json``, whose fields it shares):
    the language tests replay one case each, and a second process per case to
    list them cost a fifth of the suite's time."""
    import sqlite3

    with sqlite3.connect(monitor_env.db) as conn:
        conn.row_factory = sqlite3.Row
        rows = conn.execute("SELECT * FROM alerts WHERE detector = ? ORDER BY id", (detector,)).fetchall()
    return [dict(row) for row in rows]

