"""The detectors, scored by `monitor eval` as ALERTS.md defines them."""

from __future__ import annotations

import json

import pytest

from helpers import ROOT, shared_path


def score(monitor_env, dataset) -> dict:
    return json.loads(monitor_env.run("eval", str(dataset), "--json", timeout=300).stdout)


def assert_quality(report: dict) -> None:
    for detector in ("ceasefire", "crossing", "claim"):
        if detector not in report["detectors"]:
            continue  # the batch expects none of its alerts and none was raised
        f1 = report["detectors"][detector]["f1"]
        assert f1 >= 0.90, f"{detector}: F1 {f1} < 0.90; misses {report['misses']} false alerts {report['false_alerts']}"
    assert report["silent"]["share"] >= 0.95, report["false_alerts"]


def test_development_set(monitor_env):
    assert_quality(score(monitor_env, shared_path("eval", "dev.jsonl")))


def test_held_out_scenarios_in_our_own_words(monitor_env):
    report = score(monitor_env, ROOT / "tests" / "data" / "scenarios.jsonl")
    assert report["scenarios"] >= 20
    assert_quality(report)


def test_independent_news_from_other_outlets(monitor_env):
    """dev2: written from real reports by people who never saw the detectors."""
    assert_quality(score(monitor_env, shared_path("eval", "dev2.jsonl")))


@pytest.mark.parametrize("batch", ["blind3a", "blind4a", "blind4b", "blind5a", "blind5b", "blind7a", "blind8a", "blind11a", "blind11b",
                                   "blind8b", "blind12a", "blind13a", "blind14b", "blind15a", "blind15b", "blind16b", "blind18b", "blind20a",
                                   "blind23a", "blind23b", "blind24a", "blind24b", "blind25a", "blind26a", "blind26b", "blind27a", "blind27b",
                                   "blind28a", "blind28b", "blind29a", "blind29b", "blind30a", "blind30b", "blind31a", "blind31b"])
def test_batches_scored_blind_then_fixed(monitor_env, batch):
    """Written from stored real reports by helpers who never read the code,
    labels checked by a second; scored blind (docs/quality.md), then their
    misses fixed by rules of the language. (blind3b is kept unread, the
    held-out estimate.)"""
    report = score(monitor_env, ROOT / "tests" / "data" / f"{batch}.jsonl")
    assert report["scenarios"] >= 8  # (no batch is smaller: a file cut short fails here)
    assert_quality(report)


def test_eval_lists_each_miss_and_false_alert_with_evidence(monitor_env, tmp_path):
    dataset = tmp_path / "wrong.jsonl"
    article = {"source_url": "https://example.org/1", "published": "2025-11-15T06:30:00+00:00", "title": "Torkham reopened",
               "summary": "Pakistan fully reopened the Torkham crossing for trade and pedestrians on Saturday, officials said.",
               "expected": [{"detector": "crossing", "subject": "Chaman", "current": "open"}]}
    dataset.write_text(json.dumps({"id": "W1", "articles": [article]}) + "\n")
    text = monitor_env.run("eval", str(dataset)).stdout
    assert "crossing         0.000   0.000  0.000   (0/1/1)" in text
    assert 'W1 #0: {"detector": "crossing", "subject": "Chaman", "current": "open"}' in text
    assert "“Pakistan fully reopened the Torkham crossing" in text


def test_a_malformed_dataset_line_is_one_line(monitor_env, tmp_path):
    dataset = tmp_path / "bad.jsonl"
    dataset.write_text('{"id": "ok", "articles": []}\nnot json\n')
    result = monitor_env.run("eval", str(dataset), check=False)
    assert result.returncode == 2
    assert result.stderr.strip() == f"monitor: {dataset}:2: not a scenario (one JSON object with an 'articles' list a line)"


@pytest.mark.parametrize(
    "summary,expected",
    [
        ("Officials said the Torkham crossing would reopen if talks succeed.", []),
        ("Was the Torkham crossing reopened on Monday?", []),
        ("Pakistan denied that it had reopened the Torkham crossing.", []),
        ("طورخم: Pakistan reopened the Torkham crossing to all traffic on Monday, officials said.", [("Torkham", "open")]),
        ("Authorities reopened the Spin Boldak crossing for returning refugees only, officials said.", [("Chaman", "partially_open")]),
    ],
    ids=["conditional", "question", "denial", "urdu-alias", "afghan-name-partial"],
)
def test_language_through_replay(monitor_env, rss, summary, expected):
    monitor_env.replay(rss([{"title": "Border update", "summary": summary, "guid": "1", "published": "2025-11-24T08:00:00Z"}]))
    assert [(a["subject"], a["current"]) for a in monitor_env.alerts(detector="crossing")] == expected
