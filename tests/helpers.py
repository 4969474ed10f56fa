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


def alerts_of_each(tmp_path_factory, summaries: list[str], detector: str, published: str) -> dict[str, list[dict]]:
    """Each summary judged on its own from the baseline, all in one `monitor
    eval --json` run (one process, where a replay per case cost a second each):
    the alerts ``detector`` raised for each summary, as ``monitor alerts --json`` gives them."""
    import json

    from monitor.testing import MonitorEnv

    env = MonitorEnv(tmp_path_factory.mktemp("cases"))
    env.configure()
    dataset = env.root / "cases.jsonl"
    dataset.write_text("".join(
        json.dumps({"id": str(n), "articles": [{"source_url": f"https://news.example/{n}", "published": published,
                                                 "title": "Border report", "summary": text, "expected": []}]}) + "\n"
        for n, text in enumerate(summaries)
    ), "utf-8")
    report = json.loads(env.run("eval", str(dataset), "--json", timeout=300).stdout)
    found: dict[str, list[dict]] = {text: [] for text in summaries}
    for item in report["alerts"]:
        if item["alert"]["detector"] == detector:
            found[summaries[int(item["scenario"])]].append(item["alert"])
    return found


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

