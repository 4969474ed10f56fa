"""The log notifier: each alert is one structlog event.

WARNING for high severity, INFO otherwise, with every alert field, so
`journalctl -u monitor` shows alerts as they happen:
`ALERT crossing Torkham closed → partially_open · Dawn · <url>` on a terminal,
one JSON object a line otherwise. On by default; `[notifiers.log] enabled =
false` turns it off.
"""

from __future__ import annotations

import structlog

import monitor

log = structlog.get_logger("monitor.alerts")


@monitor.hookimpl
def channels(config):
    if config.get("enabled", True) is False:
        return []
    return [monitor.Channel(name="log", plugin="log", min_severity=config.get("min_severity", "low"))]


@monitor.hookimpl
def deliver(delivery, config):
    for alert in delivery.alerts:
        if alert.claimant is not None:  # a claim reads as a sentence: "Pakistan says 5 of its soldiers were killed"
            what = alert.sentence
        else:
            what = f"{alert.subject} {alert.previous} → {alert.current}" if alert.previous else f"{alert.subject} {alert.current}"
        line = f"ALERT {alert.detector} {what} · {alert.article_feed} · {alert.article_url}"
        if alert.evidence_from == "page":
            line += " · evidence from the article's page"
        fields = alert.to_json()
        fields["alert_id"] = fields.pop("id")
        emit = log.warning if alert.severity == "high" else log.info
        emit(line, **fields)
