"""E-mail delivery against a real SMTP server (aiosmtpd) on 127.0.0.1."""

from __future__ import annotations

import email
import email.policy
import os
import signal
import socket
import sqlite3
import ssl
import subprocess
import sys
import time
from datetime import datetime, timezone

import pytest
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from helpers import TORKHAM_CLOSED, TORKHAM_OPEN

CLAIM = {"title": "Army says 25 militants killed", "guid": "claim", "link": "https://news.example/claim", "published": "2025-11-02T09:00:00Z",
         "summary": "Pakistan's military said on Sunday that its troops had killed 25 militants trying to cross from Afghanistan."}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Inbox:
    """Collects what the server accepted; `answer` makes it refuse instead."""

    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []
        self.envelopes = []
        self.answer: str | None = None

    async def handle_DATA(self, server, session, envelope):
        if self.answer:
            return self.answer
        self.envelopes.append(envelope)
        self.messages.append(email.message_from_bytes(envelope.original_content, policy=email.policy.default))
        return "250 OK"


@pytest.fixture
def smtp():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    inbox.port = controller.port
    yield inbox
    controller.stop()


def email_config(port: int, extra: str = "") -> str:
    return (f'[notifiers.email]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\nfrom = "monitor@example.org"\n'
            f'to = ["desk@example.org", "analyst@example.org"]\ntimezone = "Asia/Karachi"\n{extra}')


def parts(message):
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    return text, html


def since(iso: str) -> str:
    """How the digest says since when, in its time zone (Asia/Karachi)."""
    from zoneinfo import ZoneInfo

    zone = ZoneInfo("Asia/Karachi")
    then, today = datetime.fromisoformat(iso).astimezone(zone), datetime.now(zone)
    return f"since {then.day} {then:%b}" + (f" {then.year}" if then.year != today.year else "") + f", {(today.date() - then.date()).days} days"


def test_digest_opens_with_the_state_board_then_the_alerts(monitor_env, rss, smtp):
    monitor_env.configure(email_config(smtp.port, 'mode = "digest"\n'))
    monitor_env.replay(rss([TORKHAM_OPEN, TORKHAM_CLOSED, CLAIM]), notify=True)
    assert smtp.messages == []  # digests wait for their schedule
    preview = monitor_env.run("digest", "--preview", "--html", str(monitor_env.root / "next.html")).stdout
    assert preview.startswith("Subject: 3 alerts: Torkham open, Torkham closed, 1 new claim")
    monitor_env.run("digest", "--send-now")
    [message] = smtp.messages
    assert message["Subject"] == "3 alerts: Torkham open, Torkham closed, 1 new claim"
    assert message["To"] == "desk@example.org, analyst@example.org"
    assert message["Message-ID"].startswith("<monitor.digest.")
    text, html = parts(message)
    assert text.index("== crossing · Torkham ==") < text.index("== claim · Pakistan ==")
    assert "closed → open" in text and "open → closed" in text
    assert "reopened the Torkham crossing" in text and TORKHAM_OPEN["link"] in text
    # The board comes first: every subject, its value, since when; Torkham,
    # which this digest changes, marked.
    board, alerts = text.split("== crossing · Torkham ==", 1)
    assert "State now (* changed in this digest)" in board
    rows = {line[2:].split("  ")[0].strip(): line for line in board.splitlines() if line[:2] in ("* ", "  ") and "since" in line}
    assert set(rows) >= {"Pakistan–Afghanistan ceasefire", "Torkham", "Chaman", "Gursal"}
    assert rows["Torkham"].startswith("* Torkham") and rows["Torkham"].split()[2] == "closed"
    assert rows["Torkham"].endswith(since("2025-11-18T04:00:00+00:00"))  # the closure, in PKT
    assert rows["Chaman"].startswith("  Chaman") and rows["Chaman"].endswith(since("2025-10-24T00:00:00+00:00"))
    assert " in effect " in rows["Pakistan–Afghanistan ceasefire"] and not rows["Pakistan–Afghanistan ceasefire"].startswith("*")
    assert list(rows)[0] == "Pakistan–Afghanistan ceasefire"
    assert "Current state" not in alerts
    # Claims read as sentences.
    assert "] Pakistan says 25 TTP fighters were killed\r\n" in alerts
    assert "Pakistan says 25 TTP fighters were killed" in html and "Pakistan: 25" not in text + html
    assert "PKT" in text  # shown in the digest's time zone
    assert f'href="{TORKHAM_OPEN["link"]}"' in html
    table = html.split("<table", 1)[1].split("</table>", 1)[0]
    assert html.index("<table") < html.index("crossing · Torkham")
    [marked] = [row for row in table.split("<tr")[1:] if "changed" in row]
    assert "Torkham" in marked and "closed" in marked and since("2025-11-18T04:00:00+00:00") in marked
    assert since("2025-10-24T00:00:00+00:00") in table.split("Chaman", 1)[1].split("</tr>", 1)[0]
    assert (monitor_env.root / "next.html").read_text().startswith("<!DOCTYPE html>")
    assert "sent after 1 attempts" in monitor_env.run("deliveries").stdout
    # Nothing new: the scheduled digest sends nothing (send_empty is false).
    pending = monitor_env.run("deliveries", "--status", "pending").stdout
    assert pending.strip() == "no deliveries"


def test_hostile_feed_text_stays_harmless(monitor_env, rss, smtp):
    hostile = {**TORKHAM_OPEN,
               "title": "Torkham reopened\r\nBcc: victim@example.org\r\nX-Evil: 1 " + "very long title " * 20,
               "summary": "Pakistan fully reopened the Torkham crossing for trade and pedestrians, officials said &lt;script&gt;alert(1)&lt;/script&gt;."}
    monitor_env.configure(email_config(smtp.port, 'mode = "immediate"\nmin_severity_immediate = "low"\n'))
    monitor_env.replay(rss([hostile]), notify=True)
    [message] = smtp.messages
    assert message["Bcc"] is None and message["X-Evil"] is None
    assert [r for env in smtp.envelopes for r in env.rcpt_tos] == ["desk@example.org", "analyst@example.org"]
    assert message["Subject"] == "ALERT: Torkham closed → open"
    assert all(len(line) <= 998 for line in message.as_string().splitlines())
    text, html = parts(message)
    assert "<script>" in text
    # The title's line breaks are spaces: one line in the text part, no forged lines.
    assert "Torkham reopened Bcc: victim@example.org X-Evil: 1 very long title" in text
    assert "Torkham reopened Bcc: victim@example.org X-Evil: 1 very long title" in html
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_immediate_mode_sends_each_alert_at_or_above_the_threshold(monitor_env, rss, smtp):
    monitor_env.configure(email_config(smtp.port, 'mode = "immediate"\nmin_severity_immediate = "high"\n'))
    monitor_env.replay(rss([TORKHAM_OPEN, CLAIM]), notify=True)  # high crossing change, low-severity claim
    assert [m["Subject"] for m in smtp.messages] == ["ALERT: Torkham closed → open"]


def test_a_permanent_refusal_is_recorded_and_not_retried(monitor_env, rss, smtp):
    smtp.answer = "554 5.7.1 Message rejected by policy"
    monitor_env.configure(email_config(smtp.port, 'mode = "immediate"\n'))
    monitor_env.replay(rss([TORKHAM_OPEN]), notify=True)
    failed = monitor_env.run("deliveries", "--status", "failed").stdout
    assert "email:immediate: failed after 1 attempts" in failed and "554" in failed and "rejected by policy" in failed
    smtp.answer = None
    monitor_env.run("once")
    assert smtp.messages == []


def make_due(db):
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE deliveries SET next_attempt_at = ? WHERE status = 'pending'", (datetime.now(timezone.utc).isoformat(),))


def test_an_alert_raised_while_the_server_is_down_is_delivered_exactly_once(monitor_env, rss):
    port = free_port()
    monitor_env.configure(email_config(port, 'mode = "immediate"\n') + "[fetch]\njitter = 0\n")
    monitor_env.replay(rss([TORKHAM_OPEN]), notify=True)  # nobody listening: refused
    pending = monitor_env.run("deliveries", "--status", "pending").stdout
    assert "pending after 1 attempts" in pending and "ConnectionRefusedError" in pending
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        make_due(monitor_env.db)  # as if the backoff had passed
        for _ in range(2):  # the daemon, started twice: the retry happens once
            env = {**os.environ, "MONITOR_CONFIG": str(monitor_env.config)}
            daemon = subprocess.Popen([sys.executable, "-m", "monitor", "run"], env=env, stderr=subprocess.PIPE, text=True)
            deadline = time.monotonic() + 20
            # Signal it only once it runs: a loaded machine can take seconds to start it.
            while '"started"' not in daemon.stderr.readline() and time.monotonic() < deadline:
                pass
            while not inbox.messages and time.monotonic() < deadline:
                time.sleep(0.1)
            time.sleep(1.0)  # room for a second, wrong, delivery
            daemon.send_signal(signal.SIGTERM)
            # (what is asserted is the exit code and one delivery; a loaded 2-core machine
            # once took longer than 15 s to let the stopping daemon finish its work)
            daemon.communicate(timeout=40)
            assert daemon.returncode == 0
    finally:
        controller.stop()
    assert len(inbox.messages) == 1
    assert "email:immediate: sent after 2 attempts" in monitor_env.run("deliveries").stdout


def test_starttls_with_auth(monitor_env, rss, tmp_path):
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1")
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(server_context)
    ca_file = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))

    def authenticator(server, session, envelope, mechanism, auth_data):
        return AuthResult(success=(auth_data.login, auth_data.password) == (b"monitor", b"s3cret"))

    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port, tls_context=server_context, require_starttls=True,
                            authenticator=authenticator, auth_required=True, auth_require_tls=True)
    controller.start()
    try:
        monitor_env.env["SMTP_PASSWORD"] = "s3cret"
        monitor_env.configure(
            f'[notifiers.email]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "starttls"\nca_file = "{ca_file}"\n'
            'username = "monitor"\npassword_env = "SMTP_PASSWORD"\nfrom = "monitor@example.org"\nto = ["desk@example.org"]\nmode = "immediate"\n'
        )
        monitor_env.replay(rss([TORKHAM_OPEN]), notify=True)
        assert [m["Subject"] for m in inbox.messages] == ["ALERT: Torkham closed → open"]
        # Wrong credentials: nothing is delivered and nothing is marked sent.
        monitor_env.env["SMTP_PASSWORD"] = "wrong"
        monitor_env.config.write_text(monitor_env.config.read_text().replace('mode = "immediate"', 'mode = "immediate"\ntimeout = 3'))
        monitor_env.replay(rss([TORKHAM_CLOSED]), notify=True)
        assert len(inbox.messages) == 1
        assert "sent" not in monitor_env.run("deliveries").stdout.splitlines()[0]
    finally:
        controller.stop()


def test_no_digest_when_there_is_nothing_to_say_unless_send_empty(monitor_env, smtp):
    from monitor.app import App
    from monitor.outbox import Outbox

    for send_empty, expected in ((False, 0), (True, 1)):
        monitor_env.configure(email_config(smtp.port, f'mode = "digest"\nsend_empty = {str(send_empty).lower()}\n'))
        app = App.open(str(monitor_env.config))
        try:
            outbox = Outbox(app)
            [channel] = outbox.digest_channels()
            outbox.send_digest(channel)  # what the scheduled job does
        finally:
            app.close()
        assert len(smtp.messages) == expected
    assert smtp.messages[0]["Subject"] == "No new alerts"
    assert "No new alerts since the last digest." in parts(smtp.messages[0])[0]
