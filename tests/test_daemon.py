"""The real daemon in a subprocess: signals, reload, readiness, one per database."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time

import pytest

from helpers import IRRELEVANT, ROOT, TORKHAM_CLOSED, TORKHAM_OPEN, feed_config


def start(monitor_env, extra_env=None):
    """The daemon logs into a file, never into a pipe nobody reads while the test
    waits: a full pipe would block the daemon's next log line (and with it the
    signal handler that logs "stopping"), and the test would hang, not fail."""
    env = {**os.environ, "MONITOR_CONFIG": str(monitor_env.config), **(extra_env or {})}
    log_path = monitor_env.root / f"daemon-{time.monotonic_ns()}.log"
    with open(log_path, "w") as log:
        process = subprocess.Popen([sys.executable, "-m", "monitor", "run", "--log-format", "json"], env=env,
                                   stdout=log, stderr=subprocess.STDOUT, text=True)
    process.log_path = log_path
    return process


def finish(process, timeout=15):
    """Wait for the daemon to exit; its exit code and everything it logged."""
    process.wait(timeout=timeout)
    return process.returncode, process.log_path.read_text()


def wait_for(predicate, timeout=20.0, interval=0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return False


def stop(process, sig=signal.SIGTERM, timeout=15):
    process.send_signal(sig)
    return finish(process, timeout)


def test_runs_until_sigterm_then_exits_zero_having_committed(monitor_env, rss, httpserver):
    httpserver.expect_request("/a.xml").respond_with_data(rss([TORKHAM_OPEN, IRRELEVANT]), content_type="application/rss+xml")
    monitor_env.configure(feed_config(httpserver.url_for("/"), [("A", "/a.xml")]))
    daemon = start(monitor_env)
    try:
        assert wait_for(lambda: len(httpserver.log) >= 1)
        assert wait_for(lambda: monitor_env.run("alerts", "--json").stdout.strip() != "")
        assert monitor_env.run("status").returncode == 0
        started = time.monotonic()
        code, err = stop(daemon)
    finally:
        if daemon.poll() is None:
            daemon.kill()
    assert code == 0, err
    assert time.monotonic() - started < 10
    logged = [json.loads(l) for l in err.splitlines() if l.startswith("{")]
    assert any(e["event"] == "stopping" and e["signal"] == "SIGTERM" for e in logged)
    assert any(e["event"].startswith("ALERT crossing Torkham closed → open") for e in logged)
    assert [a["subject"] for a in monitor_env.alerts()] == ["Torkham"]
    not_running = monitor_env.run("status", check=False)
    assert not_running.returncode == 1 and "not running" in not_running.stderr


def test_a_future_dated_entry_cannot_freeze_a_crossing_in_the_daemon(monitor_env, rss, httpserver):
    """An outlet's clock hours ahead moves Torkham; the real closure reported by
    the next fetch, dated before that wrong date, must still raise its alert."""
    from datetime import datetime, timedelta, timezone

    from werkzeug import Response

    ahead = {**TORKHAM_OPEN, "published": datetime.now(timezone.utc) + timedelta(hours=6)}
    served = {"entries": [ahead]}
    httpserver.expect_request("/a.xml").respond_with_handler(
        lambda request: Response(rss(served["entries"]), content_type="application/rss+xml"))
    monitor_env.configure(feed_config(httpserver.url_for("/"), [("A", "/a.xml")]).replace('interval = "1h"', 'interval = "1s"'))
    daemon = start(monitor_env)
    try:
        assert wait_for(lambda: [a["current"] for a in monitor_env.alerts()] == ["open"])
        time.sleep(1.1)  # feed dates have whole seconds: this one is after the first fetch
        served["entries"] = [ahead, {**TORKHAM_CLOSED, "published": datetime.now(timezone.utc)}]
        ok = wait_for(lambda: [a["current"] for a in monitor_env.alerts()] == ["open", "closed"], timeout=20)
    finally:
        code, err = stop(daemon)
    assert ok, "the closure after the future-dated reopening was dropped"
    assert code == 0, err
    assert '"event": "entries_dated_when_fetched"' in err


def test_sighup_reloads_feeds_without_a_restart(monitor_env, rss, httpserver):
    httpserver.expect_request("/a.xml").respond_with_data(rss([IRRELEVANT]), content_type="application/rss+xml")
    httpserver.expect_request("/b.xml").respond_with_data(rss([TORKHAM_OPEN]), content_type="application/rss+xml")
    monitor_env.configure(feed_config(httpserver.url_for("/"), [("A", "/a.xml")]))
    daemon = start(monitor_env)
    try:
        assert wait_for(lambda: any(r.path == "/a.xml" for r, _ in httpserver.log))
        monitor_env.configure(feed_config(httpserver.url_for("/"), [("B", "/b.xml")]))
        daemon.send_signal(signal.SIGHUP)
        assert wait_for(lambda: any(r.path == "/b.xml" for r, _ in httpserver.log))
        assert daemon.poll() is None  # the same process
        feeds = monitor_env.run("feeds").stdout
        assert feeds.startswith("B\n")
        code, err = stop(daemon, signal.SIGINT)
    finally:
        if daemon.poll() is None:
            daemon.kill()
    assert code == 0
    assert '"event": "reloaded"' in err and '"event": "feed_unscheduled"' in err


def test_an_unreachable_feed_is_logged_and_the_daemon_keeps_running(monitor_env):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = s.getsockname()[1]
    monitor_env.configure(f'[fetch]\njitter = 0\nconnect_timeout = 1\n[[feeds]]\nname = "Dead"\nurl = "http://127.0.0.1:{dead}/x"\ninterval = "1h"\n')
    daemon = start(monitor_env)
    try:
        assert wait_for(lambda: "failures       1" in monitor_env.run("feeds").stdout)
        assert daemon.poll() is None
        code, err = stop(daemon)
    finally:
        if daemon.poll() is None:
            daemon.kill()
    assert code == 0
    assert '"event": "fetch_failed"' in err and '"feed": "Dead"' in err


def test_a_second_daemon_on_the_same_database_is_refused(monitor_env):
    monitor_env.configure("")
    first = start(monitor_env)
    answers = []

    def running():
        answers.append(monitor_env.run("status", check=False))
        return answers[-1].returncode == 0

    try:
        assert wait_for(running), [(a.returncode, a.stdout, a.stderr[-300:]) for a in answers[-3:]]
        second = start(monitor_env)
        code, err = finish(second, timeout=30)
        assert code == 2
        assert f"another monitor daemon (pid {first.pid}) is running on this database" in err
        assert "Traceback" not in err
    finally:
        stop(first)


def test_readiness_watchdog_and_stopping_reach_the_notify_socket(monitor_env, tmp_path):
    path = str(tmp_path / "notify.sock")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    sock.settimeout(15)
    monitor_env.configure("")
    daemon = start(monitor_env, {"NOTIFY_SOCKET": path, "WATCHDOG_USEC": "400000"})
    messages = []
    deadline = time.monotonic() + 30  # pings keep recv() busy: bound the wait itself

    def pinged_after_ready() -> bool:
        # A ping may also come before READY=1 (the heartbeat job starts with
        # the scheduler); what matters is that pings go on once it is ready.
        ready = next((i for i, m in enumerate(messages) if m.startswith("READY=1")), None)
        return ready is not None and any(m == "WATCHDOG=1" for m in messages[ready + 1:])

    try:
        while not pinged_after_ready():  # recv times out after 15 s: no endless wait
            assert time.monotonic() < deadline, messages[-5:]
            messages.append(sock.recv(4096).decode())
        daemon.send_signal(signal.SIGTERM)
        while not any("STOPPING=1" in m for m in messages):
            assert time.monotonic() < deadline, (messages[-5:], daemon.log_path.read_text()[-500:])
            messages.append(sock.recv(4096).decode())
        daemon.wait(timeout=15)
    finally:
        if daemon.poll() is None:
            daemon.kill()
        sock.close()
    assert daemon.returncode == 0


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed (CI installs Debian's systemd)")
def test_the_unit_verifies_and_its_exposure_is_low(tmp_path):
    unit = tmp_path / "monitor.service"
    executable = shutil.which("monitor") or os.path.join(os.path.dirname(sys.executable), "monitor")
    unit.write_text((ROOT / "systemd" / "monitor.service").read_text().replace("/opt/monitor/bin/monitor", executable))
    verify = subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True, text=True)
    assert verify.returncode == 0, verify.stderr
    security = subprocess.run(["systemd-analyze", "security", "--offline=yes", str(unit)], capture_output=True, text=True)
    exposure = float(security.stdout.split("Overall exposure level for monitor.service:")[1].split()[0])
    assert exposure <= 2.0
    text = unit.read_text()
    for directive in ("Type=notify", "WatchdogSec=", "ExecReload=/bin/kill -HUP $MAINPID", "Restart=on-failure", "StateDirectory=monitor",
                      "ConfigurationDirectory=monitor", "LoadCredential=smtp-password", "DynamicUser=yes", "ProtectSystem=strict",
                      "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX", "SystemCallFilter=@system-service", "MemoryMax="):
        assert directive in text


def test_a_log_only_install_starts_without_a_credential_file():
    """systemd fails to start a unit whose LoadCredential= names an absolute path
    that is missing (unless SetCredential= gives a fallback); a bare credential
    name is looked up in the credential store and skipped when absent."""
    lines = [line.strip() for line in (ROOT / "systemd" / "monitor.service").read_text().splitlines()]
    fallbacks = {line.split("=", 1)[1].split(":", 1)[0] for line in lines if line.startswith("SetCredential")}
    loaded = [line.split("=", 1)[1] for line in lines if line.startswith(("LoadCredential=", "LoadCredentialEncrypted="))]
    assert loaded, "the unit should still offer the SMTP password credential to e-mail users"
    for value in loaded:
        name, _, path = value.partition(":")
        assert not path.startswith("/") or name in fallbacks, f"{value}: a missing {path} would stop the service"
    readme = (ROOT / "README.md").read_text()
    assert "/etc/credstore/smtp-password" in readme and 'password_file = "${CREDENTIALS_DIRECTORY}/smtp-password"' in readme


def test_old_articles_are_pruned_and_alerts_kept(monitor_env, rss):
    import sqlite3

    monitor_env.configure("")
    monitor_env.config.write_text(monitor_env.config.read_text().replace("[storage]\n", '[storage]\nprune_after = "30d"\n'))
    monitor_env.replay(rss([TORKHAM_OPEN, IRRELEVANT]))
    with sqlite3.connect(monitor_env.db) as conn:
        conn.execute("UPDATE articles SET fetched_at = '2025-01-01T00:00:00+00:00' WHERE guid = ?", (TORKHAM_OPEN["guid"],))
        # Articles' pages go with the articles (monitor/pages.py).
        conn.execute("INSERT INTO pages (url, host, outcome, fetched_at) VALUES ('https://old.example/a', 'old.example', 'ok', '2025-01-01T00:00:00+00:00')")
        conn.execute("INSERT INTO pages (url, host, outcome, fetched_at) VALUES ('https://new.example/a', 'new.example', 'ok', '2099-01-01T00:00:00+00:00')")
    daemon = start(monitor_env)
    try:
        def remaining():
            with sqlite3.connect(monitor_env.db) as conn:
                return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert wait_for(lambda: remaining() == 1, timeout=30)
    finally:
        stop(daemon)
    with sqlite3.connect(monitor_env.db) as conn:
        assert [r[0] for r in conn.execute("SELECT url FROM pages")] == ["https://new.example/a"]
    [alert] = monitor_env.alerts()
    assert alert["article"]["url"] == TORKHAM_OPEN["link"] and "reopened" in alert["evidence"]


def test_prune_command_applies_the_daemons_rule_and_can_only_count(monitor_env, rss):
    import sqlite3

    monitor_env.configure("")
    monitor_env.config.write_text(monitor_env.config.read_text().replace("[storage]\n", '[storage]\nprune_after = "30d"\n'))
    monitor_env.replay(rss([TORKHAM_OPEN, IRRELEVANT]))

    def remaining():
        with sqlite3.connect(monitor_env.db) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    with sqlite3.connect(monitor_env.db) as conn:
        conn.execute("UPDATE articles SET fetched_at = '2025-01-01T00:00:00+00:00' WHERE guid = ?", (TORKHAM_OPEN["guid"],))
        # 29 days old: inside the 30 days kept.
        conn.execute("UPDATE articles SET fetched_at = datetime('now', '-29 days') WHERE guid = ?", (IRRELEVANT["guid"],))
    dry = monitor_env.run("prune", "--dry-run").stdout
    assert dry.startswith("1 articles fetched before ") and "would be removed" in dry and remaining() == 2
    assert monitor_env.run("prune").stdout.startswith("1 articles fetched before ") and remaining() == 1
    assert monitor_env.run("prune").stdout.startswith("0 articles")
    [alert] = monitor_env.alerts()
    assert alert["article"]["url"] == TORKHAM_OPEN["link"] and "reopened" in alert["evidence"]
    [torkham] = [json.loads(l) for l in monitor_env.run("state", "Torkham", "--json").stdout.splitlines()]
    assert torkham["article"]["url"] == TORKHAM_OPEN["link"]  # the state still names its article


def test_a_missing_notify_socket_is_reported_once_not_at_every_ping(monitor_env, tmp_path):
    # systemd gone (or the socket removed): the daemon goes on, and its log says
    # so once, not five times a second for as long as it runs
    monitor_env.configure("")
    daemon = start(monitor_env, {"NOTIFY_SOCKET": str(tmp_path / "gone.sock"), "WATCHDOG_USEC": "400000"})
    try:
        assert wait_for(lambda: '"started"' in daemon.log_path.read_text(), timeout=30)
        time.sleep(2.5)  # a dozen watchdog pings
    finally:
        code, log = stop(daemon)
    assert code == 0
    failures = [line for line in log.splitlines() if "sd_notify_failed" in line]
    assert len(failures) == 1, failures
