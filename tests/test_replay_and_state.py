"""`monitor replay` and the state rules of ALERTS.md, through the public CLI."""

from __future__ import annotations

import json
import re
import sqlite3
import time

from helpers import IRRELEVANT, ROOT, TORKHAM_CLOSED, TORKHAM_OPEN, shared_path


def test_transitions_then_a_repeat_is_silent(monitor_env, rss):
    repeat = {**TORKHAM_CLOSED, "guid": "again", "link": "https://news.example/again", "published": "2025-11-19T09:00:00Z",
              "title": "Torkham remains closed", "summary": "The Torkham crossing stayed closed for a second day, officials said."}
    monitor_env.replay(rss([TORKHAM_OPEN, TORKHAM_CLOSED, repeat]))
    alerts = monitor_env.alerts()
    assert [(a["subject"], a["previous"], a["current"]) for a in alerts] == [("Torkham", "closed", "open"), ("Torkham", "open", "closed")]
    assert [a["id"] for a in alerts] == sorted(a["id"] for a in alerts)
    assert alerts[1]["severity"] == "high"
    assert all(set(a) >= {"id", "detector", "subject", "previous", "current", "claimant", "claim_type", "target", "figure", "severity", "evidence", "article", "created_at"} for a in alerts)


def test_entries_are_judged_oldest_first_and_older_news_never_overrides(monitor_env, rss):
    # One document listing the newest first: replay sorts its entries by date.
    monitor_env.replay(rss([TORKHAM_CLOSED, TORKHAM_OPEN]))
    assert [a["current"] for a in monitor_env.alerts()] == ["open", "closed"]
    # A report older than the current state arrives late: nothing changes.
    late = {**TORKHAM_OPEN, "guid": "late", "link": "https://news.example/late", "published": "2025-11-17T00:00:00Z",
            "summary": "Officials said the Torkham crossing was reopened to all traffic on Monday."}
    monitor_env.replay(rss([late]))
    assert len(monitor_env.alerts()) == 2


def test_articles_before_the_baseline_date_raise_nothing(monitor_env, rss):
    old = {**TORKHAM_OPEN, "published": "2023-09-15T07:00:00Z"}
    result = monitor_env.replay(rss([old]))
    assert "1 new articles, 0 alerts" in result.stdout
    assert monitor_env.alerts() == []


def test_the_same_story_in_several_outlets_is_processed_once_and_lists_them(monitor_env, rss):
    wire_a = {**TORKHAM_OPEN, "guid": "a-1", "link": "https://outlet-a.example/story"}
    wire_b = {**TORKHAM_OPEN, "guid": "b-7", "link": "https://outlet-b.example/other-path?utm_source=x"}
    first = monitor_env.replay(rss([wire_a]), feed="Outlet A")
    second = monitor_env.replay(rss([wire_b]), feed="Outlet B")
    assert "1 new articles, 1 alerts" in first.stdout and "0 new articles, 0 alerts" in second.stdout
    [alert] = monitor_env.alerts()
    assert alert["article"]["feed"] == "Outlet A"
    assert alert["sources"] == [{"feed": "Outlet B", "url": wire_b["link"]}]
    # The same guid in the same feed again is simply a duplicate.
    assert "0 new articles" in monitor_env.replay(rss([wire_a]), feed="Outlet A").stdout


def test_folders_are_replayed_in_name_order(monitor_env, rss, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    # Written out of order on purpose: 02 is the newer story.
    (folder / "02.xml").write_bytes(rss([TORKHAM_CLOSED]))
    (folder / "01.xml").write_bytes(rss([TORKHAM_OPEN]))
    result = monitor_env.run("replay", str(folder), "--no-notify")
    assert "2 documents, 2 new articles, 2 alerts" in result.stdout
    assert [a["current"] for a in monitor_env.alerts()] == ["open", "closed"]


def test_replay_missing_path_is_one_line(monitor_env, tmp_path):
    result = monitor_env.run("replay", str(tmp_path / "nowhere.xml"), check=False)
    assert result.returncode == 2
    assert result.stderr.strip() == f"monitor: {tmp_path / 'nowhere.xml'}: no such file or folder; pass feed files, folders of them, or URLs"


def test_alerts_filters_and_json(monitor_env, rss):
    claim = {"title": "Army says 25 militants killed", "guid": "c", "link": "https://news.example/c", "published": "2025-11-02T09:00:00Z",
             "summary": "Pakistan's military said on Sunday that its troops had killed 25 militants trying to cross from Afghanistan."}
    monitor_env.replay(rss([TORKHAM_OPEN, claim, IRRELEVANT]))
    claims = monitor_env.alerts(detector="claim")
    assert [(a["claimant"], a["claim_type"], a["figure"]) for a in claims] == [("Pakistan", "casualties", 25)]
    assert claims[0]["subject"] == "Pakistan" and claims[0]["previous"] is None
    newest = [json.loads(l) for l in monitor_env.run("alerts", "--json", "--limit", "1").stdout.splitlines()]
    assert len(newest) == 1 and newest[0]["id"] == max(a["id"] for a in monitor_env.alerts())
    assert monitor_env.run("alerts", "--json", "--since", "2999-01-01").stdout == ""
    bad = monitor_env.run("alerts", "--since", "yesterday", check=False)
    assert bad.returncode == 2 and "--since 'yesterday': not an ISO 8601 date" in bad.stderr
    text = monitor_env.run("alerts").stdout
    assert "crossing · Torkham: closed → open" in text


def test_an_older_database_opens_with_this_release(monitor_env, rss):
    monitor_env.replay(rss([TORKHAM_OPEN]))
    with sqlite3.connect(monitor_env.db) as conn:
        version = conn.execute("SELECT version FROM schema_version").fetchone()[0]
        assert version >= 1
        conn.execute("UPDATE schema_version SET version = 999")
    result = monitor_env.run("alerts", check=False)
    assert result.returncode == 2 and "written by a newer monitor (schema 999)" in result.stderr
    with sqlite3.connect(monitor_env.db) as conn:
        # Back to its real version: setting an older one would replay migrations
        # over tables they already made. tests/test_full_text.py opens a real
        # first-schema database.
        conn.execute("UPDATE schema_version SET version = ?", (version,))
    assert len(monitor_env.alerts()) == 1  # nothing lost


def test_a_database_from_before_since_and_the_date_rule_is_brought_up_to_date(monitor_env, rss):
    """A schema-1 database: no `since`, and Torkham's state dated years ahead by a
    publisher's clock that the old rule believed."""
    monitor_env.replay(rss([TORKHAM_OPEN]))
    with sqlite3.connect(monitor_env.db) as conn:
        conn.execute("ALTER TABLE state DROP COLUMN since")
        conn.execute("DROP INDEX alerts_subject")
        conn.execute("DROP TABLE pages")  # and what later migrations made
        conn.execute("ALTER TABLE alerts DROP COLUMN evidence_from")
        conn.execute("UPDATE state SET published = '2031-01-01T00:00:00+00:00' WHERE subject = 'Torkham'")
        conn.execute("UPDATE schema_version SET version = 1")
    [torkham] = [json.loads(l) for l in monitor_env.run("state", "Torkham", "--json").stdout.splitlines()]
    assert torkham["value"] == "open" and torkham["since"] == "2025-11-15T06:30:00+00:00" and torkham["alert_id"] == 1
    # Dated as it was written, the state no longer shadows every report until 2031.
    from datetime import datetime, timezone

    time.sleep(1.1)  # feed dates have whole seconds
    closed = {**TORKHAM_CLOSED, "published": datetime.now(timezone.utc)}
    assert "1 alerts" in monitor_env.replay(rss([closed])).stdout


def test_every_feedparser_sample_replays_without_a_crash(monitor_env):
    corpus = shared_path("corpora", "feedparser")
    result = monitor_env.run("replay", str(corpus), "--no-notify", "--offline", check=False, timeout=300)  # its links are real sites
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert "plugin_failed" not in result.stderr


def test_baseline_rebuilt_from_the_seed_equals_the_shipped_one(monitor_env, tmp_path):
    seed = shared_path("seed", "article.txt")
    out = tmp_path / "rebuilt.json"
    monitor_env.run("baseline", "build", str(seed), "-o", str(out))
    assert json.loads(out.read_text()) == json.loads((ROOT / "config" / "baseline.json").read_text())


def test_baseline_holds_no_copied_sentences_and_shows_readably(monitor_env):
    shipped = json.loads((ROOT / "config" / "baseline.json").read_text())
    assert shipped["published"].startswith("2025-10-24")
    assert {f["subject"]: f["value"] for f in shipped["state"] if f["detector"] == "crossing"}["Torkham"] == "closed"
    for fact in shipped["state"] + shipped["claims"]:
        assert set(fact["evidence"]) == {"start", "end", "sha256"}
    shown = monitor_env.run("baseline", "show").stdout
    assert "Pakistan–Afghanistan ceasefire  in_effect" in shown
    assert "Afghanistan: territory 24 → Pakistan" in shown


def _facts(baseline: dict) -> tuple:
    state = sorted((f["detector"], f["subject"], f["value"]) for f in baseline["state"])
    claims = sorted((c["claimant"], c["claim_type"], c["target"] or "", c["figure"] or 0, c["topic"] or "") for c in baseline["claims"])
    return baseline["published"][:10], state, claims


def test_baseline_from_an_html_page_file_or_url_has_the_same_facts(monitor_env, httpserver, tmp_path):
    from html import escape

    seed = shared_path("seed", "article.txt").read_text()
    lines = [l for l in seed.splitlines() if l.strip()]
    page = ("<html><head><title>" + escape(lines[0]) + "</title></head><body><nav>Home | World</nav><article><h1>" + escape(lines[0])
            + "</h1>" + "".join(f"<p>{escape(l)}</p>" for l in lines[1:]) + "</article><footer>Subscribe</footer></body></html>")
    html_file = tmp_path / "article.html"
    html_file.write_text(page)
    httpserver.expect_request("/article.html").respond_with_data(page, content_type="text/html")
    shipped = _facts(json.loads((ROOT / "config" / "baseline.json").read_text()))
    for source in (str(html_file), httpserver.url_for("/article.html")):
        out = tmp_path / "from-html.json"
        monitor_env.run("baseline", "build", source, "-o", str(out))
        assert _facts(json.loads(out.read_text())) == shipped, source


def test_commands_started_together_on_a_new_database_all_succeed(monitor_env):
    import os
    import subprocess
    import sys

    env = {**os.environ, "MONITOR_CONFIG": str(monitor_env.config)}
    for _ in range(6):  # a race: give it several chances to show
        for suffix in ("-wal", "-shm", ""):
            if os.path.exists(str(monitor_env.db) + suffix):
                os.remove(str(monitor_env.db) + suffix)
        runs = [subprocess.Popen([sys.executable, "-m", "monitor", "alerts"], env=env, stderr=subprocess.PIPE, text=True) for _ in range(8)]
        results = [(p.wait(timeout=60), p.stderr.read()) for p in runs]
        assert all(code == 0 for code, _ in results), results


def test_the_same_story_twice_in_one_document_is_stored_once(monitor_env, rss):
    # Aggregators list one wire story under two links in the same feed.
    twice = [{**TORKHAM_OPEN, "guid": "x-1", "link": "https://agg.example/1"},
             {**TORKHAM_OPEN, "guid": "x-2", "link": "https://agg.example/2"}]
    result = monitor_env.replay(rss(twice), feed="Aggregator")
    assert "1 new articles, 1 alerts" in result.stdout
    [alert] = monitor_env.alerts()
    assert alert["article"]["url"] == "https://agg.example/1"
    assert alert["sources"] == [{"feed": "Aggregator", "url": "https://agg.example/2"}]


WAITING_PLUGIN = '''
import os, pathlib, time

import monitor


@monitor.hookimpl
def detect(article):
    gate = os.environ.get("HOLD_DETECTION")
    if gate:  # hold this process in detection until the test lets it go
        pathlib.Path(gate + ".waiting").touch()
        deadline = time.monotonic() + 20
        while not pathlib.Path(gate).exists() and time.monotonic() < deadline:
            time.sleep(0.05)
    return []
'''


def test_a_story_stored_by_another_process_while_this_one_detected_is_a_duplicate(monitor_env, rss, tmp_path):
    # `monitor replay` beside the running daemon: the other process commits the
    # story after this one looked it up and before this one commits.
    import os
    import subprocess
    import sys
    import time

    (monitor_env.plugins_dir / "holder.py").write_text(WAITING_PLUGIN)
    monitor_env.run("alerts")  # create the database
    first, second = tmp_path / "a.xml", tmp_path / "b.xml"
    first.write_bytes(rss([{**TORKHAM_OPEN, "guid": "a-1", "link": "https://outlet-a.example/story"}]))
    second.write_bytes(rss([{**TORKHAM_OPEN, "guid": "b-1", "link": "https://outlet-b.example/story"}]))
    gate = tmp_path / "gate"
    env = {**os.environ, "MONITOR_CONFIG": str(monitor_env.config), "HOLD_DETECTION": str(gate)}
    held = subprocess.Popen([sys.executable, "-m", "monitor", "replay", str(first), "--feed", "Outlet A", "--no-notify"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 20
        while not (tmp_path / "gate.waiting").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert (tmp_path / "gate.waiting").exists(), "the held process never reached detection"
        other = monitor_env.replay(second, feed="Outlet B")
        assert "1 new articles" in other.stdout
        gate.touch()
        out, err = held.communicate(timeout=30)
    finally:
        if held.poll() is None:
            held.kill()
    assert held.returncode == 0, err
    assert "0 new articles" in out
    with sqlite3.connect(monitor_env.db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    [alert] = monitor_env.alerts()
    assert alert["article"]["feed"] == "Outlet B" and alert["sources"] == [{"feed": "Outlet A", "url": "https://outlet-a.example/story"}]


def test_titles_feed_names_and_evidence_are_one_line_wherever_shown(monitor_env, rss, httpserver):
    received = []
    httpserver.expect_request("/hook", method="POST").respond_with_handler(
        lambda request: received.append(json.loads(request.data)) or __import__("werkzeug").Response("ok"))
    monitor_env.configure(f'[notifiers.webhook]\nurl = "{httpserver.url_for("/hook")}"\n')
    broken = {**TORKHAM_OPEN, "title": "Torkham\n   reopened\tfor trade\n",
              "summary": "Pakistan fully reopened the Torkham\ncrossing   for trade and pedestrians on Saturday morning, officials said."}
    result = monitor_env.replay(rss([broken]), notify=True, feed="Dawn\n  Pakistan")
    [alert] = monitor_env.alerts()
    title, feed = "Torkham reopened for trade", "Dawn Pakistan"
    assert alert["article"]["title"] == title and alert["article"]["feed"] == feed
    assert "Torkham crossing for trade" in alert["evidence"] and "\n" not in alert["evidence"] and "  " not in alert["evidence"]
    shown = monitor_env.run("alerts").stdout.splitlines()
    assert f"    {feed} · {title} · {TORKHAM_OPEN['link']}" in shown
    assert any(line.startswith("    “Pakistan fully reopened the Torkham crossing for trade") for line in shown)
    [logged] = [json.loads(line) for line in result.stderr.splitlines() if line.startswith('{"') and "ALERT" in line]
    assert logged["article"]["title"] == title and logged["article"]["feed"] == feed and logged["evidence"] == alert["evidence"]
    assert feed in logged["event"]
    [sent] = received
    assert sent["article"]["title"] == title and sent["article"]["feed"] == feed and sent["evidence"] == alert["evidence"]


def test_a_date_later_than_the_reading_cannot_freeze_a_crossing(monitor_env, rss):
    """A publisher's clock years or hours ahead: the entry counts as published
    when its document was read, so the real change that follows still alerts."""
    from datetime import datetime, timedelta, timezone

    before = datetime.now(timezone.utc)
    ahead = {**TORKHAM_OPEN, "published": before + timedelta(hours=3)}
    monitor_env.replay(rss([ahead]))
    [opened] = monitor_env.alerts()
    read_at = datetime.fromisoformat(opened["article"]["published"])
    assert before <= read_at <= datetime.now(timezone.utc)
    # A real report, dated after that reading and before its own (feed dates
    # have whole seconds).
    time.sleep(1.1)
    closed = {**TORKHAM_CLOSED, "published": datetime.now(timezone.utc)}
    assert "1 new articles, 1 alerts" in monitor_env.replay(rss([closed])).stdout
    assert [(a["previous"], a["current"]) for a in monitor_env.alerts()] == [("closed", "open"), ("open", "closed")]
    [state] = [json.loads(line) for line in monitor_env.run("state", "Torkham", "--json").stdout.splitlines()]
    assert state["value"] == "closed" and state["article"]["url"] == TORKHAM_CLOSED["link"]


def test_placeholder_and_unreadable_dates_count_as_the_reading_too(monitor_env, rss, tmp_path):
    from datetime import datetime, timezone

    epoch = {**TORKHAM_OPEN, "published": "1970-01-01T00:00:00Z"}
    document = rss([epoch]).decode()
    garbled = (f"<item><title>Chaman reopened</title><guid>chaman</guid><link>https://news.example/chaman</link>"
               f"<description>Pakistan reopened the Chaman crossing for trade and travellers on Monday, officials said.</description>"
               f"<pubDate>the day after tomorrow</pubDate></item>")
    path = tmp_path / "odd-dates.xml"
    path.write_text(document.replace("</channel>", garbled + "</channel>"))
    before = datetime.now(timezone.utc)
    result = monitor_env.run("replay", str(path), "--no-notify")
    after = datetime.now(timezone.utc)
    alerts = monitor_env.alerts()
    assert sorted(a["subject"] for a in alerts) == ["Chaman", "Torkham"]  # not dropped as "before the baseline"
    assert all(before <= datetime.fromisoformat(a["article"]["published"]) <= after for a in alerts)
    [event] = [json.loads(l) for l in result.stderr.splitlines() if '"entries_dated_when_fetched"' in l]
    assert event["entries"] == 2 and event["feed"] == "odd-dates.xml"


def test_state_says_each_value_since_when_and_which_article_set_it(monitor_env, rss):
    repeat = {**TORKHAM_CLOSED, "guid": "again", "link": "https://news.example/again", "published": "2025-11-19T09:00:00Z",
              "title": "Torkham remains closed", "summary": "The Torkham crossing stayed closed for a second day, officials said."}
    monitor_env.replay(rss([TORKHAM_OPEN, TORKHAM_CLOSED, repeat]), feed="Dawn")
    board = [json.loads(line) for line in monitor_env.run("state", "--json").stdout.splitlines()]
    by_subject = {entry["subject"]: entry for entry in board}
    assert {"Pakistan–Afghanistan ceasefire", "Torkham", "Chaman", "Gursal"} <= set(by_subject)
    torkham = by_subject["Torkham"]
    # Set by the closure; the repeat a day later confirms it but is not "since".
    assert (torkham["value"], torkham["since"], torkham["set_by"]) == ("closed", "2025-11-18T04:00:00+00:00", "alert")
    assert torkham["article"] == {"url": TORKHAM_CLOSED["link"], "title": TORKHAM_CLOSED["title"], "feed": "Dawn"}
    assert "closed the Torkham crossing to all traffic" in torkham["evidence"]
    chaman = by_subject["Chaman"]
    assert (chaman["value"], chaman["since"], chaman["set_by"], chaman["article"]) == ("closed", "2025-10-24T00:00:00+00:00", "baseline", None)

    text = monitor_env.run("state", "torkham", "--history").stdout.splitlines()
    assert text[0].startswith("crossing · Torkham: closed since 18 Nov 2025, ")
    assert text[1] == f"    Dawn · {TORKHAM_CLOSED['title']} · {TORKHAM_CLOSED['link']}"
    history = [line.strip() for line in text if line.startswith("    20")]
    assert history == [
        "2025-10-24 00:00Z  closed  (baseline)",
        f"2025-11-15 06:30Z  closed → open  #1 Dawn · {TORKHAM_OPEN['title']} · {TORKHAM_OPEN['link']}",
        f"2025-11-18 04:00Z  open → closed  #2 Dawn · {TORKHAM_CLOSED['title']} · {TORKHAM_CLOSED['link']}",
    ]
    [ceasefire] = [json.loads(l) for l in monitor_env.run("state", "ceasefire", "--history", "--json").stdout.splitlines()]
    assert ceasefire["value"] == "in_effect" and [h["value"] for h in ceasefire["history"]] == ["in_effect"]
    unknown = monitor_env.run("state", "Wagah", check=False)
    assert unknown.returncode == 2 and unknown.stderr.startswith("monitor: Wagah: no such subject; known subjects: ")


def test_what_an_alert_means_ships_with_the_project(monitor_env, rss):
    """docs/alerts.md explains every field a user gets; the README, the plugin
    API and `monitor --help` send readers there, and nothing sends them to the
    ../shared folder a user does not have."""
    doc = (ROOT / "docs" / "alerts.md").read_text()
    for topic in ("## State, baseline and observations", "## Dates and order", "### ceasefire", "### crossing", "### claim",
                  "equal key", "within 10 %", "claimant is always part of the", "before 1 January 1999", "later than that moment",
                  "Once `collapsed`", "## An alert as JSON", "## The state as JSON"):
        assert topic in doc, topic
    claim = {"title": "Army says 25 militants killed", "guid": "c", "link": "https://news.example/c", "published": "2025-11-02T09:00:00Z",
             "summary": "Pakistan's military said on Sunday that its troops had killed 25 militants trying to cross from Afghanistan."}
    monitor_env.replay(rss([TORKHAM_OPEN, claim]))
    documented = set(re.findall(r"`(\w+)`", doc))
    for alert in monitor_env.alerts():
        assert set(alert) | set(alert["article"]) <= documented, set(alert) - documented
    for line in monitor_env.run("state", "--history", "--json").stdout.splitlines():
        entry = json.loads(line)
        assert set(entry) | set(entry["history"][0]) <= documented, set(entry) - documented
    assert "docs/alerts.md" in (ROOT / "README.md").read_text()
    assert "docs/alerts.md" in (ROOT / "monitor" / "hookspecs.py").read_text()
    assert "docs/alerts.md" in monitor_env.run("--help").stdout
    shipped = [ROOT / "README.md", *(ROOT / "docs").glob("*.md"), *(ROOT / "monitor").rglob("*.py"), *(ROOT / "plugins").rglob("*.py"),
               *(ROOT / "plugins").rglob("*.j2"), *(ROOT / "config").glob("*"), *(ROOT / "systemd").glob("*"), ROOT / "pyproject.toml"]
    pointing = [str(p.relative_to(ROOT)) for p in shipped if p.is_file() and re.search(r"\.\./shared|\bshared/(eval|seed|ALERTS)", p.read_text())]
    assert pointing == []


def test_claims_read_as_sentences_in_the_log_and_alerts(monitor_env, rss):
    own_losses = {"title": "Soldiers killed in clash", "guid": "own", "link": "https://news.example/own", "published": "2025-11-03T09:00:00Z",
                  "summary": "The military said five Pakistani soldiers were killed in the clash on Sunday, the ISPR said."}
    result = monitor_env.replay(rss([own_losses]), notify=True)
    [alert] = monitor_env.alerts()
    assert (alert["claimant"], alert["claim_type"], alert["target"], alert["figure"]) == ("Pakistan", "casualties", "Pakistan", 5)
    events = [json.loads(line)["event"] for line in result.stderr.splitlines() if line.startswith('{"')]
    assert f"ALERT claim Pakistan says 5 of its soldiers were killed · test · {own_losses['link']}" in events
    assert "claim · Pakistan says 5 of its soldiers were killed" in monitor_env.run("alerts").stdout


def test_entry_html_is_stored_as_the_text_a_reader_sees(monitor_env, rss):
    # The shapes of entry HTML real feeds send: paragraphs, links with
    # attributes, line breaks written three ways, character references, and the
    # rarer comments and scripts, each read into plain paragraphs
    entries = [
        ('<p>Traders met in <a href="https://x.example/?a=1&amp;b=2" title=\'the "market"\'>Peshawar</a> on Monday.</p>'
         '<p class="x">Prices rose&nbsp;by 5&#37;,  they&#39;said.<br/>Fuel ran short.<br />Flour too.<BR>Rice &amp; tea.</p>',
         # ("<br/>" is a start and an end tag to HTMLParser, so a paragraph's end too)
         "Traders met in Peshawar on Monday.\n\nPrices rose by 5%, they'said.\n\nFuel ran short.\n\nFlour too.\nRice & tea."),
        ('<div>Flights resumed <!-- a comment --> at Kabul.</div><script>var a = "<p>"</script><p>Fog lifted &lt;slowly&gt;.</p>',
         "Flights resumed at Kabul.\n\nFog lifted <slowly>."),
        ("<p>A dealer said 3 < 4 \t and  left.</p>\n<ul><li>one</li><li>two</li></ul>", "A dealer said 3 < 4 and left.\n\none\n\ntwo"),
    ]
    monitor_env.replay(rss([{"title": f"Market {i}", "summary": markup, "guid": f"m{i}", "link": f"https://news.example/m{i}",
                             "published": "2026-02-20T08:00:00Z"} for i, (markup, _) in enumerate(entries)]))
    with sqlite3.connect(monitor_env.db) as conn:
        stored = dict(conn.execute("SELECT guid, text FROM articles"))
    assert [stored[f"m{i}"] for i in range(len(entries))] == [text for _, text in entries]
