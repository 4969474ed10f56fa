"""Wiring: configuration, storage, plugins, baseline and channels, opened once
per command or daemon run."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from monitor.baseline import Baseline, load_baseline
from monitor.config import Config, load_config
from monitor.log import get_logger
from monitor.models import Channel
from monitor.plugin_manager import PluginManager
from monitor.store import Store, utcnow

log = get_logger("monitor")


@dataclass
class App:
    config: Config
    store: Store
    plugins: PluginManager
    baseline: Baseline
    channels: list[Channel] = field(default_factory=list)

    @classmethod
    def open(cls, config_path: str | None = None, db: str | None = None, config: Config | None = None) -> App:
        config = config or load_config(config_path, db)
        baseline = load_baseline(config)
        store = Store(config.storage_path)
        plugins = PluginManager(config, store).load()
        plugins.start()
        app = cls(config, store, plugins, baseline)
        app.seed_baseline()
        app.channels = app.collect_channels()
        return app

    def close(self) -> None:
        self.plugins.stop()
        self.store.close()

    def prune(self, dry_run: bool = False) -> tuple[int, datetime]:
        """The pruning rule, for the daemon's daily job and `monitor prune`:
        articles fetched more than ``[storage] prune_after`` ago are forgotten
        (alerts keep their own copy of what they cite). Returns how many
        (would be) removed, and the cutoff."""
        cutoff = utcnow() - timedelta(days=self.config.prune_after_days)
        return self.store.prune_articles(cutoff, dry_run=dry_run), cutoff

    def seed_baseline(self) -> None:
        """The current state starts as the baseline: write its facts where the
        database has none yet (once per baseline version)."""
        digest = self.baseline.digest()
        with self.store.transaction() as conn:
            if self.store.baseline_seeded(conn, digest):
                return
            for fact in self.baseline.state:
                self.store.seed_state(conn, fact.detector, fact.subject, fact.value, self.baseline.published)
            for claim in self.baseline.claims:
                known = self.store.known_claims(
                    conn, claim.detector, claim.claimant, claim.claim_type, claim.target, claim.topic
                )
                if claim.figure not in known:
                    self.store.add_claim(
                        conn,
                        claim.detector,
                        claim.claimant,
                        claim.claim_type,
                        claim.target,
                        claim.topic,
                        claim.figure,
                        claim.statement,
                        self.baseline.published,
                        None,
                        from_baseline=True,
                    )
            self.store.mark_baseline_seeded(conn, digest)

    def collect_channels(self) -> list[Channel]:
        channels: list[Channel] = []
        for plugin, offered in self.plugins.call("channels"):
            for channel in offered or []:
                if isinstance(channel, Channel):
                    channels.append(channel if channel.plugin == plugin else Channel(**{**vars(channel), "plugin": plugin}))
                else:
                    log.error("plugin_bad_channel", plugin=plugin, got=repr(channel)[:200])
        return channels
