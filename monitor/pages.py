"""An article's own page, read when its feed gives only a teaser.

Most feeds carry a headline and a sentence or two; the sentence that matters
is often further down the page. For a new article that may matter (the
``may_matter`` hook, else the core's scope test) and whose feed text is short,
the core fetches its page once and extracts the main text with trafilatura;
detectors then read title, feed text and page text.

Polite and bounded, like a feed reader, not a crawler:

- the feeds' fetcher (monitor/fetch.py): the same User-Agent, per-host and
  overall limits, timeouts, size limit and redirect rules;
- each page asked for once: kept by canonical URL in the database (pages
  table, pruned with articles), whatever came back, across outlets and
  restarts; two feeds asking at once wait for one fetch;
- at most ``[full_text] per_host_daily`` pages from one host per UTC day;
- robots.txt honoured (urllib.robotparser), fetched by the same fetcher and
  kept a day;
- links that only lead to the article by running JavaScript (Google News) are
  never fetched;
- at most ``[full_text] time_budget`` of page reading per feed document: what
  is not read by then keeps its feed text.

A page that fails, is too large, is not HTML or yields no text leaves the
article judged on its feed text, with one log line.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

from monitor.config import FullTextSettings
from monitor.fetch import USER_AGENT, Fetcher
from monitor.log import get_logger
from monitor.models import Article
from monitor.parse import canonical_url
from monitor.store import Store, from_iso, utcnow
from monitor.text import load_scope

log = get_logger("monitor.pages")

PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"
ROBOTS_ACCEPT = "text/plain, */*;q=0.5"
ROBOTS_KEPT = timedelta(days=1)
# Hosts whose article links are redirects that only a browser running
# JavaScript follows: fetching them yields a consent or loader page, never the
# article. Their articles keep their feed text.
NEEDS_JAVASCRIPT = ("news.google.com",)
# Detectors read every sentence they are given: a page's text past this is
# comments, related stories and footers far more often than news.
PAGE_TEXT_LIMIT = 20_000
LOCK_STRIPES = 64
# Less than this is a menu or a cookie notice that extraction took for text.
MIN_PAGE_CHARS = 80
# A robots.txt that could not be fetched at all (no answer) forbids the host's
# pages for this long, not for the day a real answer is kept.
ROBOTS_RETRY = timedelta(hours=1)


@dataclass
class Page:
    """What reading one page gave: ``text`` when ``outcome`` is "ok", else why not."""

    url: str
    outcome: str
    text: str = ""
    status: int | None = None
    cached: bool = False
    asked: bool = False  # a request was made for it in this pass

    @property
    def ok(self) -> bool:
        return self.outcome == "ok"


# -- decisions (pure) ------------------------------------------------------------


def wants_page(mode: str, feed_text: str, teaser_chars: int, may_matter: Callable[[], bool]) -> bool:
    """Whether a new article's page is worth reading.

    ``never``: no. Otherwise only for an article that may matter; ``auto``
    only when its feed text is a teaser (shorter than ``teaser_chars``),
    ``always`` however long it is (feeds that cut their text mid-story).
    ``may_matter`` is asked last: it calls the plugins.
    """
    if mode == "never" or mode == "auto" and len(feed_text.strip()) >= teaser_chars:
        return False
    return may_matter()


def default_may_matter(article: Article) -> bool:
    """The core's answer when no plugin's ``may_matter`` says yes: the title
    or feed text names this conflict, by the scope terms every built-in
    detector opens with (so stories that only name Pakistan are not read)."""
    return load_scope("monitor.plugins.data", "scope.toml").inside.mentioned(article.full_text)


def needs_javascript(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return any(host == h or host.endswith("." + h) for h in NEEDS_JAVASCRIPT)


def is_html(content_type: str | None, body: bytes) -> bool:
    """HTML by its Content-Type; without one, by its first bytes."""
    if content_type:
        kind = content_type.split(";")[0].strip().lower()
        return kind in ("text/html", "application/xhtml+xml")
    return body.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html"))


def _words(text: str) -> str:
    return " ".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def page_body(extracted: str, title: str, feed_text: str) -> str:
    """The page's paragraphs, blank-line separated, less those the feed
    already gave (the headline, the teaser), within PAGE_TEXT_LIMIT."""
    known = _words(f"{title} {feed_text}")
    kept, size = [], 0
    for paragraph in extracted.splitlines():
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        words = _words(paragraph)
        if not words or words in known:
            continue
        if size + len(paragraph) > PAGE_TEXT_LIMIT:
            break
        kept.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(kept)


def _robots_url(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))


def _robots_parser(status: int | None, text: str | None) -> RobotFileParser:
    """As RobotFileParser.read() judges an answer: 401/403 forbid everything,
    other 4xx allow everything; no answer or a 5xx forbids, as RFC 9309 asks
    of a robots.txt that cannot be reached."""
    parser = RobotFileParser()
    if status is not None and 200 <= status < 300:
        parser.parse((text or "").splitlines())
    elif status in (401, 403):
        parser.disallow_all = True
    elif status is not None and 400 <= status < 500:
        parser.allow_all = True
    else:
        parser.disallow_all = True
    return parser


# -- I/O ---------------------------------------------------------------------------


class PageReader:
    """Reads articles' pages for the pipeline; one per Pipeline, shared by its threads."""

    def __init__(self, fetcher: Fetcher, store: Store, settings: FullTextSettings, max_workers: int = 2):
        self.fetcher = fetcher
        self.store = store
        self.settings = settings
        self.max_workers = max(1, max_workers)
        self._lock = threading.Lock()
        # Striped locks, so that two feeds reading one page (or one host's
        # robots.txt) wait for a single fetch. Always taken page first, robots
        # second: two arrays, so no thread waits on a lock it holds.
        self._page_locks = [threading.Lock() for _ in range(LOCK_STRIPES)]
        self._robots_locks = [threading.Lock() for _ in range(LOCK_STRIPES)]
        self._robots: dict[str, tuple[datetime, RobotFileParser, str | None]] = {}
        self._spent: dict[tuple[str, str], int] = {}  # (host, UTC day) -> pages asked for

    def read_all(self, articles: list[Article], feed: str, stopping: threading.Event | None = None) -> None:
        """Read each article's page, in parallel within the per-host limit and
        within the time budget (or until ``stopping`` is set); set
        ``page_text`` where a page gave text. Each article not read gets one
        log line saying why."""
        if not articles:
            return
        deadline = time.monotonic() + self.settings.time_budget_seconds
        pool = ThreadPoolExecutor(self.max_workers, thread_name_prefix="page")
        futures = {pool.submit(self.read, article, deadline): article for article in articles}
        done: set = set()
        try:
            while len(done) < len(futures) and time.monotonic() < deadline:
                if stopping is not None and stopping.is_set():
                    break
                done, _ = wait(futures, timeout=min(0.5, max(0.0, deadline - time.monotonic())))
        finally:
            # Pages not started are dropped; one still arriving stops at the deadline.
            pool.shutdown(wait=False, cancel_futures=True)
        for future, article in futures.items():
            if future not in done:
                why = "stopping" if stopping is not None and stopping.is_set() else f"not read within the time budget ({self.settings.time_budget_seconds}s)"
                page = Page(article.url, why)
            else:
                try:
                    page = future.result()
                except Exception:  # a bug here must not cost the feed its pass
                    log.exception("page_crashed", feed=feed, url=article.url)
                    continue
            if page.ok:
                article.page_text = page_body(page.text, article.title, article.text)
                if not article.page_text:
                    page = Page(page.url, "the page adds nothing to the feed text", status=page.status, cached=page.cached)
            self._report(page, article, feed)

    def _report(self, page: Page, article: Article, feed: str) -> None:
        if page.ok:
            log.info("page_read", feed=feed, url=page.url, chars=len(article.page_text), cached=page.cached)
            return
        # A request that failed is worth a warning; a page monitor chose not to
        # ask for (robots.txt, a budget, a Google News link) or already knew is not.
        event = log.warning if page.asked else log.info
        event("page_unavailable", feed=feed, url=page.url, reason=page.outcome, status=page.status, cached=page.cached)

    def read(self, article: Article, deadline: float) -> Page:
        url = article.url
        if needs_javascript(url):
            return Page(url, "the link leads to the article only through JavaScript (Google News); feed text kept")
        key = article.canonical_url or canonical_url(url)
        host = (urlsplit(url).hostname or "").lower()
        if not host or urlsplit(url).scheme not in ("http", "https"):
            return Page(url, "not an http(s) link")
        with self._page_locks[hash(key) % LOCK_STRIPES]:  # another feed may be reading the same page now
            row = self.store.get_page(key)
            if row is not None and row["kind"] == "article":
                return Page(url, row["outcome"], row["text"] or "", row["status"], cached=True)
            refusal = self._robots_refusal(url, deadline)
            if refusal:
                return Page(url, refusal)
            if not self._take_from_budget(host):
                # Not stored: tomorrow's budget may read it.
                return Page(url, f"daily page budget for {host} spent ({self.settings.per_host_daily})")
            page = self._fetch(url, deadline)
            page.asked = True
            self.store.save_page(key, "article", host, page.outcome, page.status, page.text if page.ok else None)
            return page

    def _fetch(self, url: str, deadline: float) -> Page:
        result = self.fetcher.fetch(url, accept=PAGE_ACCEPT, deadline=deadline)
        if result.error:
            return Page(url, result.error, status=result.status)
        if result.status != 200 or result.body is None:
            return Page(url, f"HTTP {result.status} without a page", status=result.status)
        content_type = result.headers.get("content-type")
        if not is_html(content_type, result.body):
            return Page(url, f"not HTML ({content_type or 'no Content-Type'})", status=result.status)
        import trafilatura  # here: its import costs every command a seventh of a second

        try:
            text = trafilatura.extract(
                result.body,
                url=result.headers.get("content-location", url),
                include_comments=False,
                include_tables=False,
                favor_precision=True,
            )
        except Exception as exc:  # trafilatura on hostile markup
            return Page(url, f"extraction failed ({type(exc).__name__})", status=result.status)
        if not text or len(text.strip()) < MIN_PAGE_CHARS:
            return Page(url, "no article text found on the page", status=result.status)
        return Page(url, "ok", text.strip(), result.status)

    def _take_from_budget(self, host: str) -> bool:
        now = utcnow()
        day = now.date().isoformat()
        with self._lock:
            if (host, day) not in self._spent:
                self._spent = {k: v for k, v in self._spent.items() if k[1] == day}  # yesterday's are done
                start = datetime(now.year, now.month, now.day, tzinfo=timezone.utc)
                self._spent[(host, day)] = self.store.pages_fetched_since(host, start)
            if self._spent[(host, day)] >= self.settings.per_host_daily:
                return False
            self._spent[(host, day)] += 1
            return True

    def _robots_refusal(self, url: str, deadline: float) -> str | None:
        """Why robots.txt forbids reading ``url``, or None when it allows it."""
        robots_url = _robots_url(url)
        with self._robots_locks[hash(robots_url) % LOCK_STRIPES]:
            now = utcnow()
            held = self._robots.get(robots_url)
            if held is None or now - held[0] > ROBOTS_KEPT:
                held = self._load_robots(robots_url, deadline, now)
                self._robots[robots_url] = held
        if held[1].can_fetch(USER_AGENT, url):
            return None
        return held[2] or "robots.txt disallows it"

    def _load_robots(self, robots_url: str, deadline: float, now: datetime) -> tuple[datetime, RobotFileParser, str | None]:
        row = self.store.get_page(robots_url)
        if row is not None and row["kind"] == "robots":
            fetched_at = from_iso(row["fetched_at"])
            if fetched_at and now - fetched_at <= ROBOTS_KEPT:
                return fetched_at, _robots_parser(row["status"], row["text"]), None
        result = self.fetcher.fetch(robots_url, accept=ROBOTS_ACCEPT, deadline=deadline)
        # No answer, or a server error: forbid for now, ask again within the hour.
        status = None if result.status is None or result.status >= 500 or (result.error and result.status < 400) else result.status
        text = (result.body or b"").decode("utf-8", "replace") if result.ok else None
        if status is None:
            why = f"robots.txt could not be read ({result.error or result.status}), which forbids reading for now"
            return now - ROBOTS_KEPT + ROBOTS_RETRY, _robots_parser(None, None), why
        host = (urlsplit(robots_url).hostname or "").lower()
        self.store.save_page(robots_url, "robots", host, "ok" if result.ok else (result.error or "failed"), status, text)
        return now, _robots_parser(status, text), None
