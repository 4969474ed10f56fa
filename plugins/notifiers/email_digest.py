"""email: alerts by e-mail, as scheduled digests, immediately, or both.

Off until ``[notifiers.email]`` names a host. Keys (see the README):
host, port, security ("starttls" | "tls" | "none"), username, password_env or
password_file, from, to, mode ("digest" | "immediate" | "both"),
min_severity_immediate, schedule (cron), timezone (IANA), send_empty,
ca_file (a CA bundle to trust, for a private server), timeout.

The outbox decides when to send; this module only builds and sends messages.
Hostile feed text stays harmless: line breaks never reach a header, and the
HTML part is autoescaped by Jinja2.
"""

from __future__ import annotations

import os
import re
import smtplib
import socket
import ssl
from datetime import datetime, timezone
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import jinja2

import monitor

KEYS = {
    "host", "port", "security", "username", "password_env", "password_file", "from", "to", "mode",
    "min_severity_immediate", "schedule", "timezone", "send_empty", "ca_file", "timeout", "enabled",
}
SECURITY_PORTS = {"starttls": 587, "tls": 465, "none": 25}
SEVERITIES = ("low", "medium", "high")
CEASEFIRE_WORD = "ceasefire"

_env = jinja2.Environment(
    loader=jinja2.PackageLoader("monitor.plugins.notifiers", "templates"),
    autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2"), default_for_string=False),
    trim_blocks=True,
    lstrip_blocks=True,
)


def _fail(key: str, problem: str, fix: str) -> monitor.PluginConfigError:
    return monitor.config_error("[notifiers.email]", key, problem, fix)


def settings(config: dict) -> dict | None:
    """Validated settings, or None when e-mail is not configured."""
    if not config or config.get("enabled") is False or not config.get("host"):
        return None
    monitor.check_keys(config, "[notifiers.email]", KEYS)
    s = dict(config)
    s["security"] = s.get("security", "starttls")
    if s["security"] not in SECURITY_PORTS:
        raise _fail("security", f"{s['security']!r} is not known", 'use "starttls", "tls" or "none"')
    s["port"] = s.get("port", SECURITY_PORTS[s["security"]])
    if not isinstance(s["port"], int) or isinstance(s["port"], bool) or not 0 < s["port"] < 65536:
        raise _fail("port", f"{s['port']!r} is not a port number", "give a number such as 587")
    to = s.get("to")
    if isinstance(to, str):
        to = [to]
    if not to or not all(isinstance(a, str) and "@" in a for a in to):
        raise _fail("to", "missing or not a list of addresses", 'write it like to = ["desk@example.org"]')
    s["to"] = to
    if not isinstance(s.get("from"), str) or "@" not in s["from"]:
        raise _fail("from", "missing or not an address", 'write it like from = "monitor@example.org"')
    s["mode"] = s.get("mode", "digest")
    if s["mode"] not in ("digest", "immediate", "both"):
        raise _fail("mode", f"{s['mode']!r} is not known", 'use "digest", "immediate" or "both"')
    s["min_severity_immediate"] = s.get("min_severity_immediate", "high")
    if s["min_severity_immediate"] not in SEVERITIES:
        raise _fail("min_severity_immediate", f"{s['min_severity_immediate']!r} is not a severity", 'use "low", "medium" or "high"')
    s["schedule"] = s.get("schedule", "0 7 * * *")
    try:
        from apscheduler.triggers.cron import CronTrigger

        CronTrigger.from_crontab(s["schedule"])
    except (ValueError, TypeError):
        raise _fail("schedule", f"{s['schedule']!r} is not a cron expression", 'write five fields, like "0 7 * * *"') from None
    s["timezone"] = s.get("timezone", "UTC")
    try:
        ZoneInfo(s["timezone"])
    except (ZoneInfoNotFoundError, ValueError):
        raise _fail("timezone", f"{s['timezone']!r} is not an IANA time zone", 'write it like "Asia/Karachi"') from None
    s["send_empty"] = bool(s.get("send_empty", False))
    if "password_env" in s and "password_file" in s:
        raise _fail("password_env", "both password_env and password_file are set", "keep one of them")
    if s.get("username") and not (s.get("password_env") or s.get("password_file")):
        raise _fail("username", "set without a password", "add password_env or password_file")
    return s


def password(s: dict) -> str | None:
    if s.get("password_env"):
        value = os.environ.get(s["password_env"])
        if value is None:
            raise monitor.PermanentDeliveryError(
                f"[notifiers.email] password_env: ${s['password_env']} is not set; export it or use password_file"
            )
        return value
    if s.get("password_file"):
        path = Path(os.path.expandvars(s["password_file"]))
        try:
            return path.read_text("utf-8").strip()
        except OSError as exc:
            raise monitor.PermanentDeliveryError(f"[notifiers.email] password_file: cannot read {path} ({exc.strerror})") from None
    return None


@monitor.hookimpl
def startup(config):
    settings(config)  # raises PluginConfigError: the plugin is disabled with that message


@monitor.hookimpl
def channels(config):
    s = settings(config)
    if s is None:
        return []
    offered = []
    if s["mode"] in ("digest", "both"):
        offered.append(monitor.Channel("email:digest", "email", schedule=s["schedule"], timezone=s["timezone"], send_empty=s["send_empty"]))
    if s["mode"] in ("immediate", "both"):
        offered.append(monitor.Channel("email:immediate", "email", min_severity=s["min_severity_immediate"]))
    return offered


# -- rendering ------------------------------------------------------------------


def one_line(text: str, limit: int = 200) -> str:
    """Feed text for a header: no CR or LF ever, bounded length."""
    flat = re.sub(r"\s+", " ", text or "").strip()
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _label(alert) -> str:
    if alert.detector == "claim":
        return "new claim"
    subject = CEASEFIRE_WORD if CEASEFIRE_WORD in alert.subject.lower() else alert.subject
    return f"{subject} {alert.current.replace('_', ' ')}"


def subject_line(alerts: list, digest: bool) -> str:
    if not alerts:
        return "No new alerts"
    parts, claims = [], 0
    for alert in alerts:
        if alert.detector == "claim":
            claims += 1
        else:
            parts.append(_label(alert))
    parts = list(dict.fromkeys(parts))
    if claims:
        parts.append(f"{claims} new claim{'s' if claims != 1 else ''}")
    count = len(alerts)
    if not digest and count == 1:
        alert = alerts[0]
        change = f"{alert.previous} → {alert.current}" if alert.previous else alert.current
        return one_line(f"ALERT: {alert.subject} {change.replace('_', ' ')}", 300)
    return one_line(f"{count} alert{'s' if count != 1 else ''}: {', '.join(parts)}", 300)


def _groups(alerts: list) -> list[dict]:
    groups: dict[tuple[str, str], list] = {}
    for alert in alerts:
        groups.setdefault((alert.detector, alert.subject), []).append(alert)
    ordered = sorted(groups.items(), key=lambda item: item[0][0] == "claim")  # changes of state first, claims after
    return [{"detector": d, "subject": s, "alerts": items} for (d, s), items in ordered]


def _board(board: list | None, state: dict, alerts: list, now: datetime, zone: ZoneInfo) -> list[dict]:
    """The state board the message opens with: each subject, its value, since
    when, and whether this message changes it. The ceasefire first, then the
    crossings, then other detectors' subjects."""
    if board is None:  # called without one (an older caller): values only
        board = [monitor.StateEntry(d, subject, value, None) for d, values in state.items() for subject, value in values.items()]
    changed = {(a.detector, a.subject) for a in alerts if a.claimant is None}
    order = {"ceasefire": 0, "crossing": 1}
    rows = [
        {
            "subject": entry.subject,
            "value": entry.value.replace("_", " "),
            "since": entry.since_text(now, zone) if entry.since else "",
            "changed": (entry.detector, entry.subject) in changed,
        }
        for entry in sorted(board, key=lambda e: (order.get(e.detector, 2), e.detector))
    ]
    return rows


def render(delivery, state: dict, s: dict, board: list | None = None) -> tuple[str, str, str]:
    zone = ZoneInfo(s.get("timezone", "UTC"))
    now = datetime.now(timezone.utc).astimezone(zone)
    rows = _board(board, state, delivery.alerts, now, zone)
    context = {
        "groups": _groups(delivery.alerts),
        "count": len(delivery.alerts),
        "board": rows,
        "width": max((len(r["subject"]) for r in rows), default=0),
        "value_width": max((len(r["value"]) for r in rows), default=0),
        "any_changed": any(r["changed"] for r in rows),
        "now": now,
        "tz": s.get("timezone", "UTC"),
        "local": lambda dt: dt.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z") if dt else "",
        "pretty": lambda v: (v or "").replace("_", " "),
        "digest": delivery.is_digest,
    }
    text = _env.get_template("digest.txt.j2").render(**context)
    html = _env.get_template("digest.html.j2").render(**context)
    return subject_line(delivery.alerts, delivery.is_digest), text, html


def build_message(delivery, state: dict, s: dict, board: list | None = None) -> EmailMessage:
    subject, text, html = render(delivery, state, s, board)
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = s["from"]
    msg["To"] = ", ".join(s["to"])
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = delivery.message_id
    msg["X-Monitor-Alerts"] = ",".join(str(a.id) for a in delivery.alerts) or "none"
    msg.set_content(text)
    msg.add_alternative(html, subtype="html")
    return msg


@monitor.hookimpl
def preview(delivery, config, state, board):
    s = settings(config)
    return render(delivery, state, s, board) if s else None


# -- sending ---------------------------------------------------------------------


@monitor.hookimpl
def deliver(delivery, config, state, board):
    s = settings(config)
    if s is None:
        raise monitor.PermanentDeliveryError("[notifiers.email] is no longer configured")
    message = build_message(delivery, state, s, board)
    context = ssl.create_default_context(cafile=s.get("ca_file"))
    timeout = float(s.get("timeout", 30))
    try:
        if s["security"] == "tls":
            client = smtplib.SMTP_SSL(s["host"], s["port"], timeout=timeout, context=context)
        else:
            client = smtplib.SMTP(s["host"], s["port"], timeout=timeout)
        with client:
            if s["security"] == "starttls":
                client.starttls(context=context)
            secret = password(s)
            if s.get("username"):
                client.login(s["username"], secret or "")
            refused = client.send_message(message)
            if refused:
                codes = {code for code, _ in refused.values()}
                error = f"recipients refused: {refused}"
                if all(c >= 500 for c in codes):
                    raise monitor.PermanentDeliveryError(error)
                raise monitor.TransientDeliveryError(error)
    except smtplib.SMTPRecipientsRefused as exc:
        codes = {code for code, _ in exc.recipients.values()}
        error = f"recipients refused: {exc.recipients}"
        raise (monitor.PermanentDeliveryError if all(c >= 500 for c in codes) else monitor.TransientDeliveryError)(error) from None
    except smtplib.SMTPResponseException as exc:
        error = f"SMTP {exc.smtp_code}: {exc.smtp_error.decode(errors='replace') if isinstance(exc.smtp_error, bytes) else exc.smtp_error}"
        raise (monitor.PermanentDeliveryError if exc.smtp_code >= 500 else monitor.TransientDeliveryError)(error) from None
    except (smtplib.SMTPException, OSError, socket.timeout) as exc:
        raise monitor.TransientDeliveryError(f"{type(exc).__name__}: {exc}") from None
