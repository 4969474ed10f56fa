"""Reading an article's page when its feed gives only a teaser, against a real
HTTP server on 127.0.0.1 serving the feed, the pages and robots.txt."""

from __future__ import annotations

import json
import sqlite3
import time
from datetime import datetime, timezone

import pytest
from werkzeug import Request, Response

from helpers import feed_config

TEASER = "Border officials spoke on Saturday."
# The sentence that matters, in the page's fourth paragraph only.
FOURTH_PARAGRAPH = "Torkham was reopened on Saturday, but only for Afghans returning home, an official said."


def page_html(title: str = "Officials at the Pak-Afghan border") -> str:
    paragraphs = [
        TEASER,
        "The meeting at the frontier lasted several hours and was attended by traders and elders from both sides.",
        "Trucks have waited for weeks near the frontier, drivers said, and the price of fresh fruit has risen in Peshawar.",
        FOURTH_PARAGRAPH,
        "Traders said they hoped the crossing would soon open for goods as well.",
    ]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title></head><body>"
        "<nav><a href='/'>Home</a> | <a href='/world'>World</a> | <a href='/sport'>Sport</a></nav>"
        f"<article><h1>{title}</h1>{body}</article><footer>All rights reserved.</footer></body></html>"
    )


def entry(link: str, guid: str = "border-officials", title: str = "Officials at the Pak-Afghan border") -> dict:
    return {"title": title, "summary": TEASER, "link": link, "guid": guid, "published": "2025-11-15T06:30:00Z"}


def events(stderr: str) -> list[dict]:
    return [json.loads(line) for line in stderr.splitlines() if line.startswith("{")]


def page_events(stderr: str) -> list[dict]:
    return [e for e in events(stderr) if e["event"].startswith("page_")]


def requests_to(httpserver, path: str) -> int:
    return sum(1 for request, _ in httpserver.log if request.path == path)


def serve_feed(httpserver, rss, entries: list[dict], path: str = "/feed.xml") -> None:
    """The feed, and a robots.txt that is not there (unless the test served one first)."""
    httpserver.expect_request(path).respond_with_data(rss(entries), content_type="application/rss+xml")
    httpserver.expect_request("/robots.txt").respond_with_data("not found", status=404)


def test_a_sentence_found_only_on_the_page_raises_the_alert_and_says_so(monitor_env, rss, httpserver):
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    httpserver.expect_request("/news/border").respond_with_data(page_html(), content_type="text/html; charset=utf-8")
    serve_feed(httpserver, rss, [entry(httpserver.url_for("/news/border"))])
    digest = '\n[notifiers.email]\nhost = "127.0.0.1"\nfrom = "m@example.org"\nto = ["desk@example.org"]\nmode = "digest"\n'
    monitor_env.configure(feed_config(httpserver.url_for(""), [("Dawn", "/feed.xml")]) + digest)

    result = monitor_env.run("once")
    assert "1 feeds, 0 failed, 1 new articles, 1 alerts" in result.stdout
    [alert] = monitor_env.alerts()
    assert (alert["detector"], alert["subject"], alert["current"]) == ("crossing", "Torkham", "partially_open")
    assert alert["evidence"] == FOURTH_PARAGRAPH
    assert alert["evidence_from"] == "page"
    [page_request] = [r for r, _ in httpserver.log if r.path == "/news/border"]
    assert page_request.headers["User-Agent"].startswith("monitor/")
    assert "text/html" in page_request.headers["Accept"]
    assert requests_to(httpserver, "/robots.txt") == 1
    [robots_request] = [r for r, _ in httpserver.log if r.path == "/robots.txt"]
    assert robots_request.headers["User-Agent"] == page_request.headers["User-Agent"]
    [read] = page_events(result.stderr)
    assert read["event"] == "page_read" and read["feed"] == "Dawn"
    # Shown as such by `monitor alerts`, in the log and in the e-mail digest.
    shown = monitor_env.run("alerts").stdout
    assert FOURTH_PARAGRAPH in shown and "(from the article's page)" in shown
    [logged] = [e for e in events(result.stderr) if e["event"].startswith("ALERT ")]
    assert logged["event"].endswith("evidence from the article's page") and logged["evidence_from"] == "page"
    preview = monitor_env.run("digest", "--preview").stdout
    assert f"“{FOURTH_PARAGRAPH}” (from the article's page)" in preview


def test_replay_offline_fetches_no_page_and_judges_the_feed_text(monitor_env, rss, httpserver, tmp_path):
    httpserver.expect_request("/news/border").respond_with_data(page_html(), content_type="text/html")
    httpserver.expect_request("/robots.txt").respond_with_data("not found", status=404)
    document = tmp_path / "teasers.xml"
    document.write_bytes(rss([entry(httpserver.url_for("/news/border"))]))
    monitor_env.run("replay", str(document), "--feed", "Dawn", "--no-notify", "--offline")
    assert monitor_env.alerts() == []
    assert httpserver.log == []
    # Without --offline, replay reads the page as the daemon does.
    for path in monitor_env.root.glob("monitor.db*"):
        path.unlink()
    monitor_env.run("replay", str(document), "--feed", "Dawn", "--no-notify")
    [alert] = monitor_env.alerts()
    assert alert["evidence_from"] == "page"


def test_each_page_is_fetched_once_across_outlets_and_passes(monitor_env, rss, httpserver):
    link = httpserver.url_for("/news/border")
    httpserver.expect_request("/news/border").respond_with_data(page_html(), content_type="text/html")
    serve_feed(httpserver, rss, [entry(link)], "/a.xml")
    # Another outlet carries the same story under its own guid and headline, the link with a tracking tag.
    serve_feed(httpserver, rss, [entry(link + "?utm_source=rss", guid="other-guid", title="Pak-Afghan border talks")], "/b.xml")
    monitor_env.configure(feed_config(httpserver.url_for(""), [("Dawn", "/a.xml"), ("Tribune", "/b.xml")]))
    first = monitor_env.run("once")
    assert "2 feeds, 0 failed" in first.stdout
    assert requests_to(httpserver, "/news/border") == 1

    # A second pass, in a new process, over a changed document: the story is known; no page is fetched.
    httpserver.clear()
    serve_feed(httpserver, rss, [entry(link), {**entry(httpserver.url_for("/news/other"), guid="cricket"),
                                               "title": "Cricket squad named", "summary": "A squad was named."}], "/a.xml")
    serve_feed(httpserver, rss, [entry(link + "?utm_source=rss", guid="other-guid", title="Pak-Afghan border talks")], "/b.xml")
    second = monitor_env.run("once")
    assert "1 new articles" in second.stdout
    assert requests_to(httpserver, "/news/border") == 0 and requests_to(httpserver, "/news/other") == 0
    assert requests_to(httpserver, "/robots.txt") == 0  # kept in the database
    assert page_events(second.stderr) == []
    with sqlite3.connect(monitor_env.db) as conn:
        assert conn.execute("SELECT count(*) FROM pages WHERE kind = 'article'").fetchone()[0] == 1


def _slow(request: Request) -> Response:
    time.sleep(2.5)
    return Response(page_html(), content_type="text/html")


def _huge(request: Request) -> Response:
    chunk = b"<p>" + b"filler text " * 87381 + b"</p>"  # about 1 MiB
    return Response((chunk for _ in range(50)), content_type="text/html")


FAILURES = {
    "404": (lambda hs: hs.expect_request("/news/border").respond_with_data("gone", status=404), "HTTP 404"),
    "timeout": (lambda hs: hs.expect_request("/news/border").respond_with_handler(_slow), "timeout"),
    "50MB": (lambda hs: hs.expect_request("/news/border").respond_with_handler(_huge), "larger than"),
    "pdf": (
        lambda hs: hs.expect_request("/news/border").respond_with_data(b"%PDF-1.7\n" + b"\0" * 2000, content_type="application/pdf"),
        "not HTML (application/pdf)",
    ),
    "robots": (
        lambda hs: hs.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /news/\n", content_type="text/plain"),
        "robots.txt disallows",
    ),
    "no-text": (
        lambda hs: hs.expect_request("/news/border").respond_with_data("<html><body><nav>Home</nav></body></html>", content_type="text/html"),
        "no article text",
    ),
}


@pytest.mark.parametrize("case", sorted(FAILURES))
def test_a_page_that_fails_leaves_the_feed_text_with_one_log_line(monitor_env, rss, httpserver, case):
    serve, reason = FAILURES[case]
    serve(httpserver)
    serve_feed(httpserver, rss, [entry(httpserver.url_for("/news/border"))])
    monitor_env.configure(feed_config(httpserver.url_for(""), [("Dawn", "/feed.xml")]).replace("read_timeout = 5", "read_timeout = 1"))
    started = time.monotonic()
    result = monitor_env.run("once")
    assert time.monotonic() - started < 30
    assert "1 feeds, 0 failed, 1 new articles, 0 alerts" in result.stdout
    [line] = page_events(result.stderr)
    assert line["event"] == "page_unavailable" and reason in line["reason"], line
    assert line["feed"] == "Dawn" and line["url"].endswith("/news/border")
    if case == "robots":
        assert requests_to(httpserver, "/news/border") == 0
    if case == "timeout":  # let the slow handler finish, so it is not logged in the next test
        while requests_to(httpserver, "/news/border") == 0 and time.monotonic() - started < 30:
            time.sleep(0.1)


def test_never_reads_no_page(monitor_env, rss, httpserver):
    httpserver.expect_request("/news/border").respond_with_data(page_html(), content_type="text/html")
    serve_feed(httpserver, rss, [entry(httpserver.url_for("/news/border"))])
    config = feed_config(httpserver.url_for(""), [("Dawn", "/feed.xml")]).replace('interval = "1h"', 'interval = "1h"\nfull_text = "never"')
    monitor_env.configure(config)
    result = monitor_env.run("once")
    assert "1 new articles, 0 alerts" in result.stdout
    assert httpserver.log and all(r.path == "/feed.xml" for r, _ in httpserver.log)


def test_auto_skips_long_feed_text_and_stories_that_name_nothing_of_the_conflict_always_reads_long(monitor_env, rss, httpserver):
    long_text = TEASER + " " + "The officials discussed the schedule of the meeting at length with traders. " * 10
    httpserver.expect_request("/news/long").respond_with_data(page_html(), content_type="text/html")
    httpserver.expect_request("/news/cricket").respond_with_data(page_html(), content_type="text/html")
    entries = [
        {**entry(httpserver.url_for("/news/long"), guid="long"), "summary": long_text},
        {**entry(httpserver.url_for("/news/cricket"), guid="cricket"), "title": "Cricket board names squad"},
    ]
    serve_feed(httpserver, rss, entries)
    monitor_env.configure(feed_config(httpserver.url_for(""), [("Dawn", "/feed.xml")]))
    monitor_env.run("once")
    assert requests_to(httpserver, "/news/long") == 0 and requests_to(httpserver, "/news/cricket") == 0

    for path in monitor_env.root.glob("monitor.db*"):  # start afresh: the stories are new again
        path.unlink()
    monitor_env.configure(
        feed_config(httpserver.url_for(""), [("Dawn", "/feed.xml")]).replace('interval = "1h"', 'interval = "1h"\nfull_text = "always"')
    )
    monitor_env.run("once")
    assert requests_to(httpserver, "/news/long") == 1 and requests_to(httpserver, "/news/cricket") == 0


def test_google_news_links_keep_their_feed_text_without_a_fetch(monitor_env, rss, httpserver):
    link = "https://news.google.com/rss/articles/CBMiWmh0dHBzOi8vZXhhbXBsZQ?oc=5"
    serve_feed(httpserver, rss, [entry(link)])
    monitor_env.configure(feed_config(httpserver.url_for(""), [("Google News", "/feed.xml")]))
    result = monitor_env.run("once")
    assert "1 new articles, 0 alerts" in result.stdout
    [line] = page_events(result.stderr)
    assert "JavaScript" in line["reason"]


def test_the_daily_budget_per_host_is_kept(monitor_env, rss, httpserver):
    for name in ("one", "two", "three"):
        httpserver.expect_request(f"/news/{name}").respond_with_data(page_html(), content_type="text/html")
    serve_feed(httpserver, rss, [entry(httpserver.url_for(f"/news/{n}"), guid=n, title=f"Pak-Afghan border, part {n}") for n in ("one", "two", "three")])
    monitor_env.configure(feed_config(httpserver.url_for(""), [("Dawn", "/feed.xml")]) + "\n[full_text]\nper_host_daily = 2\n")
    result = monitor_env.run("once")
    fetched = sum(requests_to(httpserver, f"/news/{n}") for n in ("one", "two", "three"))
    assert fetched == 2
    spent = [e for e in page_events(result.stderr) if "budget" in e.get("reason", "")]
    assert len(spent) == 1


def test_eval_reads_no_page(monitor_env, httpserver, tmp_path):
    httpserver.expect_request("/news/border").respond_with_data(page_html(), content_type="text/html")
    scenario = {
        "id": "page-only",
        "articles": [{
            "title": "Officials at the Pak-Afghan border", "summary": TEASER, "published": "2025-11-15T06:30:00Z",
            "source_url": httpserver.url_for("/news/border"), "expected": [],
        }],
    }
    dataset = tmp_path / "set.jsonl"
    dataset.write_text(json.dumps(scenario) + "\n")
    report = json.loads(monitor_env.run("eval", str(dataset), "--json").stdout)
    assert report["silent"] == {"expected": 1, "silent": 1, "share": 1.0}
    assert httpserver.log == []


def test_a_wrong_full_text_value_is_one_line_naming_the_feed_and_key(monitor_env, httpserver):
    monitor_env.configure(
        feed_config(httpserver.url_for(""), [("Dawn", "/feed.xml")]).replace('interval = "1h"', 'interval = "1h"\nfull_text = "sometimes"')
    )
    result = monitor_env.run("check-config", check=False)
    assert result.returncode != 0
    [line] = [l for l in (result.stdout + result.stderr).splitlines() if l.strip()]
    assert "feeds[0].full_text" in line and "'Dawn'" in line and '"auto", "always" or "never"' in line
    assert "Traceback" not in result.stderr


def test_a_database_of_the_first_schema_gains_pages_and_keeps_its_alerts(monitor_env):
    from monitor.store import MIGRATIONS

    with sqlite3.connect(monitor_env.db) as conn:
        conn.executescript(MIGRATIONS[0])
        conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        conn.execute("INSERT INTO schema_version VALUES (1)")
        conn.execute(
            "INSERT INTO alerts (detector, subject, previous, current, severity, confidence, evidence, article_url,"
            " article_title, article_published, article_feed, created_at) VALUES ('crossing', 'Torkham', 'closed',"
            " 'open', 'high', 0.85, 'Torkham reopened.', 'https://news.example/t', 'Torkham reopened',"
            " '2025-11-15T06:30:00+00:00', 'Dawn', '2025-11-15T06:41:00+00:00')"
        )
    [alert] = monitor_env.alerts()
    assert alert["evidence"] == "Torkham reopened." and alert["evidence_from"] == "feed"
    with sqlite3.connect(monitor_env.db) as conn:
        assert conn.execute("SELECT count(*) FROM pages").fetchone()[0] == 0


def test_reading_stops_at_the_time_budget_and_the_pass_completes(monitor_env, rss, httpserver):
    def slow(request: Request) -> Response:
        time.sleep(3)
        return Response(page_html(), content_type="text/html")

    names = ("one", "two", "three")
    for name in names:
        httpserver.expect_request(f"/news/{name}").respond_with_handler(slow)
    serve_feed(httpserver, rss, [entry(httpserver.url_for(f"/news/{n}"), guid=n, title=f"Pak-Afghan border, part {n}") for n in names])
    monitor_env.configure(feed_config(httpserver.url_for(""), [("Dawn", "/feed.xml")]) + '\n[full_text]\ntime_budget = "1s"\n')
    result = monitor_env.run("once")
    assert "1 feeds, 0 failed, 3 new articles, 0 alerts" in result.stdout
    lines = page_events(result.stderr)
    assert sorted(line["url"].rsplit("/", 1)[1] for line in lines) == sorted(names)  # one line each
    assert all(line["event"] == "page_unavailable" for line in lines)
    # Two at once to one host ([fetch] per_host = 2): the third never started.
    assert any("time budget" in line["reason"] for line in lines)
    time.sleep(2.5)  # let the slow handlers finish before the next test


PLUGIN_WITH_MAY_MATTER = '''
import monitor

@monitor.hookimpl
def may_matter(article):
    return "fuel" in article.full_text.lower()

@monitor.hookimpl
def detect(article):
    for paragraph in article.page_text.split("\\n\\n"):
        if "fuel price doubled" in paragraph.lower():
            return [monitor.Observation(subject="Kabul fuel", value="high", evidence=paragraph)]
    return []
'''


def test_a_plugin_asks_for_pages_the_default_would_not_read(monitor_env, rss, httpserver):
    (monitor_env.plugins_dir / "fuel.py").write_text(PLUGIN_WITH_MAY_MATTER)
    page = "<html><body><article><h1>Markets</h1><p>Traders met in the capital on Monday to talk about prices.</p>" \
        "<p>The fuel price doubled in Kabul this week, traders said, after supplies ran short.</p></article></body></html>"
    httpserver.expect_request("/news/fuel").respond_with_data(page, content_type="text/html")
    httpserver.expect_request("/news/cricket").respond_with_data(page, content_type="text/html")
    serve_feed(httpserver, rss, [
        {"title": "Fuel in the capital", "summary": "Traders met on Monday.", "link": httpserver.url_for("/news/fuel"),
         "guid": "fuel", "published": "2025-11-15T06:30:00Z"},
        {"title": "Cricket squad named", "summary": "A squad was named.", "link": httpserver.url_for("/news/cricket"),
         "guid": "cricket", "published": "2025-11-15T06:30:00Z"},
    ])
    monitor_env.configure(feed_config(httpserver.url_for(""), [("Tolo", "/feed.xml")]))
    monitor_env.run("once")
    [alert] = monitor_env.alerts(detector="fuel")
    assert alert["evidence_from"] == "page" and "doubled" in alert["evidence"]
    assert requests_to(httpserver, "/news/cricket") == 0


def test_redirects_are_followed_within_limits(monitor_env, rss, httpserver):
    httpserver.expect_request("/news/short-link").respond_with_data("", status=301, headers={"Location": "/news/border"})
    httpserver.expect_request("/news/border").respond_with_data(page_html(), content_type="text/html")
    httpserver.expect_request("/news/loop").respond_with_data("", status=302, headers={"Location": "/news/loop"})
    serve_feed(httpserver, rss, [
        entry(httpserver.url_for("/news/short-link")),
        entry(httpserver.url_for("/news/loop"), guid="loop", title="Pak-Afghan border: a loop"),
    ])
    monitor_env.configure(feed_config(httpserver.url_for(""), [("Dawn", "/feed.xml")]))
    result = monitor_env.run("once")
    assert "1 feeds, 0 failed, 2 new articles, 1 alerts" in result.stdout
    [alert] = monitor_env.alerts()
    assert alert["evidence_from"] == "page" and alert["evidence"] == FOURTH_PARAGRAPH
    [loop] = [e for e in page_events(result.stderr) if e["url"].endswith("/news/loop")]
    assert loop["event"] == "page_unavailable" and "redirect loop" in loop["reason"]


def test_a_page_read_before_a_restart_is_not_fetched_again(monitor_env, rss, httpserver):
    # A pass that read the page and stopped before storing the article (SIGTERM
    # mid-pass) leaves the page in the database; the next process uses it.
    link = httpserver.url_for("/news/border")
    monitor_env.run("feeds")  # creates the database
    with sqlite3.connect(monitor_env.db) as conn:
        conn.execute(
            "INSERT INTO pages (url, kind, host, outcome, status, text, fetched_at) VALUES (?, 'article', '127.0.0.1', 'ok', 200, ?, ?)",
            (link, f"{TEASER}\nTraders waited at the gate.\n{FOURTH_PARAGRAPH}", datetime.now(timezone.utc).isoformat()),
        )
    httpserver.expect_request("/news/border").respond_with_data("should not be asked", status=500)
    serve_feed(httpserver, rss, [entry(link)])
    monitor_env.configure(feed_config(httpserver.url_for(""), [("Dawn", "/feed.xml")]))
    result = monitor_env.run("once")
    [alert] = monitor_env.alerts()
    assert alert["evidence_from"] == "page" and alert["evidence"] == FOURTH_PARAGRAPH
    assert requests_to(httpserver, "/news/border") == 0 and requests_to(httpserver, "/robots.txt") == 0
    [read] = page_events(result.stderr)
    assert read["event"] == "page_read" and read["cached"] is True
