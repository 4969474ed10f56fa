"""Passes over many local feeds, as `monitor once` makes them.

1. second-pass: N feeds of M new entries served over HTTP (the corpus shaped
   like the default feeds, bench/corpus.py); a second pass over
   the same unchanged documents, against the first. Target: under 5 %.
   Measured twice: a server that honours conditional GET (ETag), and one that
   ignores it (the body hash then saves the parse).
2. slow-feeds: 300 feeds that each answer after 200 ms. Target: a pass within
   1.5 x ceil(300 / concurrency) x 0.2 s.

All servers listen on 127.0.0.1 only; every feed is on that one host, so the
per-host limit is set to the overall concurrency for these runs.

    python bench/load.py [--feeds 200] [--entries 50] [--slow-feeds 300] [--concurrency 8]
"""

from __future__ import annotations

import argparse
import hashlib
import math
import multiprocessing
import statistics
import sys
import tempfile
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import CONFLICT_SHARE, documents  # noqa: E402

from monitor.app import App  # noqa: E402
from monitor.config import load_config  # noqa: E402
from monitor.log import configure  # noqa: E402
from monitor.models import Feed  # noqa: E402
from monitor.pipeline import Pipeline  # noqa: E402
from monitor.testing import rss_document  # noqa: E402

ROUNDS = 3  # fresh databases, each: one first pass, then SECOND_PASSES second ones
SECOND_PASSES = 5


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real feed servers do
    disable_nagle_algorithm = True  # or headers and body wait on delayed ACKs
    documents: dict[str, bytes] = {}
    delay = 0.0
    etag = True

    def do_GET(self):
        body = self.documents.get(self.path)
        if body is None:
            self.send_error(404)
            return
        if self.delay:
            time.sleep(self.delay)
        tag = '"' + hashlib.sha1(body).hexdigest() + '"'
        if self.etag and self.headers.get("If-None-Match") == tag:
            self.send_response(304)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        if self.etag:
            self.send_header("ETag", tag)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def _serve_forever(documents, delay, etag, ports) -> None:
    handler = type("Handler", (_Handler,), {"documents": documents, "delay": delay, "etag": etag})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    ports.put(server.server_address[1])
    server.serve_forever()


class serve:
    """The feed server in a process of its own, so it does not share monitor's
    interpreter lock and the measurement is monitor's, not the harness's."""

    def __init__(self, documents: dict[str, bytes], delay: float = 0.0, etag: bool = True):
        ports: multiprocessing.Queue = multiprocessing.Queue()
        self.process = multiprocessing.Process(target=_serve_forever, args=(documents, delay, etag, ports), daemon=True)
        self.process.start()
        self.server_address = ("127.0.0.1", ports.get(timeout=30))

    def shutdown(self) -> None:
        self.process.terminate()
        self.process.join()


def open_app(tmp: str, concurrency: int) -> App:
    config = load_config(None, str(Path(tmp) / "load.db"))
    config.fetch.concurrency = config.fetch.per_host = concurrency
    config.fetch.read_timeout = 30
    return App.open(config=config)


def second_pass(feeds: int, entries: int, concurrency: int, etag: bool) -> tuple[float, float, int]:
    """Median first pass and median second pass over ROUNDS fresh databases:
    the machine is noisy and a second pass takes only a few tenths of a second."""
    served = {f"/feed/{i}.xml": doc for i, doc in enumerate(documents(feeds, entries, CONFLICT_SHARE))}
    server = serve(served, etag=etag)
    port = server.server_address[1]
    targets = [Feed(name=f"feed {i}", url=f"http://127.0.0.1:{port}{path}") for i, path in enumerate(served)]
    firsts, seconds = [], []
    for _ in range(ROUNDS):
        with tempfile.TemporaryDirectory() as tmp:
            app = open_app(tmp, concurrency)
            pipeline = Pipeline(app, notify=False)
            started = time.perf_counter()
            first = pipeline.poll_all(targets)
            firsts.append(time.perf_counter() - started)
            for _ in range(SECOND_PASSES):
                started = time.perf_counter()
                pipeline.poll_all(targets)
                seconds.append(time.perf_counter() - started)
            pipeline.close()
            app.close()
    server.shutdown()
    return statistics.median(firsts), statistics.median(seconds), sum(o.new for o in first if o)


def slow_feeds(count: int, concurrency: int, delay: float = 0.2) -> float:
    documents = {
        f"/slow/{i}.xml": rss_document([{"title": f"Story {i}", "summary": "The city council met on Monday.", "guid": str(i),
                                         "published": "2025-11-20T08:00:00Z"}])
        for i in range(count)
    }
    server = serve(documents, delay=delay)
    port = server.server_address[1]
    targets = [Feed(name=f"slow {i}", url=f"http://127.0.0.1:{port}{path}") for i, path in enumerate(documents)]
    with tempfile.TemporaryDirectory() as tmp:
        app = open_app(tmp, concurrency)
        pipeline = Pipeline(app, notify=False)
        started = time.perf_counter()
        outcomes = pipeline.poll_all(targets)
        seconds = time.perf_counter() - started
        assert all(o is not None for o in outcomes), "a slow feed failed"
        pipeline.close()
        app.close()
    server.shutdown()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--entries", type=int, default=50)
    parser.add_argument("--slow-feeds", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    configure("json", "ERROR")
    for etag in (True, False):
        first, second, new = second_pass(args.feeds, args.entries, args.concurrency, etag)
        kind = "honours ETag" if etag else "ignores conditional GET"
        share = second / first
        print(f"second pass, server {kind}: first {first:.2f} s ({new} new articles), second {second:.3f} s (medians of {ROUNDS} and {ROUNDS * SECOND_PASSES}) = {share:.1%} (target < 5%) -> {'OK' if share < 0.05 else 'OVER TARGET'}")
    seconds = slow_feeds(args.slow_feeds, args.concurrency)
    bound = 1.5 * math.ceil(args.slow_feeds / args.concurrency) * 0.2
    print(f"{args.slow_feeds} feeds answering after 200 ms, concurrency {args.concurrency}: {seconds:.2f} s (target <= {bound:.2f} s) -> {'OK' if seconds <= bound else 'OVER TARGET'}")


if __name__ == "__main__":
    main()
