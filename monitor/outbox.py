"""The outbox decides when a pending delivery is sent; notifiers only send.

Rows are written in the alert's own transaction (pipeline stage 6). A row is
marked sent only after the notifier returned, i.e. the server accepted the
message. Transient failures are retried with exponential backoff, across
restarts (the schedule is in the row); permanent ones are recorded with the
server's answer and not retried. Each message has a Message-ID that stays the
same across retries, so a retry after an ambiguous failure can be recognised.
"""

from __future__ import annotations

import hashlib
import socket
import threading
from datetime import datetime, timedelta

from monitor.app import App
from monitor.errors import PermanentDeliveryError
from monitor.log import get_logger
from monitor.models import Channel, Delivery
from monitor.store import utcnow

log = get_logger("monitor.outbox")

RETRY_BASE_SECONDS = 30
RETRY_MAX_SECONDS = 3600
MAX_ATTEMPTS = 25  # about a day of retries at the cap


def message_id(kind: str, key: str) -> str:
    domain = socket.getfqdn() or "localhost"
    return f"<monitor.{kind}.{key}@{domain}>"


class Outbox:
    def __init__(self, app: App):
        self.app = app
        self.store = app.store
        self.lock = threading.Lock()

    def immediate_channels(self) -> list[Channel]:
        return [c for c in self.app.channels if c.schedule is None]

    def digest_channels(self) -> list[Channel]:
        return [c for c in self.app.channels if c.schedule is not None]

    def send_due(self, now: datetime | None = None) -> int:
        """Send every due delivery on the immediate channels; return how many were sent."""
        sent = 0
        with self.lock:
            for channel in self.immediate_channels():
                for row in self.store.pending_deliveries(channel.name, due_before=now or utcnow()):
                    mid = row["message_id"] or message_id("alert", f"{row['alert_id']}.{channel.name}")
                    delivery = Delivery(channel.name, self.store.alerts(ids=[row["alert_id"]]), mid, False, [row["id"]])
                    sent += self._send(channel, delivery)
        return sent

    def next_digest(self, channel: Channel) -> Delivery:
        """What the channel's next digest holds: pending rows, oldest first.

        Rows already tried keep their Message-ID, so a retried digest is the
        same message; new alerts wait for the next one.
        """
        rows = self.store.pending_deliveries(channel.name)
        retried = [r for r in rows if r["message_id"]]
        if retried:
            mid = retried[0]["message_id"]
            rows = [r for r in rows if r["message_id"] == mid]
        else:
            key = hashlib.sha256(",".join(str(r["id"]) for r in rows).encode()).hexdigest()[:16] if rows else utcnow().strftime("empty%Y%m%d%H%M")
            mid = message_id("digest", f"{channel.name}.{key}")
        alerts = self.store.alerts(ids=[r["alert_id"] for r in rows]) if rows else []
        return Delivery(channel.name, alerts, mid, True, [r["id"] for r in rows])

    def send_digest(self, channel: Channel, force: bool = False) -> bool:
        """Send the channel's digest now; nothing to say sends nothing unless send_empty."""
        with self.lock:
            delivery = self.next_digest(channel)
            if not delivery.alerts and not (channel.send_empty or force):
                log.info("digest_empty", channel=channel.name)
                return False
            if delivery.ids and not force:
                due = [r for r in self.store.pending_deliveries(channel.name, due_before=utcnow()) if r["id"] in delivery.ids]
                if not due:
                    return False
            return bool(self._send(channel, delivery))

    def _send(self, channel: Channel, delivery: Delivery) -> int:
        if delivery.ids:
            self.store.set_message_id(delivery.ids, delivery.message_id)
        try:
            self.app.plugins.call_plugin(
                channel.plugin, "deliver", delivery=delivery, state=self.store.current_state(), board=self.store.state_board()
            )
        except PermanentDeliveryError as exc:
            self.store.mark_deliveries(delivery.ids, "failed", error=str(exc))
            log.error("delivery_failed", channel=channel.name, message_id=delivery.message_id, error=str(exc), permanent=True)
            return 0
        except Exception as exc:  # anything else is worth another try
            rows = {r["id"]: r for r in self.store.pending_deliveries(channel.name)}
            attempts = max((rows[i]["attempts"] for i in delivery.ids if i in rows), default=0) + 1
            if attempts >= MAX_ATTEMPTS:
                self.store.mark_deliveries(delivery.ids, "failed", error=f"gave up after {attempts} attempts: {exc}")
                log.error("delivery_failed", channel=channel.name, error=str(exc), attempts=attempts, permanent=True)
                return 0
            delay = min(RETRY_MAX_SECONDS, RETRY_BASE_SECONDS * 2 ** (attempts - 1))
            self.store.mark_deliveries(
                delivery.ids, "pending", error=f"{type(exc).__name__}: {exc}", next_attempt=utcnow() + timedelta(seconds=delay)
            )
            log.warning(
                "delivery_retry", channel=channel.name, error=f"{type(exc).__name__}: {exc}", attempts=attempts, retry_in_s=delay
            )
            return 0
        self.store.mark_deliveries(delivery.ids, "sent")
        log.debug("delivered", channel=channel.name, message_id=delivery.message_id, alerts=len(delivery.alerts))
        return 1
