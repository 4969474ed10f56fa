"""The types that cross a boundary: between the core, the store and the plugins.

Plugins receive and return these; they never see a database row or an HTTP
response. All datetimes are timezone-aware UTC.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

Severity = Literal["high", "medium", "low"]
SEVERITIES: tuple[str, ...] = ("low", "medium", "high")


@dataclass(frozen=True)
class Feed:
    """A configured feed. `url` is the configured address."""

    name: str
    url: str
    interval_seconds: int = 900
    enabled: bool = True


@dataclass
class Article:
    """One feed entry, normalised: plain text, UTC date, canonical URL."""

    feed: str
    guid: str
    url: str
    title: str
    text: str
    published: datetime
    content_hash: str = ""
    language: str | None = None
    canonical_url: str = ""  # for deduplication; ``url`` stays the entry's link
    id: int | None = None  # set once stored

    @property
    def full_text(self) -> str:
        """Title and body as detectors read them: the title is its own sentence."""
        # Every detector asks; one string object, built once, also lets the
        # text-keyed caches reuse its hash. Rebuilt if title or text is replaced.
        cached = self.__dict__.get("_full_text")
        if cached is not None and cached[0] is self.title and cached[1] is self.text:
            return cached[2]
        title = self.title.strip()
        if title and not title.endswith((".", "!", "?")):
            title += "."
        full = f"{title}\n\n{self.text}".strip()
        self.__dict__["_full_text"] = (self.title, self.text, full)
        return full


@dataclass
class Observation:
    """What an article asserts is true now, with the sentence that supports it.

    Two kinds share the state rules of ALERTS.md:

    - ``kind="state"``: ``subject`` now has ``value`` (a ceasefire, a crossing).
      An alert is raised when the value differs from the current state.
    - ``kind="claim"``: an attributed assertion. ``subject`` is the claimant and
      ``value`` a short normalised statement; ``claim_type``, ``target``,
      ``figure`` (and an optional ``topic`` refining accusations) identify it.
      An alert is raised when no known claim has the same claimant, type, target
      and topic with a figure within 10 %.

    ``detector`` is filled in by the core with the plugin's name when empty.
    """

    subject: str
    value: str
    evidence: str
    kind: Literal["state", "claim"] = "state"
    confidence: float = 1.0
    severity: Severity | None = None
    claim_type: str | None = None
    claimant: str | None = None
    target: str | None = None
    figure: int | None = None
    topic: str | None = None
    detector: str = ""
    # State values this observation also fits, said in looser words: "Torkham
    # reopened" fits a reopening for refugees only reported in the days before,
    # so it retells that state instead of changing it (see state.decide_state).
    also_fits: tuple[str, ...] = ()
    # Where in the article the evidence sits (character offsets), for baselines.
    start: int | None = None
    end: int | None = None


@dataclass
class Alert:
    """A change of state, or a new claim, as users and scripts read it."""

    detector: str
    subject: str
    previous: str | None
    current: str
    severity: Severity
    evidence: str
    article_url: str
    article_title: str
    article_published: datetime
    article_feed: str
    created_at: datetime
    claimant: str | None = None
    claim_type: str | None = None
    target: str | None = None
    figure: int | None = None
    confidence: float = 1.0
    id: int | None = None
    article_id: int | None = None
    # Other outlets that carried the same story: [{"feed": ..., "url": ...}]
    sources: list[dict[str, str]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The JSON contract of ALERTS.md ("An alert as data")."""
        return {
            "id": self.id,
            "detector": self.detector,
            "subject": self.subject,
            "previous": self.previous,
            "current": self.current,
            "claimant": self.claimant,
            "claim_type": self.claim_type,
            "target": self.target,
            "figure": self.figure,
            "severity": self.severity,
            "confidence": self.confidence,
            "evidence": self.evidence,
            "article": {
                "url": self.article_url,
                "title": self.article_title,
                "published": self.article_published.isoformat(),
                "feed": self.article_feed,
            },
            "sources": self.sources,
            "created_at": self.created_at.isoformat(),
        }


@dataclass(frozen=True)
class Channel:
    """A delivery channel a notifier plugin offers.

    The outbox decides *when* a channel sends: ``schedule`` None means as soon
    as possible, one message per alert; a cron expression means one digest of
    everything pending at each tick. ``min_severity`` filters what it gets.
    """

    name: str
    plugin: str
    schedule: str | None = None
    timezone: str = "UTC"
    min_severity: str = "low"
    send_empty: bool = False


@dataclass
class Delivery:
    """One message a channel has to send: one alert, or a digest of several."""

    channel: str
    alerts: list[Alert]
    message_id: str
    is_digest: bool = False
    ids: list[int] = field(default_factory=list)  # delivery rows covered
