"""webhook: POSTs each alert's JSON (the fields of `monitor alerts --json`) to a URL.

    [notifiers.webhook]
    url = "https://hooks.example.org/monitor"
    headers = { Authorization = "Bearer …" }   # optional
    min_severity = "low"
    timeout = 10

Same outbox guarantees as e-mail: sent once the server answered 2xx; 408, 429,
5xx and connection failures are retried with backoff; other 4xx are recorded
and not retried. Each request carries the message's stable id in
`Idempotency-Key`, so a receiver can drop a retry it already has.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import httpx

import monitor

SECTION = "[notifiers.webhook]"
KEYS = {"url", "headers", "min_severity", "timeout", "enabled"}


def settings(config: dict) -> dict | None:
    if not config or config.get("enabled") is False or not config.get("url"):
        return None
    monitor.check_keys(config, SECTION, KEYS)
    parts = urlsplit(str(config["url"]))
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise monitor.config_error(SECTION, "url", f"{config['url']!r} is not an http(s) URL", 'write it like "https://hooks.example.org/monitor"')
    headers = config.get("headers", {})
    if not isinstance(headers, dict) or not all(isinstance(v, str) for v in headers.values()):
        raise monitor.config_error(SECTION, "headers", "expected a table of strings", 'write it like headers = { Authorization = "Bearer …" }')
    if config.get("min_severity", "low") not in ("low", "medium", "high"):
        raise monitor.config_error(SECTION, "min_severity", f"{config['min_severity']!r} is not a severity", 'use "low", "medium" or "high"')
    return {**config, "headers": headers}


@monitor.hookimpl
def startup(config):
    settings(config)


@monitor.hookimpl
def channels(config):
    s = settings(config)
    return [monitor.Channel("webhook", "webhook", min_severity=s.get("min_severity", "low"))] if s else []


@monitor.hookimpl
def deliver(delivery, config):
    s = settings(config)
    if s is None:
        raise monitor.PermanentDeliveryError("[notifiers.webhook] is no longer configured")
    for alert in delivery.alerts:
        headers = {**s["headers"], "Idempotency-Key": delivery.message_id, "User-Agent": f"monitor/{monitor.__version__}"}
        try:
            response = httpx.post(s["url"], json=alert.to_json(), headers=headers, timeout=float(s.get("timeout", 10)))
        except httpx.HTTPError as exc:
            raise monitor.TransientDeliveryError(f"{type(exc).__name__}: {exc}") from None
        if response.status_code in (408, 429) or response.status_code >= 500:
            raise monitor.TransientDeliveryError(f"HTTP {response.status_code}: {response.text[:200]}")
        if response.status_code >= 400:
            raise monitor.PermanentDeliveryError(f"HTTP {response.status_code}: {response.text[:200]}")
