"""Feed bytes → ``Article``s: plain text, UTC dates, canonical URL, content hash.

feedparser gets the response headers with the bytes, so a charset declared by
the server is honoured. A "bozo" feed (malformed) that still has entries is
processed; the bozo reason is reported to the caller.
"""

from __future__ import annotations

import calendar
import functools
import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from html import unescape
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import feedparser
import feedparser.mixin
import feedparser.urls

from monitor.models import Article, one_line

# The date rule (docs/alerts.md, "Dates"): an entry is dated when it was fetched
# (or, for `monitor replay`, when its document was read) when its own date
# cannot be believed:
# - later than that moment: a publisher's wrong clock. Trusted, it would make
#   every real report that follows look older, and state never moves back in
#   time, so one bad date would silently drop later changes;
# - before EARLIEST_PLAUSIBLE: no web feed carried news before RSS appeared in
#   1999, so such a date is a placeholder (the Unix epoch that an empty date
#   field often becomes, the year 1, …), not when the story was published;
# - missing or unparseable.
EARLIEST_PLAUSIBLE = datetime(1999, 1, 1, tzinfo=timezone.utc)

_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|ref|src)$", re.I)
_BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article"}


def _memoize_feedparser_url_joins() -> None:
    """At every element it opens, feedparser joins the document's base address
    (the feed's URL, from Content-Location) with the element's own base, which
    is that same address: urljoin, urlparse and a regular expression, for one
    answer per document. That was a fifth of its time on a fetched feed. Both
    functions are pure functions of their strings, so remembering their answers
    changes none of them; they are replaced where feedparser's parser looks
    them up, and left alone if a later feedparser no longer has them there."""
    for name in ("make_safe_absolute_uri", "_urljoin"):
        original = getattr(feedparser.urls, name, None)
        if callable(original) and getattr(feedparser.mixin, name, None) is original:
            setattr(feedparser.mixin, name, functools.lru_cache(maxsize=1024)(original))


_memoize_feedparser_url_joins()


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n" if tag != "br" else "\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


# A plain tag as entry HTML writes most of them: a name, attributes whose
# values hold no "<" or ">", perhaps "/" before the end.
_SIMPLE_TAG = re.compile(r"""<(/?)([a-zA-Z][a-zA-Z0-9]*)(?:\s+[a-zA-Z_:][-\w:.]*(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>=`]+))?)*\s*(/?)>""")
# Runs of spaces and other blanks become one space; spaces around a line break go.
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]{2,}|[\t\r\f\v\u00a0]")
_SPACES_AROUND_LINE_BREAK = re.compile(r" +\n *|\n +")
_BLANK_LINES = re.compile(r"\n{3,}")
# Elements whose content is not text (or not read as markup): left to HTMLParser.
_NOT_TEXT = {"script", "style", "textarea", "title", "xmp", "plaintext", "iframe", "noembed", "noframes", "noscript"}


def _simple_markup_text(markup: str) -> str | None:
    """What ``_TextExtractor`` makes of markup made only of plain tags, text
    and character references, read with one regular expression instead of
    HTMLParser's state machine (a tenth of a feed's parse on the default
    feeds' HTML); None for anything else (comments, CDATA, scripts, a stray
    "<"), which HTMLParser reads."""
    parts = _SIMPLE_TAG.split(markup)
    out: list[str] = []
    for i in range(0, len(parts), 4):  # text, then each tag's "/", name and closing "/"
        data = parts[i]
        if "<" in data:
            return None
        out.append(unescape(data) if "&" in data else data)
        if i + 1 < len(parts):
            end, name, self_closing = parts[i + 1], parts[i + 2].lower(), parts[i + 3]
            if name in _NOT_TEXT:
                return None
            if name in _BLOCK_TAGS:
                # as HTMLParser calls it: "<br/>" is a start tag and an end tag
                if end:
                    out.append("\n\n")
                else:
                    out.append("\n\n" if name != "br" else "\n")
                    if self_closing:
                        out.append("\n\n")
    return "".join(out)


def html_to_text(html: str) -> str:
    """Entry HTML → plain text with paragraphs kept as blank lines."""
    if "<" not in html and "&" not in html:
        if "\n" not in html:  # the common case: one plain line
            return " ".join(html.split())
        text = html
    else:
        text = _simple_markup_text(html)
        if text is None:
            extractor = _TextExtractor()
            try:
                extractor.feed(html)
                extractor.close()
            except Exception:  # malformed markup: fall back to stripping tags
                return re.sub(r"<[^>]*>", " ", html).strip()
            text = "".join(extractor.parts)
    # (each pattern only where a quick look finds what it changes: most
    # entries' text has single spaces and clean paragraph breaks)
    if "  " in text or any(blank in text for blank in "\t\r\f\v\u00a0"):
        text = _SPACES.sub(" ", text)
    if " \n" in text or "\n " in text:
        text = _SPACES_AROUND_LINE_BREAK.sub("\n", text)
    if "\n\n\n" in text:
        text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no fragment, no tracking parameters."""
    if not url:
        return ""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    query = parts.query
    if query:  # most article links have none
        query = urlencode([(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if not _TRACKING.match(k)])
    netloc = parts.netloc.lower()
    if netloc.endswith(":80") and parts.scheme == "http" or netloc.endswith(":443") and parts.scheme == "https":
        netloc = netloc.rsplit(":", 1)[0]
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", query, ""))


def content_hash(title: str, text: str) -> str:
    """The same wire story in several outlets hashes alike: case, spacing and
    punctuation do not count."""
    words = re.findall(r"\w+", f"{title} {text}".lower())
    if not words:
        return ""
    return hashlib.sha256(" ".join(words).encode()).hexdigest()[:32]


def make_article(
    feed: str, guid: str, link: str, title: str, text: str, published: datetime, language: str | None = None
) -> Article:
    """An Article from plain title and text, with its canonical URL and content
    hash: the one place these are derived, for feeds and for `monitor eval`.
    The title and the feed's name are shown on one line wherever an alert
    goes, so they are stored as one."""
    return Article(
        feed=one_line(feed),
        guid=guid,
        url=link,
        canonical_url=canonical_url(link),
        title=one_line(title),
        text=text,
        published=published,
        content_hash=content_hash(title, text),
        language=language,
    )


@dataclass
class ParsedFeed:
    articles: list[Article] = field(default_factory=list)
    bozo: str | None = None  # why feedparser found the document malformed
    title: str = ""
    # Entries whose own date was not believed (later than the fetch, implausibly
    # early, unreadable) and which were dated at the fetch instead.
    redated: int = 0


def entry_date(entry, fetched_at: datetime) -> tuple[datetime, bool]:
    """The entry's publication date by the date rule above, and whether its own
    date was replaced by the fetch moment."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                dt = datetime.fromtimestamp(calendar.timegm(value), tz=timezone.utc)
            except (OverflowError, ValueError, TypeError):
                continue
            if EARLIEST_PLAUSIBLE <= dt <= fetched_at:
                return dt, False
            return fetched_at, True
    # No date, or none feedparser could read: the raw field says which.
    raw = any(entry.get(key) for key in ("published", "updated", "created"))
    return fetched_at, raw


def _entry_text(entry) -> str:
    for content in entry.get("content") or []:
        value = content.get("value")
        if value:
            return html_to_text(value)
    # As FeedParserDict's "description": the summary, else the subtitle (iTunes).
    return html_to_text(entry.get("summary") or entry.get("subtitle") or "")


def parse_feed(
    data: bytes, feed_name: str, headers: dict[str, str] | None = None, fetched_at: datetime | None = None
) -> ParsedFeed:
    fetched_at = fetched_at or datetime.now(timezone.utc)
    # The entry HTML becomes plain text below, so feedparser's sanitising and
    # relative-URI resolution (for displaying HTML) would be wasted work.
    parsed = feedparser.parse(data, response_headers=headers or {}, sanitize_html=False, resolve_relative_uris=False)
    result = ParsedFeed(title=parsed.feed.get("title", "") if parsed.get("feed") else "")
    if parsed.get("bozo"):
        result.bozo = f"{type(parsed.get('bozo_exception')).__name__}: {parsed.get('bozo_exception')}"
    feed_language = (parsed.get("feed") or {}).get("language")
    seen: set[str] = set()
    for parsed_entry in parsed.entries:
        # A plain copy: FeedParserDict maps every key lookup through its
        # aliases ("description" -> "summary", ...), a tenth of our own cost
        # per entry, and the keys read here are the entries' real ones.
        entry = dict(parsed_entry)
        title = html_to_text(entry.get("title") or "")
        text = _entry_text(entry)
        link = entry.get("link") or ""
        published, redated = entry_date(entry, fetched_at)
        result.redated += redated
        article = make_article(
            feed_name, entry.get("id") or link, link, title, text, published,
            entry.get("language") or feed_language,
        )
        if not article.guid:
            article.guid = "sha256:" + (
                article.content_hash or hashlib.sha256(repr(sorted(entry.keys())).encode()).hexdigest()[:32]
            )
        if article.guid in seen:  # a duplicate guid inside one document: the first wins
            continue
        seen.add(article.guid)
        if title or text:
            result.articles.append(article)
    # Oldest first: state moves forward in the order events happened.
    result.articles.sort(key=lambda a: a.published)
    return result
