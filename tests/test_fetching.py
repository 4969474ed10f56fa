"""Fetching as a well-behaved feed reader, against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import gzip
import json
import socket
from datetime import datetime, timedelta, timezone

import pytest
from werkzeug import Response

from helpers import IRRELEVANT, TORKHAM_OPEN, feed_config


def events(stderr: str) -> list[dict]:
    return [json.loads(line) for line in stderr.splitlines() if line.startswith("{")]


def feeds_row(monitor_env, name: str) -> dict:
    import sqlite3

    with sqlite3.connect(monitor_env.db) as conn:
        conn.row_factory = sqlite3.Row
        return dict(conn.execute("SELECT * FROM feeds WHERE name = ?", (name,)).fetchone())


def test_once_fetches_stores_and_raises_alerts(monitor_env, rss, httpserver):
    httpserver.expect_request("/dawn.xml").respond_with_data(rss([TORKHAM_OPEN, IRRELEVANT]), content_type="application/rss+xml")
    monitor_env.configure(feed_config(httpserver.url_for(""), [("Dawn", "/dawn.xml")]))
    result = monitor_env.run("once")
    assert "1 feeds, 0 failed, 2 new articles, 1 alerts" in result.stdout
    request = httpserver.log[0][0]
    assert request.headers["User-Agent"].startswith("monitor/")
    [alert] = monitor_env.alerts()
    assert alert["detector"] == "crossing" and alert["subject"] == "Torkham"
    assert (alert["previous"], alert["current"]) == ("closed", "open")
    assert alert["article"] == {
        "url": TORKHAM_OPEN["link"],
        "title": TORKHAM_OPEN["title"],
        "published": "2025-11-15T06:30:00+00:00",
        "feed": "Dawn",
    }
    assert "reopened the Torkham crossing" in alert["evidence"]
    fetched = [e for e in events(result.stderr) if e["event"] == "fetched"]
    assert fetched and fetched[0]["feed"] == "Dawn" and fetched[0]["status"] == 200 and "duration_ms" in fetched[0]


def test_conditional_get_and_unchanged_bodies_are_not_parsed(monitor_env, rss, httpserver):
    body = rss([TORKHAM_OPEN])
    seen = []

    def with_etag(request):
        seen.append(dict(request.headers))
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304)
        return Response(body, headers={"ETag": '"v1"', "Last-Modified": "Sat, 15 Nov 2025 07:00:00 GMT"}, content_type="application/rss+xml")

    httpserver.expect_request("/etag.xml").respond_with_handler(with_etag)
    httpserver.expect_request("/plain.xml").respond_with_data(body, content_type="application/rss+xml")
    monitor_env.configure(feed_config(httpserver.url_for(""), [("Etag", "/etag.xml"), ("Plain", "/plain.xml")]))
    monitor_env.run("once")
    second = monitor_env.run("once")
    assert seen[-1]["If-None-Match"] == '"v1"'
    assert seen[-1]["If-Modified-Since"] == "Sat, 15 Nov 2025 07:00:00 GMT"
    kinds = {e["feed"]: e["event"] for e in events(second.stderr) if e.get("feed")}
    assert kinds == {"Etag": "fetch_not_modified", "Plain": "fetch_unchanged"}
    assert "0 new articles" in second.stdout


def test_permanent_redirect_moves_the_feed_temporary_does_not(monitor_env, rss, httpserver):
    httpserver.expect_request("/old.xml").respond_with_data("", status=301, headers={"Location": "/new.xml"})
    httpserver.expect_request("/tmp.xml").respond_with_data("", status=302, headers={"Location": "/new.xml"})
    httpserver.expect_request("/new.xml").respond_with_data(rss([IRRELEVANT]), content_type="application/rss+xml")
    monitor_env.configure(feed_config(httpserver.url_for(""), [("Moved", "/old.xml"), ("Temp", "/tmp.xml")]))
    monitor_env.run("once")
    assert feeds_row(monitor_env, "Moved")["url"] == httpserver.url_for("/new.xml")
    assert feeds_row(monitor_env, "Temp")["url"] == httpserver.url_for("/tmp.xml")
    assert f"url            {httpserver.url_for('/new.xml')}" in monitor_env.run("feeds").stdout


def test_gone_disables_the_feed_and_says_so(monitor_env, httpserver):
    httpserver.expect_request("/gone.xml").respond_with_data("gone", status=410)
    monitor_env.configure(feed_config(httpserver.url_for(""), [("Gone", "/gone.xml")]))
    first = monitor_env.run("once")
    assert "1 failed" in first.stdout
    assert any(e["event"] == "fetch_failed" and e["status"] == 410 and e["level"] == "error" for e in events(first.stderr))
    monitor_env.run("once")
    assert len(httpserver.log) == 1  # not asked again
    assert "DISABLED: 410 Gone" in monitor_env.run("feeds").stdout


def test_retry_after_is_honoured_and_failures_back_off(monitor_env, httpserver):
    httpserver.expect_request("/busy.xml").respond_with_data("slow down", status=429, headers={"Retry-After": "7200"})
    httpserver.expect_request("/broken.xml").respond_with_data("oops", status=500)
    monitor_env.configure(feed_config(httpserver.url_for(""), [("Busy", "/busy.xml"), ("Broken", "/broken.xml")]))
    before = datetime.now(timezone.utc)
    monitor_env.run("once")
    busy = feeds_row(monitor_env, "Busy")
    assert busy["failures"] == 1 and busy["last_status"] == 429
    assert datetime.fromisoformat(busy["next_fetch"]) >= before + timedelta(seconds=7190)
    broken = feeds_row(monitor_env, "Broken")
    first_wait = datetime.fromisoformat(broken["next_fetch"]) - datetime.fromisoformat(broken["last_fetch"])
    monitor_env.run("once")  # `once` fetches even while backing off
    broken = feeds_row(monitor_env, "Broken")
    second_wait = datetime.fromisoformat(broken["next_fetch"]) - datetime.fromisoformat(broken["last_fetch"])
    assert broken["failures"] == 2 and second_wait == 2 * first_wait


@pytest.mark.parametrize("gzipped", [False, True], ids=["plain", "gzip-bomb"])
def test_bodies_over_the_size_limit_are_abandoned(monitor_env, httpserver, gzipped):
    huge = b"<rss>" + b" " * 3_000_000
    if gzipped:
        httpserver.expect_request("/big.xml").respond_with_data(gzip.compress(huge), headers={"Content-Encoding": "gzip"}, content_type="application/rss+xml")
    else:
        httpserver.expect_request("/big.xml").respond_with_data(huge, content_type="application/rss+xml")
    monitor_env.configure(feed_config(httpserver.url_for(""), [("Big", "/big.xml")]).replace("[fetch]\n", "[fetch]\nmax_bytes = 100000\n"))
    result = monitor_env.run("once")
    assert "1 failed" in result.stdout
    assert "larger than 100000 bytes" in feeds_row(monitor_env, "Big")["last_error"]


def test_unreachable_feed_is_reported_not_fatal(monitor_env, rss, httpserver):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = s.getsockname()[1]
    httpserver.expect_request("/ok.xml").respond_with_data(rss([IRRELEVANT]), content_type="application/rss+xml")
    monitor_env.configure(
        feed_config(httpserver.url_for(""), [("Ok", "/ok.xml")])
        + f'[[feeds]]\nname = "Dead"\nurl = "http://127.0.0.1:{dead}/feed"\n'
    )
    result = monitor_env.run("once")
    assert result.returncode == 0
    assert "2 feeds, 1 failed, 1 new articles" in result.stdout
    assert "Traceback" not in result.stderr
    assert feeds_row(monitor_env, "Dead")["failures"] == 1


def test_the_proxy_the_environment_names_is_used_except_for_no_proxy_hosts(monitor_env, rss, httpserver):
    # A desk behind an office proxy sets HTTP_PROXY as for any other tool. The
    # test server plays the proxy: a request through a proxy names the whole URL.
    httpserver.expect_request("/dawn.xml").respond_with_data(rss([TORKHAM_OPEN]), content_type="application/rss+xml")
    httpserver.expect_request("/local.xml").respond_with_data(rss([IRRELEVANT]), content_type="application/rss+xml")
    monitor_env.configure(
        feed_config("http://feeds.example.invalid", [("Dawn", "/dawn.xml")])
        + f'[[feeds]]\nname = "Local"\nurl = "{httpserver.url_for("/local.xml")}"\n'
    )
    monitor_env.env.update(HTTP_PROXY=httpserver.url_for(""), NO_PROXY="127.0.0.1")
    result = monitor_env.run("once")
    assert "2 feeds, 0 failed, 2 new articles, 1 alerts" in result.stdout
    targets = {request.path: request.environ["REQUEST_URI"] for request, _ in httpserver.log}
    assert targets == {"/dawn.xml": "http://feeds.example.invalid/dawn.xml", "/local.xml": "/local.xml"}


def _compressed(data: bytes, wbits: int) -> bytes:
    import zlib

    compressor = zlib.compressobj(9, zlib.DEFLATED, wbits)
    return compressor.compress(data) + compressor.flush()


def test_compressed_feeds_are_read_and_an_unknown_encoding_is_named(monitor_env, rss, httpserver):
    import zlib

    body = rss([TORKHAM_OPEN])
    for path, encoding, wbits in (("/gzip.xml", "gzip", 31), ("/zlib.xml", "deflate", zlib.MAX_WBITS), ("/raw.xml", "deflate", -zlib.MAX_WBITS)):
        httpserver.expect_request(path).respond_with_data(_compressed(body, wbits), headers={"Content-Encoding": encoding}, content_type="application/rss+xml")
    httpserver.expect_request("/br.xml").respond_with_data(b"\x0b\x02\x80", headers={"Content-Encoding": "br"}, content_type="application/rss+xml")
    monitor_env.configure(feed_config(httpserver.url_for(""), [("Gzip", "/gzip.xml"), ("Zlib", "/zlib.xml"), ("Raw", "/raw.xml"), ("Br", "/br.xml")]))
    result = monitor_env.run("once")
    assert "4 feeds, 1 failed, 1 new articles" in result.stdout  # one story, three outlets
    assert "Content-Encoding br, which monitor did not ask for" in feeds_row(monitor_env, "Br")["last_error"]
    for name in ("Gzip", "Zlib", "Raw"):
        assert feeds_row(monitor_env, name)["failures"] == 0


def test_gzip_bombs_fetched_at_once_keep_memory_bounded(monitor_env, httpserver):
    # 200 MB of nothing in 200 KB, from four feeds at once. Inflating each
    # network read whole would hold some 64 MB per feed before the size limit
    # could refuse it.
    import os
    import subprocess
    import sys
    import zlib

    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    bomb = compressor.compress(b"<rss>") + b"".join(compressor.compress(bytes(1 << 20)) for _ in range(200)) + compressor.flush()
    paths = [(f"Bomb {i}", f"/bomb{i}.xml") for i in range(4)]
    for _, path in paths:
        httpserver.expect_request(path).respond_with_data(bomb, headers={"Content-Encoding": "gzip"}, content_type="application/rss+xml")
    monitor_env.configure(feed_config(httpserver.url_for(""), paths))
    probe = ("import resource, subprocess, sys; done = subprocess.run(sys.argv[1:], capture_output=True, text=True);"
             " print(done.stdout); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    env = {**os.environ, "MONITOR_CONFIG": str(monitor_env.config)}
    out = subprocess.run([sys.executable, "-c", probe, sys.executable, "-m", "monitor", "once"], env=env, capture_output=True, text=True, timeout=120)
    report, peak_kib = out.stdout.strip().rsplit("\n", 1)
    assert "4 feeds, 4 failed" in report
    assert all("larger than" in feeds_row(monitor_env, name)["last_error"] for name, _ in paths)
    assert int(peak_kib) < 160 * 1024, f"monitor once peaked at {int(peak_kib) // 1024} MiB"


def test_relative_links_resolve_against_each_feeds_own_address(monitor_env, httpserver):
    # feedparser's URL joins are remembered between documents (monitor/parse.py):
    # the same relative link in three feeds must still give three addresses.
    def feed(name: str, base: str = "") -> bytes:
        channel = f' xml:base="{base}"' if base else ""
        return (
            f'<?xml version="1.0"?><rss version="2.0"><channel{channel}><title>{name}</title>'
            f"<item><title>Story from {name}</title><link>stories/latest.html</link>"
            f'<guid isPermaLink="true">/permalink/1</guid><description>The city council met in {name}.</description>'
            "<pubDate>Sat, 15 Nov 2025 07:00:00 GMT</pubDate></item></channel></rss>"
        ).encode()

    httpserver.expect_request("/a/feed.xml").respond_with_data(feed("alpha"), content_type="application/rss+xml")
    httpserver.expect_request("/b/c/feed.xml").respond_with_data(feed("beta"), content_type="application/rss+xml")
    httpserver.expect_request("/d/feed.xml").respond_with_data(feed("gamma", "https://gamma.example/news/"), content_type="application/rss+xml")
    monitor_env.configure(feed_config(httpserver.url_for(""), [("A", "/a/feed.xml"), ("B", "/b/c/feed.xml"), ("D", "/d/feed.xml")]))
    monitor_env.run("once")
    import sqlite3

    with sqlite3.connect(monitor_env.db) as conn:
        stored = dict(((feed, (url, guid)) for feed, url, guid in conn.execute("SELECT feed, url, guid FROM articles")))
    root = httpserver.url_for("").rstrip("/")
    assert stored == {
        "A": (f"{root}/a/stories/latest.html", f"{root}/permalink/1"),
        "B": (f"{root}/b/c/stories/latest.html", f"{root}/permalink/1"),
        "D": ("https://gamma.example/news/stories/latest.html", "https://gamma.example/permalink/1"),
    }
