"""The cost of reading articles' pages: one pass over teaser feeds, with and
without full text, in one run, against pages served on 127.0.0.1.

Each of F feeds carries E new entries with a one-sentence teaser; a share of
them names the Pakistan–Afghanistan border (those are the ones whose page is
read) and says on its page, fourth paragraph, that a crossing reopened. A
pass is `monitor once`'s: fetch every feed (conditional GET, parse), read the
pages that may matter, detect, store. Each round runs both passes, each on a
fresh database, in alternating order; the median of the rounds is reported.

    python bench/full_text.py [--feeds 10] [--entries 30] [--relevant-share 0.2] [--rounds 3] [--latency-ms 0]

``--latency-ms`` makes the server wait that long before each page, as a
distant site would; with 0 the figure is monitor's own cost (HTTP on the
loopback, trafilatura, the page cache, the larger texts detected).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

from monitor.app import App
from monitor.config import load_config
from monitor.log import configure
from monitor.pipeline import Pipeline

FILLER = [
    "The meeting lasted several hours and was attended by traders and elders from both sides.",
    "Trucks have waited for weeks near the frontier, drivers said, and prices have risen in the markets.",
    "Officials said further talks were planned for the coming week, without giving a date.",
    "Local residents said the road to the frontier had been repaired after the rains.",
    "A spokesman declined to comment on the number of people waiting at the gate.",
]


def teaser_feed(base: str, feed: int, entries: int, relevant_share: float) -> bytes:
    """An RSS document of teasers; every ``1/relevant_share``-th entry names the border."""
    every = max(1, round(1 / relevant_share)) if relevant_share > 0 else 0
    published = datetime.now(timezone.utc) - timedelta(hours=1)
    items = []
    for n in range(entries):
        relevant = every and n % every == 0
        slug = f"f{feed}-e{n}"
        title = f"Pak-Afghan border: officials meet ({slug})" if relevant else f"City council approves budget ({slug})"
        teaser = "Officials spoke on Saturday." if relevant else "The council met on Saturday."
        items.append(
            f"<item><title>{escape(title)}</title><link>{base}/news/{'b' if relevant else 'c'}/{slug}</link>"
            f"<description>{escape(teaser)}</description><guid isPermaLink=\"false\">{slug}</guid>"
            f"<pubDate>{format_datetime(published, usegmt=True)}</pubDate></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Teasers</title>'
        f"<link>{base}/</link><description>bench</description>{''.join(items)}</channel></rss>"
    ).encode()


def article_page(path: str) -> bytes:
    """A news page as sites serve them: navigation, the story, related links, a footer (about 12 KB)."""
    slug = path.rsplit("/", 1)[-1]
    relevant = "/news/b/" in path
    story = list(FILLER)
    if relevant:
        story.insert(3, f"Torkham was reopened on Saturday for Afghan refugees returning home, while trade remains suspended ({slug}).")
    nav = "".join(f"<li><a href='/section/{i}'>Section {i}</a></li>" for i in range(40))
    related = "".join(f"<li><a href='/news/r/{i}'>Related story number {i} about something else</a></li>" for i in range(30))
    body = "".join(f"<p>{p}</p>" for p in story * 2)
    return (
        f"<!DOCTYPE html><html><head><title>{slug}</title><meta charset='utf-8'>"
        f"<script>{'var x = 1;' * 300}</script></head><body><header><ul>{nav}</ul></header>"
        f"<article><h1>Story {slug}</h1>{body}</article><aside><ul>{related}</ul></aside>"
        f"<footer>{'Copyright and terms. ' * 40}</footer></body></html>"
    ).encode()


class Site:
    """Feeds, pages and robots.txt on 127.0.0.1, counting the pages asked for."""

    def __init__(self, feeds: int, entries: int, relevant_share: float, latency: float):
        self.pages = 0
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (the stdlib's name)
                if self.path.startswith("/feed/"):
                    body, kind = site.feeds[int(self.path.rsplit("/", 1)[-1])], "application/rss+xml"
                elif self.path.startswith("/news/"):
                    site.pages += 1
                    if latency:
                        time.sleep(latency)
                    body, kind = article_page(self.path), "text/html; charset=utf-8"
                else:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.feeds = [teaser_feed(self.base, f, entries, relevant_share) for f in range(feeds)]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def config_text(self, db: Path, full_text: str) -> str:
        feeds = "".join(
            f'[[feeds]]\nname = "feed {f}"\nurl = "{self.base}/feed/{f}"\nfull_text = "{full_text}"\n\n' for f in range(len(self.feeds))
        )
        return (
            f'[storage]\npath = "{db}"\n\n[fetch]\njitter = 0\n\n'
            f"[full_text]\nper_host_daily = 100000\n\n[notifiers.log]\nenabled = false\n\n{feeds}"
        )


def one_pass(site: Site, full_text: str) -> tuple[float, int, int, int]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "monitor.toml"
        path.write_text(site.config_text(Path(tmp) / "bench.db", full_text))
        app = App.open(config=load_config(str(path)))
        pipeline = Pipeline(app, notify=False)
        before = site.pages
        started = time.perf_counter()
        outcomes = pipeline.poll_all(app.config.feeds)
        seconds = time.perf_counter() - started
        pipeline.close()
        app.close()
    new = sum(o.new for o in outcomes if o)
    alerts = sum(len(o.alerts) for o in outcomes if o)
    return seconds, new, alerts, site.pages - before


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=10)
    parser.add_argument("--entries", type=int, default=30)
    parser.add_argument("--relevant-share", type=float, default=0.2)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--latency-ms", type=float, default=0.0)
    args = parser.parse_args()
    configure("json", "WARNING")  # the per-page info lines would be timed too
    site = Site(args.feeds, args.entries, args.relevant_share, args.latency_ms / 1000)

    without, with_pages = [], []
    results = {}
    for round_ in range(args.rounds):
        for mode in (("never", "auto") if round_ % 2 == 0 else ("auto", "never")):
            seconds, new, alerts, pages = one_pass(site, mode)
            (without if mode == "never" else with_pages).append(seconds)
            results[mode] = (new, alerts, pages)
    off, on = statistics.median(without), statistics.median(with_pages)
    pages = results["auto"][2]
    print(f"{args.feeds} feeds x {args.entries} teaser entries, {args.relevant_share:.0%} naming the border; "
          f"page latency {args.latency_ms:g} ms; median of {args.rounds} rounds")
    print(f"full_text = never: {off:.2f} s  ({results['never'][0]} new, {results['never'][1]} alerts, {results['never'][2]} pages)")
    print(f"full_text = auto:  {on:.2f} s  ({results['auto'][0]} new, {results['auto'][1]} alerts, {pages} pages)")
    print(f"with / without: {on / off:.2f}x; per page read: {(on - off) / max(pages, 1) * 1000:.1f} ms of the pass")


if __name__ == "__main__":
    sys.exit(main())
