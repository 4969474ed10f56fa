"""`monitor plugin new NAME`: a working detector package to start from."""

from __future__ import annotations

import json
import re
from pathlib import Path

from monitor.errors import UserError

PYPROJECT = """\
[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"

[project]
name = "monitor-{dist}"
version = "0.1.0"
description = "A monitor detector: {name}"
requires-python = ">=3.11"
# monitor itself is not listed: install this where monitor is installed.

[project.entry-points.monitor]
{ident} = "monitor_{ident}"

[tool.setuptools]
packages = ["monitor_{ident}"]
"""

MODULE = '''\
"""{ident}: a monitor detector.

Reports "{subject}" as "reported" when an article asserts one of TERMS (not in a
question, a denial, a negation, a hope or plan, or background). Edit TERMS, the
subject and the value, or replace the logic: return monitor.Observation objects.
Settings come from [plugins.{ident}] in monitor.toml, e.g. terms = ["…"].
"""

import re

import monitor
from monitor.text import is_background, not_asserted, split_sentences

SUBJECT = "{subject}"
TERMS = ["fuel shortage", "fuel shortages", "fuel prices doubled"]


@monitor.hookimpl
def detect(article, config):
    terms = config.get("terms", TERMS)
    pattern = re.compile("|".join(re.escape(t) for t in terms), re.I)
    for sentence in split_sentences(article.full_text):
        m = pattern.search(sentence.text)
        if not m:
            continue
        if not_asserted(sentence.text, m.start()) or is_background(sentence.text, article.published):
            continue
        return [monitor.Observation(subject=SUBJECT, value="reported", evidence=sentence.text, severity="medium")]
    return []
'''

TEST = '''\
"""Uses the fixtures monitor installs for plugin authors (monitor_env, rss)."""


def test_an_asserted_term_raises_one_alert(monitor_env, rss):
    monitor_env.replay(rss([
        {{"title": "Queues in Kabul", "guid": "1", "published": "2025-11-05T08:00:00Z",
         "summary": "A fuel shortage hit Kabul on Tuesday, traders said."}},
        {{"title": "Still queues", "guid": "2", "published": "2025-11-06T08:00:00Z",
         "summary": "The fuel shortage continued on Wednesday."}},
    ]))
    alerts = monitor_env.alerts(detector="{ident}")
    assert [(a["subject"], a["previous"], a["current"]) for a in alerts] == [("{subject}", None, "reported")]


def test_a_denial_raises_nothing(monitor_env, rss):
    monitor_env.replay(rss([{{"title": "Officials deny shortage", "guid": "3", "published": "2025-11-05T08:00:00Z",
                              "summary": "Officials denied reports of a fuel shortage in Kabul."}}]))
    assert monitor_env.alerts(detector="{ident}") == []
'''

README = """\
# monitor-{dist}

A detector for [monitor](https://pypi.org/project/monitor/).

```sh
python -m pip install -e .     # where monitor is installed
python -m pytest                # its tests, with monitor's fixtures
monitor eval scenarios.jsonl    # its score on the labelled scenarios
```
"""


def scenarios(ident: str, subject: str) -> list[dict]:
    def article(day: int, title: str, summary: str, expected: list) -> dict:
        return {"source_url": f"https://example.org/{ident}/{day}", "published": f"2025-11-{day:02d}T08:00:00+00:00",
                "title": title, "summary": summary, "expected": expected}

    hit = [{"detector": ident, "subject": subject, "current": "reported"}]
    return [
        {"id": f"{ident}-1", "notes": "Asserted once, then repeated: one alert.", "articles": [
            article(5, "Fuel shortage in Kabul", "A fuel shortage hit Kabul on Tuesday, traders said.", hit),
            article(6, "Queues again", "The fuel shortage continued for a second day.", [])]},
        {"id": f"{ident}-2", "notes": "A hope is not an observation.", "articles": [
            article(5, "Traders fear shortage", "Traders hope a fuel shortage can be avoided this winter.", [])]},
        {"id": f"{ident}-3", "notes": "A denial is not an observation.", "articles": [
            article(5, "No shortage, ministry says", "The ministry denied that there was any fuel shortage in Kabul.", [])]},
    ]


def create_plugin(name: str, folder: Path) -> Path:
    ident = re.sub(r"[^0-9a-z]+", "_", name.lower()).strip("_")
    if not ident or ident[0].isdigit():
        raise UserError(f"plugin new: {name!r} is not a usable name; start with a letter, e.g. fuel-prices")
    dist = ident.replace("_", "-")
    root = folder / f"monitor-{dist}"
    if root.exists():
        raise UserError(f"plugin new: {root} already exists; choose another name or --dir")
    subject = ident.replace("_", " ").capitalize()
    files = {
        "pyproject.toml": PYPROJECT.format(dist=dist, ident=ident, name=name),
        f"monitor_{ident}/__init__.py": MODULE.format(ident=ident, subject=subject),
        "tests/test_detector.py": TEST.format(ident=ident, subject=subject),
        "scenarios.jsonl": "".join(json.dumps(s) + "\n" for s in scenarios(ident, subject)),
        "README.md": README.format(dist=dist),
    }
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, "utf-8")
    return root
