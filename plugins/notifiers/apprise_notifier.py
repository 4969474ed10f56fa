"""apprise: alerts and digests to any Apprise URL (Slack, Telegram, Matrix, ntfy, …).

Optional: `pip install 'monitor[apprise]'`.

    [notifiers.apprise]
    urls = ["tgram://bot-token/chat-id", "ntfys://ntfy.sh/my-topic"]
    mode = "immediate"            # "immediate" | "digest" | "both"
    min_severity = "medium"       # for immediate alerts
    schedule = "0 7 * * *"        # for digests, in `timezone`
    timezone = "Asia/Karachi"
"""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import monitor

KEYS = {"urls", "mode", "min_severity", "schedule", "timezone", "send_empty", "enabled"}


def _fail(key: str, problem: str, fix: str) -> monitor.PluginConfigError:
    return monitor.config_error("[notifiers.apprise]", key, problem, fix)


def settings(config: dict) -> dict | None:
    if not config or config.get("enabled") is False or not config.get("urls"):
        return None
    monitor.check_keys(config, "[notifiers.apprise]", KEYS)
    try:
        import apprise  # noqa: F401
    except ImportError:
        raise _fail("urls", "Apprise is not installed", "pip install 'monitor[apprise]'") from None
    urls = config["urls"] if isinstance(config["urls"], list) else [config["urls"]]
    if not all(isinstance(u, str) and "://" in u for u in urls):
        raise _fail("urls", "expected a list of Apprise URLs", 'write it like urls = ["ntfys://ntfy.sh/topic"]')
    mode = config.get("mode", "immediate")
    if mode not in ("immediate", "digest", "both"):
        raise _fail("mode", f"{mode!r} is not known", 'use "immediate", "digest" or "both"')
    timezone = config.get("timezone", "UTC")
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise _fail("timezone", f"{timezone!r} is not an IANA time zone", 'write it like "Asia/Karachi"') from None
    return {**config, "urls": urls, "mode": mode, "timezone": timezone}


@monitor.hookimpl
def startup(config):
    settings(config)


@monitor.hookimpl
def channels(config):
    s = settings(config)
    if s is None:
        return []
    offered = []
    if s["mode"] in ("immediate", "both"):
        offered.append(monitor.Channel("apprise:immediate", "apprise", min_severity=s.get("min_severity", "medium")))
    if s["mode"] in ("digest", "both"):
        offered.append(monitor.Channel("apprise:digest", "apprise", schedule=s.get("schedule", "0 7 * * *"),
                                       timezone=s["timezone"], send_empty=bool(s.get("send_empty", False))))
    return offered


def _line(alert) -> str:
    page = " (from the article's page)" if alert.evidence_from == "page" else ""
    return f"[{alert.severity}] {alert.detector} · {alert.sentence}\n“{alert.evidence}”{page}\n{alert.article_feed} · {alert.article_url}"


@monitor.hookimpl
def deliver(delivery, config, state):
    import apprise

    s = settings(config)
    if s is None:
        raise monitor.PermanentDeliveryError("[notifiers.apprise] is no longer configured")
    client = apprise.Apprise()
    for url in s["urls"]:
        if not client.add(url):
            raise monitor.PermanentDeliveryError(f"[notifiers.apprise] urls: {url!r} is not a URL Apprise understands")
    if delivery.is_digest:
        title = f"monitor digest: {len(delivery.alerts)} alert{'s' if len(delivery.alerts) != 1 else ''}"
        lines = [_line(a) for a in delivery.alerts] or ["No new alerts."]
        current = [f"{subject}: {value.replace('_', ' ')}" for d in ("ceasefire", "crossing") for subject, value in state.get(d, {}).items()]
        body = "\n\n".join(lines + (["Current state:\n" + "\n".join(current)] if current else []))
    else:
        alert = delivery.alerts[0]
        title = f"ALERT: {alert.subject} {(alert.previous + ' → ') if alert.previous else ''}{alert.current}".replace("_", " ")
        body = _line(alert)
    if not client.notify(title=" ".join(title.split()), body=body):
        raise monitor.TransientDeliveryError("Apprise could not deliver to every URL (see its log)")
