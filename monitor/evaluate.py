"""Scoring detectors against labelled scenarios (JSON lines, as docs/writing-plugins.md describes).

Each scenario runs from a fresh baseline state, in a database of its own,
through the same pipeline as ``monitor replay``; its articles in order. An
expected alert names only the scored fields: ``detector`` and ``current`` for
a state detector; ``subject`` too for crossings; ``claimant``, ``claim_type``
and ``figure`` (within 10 %, or null) for claims.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from monitor.app import App
from monitor.config import Config
from monitor.errors import UserError
from monitor.models import Alert, Article
from monitor.parse import html_to_text, make_article
from monitor.pipeline import Pipeline
from monitor.state import figures_match

SCORED = ("detector", "subject", "current", "claimant", "claim_type", "figure")


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    detectors: dict[str, Counts] = field(default_factory=dict)
    silent_expected: int = 0
    silent_ok: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_alerts: list[dict[str, Any]] = field(default_factory=list)
    raised: list[dict[str, Any]] = field(default_factory=list)  # every alert, scored or not, for --json
    scenarios: int = 0
    articles: int = 0

    @property
    def silent_share(self) -> float:
        return self.silent_ok / self.silent_expected if self.silent_expected else 1.0

    def to_json(self) -> dict[str, Any]:
        return {
            "scenarios": self.scenarios,
            "articles": self.articles,
            "detectors": {
                name: {"precision": round(c.precision, 4), "recall": round(c.recall, 4), "f1": round(c.f1, 4), "tp": c.tp, "fp": c.fp, "fn": c.fn}
                for name, c in sorted(self.detectors.items())
            },
            "silent": {"expected": self.silent_expected, "silent": self.silent_ok, "share": round(self.silent_share, 4)},
            "misses": self.misses,
            "false_alerts": self.false_alerts,
            # what each scenario's articles raised, whatever was expected: to see a rule at work
            "alerts": self.raised,
        }

    def to_text(self) -> str:
        lines = [f"{self.scenarios} scenarios, {self.articles} articles", "", "detector     precision  recall     F1   (tp/fp/fn)"]
        for name, c in sorted(self.detectors.items()):
            lines.append(f"{name:<12} {c.precision:9.3f} {c.recall:7.3f} {c.f1:6.3f}   ({c.tp}/{c.fp}/{c.fn})")
        lines.append(
            f"\nno alert where none expected: {self.silent_ok}/{self.silent_expected} articles ({self.silent_share:.1%})"
        )
        for title, items in (("misses", self.misses), ("false alerts", self.false_alerts)):
            if items:
                lines.append(f"\n{title}:")
                for item in items:
                    fields = {k: v for k, v in item["alert"].items() if k in SCORED and v is not None}
                    lines.append(f"  {item['scenario']} #{item['article']}: {json.dumps(fields, ensure_ascii=False)}")
                    if item.get("evidence"):
                        lines.append(f"      “{item['evidence']}”")
        return "\n".join(lines)


def load_dataset(path: Path) -> list[dict[str, Any]]:
    scenarios = []
    try:
        lines = path.read_text("utf-8").splitlines()
    except OSError as exc:
        raise UserError(f"{path}: cannot read the dataset ({exc.strerror})") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            scenario = json.loads(line)
            assert isinstance(scenario.get("articles"), list)
        except (json.JSONDecodeError, AssertionError):
            raise UserError(f"{path}:{number}: not a scenario (one JSON object with an 'articles' list a line)") from None
        scenarios.append(scenario)
    return scenarios


def matches(expected: dict[str, Any], alert: Alert) -> bool:
    actual = alert.to_json()
    for key, value in expected.items():
        if key not in SCORED:
            continue
        if key == "figure":
            if not figures_match(value, actual["figure"]):
                return False
        elif actual.get(key) != value:
            return False
    return True


def _article(raw: dict[str, Any], scenario: str, index: int) -> Article:
    published = datetime.fromisoformat(raw["published"].replace("Z", "+00:00"))
    if published.tzinfo is None:
        published = published.replace(tzinfo=timezone.utc)
    url = raw.get("source_url") or f"eval:{scenario}:{index}"
    title, text = html_to_text(raw.get("title", "")), html_to_text(raw.get("summary", ""))
    return make_article("eval", f"{scenario}:{index}:{url}", url, title, text, published)


def evaluate(config: Config, dataset: Path) -> Report:
    report = Report()
    scenarios = load_dataset(dataset)
    with tempfile.TemporaryDirectory(prefix="monitor-eval-") as tmp:
        for number, scenario in enumerate(scenarios):
            sid = str(scenario.get("id", number))
            config.storage_path = Path(tmp) / f"{number}.db"
            app = App.open(config=config)
            pipeline = Pipeline(app, notify=False, offline=True)  # scenarios are judged on their own text
            try:
                for index, raw in enumerate(scenario["articles"]):
                    report.articles += 1
                    outcome = pipeline.process_articles([_article(raw, sid, index)])
                    _score(report, sid, index, raw.get("expected", []), outcome.alerts)
            finally:
                pipeline.close()
                app.close()
            report.scenarios += 1
    return report


def _score(report: Report, scenario: str, index: int, expected: list[dict], alerts: list[Alert]) -> None:
    report.raised += [{"scenario": scenario, "article": index, "alert": alert.to_json()} for alert in alerts]
    if not expected:
        report.silent_expected += 1
        report.silent_ok += not alerts
    remaining = list(alerts)
    for exp in expected:
        counts = report.detectors.setdefault(exp.get("detector", "?"), Counts())
        found = next((a for a in remaining if matches(exp, a)), None)
        if found is None:
            counts.fn += 1
            report.misses.append({"scenario": scenario, "article": index, "alert": exp})
        else:
            counts.tp += 1
            remaining.remove(found)
    for alert in remaining:
        report.detectors.setdefault(alert.detector, Counts()).fp += 1
        report.false_alerts.append(
            {"scenario": scenario, "article": index, "alert": alert.to_json(), "evidence": alert.evidence}
        )
