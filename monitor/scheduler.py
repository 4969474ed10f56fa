"""The daemon: APScheduler 3 runs one job per feed, the outbox sender, the
digests and pruning; the main thread handles signals and the heartbeat.

- SIGTERM / SIGINT: the article in hand is finished and committed, running
  jobs end, and the process exits 0.
- SIGHUP: the configuration is read again; feeds are added, removed and
  rescheduled without a restart. An invalid file is reported and ignored.
- Only one daemon per database: a lock file beside it refuses a second one.
"""

from __future__ import annotations

import fcntl
import os
import random
import signal
import socket
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger

from monitor.app import App
from monitor.config import load_config
from monitor.errors import StorageError, UserError
from monitor.log import get_logger
from monitor.models import Feed
from monitor.outbox import Outbox
from monitor.pipeline import Pipeline
from monitor.store import iso, utcnow

log = get_logger("monitor.daemon")

HEARTBEAT_SECONDS = 5
OUTBOX_SECONDS = 30
# APScheduler 3 drops a run that starts more than 1 s late by default; a busy
# 2-core machine is often that late, so runs may start up to this much late.
MISFIRE_GRACE_SECONDS = 300


# The error of the last failed notification: a socket that is gone fails at every
# watchdog ping, and one warning (then one line when it works again) says it all.
_notify_failing: str | None = None


def sd_notify(message: str) -> None:
    """Tell systemd (Type=notify) about our state; a no-op outside systemd."""
    global _notify_failing
    configured = os.environ.get("NOTIFY_SOCKET")
    if not configured:
        return
    address = "\0" + configured[1:] if configured.startswith("@") else configured
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            sock.connect(address)
            sock.sendall(message.encode())
    except OSError as exc:
        if str(exc) != _notify_failing:
            log.warning("sd_notify_failed", error=str(exc), socket=configured)
        _notify_failing = str(exc)
        return
    if _notify_failing is not None:
        log.info("sd_notify_recovered")
        _notify_failing = None


class DaemonLock:
    def __init__(self, db_path: Path):
        self.path = db_path.with_name(db_path.name + ".lock")
        self.handle = None

    def acquire(self) -> None:
        self.handle = open(self.path, "a+")
        try:
            fcntl.flock(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.handle.seek(0)
            pid = self.handle.read().strip() or "?"
            self.handle.close()
            raise StorageError(
                f"{self.path.with_suffix('')}: another monitor daemon (pid {pid}) is running on this database;"
                " stop it first or pass another --db"
            ) from None
        self.handle.seek(0)
        self.handle.truncate()
        self.handle.write(str(os.getpid()))
        self.handle.flush()

    def release(self) -> None:
        if self.handle:
            fcntl.flock(self.handle, fcntl.LOCK_UN)
            self.handle.close()


class Daemon:
    def __init__(self, app: App, config_path: str | None, db_override: str | None):
        self.app = app
        self.config_path = config_path
        self.db_override = db_override
        self.pipeline = Pipeline(app)
        self.outbox = Outbox(app)
        self.stop = threading.Event()
        self.reload = threading.Event()
        self.scheduler = BackgroundScheduler(
            timezone=timezone.utc,
            executors={"default": ThreadPoolExecutor(max(2, app.config.fetch.concurrency))},
            job_defaults={"coalesce": True, "misfire_grace_time": MISFIRE_GRACE_SECONDS, "max_instances": 1},
        )
        self.lock = DaemonLock(app.config.storage_path)
        self.last_tick = utcnow()

    # -- jobs ---------------------------------------------------------------

    def _feed_job(self, feed: Feed) -> None:
        outcome = self.pipeline.poll_feed(feed)
        if outcome and outcome.alerts:
            self._send_outbox()

    def _send_outbox(self) -> None:
        try:
            self.outbox.send_due()
        except Exception:
            log.exception("outbox_crashed")

    def _send_digest(self, channel_name: str) -> None:
        for channel in self.outbox.digest_channels():
            if channel.name == channel_name:
                try:
                    self.outbox.send_digest(channel)
                except Exception:
                    log.exception("digest_crashed", channel=channel_name)

    def _prune(self) -> None:
        removed, cutoff = self.app.prune()
        log.info("pruned", articles=removed, older_than=iso(cutoff))

    def schedule_feeds(self, feeds: list[Feed], first_run_spread: float = 2.0) -> None:
        wanted = {f"feed:{f.name}": f for f in feeds if f.enabled}
        for job in self.scheduler.get_jobs():
            if job.id.startswith("feed:") and job.id not in wanted:
                job.remove()
                log.info("feed_unscheduled", feed=job.id[5:])
        jitter = self.app.config.fetch.jitter_seconds
        for job_id, feed in wanted.items():
            existing = self.scheduler.get_job(job_id)
            if existing is not None and existing.args[0] == feed:
                continue
            start = utcnow() + timedelta(seconds=random.uniform(0, first_run_spread))
            self.scheduler.add_job(
                self._feed_job,
                "interval",
                seconds=feed.interval_seconds,
                jitter=min(jitter, feed.interval_seconds // 4) or None,
                args=[feed],
                id=job_id,
                name=feed.name,
                replace_existing=True,
                next_run_time=start if existing is None else existing.next_run_time,
            )
            log.info("feed_scheduled", feed=feed.name, url=feed.url, interval_s=feed.interval_seconds)

    def schedule_service_jobs(self) -> None:
        # The heartbeat (database tick and systemd watchdog) runs as a job, so it
        # stops when the scheduler's workers are wedged and systemd restarts us.
        self.scheduler.add_job(self.heartbeat, "interval", seconds=heartbeat_interval(), id="heartbeat", replace_existing=True,
                               next_run_time=utcnow())
        self.scheduler.add_job(self._send_outbox, "interval", seconds=OUTBOX_SECONDS, id="outbox", replace_existing=True, next_run_time=utcnow())
        self.scheduler.add_job(self._prune, "interval", hours=24, id="prune", replace_existing=True, next_run_time=utcnow() + timedelta(seconds=5))
        for job in self.scheduler.get_jobs():
            if job.id.startswith("digest:"):
                job.remove()
        for channel in self.outbox.digest_channels():
            trigger = CronTrigger.from_crontab(channel.schedule, timezone=channel.timezone)
            self.scheduler.add_job(self._send_digest, trigger, args=[channel.name], id=f"digest:{channel.name}", replace_existing=True)
            log.info("digest_scheduled", channel=channel.name, schedule=channel.schedule, timezone=channel.timezone)

    # -- control ------------------------------------------------------------

    def _on_stop(self, signum, frame) -> None:
        log.info("stopping", signal=signal.Signals(signum).name)
        self.stop.set()
        self.pipeline.stopping.set()

    def _on_hup(self, signum, frame) -> None:
        self.reload.set()

    def do_reload(self) -> None:
        try:
            config = load_config(self.config_path, self.db_override)
        except UserError as exc:
            log.error("reload_failed", error=str(exc), keeping="the previous configuration")
            return
        if config.storage_path != self.app.config.storage_path:
            log.warning("reload_storage_ignored", reason="the database path changes only with a restart")
            config.storage_path = self.app.config.storage_path
        self.app.config = config
        self.app.plugins.config = config
        self.app.plugins.start()
        self.app.channels = self.app.collect_channels()
        self.schedule_feeds(config.feeds, first_run_spread=2.0)
        self.schedule_service_jobs()
        log.info("reloaded", feeds=len([f for f in config.feeds if f.enabled]))

    def heartbeat(self) -> None:
        self.last_tick = utcnow()
        try:
            self.app.store.set_meta("heartbeat", iso(self.last_tick))
        except Exception as exc:
            log.warning("heartbeat_failed", error=str(exc))
            return
        sd_notify("WATCHDOG=1")

    def run(self) -> int:
        self.lock.acquire()
        signal.signal(signal.SIGTERM, self._on_stop)
        signal.signal(signal.SIGINT, self._on_stop)
        signal.signal(signal.SIGHUP, self._on_hup)
        try:
            self.scheduler.start()
            self.schedule_feeds(self.app.config.feeds)
            self.schedule_service_jobs()
            self.heartbeat()
            sd_notify("READY=1\nSTATUS=watching %d feeds" % len(self.app.config.feeds))
            log.info("started", feeds=len([f for f in self.app.config.feeds if f.enabled]), db=str(self.app.config.storage_path), pid=os.getpid())
            while not self.stop.wait(0.5):  # signals are handled here, between waits
                if self.reload.is_set():
                    self.reload.clear()
                    sd_notify("RELOADING=1")
                    self.do_reload()
                    sd_notify("READY=1")
            sd_notify("STOPPING=1")
            self.app.store.execute("DELETE FROM meta WHERE key = 'heartbeat'")  # `monitor status`: not running
            # Running jobs finish the article in hand (the pipeline checks
            # `stopping` between articles) and commit; queued runs are dropped.
            self.scheduler.shutdown(wait=True)
            log.info("stopped")
            return 0
        finally:
            if self.scheduler.running:
                self.scheduler.shutdown(wait=False)
            self.pipeline.close()
            self.lock.release()


def heartbeat_interval() -> float:
    """Every HEARTBEAT_SECONDS, or at half systemd's watchdog interval if shorter."""
    watchdog_usec = os.environ.get("WATCHDOG_USEC", "")
    if watchdog_usec.isdigit() and int(watchdog_usec) > 0:
        return min(HEARTBEAT_SECONDS, int(watchdog_usec) / 2_000_000)
    return HEARTBEAT_SECONDS


def heartbeat_age(app: App) -> timedelta | None:
    value = app.store.get_meta("heartbeat")
    return utcnow() - datetime.fromisoformat(value) if value else None


def run_daemon(config_path: str | None, db: str | None) -> int:
    app = App.open(config_path, db)
    try:
        return Daemon(app, config_path, db).run()
    finally:
        app.close()

