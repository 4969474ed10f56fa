"""HTTP, and nothing else: conditional GET, redirects, limits, Retry-After.

Redirects are followed by hand so that a permanent one (301, 308) can update
the stored URL while a temporary one (302, 303, 307) does not. The size limit
is enforced while streaming the *decompressed* bytes, decompressed a bounded
piece at a time, so neither a huge body nor a gzip bomb is ever held whole in
memory.

Requests go straight to httpx's transport (connection pool, HTTP/1.1, TLS,
decompression). The client layer above it adds cookies, auth, URL merging and
redirect handling, none of which a feed reader wants, and took a third of the
CPU of a request that finds nothing new (docs/performance.md). What the client
would read from the environment is kept: proxies (HTTP_PROXY, HTTPS_PROXY,
ALL_PROXY, NO_PROXY) here, certificates (SSL_CERT_FILE, SSL_CERT_DIR) by the
transport.
"""

from __future__ import annotations

import contextlib
import email.utils
import functools
import threading
import time
import urllib.request
import zlib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit

import httpx

from monitor import __version__
from monitor.config import FetchSettings

USER_AGENT = f"monitor/{__version__} (news monitor; +https://pypi.org/project/monitor/)"
HEADERS = {
    "User-Agent": USER_AGENT,
    "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5",
    "Accept-Encoding": "gzip, deflate",
}
MAX_REDIRECTS = 5
PERMANENT = {301, 308}
TEMPORARY = {302, 303, 307}


@dataclass
class FetchResult:
    url: str  # the address asked for
    status: int | None = None
    body: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    moved_to: str | None = None  # set when every redirect hop was permanent
    retry_after: float | None = None  # seconds
    error: str | None = None
    duration_ms: int = 0

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and 200 <= self.status < 300


def parse_retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


@functools.lru_cache(maxsize=4096)
def _parsed(url: str) -> httpx.URL:
    """A feed's URL is asked for poll after poll: parse it once."""
    return httpx.URL(url)


class UnsupportedEncoding(Exception):
    """A Content-Encoding we did not ask for and cannot decode."""


_WBITS = {"gzip": zlib.MAX_WBITS | 16, "x-gzip": zlib.MAX_WBITS | 16, "deflate": zlib.MAX_WBITS}
PIECE = 65536


def _decoded(response: httpx.Response) -> Iterator[bytes]:
    """The body, decompressed at most PIECE bytes at a time.

    httpx's own decoder inflates each network read whole: 64 KiB of a gzip
    bomb is 64 MB at once, per feed, before any size limit can look at it.
    Here zlib is asked for a bounded piece each time, so memory stays within
    a few pieces however far the body expands."""
    encodings = [e.strip().lower() for e in response.headers.get("content-encoding", "").split(",")]
    encodings = [e for e in encodings if e and e != "identity"]
    if not encodings:
        return response.iter_raw()
    if len(encodings) > 1 or encodings[0] not in _WBITS:
        raise UnsupportedEncoding(
            f"the server sent Content-Encoding {', '.join(encodings)}, which monitor did not ask for and cannot decode"
        )
    return _inflate(response.iter_raw(), encodings[0])


def _inflate(raw_chunks: Iterator[bytes], encoding: str) -> Iterator[bytes]:
    decompressor = zlib.decompressobj(_WBITS[encoding])
    first = True
    for data in raw_chunks:
        while data:
            try:
                piece = decompressor.decompress(data, PIECE)
            except zlib.error:
                if not (first and encoding == "deflate"):
                    raise
                # "deflate" sent raw, without its zlib header, as some servers do.
                decompressor = zlib.decompressobj(-zlib.MAX_WBITS)
                first = False
                continue
            first = False
            if piece:
                yield piece
            data = decompressor.unconsumed_tail
    rest = decompressor.flush()
    if rest:
        yield rest


class ProxyError(Exception):
    """A proxy in the environment that httpx cannot use (a bad URL, or SOCKS
    without httpx[socks])."""


class Fetcher:
    def __init__(self, settings: FetchSettings):
        self.settings = settings
        self._limits = httpx.Limits(max_connections=settings.concurrency * 2, max_keepalive_connections=settings.concurrency)
        self._timeout = httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout).as_dict()
        self._direct = httpx.HTTPTransport(limits=self._limits)
        self._proxies = urllib.request.getproxies_environment()  # as curl and pip read them
        self._via_proxy: dict[str, httpx.HTTPTransport] = {}
        self._overall = threading.BoundedSemaphore(settings.concurrency)
        self._per_host: dict[str, threading.BoundedSemaphore] = defaultdict(
            lambda: threading.BoundedSemaphore(settings.per_host)
        )
        self._lock = threading.Lock()

    def close(self) -> None:
        for transport in (self._direct, *self._via_proxy.values()):
            transport.close()

    def _transport_for(self, url: str) -> httpx.HTTPTransport:
        if not self._proxies:
            return self._direct
        parts = urlsplit(url)
        proxy = self._proxies.get(parts.scheme) or self._proxies.get("all")
        if not proxy or urllib.request.proxy_bypass_environment(parts.hostname or "", self._proxies):
            return self._direct
        if "://" not in proxy:
            proxy = "http://" + proxy  # "proxy.corp:3128", as curl takes it
        with self._lock:
            if proxy not in self._via_proxy:
                try:
                    self._via_proxy[proxy] = httpx.HTTPTransport(proxy=proxy, limits=self._limits)
                except (ValueError, ImportError, httpx.HTTPError) as exc:
                    raise ProxyError(f"the proxy {proxy} named in the environment cannot be used ({exc}); fix or unset it") from exc
            return self._via_proxy[proxy]

    def _host_slot(self, url: str) -> threading.BoundedSemaphore:
        with self._lock:
            return self._per_host[urlsplit(url).netloc.lower()]

    def fetch(
        self,
        url: str,
        etag: str | None = None,
        last_modified: str | None = None,
        *,
        accept: str | None = None,
        deadline: float | None = None,
    ) -> FetchResult:
        """``accept`` replaces the feed-minded Accept header (an article page
        asks for HTML); past ``deadline`` (time.monotonic()) a body still
        arriving is abandoned, however steadily it trickles in."""
        started = time.monotonic()
        result = FetchResult(url=url)
        try:
            with self._overall, self._host_slot(url):
                self._fetch(result, url, etag, last_modified, accept, deadline)
        except httpx.TimeoutException as exc:
            result.error = f"timeout ({type(exc).__name__})"
        except httpx.HTTPError as exc:
            result.error = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        except OSError as exc:
            result.error = f"{type(exc).__name__}: {exc}"
        except (ProxyError, UnsupportedEncoding) as exc:
            result.error = str(exc)
        except httpx.InvalidURL as exc:
            result.error = f"invalid address: {exc}"
        except zlib.error as exc:
            result.error = f"the compressed body is corrupt ({exc})"
        result.duration_ms = round((time.monotonic() - started) * 1000)
        return result

    def _fetch(
        self, result: FetchResult, url: str, etag: str | None, last_modified: str | None,
        accept: str | None = None, deadline: float | None = None,
    ) -> None:
        headers = dict(HEADERS)
        if accept:
            headers["Accept"] = accept
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current, all_permanent, seen = url, True, {url}
        for _hop in range(MAX_REDIRECTS + 1):
            timeout = self._timeout
            if deadline is not None:  # no single wait outlasts the deadline either
                left = max(0.05, deadline - time.monotonic())
                timeout = {k: left if v is None else min(v, left) for k, v in timeout.items()}
            request = httpx.Request("GET", _parsed(current), headers=headers, extensions={"timeout": timeout})
            response = self._transport_for(current).handle_request(request)
            with contextlib.closing(response):
                status = response.status_code
                if status in PERMANENT | TEMPORARY and "location" in response.headers:
                    location = response.headers["location"]
                    try:
                        nxt = urljoin(current, location)
                        _parsed(nxt)  # raises here, not on the next hop
                    except (ValueError, httpx.InvalidURL):
                        result.status, result.error = status, f"redirected to an invalid address: {location!r}"
                        return
                    all_permanent = all_permanent and status in PERMANENT
                    if nxt in seen:
                        result.status, result.error = status, f"redirect loop at {nxt}"
                        return
                    seen.add(nxt)
                    current = nxt
                    continue
                result.status = status
                result.headers = {k.lower(): v for k, v in response.headers.items()}
                # Decompressed already: the encoding header no longer describes the bytes.
                result.headers.pop("content-encoding", None)
                result.headers["content-location"] = current
                if current != url and all_permanent:
                    result.moved_to = current
                if status in (429, 503):
                    result.retry_after = parse_retry_after(response.headers.get("retry-after"))
                if status == 304:
                    response.read()  # empty; read, or httpx drops the kept-alive connection
                    return
                if status >= 400:
                    result.error = f"HTTP {status}"
                    return
                result.etag = response.headers.get("etag")
                result.last_modified = response.headers.get("last-modified")
                chunks, size = [], 0
                for chunk in _decoded(response):
                    size += len(chunk)
                    if size > self.settings.max_bytes:
                        result.error = f"response larger than {self.settings.max_bytes} bytes; abandoned (raise [fetch] max_bytes if the feed is genuine)"
                        return
                    if deadline is not None and time.monotonic() > deadline:
                        result.error = "timeout (still arriving when its time was up)"
                        return
                    chunks.append(chunk)
                result.body = b"".join(chunks)
                return
        result.error = f"more than {MAX_REDIRECTS} redirects"
