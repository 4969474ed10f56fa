"""Soak: the real daemon against many local feeds that change every minute.

The entries' words come from the corpus shaped like the default feeds
(bench/corpus.py: stories naming Pakistan and Afghanistan, 5 % about the
conflict), each story unique. Samples the daemon's resident memory and open
files; at the end checks that every entry published was stored exactly once. Targets (issue 6): memory flat
within 10 % after warm-up, open files flat, every new entry stored once.

    python bench/soak.py [--minutes 30] [--feeds 300] [--warmup 5]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from email.utils import format_datetime
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import stories  # noqa: E402

WINDOW = 10  # entries each document lists (the newest)


def entries_until(feed: int, start: float, now: float) -> list[tuple[str, datetime]]:
    """Feed `feed` publishes one entry a minute from `start`."""
    minutes = int((now - start) // 60) + 1
    return [(f"feed{feed}-{m}", datetime.fromtimestamp(start + 60 * m, timezone.utc)) for m in range(minutes)]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    start = 0.0
    texts: list[tuple[str, str]] = []  # (title, description HTML), one per entry
    feeds = 1

    def text(self, feed: int, minute: int) -> tuple[str, str]:
        return self.texts[(minute * self.feeds + feed) % len(self.texts)]

    def do_GET(self):
        feed = int(self.path.strip("/").split(".")[0])
        items = list(enumerate(entries_until(feed, self.start, time.time())))[-WINDOW:]
        body = ('<?xml version="1.0"?><rss version="2.0"><channel><title>soak</title>' + "".join(
            f"<item><title>{escape(self.text(feed, minute)[0])}</title><guid>{guid}</guid><link>https://soak.example/{guid}</link>"
            f"<description>{escape(self.text(feed, minute)[1])}</description>"
            f"<pubDate>{format_datetime(when, usegmt=True)}</pubDate></item>"
            for minute, (guid, when) in items
        ) + "</channel></rss>").encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def serve(start: float, feeds: int, minutes: float, ports) -> None:
    written = stories(feeds * (int(minutes) + 3), seed=13)
    texts = [(s.title, "".join(f"<p>{escape(p)}</p>" for p in s.paragraphs)) for s in written]
    handler = type("H", (Handler,), {"start": start, "texts": texts, "feeds": feeds})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    ports.put(server.server_address[1])
    server.serve_forever()


def sample(pid: int) -> tuple[int, int]:
    status = Path(f"/proc/{pid}/status").read_text()
    rss_kb = int(next(line for line in status.splitlines() if line.startswith("VmRSS")).split()[1])
    return rss_kb, len(os.listdir(f"/proc/{pid}/fd"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--feeds", type=int, default=300)
    parser.add_argument("--warmup", type=float, default=5)
    args = parser.parse_args()
    start = time.time()
    ports: multiprocessing.Queue = multiprocessing.Queue()
    server = multiprocessing.Process(target=serve, args=(start, args.feeds, args.minutes, ports), daemon=True)
    server.start()
    port = ports.get(timeout=30)
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "monitor.toml"
        feeds = "".join(f'[[feeds]]\nname = "town {i}"\nurl = "http://127.0.0.1:{port}/{i}.xml"\ninterval = "1m"\n' for i in range(args.feeds))
        config.write_text(f'[storage]\npath = "{tmp}/soak.db"\n[fetch]\njitter = "10s"\nper_host = 8\n[notifiers.log]\nenabled = false\n{feeds}')
        daemon = subprocess.Popen([sys.executable, "-m", "monitor", "run", "--config", str(config), "--log-level", "WARNING"],
                                  stdout=subprocess.DEVNULL, stderr=open(Path(tmp) / "daemon.log", "w"))
        samples = []
        deadline = start + args.minutes * 60
        while time.time() < deadline:
            time.sleep(30)
            if daemon.poll() is not None:
                raise SystemExit(f"the daemon exited with {daemon.returncode}: see {tmp}/daemon.log")
            rss, fds = sample(daemon.pid)
            samples.append((time.time() - start, rss, fds))
            print(f"{(time.time() - start) / 60:5.1f} min  rss {rss / 1024:6.1f} MiB  open files {fds}", flush=True)
        ended = time.time() - 75  # entries the daemon has certainly had a chance to fetch
        daemon.send_signal(signal.SIGTERM)
        daemon.wait(timeout=60)
        with sqlite3.connect(f"{tmp}/soak.db") as conn:
            stored = conn.execute("SELECT guid, count(*) FROM articles GROUP BY feed, guid").fetchall()
        server.terminate()
    published = {guid for feed in range(args.feeds) for guid, when in entries_until(feed, start, ended)}
    # feedparser resolves a permalink <guid> against the feed's URL: compare the last segment.
    stored_guids = {guid.rsplit("/", 1)[-1] for guid, _ in stored}
    twice = [guid for guid, count in stored if count > 1]
    missing = published - stored_guids
    after = [s for s in samples if s[0] >= args.warmup * 60]
    if after:
        rss_growth = (after[-1][1] - after[0][1]) / after[0][1]
        fds_growth = after[-1][2] - after[0][2]
        print(f"after {args.warmup:g} min warm-up: rss {after[0][1] / 1024:.1f} -> {after[-1][1] / 1024:.1f} MiB ({rss_growth:+.1%}, target within 10%),"
              f" open files {after[0][2]} -> {after[-1][2]} ({fds_growth:+d})")
    print(f"entries published: {len(published)}, stored: {len(stored_guids)}, missing: {len(missing)}, stored twice: {len(twice)}")
    ok = not twice and not missing and (not after or (abs(rss_growth) <= 0.10 and fds_growth <= 2))
    print("OK" if ok else "FAILED")


if __name__ == "__main__":
    main()
