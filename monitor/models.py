"""The types that cross a boundary: between the core, the store and the plugins.

Plugins receive and return these; they never see a database row or an HTTP
response. All datetimes are timezone-aware UTC.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone, tzinfo
from typing import Any, Literal

Severity = Literal["high", "medium", "low"]


def one_line(text: str | None) -> str:
    """Feed text as one line: every run of whitespace (line breaks, tabs,
    non-breaking spaces) becomes one space, none at either end."""
    return " ".join(text.split()) if text else ""
SEVERITIES: tuple[str, ...] = ("low", "medium", "high")


@dataclass(frozen=True)
class Feed:
    """A configured feed. `url` is the configured address."""

    name: str
    url: str
    interval_seconds: int = 900
    enabled: bool = True
    full_text: str = "auto"  # fetch the article's page: "auto" | "always" | "never"


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
    # The main text of the article's own page, when the feed gave only a
    # teaser and the core fetched it (see monitor/pages.py); else empty.
    page_text: str = ""

    @property
    def full_text(self) -> str:
        """Title, feed text and page text as detectors read them: the title is
        its own sentence, the page text follows the feed's."""
        # Every detector asks; one string object, built once, also lets the
        # text-keyed caches reuse its hash. Rebuilt if a part is replaced.
        cached = self.__dict__.get("_full_text")
        if cached is not None and cached[0] is self.title and cached[1] is self.text and cached[2] is self.page_text:
            return cached[3]
        title = self.title.strip()
        if title and not title.endswith((".", "!", "?")):
            title += "."
        full = f"{title}\n\n{self.text}".strip()
        if self.page_text:
            full = f"{full}\n\n{self.page_text}"
        self.__dict__["_full_text"] = (self.title, self.text, self.page_text, full)
        return full

    def evidence_from(self, evidence: str) -> str:
        """"page" when ``evidence`` is found only in the page text, else "feed"."""
        if not self.page_text or not evidence:
            return "feed"
        full = self.full_text
        feed_part = full[: len(full) - len(self.page_text)]
        return "page" if evidence not in feed_part and evidence in self.page_text else "feed"


@dataclass
class Observation:
    """What an article asserts is true now, with the sentence that supports it.

    Two kinds share the state rules of docs/alerts.md:

    - ``kind="state"``: ``subject`` now has ``value`` (a ceasefire, a crossing).
      An alert is raised when the value differs from the current state.
    - ``kind="claim"``: an attributed assertion. ``subject`` is the claimant and
      ``value`` a short normalised statement; ``claim_type``, ``target``,
      ``figure`` (and an optional ``topic`` refining accusations) identify it.
      An alert is raised when no known claim has the same claimant, type, target
      and topic with a figure within 10 %.

    ``detector`` is filled in by the core with the plugin's name when empty.

    ``unless_current`` (state only) names current values this observation does
    not override: a breach reported while the truce is already ``collapsed``
    leaves it collapsed, so the ceasefire detector sends its ``violated`` with
    ``unless_current=("collapsed",)``. Against those values it raises nothing
    and moves nothing.
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
    unless_current: tuple[str, ...] = ()
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
    # Where the evidence sentence was read: "feed" (title or feed text) or
    # "page" (the article's page, fetched because the feed gave a teaser).
    evidence_from: str = "feed"
    # Other outlets that carried the same story: [{"feed": ..., "url": ...}]
    sources: list[dict[str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        # Feed text reaches the log, the terminal, e-mail and webhooks from
        # here: one line each, also for alerts stored before this rule.
        self.evidence = one_line(self.evidence)
        self.article_title = one_line(self.article_title)
        self.article_feed = one_line(self.article_feed)
        self.sources = [{**src, "feed": one_line(src.get("feed"))} for src in self.sources]

    @property
    def sentence(self) -> str:
        """The alert as a reader would say it: "Torkham: closed → open", or for
        a claim "Pakistan says 5 of its soldiers were killed"."""
        if self.claimant is None:
            change = f"{self.previous} → {self.current}" if self.previous else self.current
            return f"{self.subject}: {change.replace('_', ' ')}"
        return claim_sentence(self.claimant, self.claim_type, self.target, self.figure, self.current)

    def to_json(self) -> dict[str, Any]:
        """The JSON contract of docs/alerts.md ("An alert as data")."""
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
            "evidence_from": self.evidence_from,
            "article": {
                "url": self.article_url,
                "title": self.article_title,
                "published": self.article_published.isoformat(),
                "feed": self.article_feed,
            },
            "sources": self.sources,
            "created_at": self.created_at.isoformat(),
        }


@dataclass
class StateEntry:
    """One subject's current value, since when, and what set it: the alert
    (its article and sentence), or the baseline when ``alert_id`` is None."""

    detector: str
    subject: str
    value: str
    since: datetime | None
    alert_id: int | None = None
    article_url: str | None = None
    article_title: str | None = None
    article_feed: str | None = None
    evidence: str | None = None

    def since_text(self, now: datetime, tz: tzinfo | None = None) -> str:
        """"12 Oct, 43 days" (the year shown when it is not this one), in ``tz``."""
        if self.since is None:
            return "unknown"
        since, today = self.since.astimezone(tz or timezone.utc), now.astimezone(tz or timezone.utc)
        date = f"{since.day} {since:%b}" + (f" {since.year}" if since.year != today.year else "")
        days = (today.date() - since.date()).days
        return f"{date}, " + ("today" if days <= 0 else "1 day" if days == 1 else f"{days} days")

    def to_json(self) -> dict[str, Any]:
        return {
            "detector": self.detector,
            "subject": self.subject,
            "value": self.value,
            "since": self.since.isoformat() if self.since else None,
            "set_by": "alert" if self.alert_id is not None else "baseline",
            "alert_id": self.alert_id,
            "article": None if self.alert_id is None else {
                "url": self.article_url, "title": self.article_title, "feed": self.article_feed,
            },
            "evidence": self.evidence,
        }


# How a claim reads as a sentence. Parties' adjectives; other targets as named.
_ADJECTIVE = {"Pakistan": "Pakistani", "Afghanistan": "Afghan", "TTP": "TTP"}
_CHARGES = {
    "ceasefire_violation": "breaking the ceasefire",
    "harbouring": "harbouring or backing militants",
    "proxy": "acting as another state's proxy",
}


def claim_sentence(claimant: str, claim_type: str | None, target: str | None, figure: int | None, statement: str) -> str:
    """"Pakistan says 5 of its soldiers were killed", from a claim's fields; a
    claim type this does not know reads as its detector's own statement."""
    counted = "one" if figure == 1 else str(figure) if figure is not None else "some"
    if claim_type == "casualties":
        kind = next((k for k in ("wounded", "captured", "killed") if k in statement), "killed")
        verb = "was" if figure == 1 else "were"
        if target == claimant:
            return f"{claimant} says {counted} of its {'fighters' if claimant == 'TTP' else 'soldiers'} {verb} {kind}"
        if target == "civilians":
            noun = "civilians"
        elif target in _ADJECTIVE:
            noun = f"{_ADJECTIVE[target]} {'fighters' if target == 'TTP' else 'soldiers'}"
        else:
            noun = f"{target} people" if target else "people"
        if figure == 1:
            noun = noun[:-1] if noun.endswith("s") else noun.replace("people", "person")
        return f"{claimant} says {counted} {noun} {verb} {kind}"
    if claim_type == "territory":
        posts = f"{_ADJECTIVE.get(target, target)} posts" if target else "posts"
        if figure == 1:
            return f"{claimant} says one {posts[:-1]} was captured or destroyed"
        return f"{claimant} says {'several' if figure is None else figure} {posts} were captured or destroyed"
    if claim_type == "strike":
        return f"{claimant} reports a strike on {target or 'an unnamed place'}"
    if claim_type == "accusation":
        topic = statement.rsplit(":", 1)[-1].strip().replace(" ", "_") if ":" in statement else ""
        charge = _CHARGES.get(topic, topic.replace("_", " ") if topic and topic != "other" else "")
        return f"{claimant} accuses {target or 'another party'}" + (f" of {charge}" if charge else "")
    return statement if statement.startswith(claimant) else f"{claimant}: {statement}"


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
