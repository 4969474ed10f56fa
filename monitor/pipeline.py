"""The whole flow, from a feed's URL to stored alerts and pending deliveries.

1. fetch   (fetch.py)  — one scheduler job per feed; jobs run in parallel, within
                         the overall and per-host limits.
2. parse   (parse.py)  — in the fetching thread; an unchanged body (same hash)
                         or a 304 stops here.
3. dedup   (store.py)  — by guid within the feed, canonical URL and content hash
                         across feeds; a duplicate only adds its outlet as a source.
3b. pages  (pages.py)  — a new article that may matter and whose feed gives a
                         teaser gets its page's main text, read in parallel within
                         the per-host limit and the document's time budget.
4. detect  (plugins)   — each detector called on its own; a failure skips that
                         plugin for that article, nothing else.
5. state   (state.py)  — pure decisions: which observations are changes.
6. commit  (store.py)  — ONE transaction per document: its articles, the state
                         they move, their claims, alerts and pending deliveries.
                         A crash leaves all of it or none of it; the feed's
                         body hash is written after, so the document is redone.
7. deliver (outbox.py) — after the pass, outside the transaction.

Stages 3b and 4 run outside any lock, in parallel across feeds; stages 5–6 run under
one lock, articles judged one at a time, so the state each sees is the state
the previous one left.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from hashlib import sha256

from monitor.app import App
from monitor.config import severity_at_least
from monitor.fetch import Fetcher
from monitor.log import get_logger
from monitor.models import Alert, Article, Feed, Observation
from monitor.pages import PageReader, default_may_matter, wants_page
from monitor.parse import parse_feed
from monitor.state import DEFAULT_SEVERITY, claim_is_new, decide_state, is_before_baseline, merge_observations
from monitor.store import DuplicateKeys, iso, utcnow

log = get_logger("monitor.pipeline")

BACKOFF_BASE_SECONDS = 60


@dataclass
class PassResult:
    new: int = 0
    duplicates: int = 0
    alerts: list[Alert] = field(default_factory=list)
    stopped: bool = False


class Pipeline:
    def __init__(self, app: App, notify: bool = True, fetcher: Fetcher | None = None, offline: bool = False):
        self.app = app
        self.store = app.store
        self.notify = notify
        self.offline = offline  # never read articles' pages (replay --offline, eval)
        self._fetcher = fetcher
        self._pages: PageReader | None = None
        self.lock = threading.Lock()
        self.stopping = threading.Event()

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.app.config.fetch)
        return self._fetcher

    @property
    def pages(self) -> PageReader:
        if self._pages is None:
            config = self.app.config
            self._pages = PageReader(self.fetcher, self.store, config.full_text, max_workers=config.fetch.per_host)
        return self._pages

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()

    # -- 1–2: fetch and parse one feed ------------------------------------------

    def poll_feed(self, feed: Feed, force: bool = False) -> PassResult | None:
        """One fetch of one feed, with its backoff and disabling rules; None if
        it failed. A crash is that feed's alone: logged with its name, and the
        pass (``monitor once``) or the schedule (the daemon) goes on."""
        try:
            return self._poll_feed(feed, force)
        except Exception:
            log.exception("feed_poll_crashed", feed=feed.name, url=feed.url)
            return None

    def _poll_feed(self, feed: Feed, force: bool) -> PassResult | None:
        row = self.store.sync_feed(feed.name, feed.url)
        now = utcnow()
        if row["disabled_reason"]:
            log.debug("feed_skipped", feed=feed.name, reason=row["disabled_reason"])
            return None
        if not force and row["next_fetch"] and datetime.fromisoformat(row["next_fetch"]) > now + timedelta(seconds=1):
            log.debug("feed_backing_off", feed=feed.name, until=row["next_fetch"])
            return None
        result = self.fetcher.fetch(row["url"], row["etag"], row["last_modified"])
        fields: dict = {"last_fetch": iso(now), "last_status": result.status}
        if result.moved_to:
            fields["url"] = result.moved_to
            log.info("feed_moved", feed=feed.name, old_url=row["url"], url=result.moved_to)
        if result.status == 410:
            fields["disabled_reason"] = "410 Gone: the publisher removed this feed; remove or replace it in monitor.toml"
        if result.error:
            failures = (row["failures"] or 0) + 1
            delay = min(self.app.config.fetch.max_backoff_seconds, BACKOFF_BASE_SECONDS * 2 ** (failures - 1))
            if result.retry_after is not None:
                delay = max(delay, min(result.retry_after, self.app.config.fetch.max_backoff_seconds))
            fields.update(failures=failures, last_error=result.error, next_fetch=iso(now + timedelta(seconds=delay)), last_new=0)
            self.store.update_feed(feed.name, **fields)
            event = log.error if result.status == 410 else log.warning
            event(
                "fetch_failed",
                feed=feed.name,
                url=row["url"],
                status=result.status,
                error=result.error,
                failures=failures,
                retry_in_s=round(delay),
                disabled=fields.get("disabled_reason"),
                duration_ms=result.duration_ms,
            )
            return None
        fields.update(failures=0, last_error=None, next_fetch=iso(now + timedelta(seconds=feed.interval_seconds)))
        if result.not_modified:
            fields["last_new"] = 0
            self.store.update_feed(feed.name, **fields)
            log.info("fetch_not_modified", feed=feed.name, url=row["url"], status=304, duration_ms=result.duration_ms)
            return PassResult()
        body_hash = sha256(result.body or b"").hexdigest()
        fields.update(etag=result.etag, last_modified=result.last_modified, body_hash=body_hash)
        if body_hash == row["body_hash"]:
            fields["last_new"] = 0
            self.store.update_feed(feed.name, **fields)
            log.info("fetch_unchanged", feed=feed.name, url=row["url"], status=result.status, duration_ms=result.duration_ms)
            return PassResult()
        outcome = self.process_document(feed.name, result.body or b"", result.headers, source=row["url"], full_text=feed.full_text)
        fields["last_new"] = outcome.new
        self.store.update_feed(feed.name, **fields)
        log.info(
            "fetched",
            feed=feed.name,
            url=row["url"],
            status=result.status,
            new=outcome.new,
            duplicates=outcome.duplicates,
            alerts=len(outcome.alerts),
            duration_ms=result.duration_ms,
        )
        return outcome

    def poll_all(self, feeds: list[Feed], force: bool = True) -> list[PassResult | None]:
        """One pass over ``feeds`` in parallel (``monitor once``); None for a feed that failed."""
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(self.app.config.fetch.concurrency) as pool:
            return list(pool.map(lambda feed: self.poll_feed(feed, force=force), feeds))

    def process_document(self, feed_name: str, data: bytes, headers: dict | None = None, source: str = "",
                         full_text: str | None = None) -> PassResult:
        parsed = parse_feed(data, feed_name, headers)
        if parsed.bozo:
            event = log.warning if not parsed.articles else log.info
            event("feed_malformed", feed=feed_name, url=source, reason=parsed.bozo, entries=len(parsed.articles))
        if parsed.redated:
            log.info("entries_dated_when_fetched", feed=feed_name, url=source, entries=parsed.redated,
                     why="their own date was later than the fetch, before 1999, or unreadable")
        return self.process_articles(parsed.articles, full_text)

    # -- 3–6: dedup, detect, state, commit --------------------------------------

    def process_articles(self, articles: list[Article], full_text: str | None = None) -> PassResult:
        """Stages 3–6 for one document's articles, in order.

        Detection runs first, outside any lock or transaction, so feeds detect
        in parallel; then one transaction under the lock judges and stores
        them in order. A stop request ends detection early and commits what
        was judged: the article in hand is finished, none is half-stored.
        """
        result = PassResult()
        judged: list[tuple[Article, list[Observation]]] = []
        # Feeds list the same entries poll after poll: skip detecting those.
        known = self.store.already_stored(articles)
        seen_as_of = self.store.data_version()
        baseline_published = self.app.baseline.published
        to_detect = {
            index for index, article in enumerate(articles)
            if index not in known and not is_before_baseline(article.published, baseline_published)
        }
        if not self.offline and to_detect:
            self.read_pages([articles[i] for i in sorted(to_detect)], full_text)
        for index, article in enumerate(articles):
            if self.stopping.is_set():
                result.stopped = True
                break
            observations: list[Observation] = []
            if index in to_detect:
                observations = self.detect(article)
            judged.append((article, observations))
        if not judged:
            return result
        with self.lock, self.store.transaction() as conn:
            # Whether each article is new was answered above, for the whole
            # document in a few queries. Ask again, one query an article, only
            # where that answer may be stale: another connection (a feed in
            # another thread, another process) has committed since, the article
            # was a duplicate then, or it repeats one stored from this document.
            stale = self.store.data_version() != seen_as_of
            batch = DuplicateKeys()
            for index, (article, observations) in enumerate(judged):
                check = stale or index in known or batch.has(article)
                result.alerts.extend(self._commit(conn, article, observations, result, check))
                batch.add(article)
        return result

    def _commit(self, conn, article: Article, observations: list[Observation], result: PassResult, check: bool = True) -> list[Alert]:
        duplicate = self.store.find_duplicate(conn, article) if check else None
        if duplicate:
            reason, existing = duplicate
            if reason != "guid":
                self.store.add_source(conn, existing, article.feed, article.url)
            result.duplicates += 1
            log.debug("article_duplicate", feed=article.feed, url=article.url, reason=reason, article_id=existing)
            return []
        article.id = self.store.insert_article(conn, article)
        result.new += 1
        return self._apply(conn, article, observations)

    def read_pages(self, articles: list[Article], full_text: str | None = None) -> None:
        """Stage 3b: the pages worth reading, by each feed's ``full_text`` (the
        polled feed's own when given: a feed handed to ``poll_all`` need not be
        in the configuration)."""
        modes = {feed.name: feed.full_text for feed in self.app.config.feeds}
        teaser_chars = self.app.config.full_text.teaser_chars
        wanted: dict[str, list[Article]] = {}
        for article in articles:
            mode = full_text or modes.get(article.feed, "auto")  # replayed documents: the default
            if wants_page(mode, article.text, teaser_chars, lambda: self.may_matter(article)):
                wanted.setdefault(article.feed, []).append(article)
        self.pages.settings = self.app.config.full_text  # as reloaded (SIGHUP)
        for feed, chosen in wanted.items():
            self.pages.read_all(chosen, feed, self.stopping)

    def may_matter(self, article: Article) -> bool:
        """Any plugin's ``may_matter`` saying True, else the core's default."""
        context = {"feed": article.feed, "article": article.url or article.guid}
        if any(answer is True for _, answer in self.app.plugins.call("may_matter", context=context, article=article)):
            return True
        return default_may_matter(article)

    def detect(self, article: Article) -> list[Observation]:
        observations: list[Observation] = []
        context = {"feed": article.feed, "article": article.url or article.guid}
        for plugin, returned in self.app.plugins.call("detect", context=context, article=article):
            if returned is None or type(returned) is list and not returned:  # what most detectors say of most articles
                continue
            items = returned if isinstance(returned, (list, tuple)) else None
            bad = items is None or any(not isinstance(o, Observation) for o in items)
            if bad:
                error = TypeError(f"detect returned {type(returned).__name__}, expected a list of monitor.Observation")
                self.app.plugins.report_failure(plugin, "detect", error, context)
                continue
            for obs in items:
                if not obs.detector:
                    obs.detector = plugin
                observations.append(obs)
        return merge_observations(observations) if observations else observations

    def _apply(self, conn, article: Article, observations: list[Observation]) -> list[Alert]:
        store = self.store
        alerts: list[Alert] = []
        for obs in observations:
            if obs.kind == "claim":
                claimant = obs.claimant or obs.subject
                known = store.known_claims(conn, obs.detector, claimant, obs.claim_type or "", obs.target, obs.topic)
                if not claim_is_new(obs.figure, known):
                    continue
                store.add_claim(
                    conn, obs.detector, claimant, obs.claim_type or "", obs.target, obs.topic, obs.figure,
                    obs.value, article.published, article.id,
                )
                alerts.append(self._alert(article, obs, previous=None, subject=claimant))
                continue
            decision = decide_state(
                obs.value, store.get_state(conn, obs.detector, obs.subject), article.published,
                unless_current=obs.unless_current, also_fits=obs.also_fits,
            )
            if decision.move:
                store.set_state(conn, obs.detector, obs.subject, obs.value, article.published, article.id)
            if decision.alert:
                alerts.append(self._alert(article, obs, previous=decision.previous, subject=obs.subject))
        for alert in alerts:
            store.insert_alert(conn, alert)
            if self.notify:
                for channel in self.app.channels:
                    if _at_least(alert.severity, channel.min_severity):
                        store.add_delivery(conn, alert.id, channel.name)  # type: ignore[arg-type]
        return alerts

    def _alert(self, article: Article, obs: Observation, previous: str | None, subject: str) -> Alert:
        return Alert(
            detector=obs.detector,
            subject=subject,
            previous=previous,
            current=obs.value,
            severity=obs.severity or DEFAULT_SEVERITY,  # type: ignore[arg-type]
            evidence=obs.evidence,
            confidence=obs.confidence,
            article_url=article.url,
            article_title=article.title,
            article_published=article.published,
            article_feed=article.feed,
            article_id=article.id,
            created_at=datetime.now(timezone.utc),
            evidence_from=article.evidence_from(obs.evidence),
            claimant=(obs.claimant or obs.subject) if obs.kind == "claim" else None,
            claim_type=obs.claim_type if obs.kind == "claim" else None,
            target=obs.target if obs.kind == "claim" else None,
            figure=obs.figure if obs.kind == "claim" else None,
        )


def _at_least(severity: str, minimum: str) -> bool:
    try:
        return severity_at_least(severity, minimum)
    except ValueError:
        return True
