"""The webhook and Apprise channels, against a local HTTP endpoint."""

from __future__ import annotations

import json

from werkzeug import Response

from helpers import TORKHAM_OPEN


def test_webhook_posts_each_alert_once_and_retries_server_errors(monitor_env, rss, httpserver):
    received, answers = [], [503, 200]

    def hook(request):
        received.append((json.loads(request.data), request.headers.get("Idempotency-Key")))
        return Response("ok", status=answers.pop(0) if answers else 200)

    httpserver.expect_request("/hook", method="POST").respond_with_handler(hook)
    monitor_env.configure(f'[notifiers.webhook]\nurl = "{httpserver.url_for("/hook")}"\nheaders = {{ Authorization = "Bearer t" }}\n')
    monitor_env.replay(rss([TORKHAM_OPEN]), notify=True)  # the server answers 503: retried later
    assert "webhook: pending after 1 attempts" in monitor_env.run("deliveries").stdout
    import sqlite3
    from datetime import datetime, timezone

    with sqlite3.connect(monitor_env.db) as conn:
        conn.execute("UPDATE deliveries SET next_attempt_at = ?", (datetime.now(timezone.utc).isoformat(),))
    monitor_env.run("once")  # the outbox sends what is due
    monitor_env.run("once")  # and not again
    assert len(received) == 2
    (first, key1), (second, key2) = received
    assert first == second and key1 == key2 and key1.startswith("<monitor.alert.")
    assert (second["detector"], second["subject"], second["previous"], second["current"]) == ("crossing", "Torkham", "closed", "open")
    assert second["article"]["url"] == TORKHAM_OPEN["link"]
    assert httpserver.log[0][0].headers["Authorization"] == "Bearer t"


def test_webhook_client_errors_are_permanent(monitor_env, rss, httpserver):
    httpserver.expect_request("/hook", method="POST").respond_with_data("no such hook", status=404)
    monitor_env.configure(f'[notifiers.webhook]\nurl = "{httpserver.url_for("/hook")}"\n')
    monitor_env.replay(rss([TORKHAM_OPEN]), notify=True)
    assert "webhook: failed after 1 attempts; last error: HTTP 404: no such hook" in monitor_env.run("deliveries").stdout


def test_apprise_json_url_delivers_alerts(monitor_env, rss, httpserver):
    bodies = []
    httpserver.expect_request("/apprise", method="POST").respond_with_handler(
        lambda request: bodies.append(json.loads(request.data)) or Response("ok")
    )
    url = httpserver.url_for("/apprise").replace("http://", "json://")
    monitor_env.configure(f'[notifiers.apprise]\nurls = ["{url}"]\nmode = "immediate"\nmin_severity = "low"\n')
    monitor_env.replay(rss([TORKHAM_OPEN]), notify=True)
    [body] = bodies
    assert body["title"] == "ALERT: Torkham closed → open"
    assert "reopened the Torkham crossing" in body["message"] and TORKHAM_OPEN["link"] in body["message"]
    assert "apprise:immediate: sent after 1 attempts" in monitor_env.run("deliveries").stdout


def test_bad_channel_settings_are_one_line(monitor_env):
    monitor_env.configure('[notifiers.webhook]\nurl = "hooks.example.org"\n')
    result = monitor_env.run("check-config", check=False)
    assert result.returncode == 1
    assert "[notifiers.webhook] url: 'hooks.example.org' is not an http(s) URL" in result.stderr
