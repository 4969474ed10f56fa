"""Faults the daemon survives, against real local servers and real files."""

from __future__ import annotations

import json
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import pytest
from werkzeug import Response

from helpers import IRRELEVANT, TORKHAM_CLOSED, TORKHAM_OPEN, feed_config


def feeds(monitor_env) -> dict[str, dict]:
    with sqlite3.connect(monitor_env.db) as conn:
        conn.row_factory = sqlite3.Row
        return {r["name"]: dict(r) for r in conn.execute("SELECT * FROM feeds")}


def stored_texts(monitor_env) -> str:
    with sqlite3.connect(monitor_env.db) as conn:
        return " ".join(f"{t} {x}" for t, x in conn.execute("SELECT title, text FROM articles"))


RAW_ANSWERS = {
    # half a feed, then a stall past the read timeout
    "/slow.xml": b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 1000\r\n\r\n<rss version=\"2.0\"><channel>",
    # a permanent move to an address no URL parser accepts (werkzeug refuses to send it)
    "/badmove.xml": b"HTTP/1.1 301 Moved Permanently\r\nLocation: http://[broken/feed.xml\r\nContent-Length: 0\r\n\r\n",
}


@pytest.fixture
def raw_server_url():
    """A server of its own for answers werkzeug will not give (RAW_ANSWERS), each
    followed by a stall; the connection is then closed."""
    import socket

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(4)
    stop = threading.Event()

    def answer(conn):
        path = conn.recv(4096).split(b" ")[1].decode()
        conn.sendall(RAW_ANSWERS[path])
        stop.wait(4)
        conn.close()

    def serve():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            threading.Thread(target=answer, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}"
    stop.set()
    thread.join()
    server.close()


BOMB = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10))
        + ']><rss version="2.0"><channel><title>&lol9;</title><item><title>Bomb &lol9;</title><guid>b</guid></item></channel></rss>')


def test_broken_feeds_are_reported_and_the_pass_goes_on(monitor_env, rss, httpserver, tmp_path, raw_server_url):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-LOCAL-FILE")
    good = rss([TORKHAM_OPEN])
    served = {
        "/truncated.xml": lambda r: Response(good[: len(good) // 2], content_type="application/rss+xml"),
        "/invalid.xml": lambda r: Response(b"<rss><channel><item><title>Unclosed & broken <b></item>", content_type="application/rss+xml"),
        "/encoding.xml": lambda r: Response(rss([IRRELEVANT]).replace(b'encoding="utf-8"', b'encoding="shift_jis"').replace(b"Cricket", "Crické".encode()), content_type="text/xml; charset=iso-8859-1"),
        "/loop.xml": lambda r: Response("", status=301, headers={"Location": "/loop2.xml"}),
        "/loop2.xml": lambda r: Response("", status=302, headers={"Location": "/loop.xml"}),
        "/bomb.xml": lambda r: Response(BOMB, content_type="application/rss+xml"),
        "/xxe.xml": lambda r: Response(
            f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file://{secret}">]><rss version="2.0"><channel>'
            "<item><title>Leak &xxe;</title><description>Leak &xxe; here</description><guid>x</guid></item></channel></rss>",
            content_type="application/rss+xml"),
        "/bare.xml": lambda r: Response(
            '<?xml version="1.0"?><rss version="2.0"><channel><item><description>No guid, no link, no date: the cricket board met.</description></item>'
            "<item><title>Dup</title><guid>same</guid></item><item><title>Dup again</title><guid>same</guid></item>"
            "<item><title>From the future</title><guid>future</guid><pubDate>Fri, 01 Jan 2100 00:00:00 GMT</pubDate></item>"
            "</channel></rss>", content_type="application/rss+xml"),
        "/ok.xml": lambda r: Response(good, content_type="application/rss+xml"),
    }
    for path, handler in served.items():
        httpserver.expect_request(path).respond_with_handler(handler)
    names = [(p.strip("/").split(".")[0], p) for p in served if p != "/loop2.xml"]
    config = feed_config(httpserver.url_for("/"), names).replace("read_timeout = 5", "read_timeout = 2")
    raw = "".join(f'[[feeds]]\nname = "{path[1:-4]}"\nurl = "{raw_server_url}{path}"\n' for path in RAW_ANSWERS)
    monitor_env.configure(config + raw)
    result = monitor_env.run("once", timeout=120)
    assert result.returncode == 0
    assert "Traceback" not in result.stderr
    state = feeds(monitor_env)
    assert "timeout" in state["slow"]["last_error"]
    assert "redirect loop" in state["loop"]["last_error"]
    assert "redirected to an invalid address" in state["badmove"]["last_error"]
    assert state["ok"]["failures"] == 0 and [a["subject"] for a in monitor_env.alerts()] == ["Torkham"]
    texts = stored_texts(monitor_env)
    assert "TOP-SECRET-LOCAL-FILE" not in texts  # no local file is read
    assert "lollollol" not in texts  # entities were not expanded
    assert "No guid, no link, no date" in texts and texts.count("Dup") == 1
    with sqlite3.connect(monitor_env.db) as conn:
        [(published,)] = conn.execute("SELECT published FROM articles WHERE title = 'From the future'").fetchall()
    assert published < "2100"  # dated when fetched, so it cannot shadow real news
    # Memory stayed bounded in the child that parsed the bomb.
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss < 600 * 1024


def test_a_database_locked_by_another_writer_for_a_while(monitor_env, rss):
    monitor_env.run("alerts")  # create the database
    locker = sqlite3.connect(monitor_env.db, isolation_level=None, check_same_thread=False)
    locker.execute("BEGIN IMMEDIATE")
    release = threading.Timer(3.0, lambda: locker.execute("COMMIT"))
    release.start()
    try:
        started = time.monotonic()
        result = monitor_env.replay(rss([TORKHAM_OPEN]))
    finally:
        release.join()
        locker.close()
    assert time.monotonic() - started >= 2.5  # it waited rather than failing
    assert "1 new articles, 1 alerts" in result.stdout


def test_sigkill_mid_pass_then_a_rerun_loses_and_duplicates_nothing(monitor_env, rss, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    stories = []
    for day in range(1, 29):  # a month of alternating news, many documents
        stories.append({**(TORKHAM_OPEN if day % 2 else TORKHAM_CLOSED), "guid": f"g{day}", "link": f"https://news.example/{day}",
                        "published": f"2025-11-{day:02d}T08:00:00Z", "summary": (TORKHAM_OPEN if day % 2 else TORKHAM_CLOSED)["summary"] + f" (day {day})"})
    for index, story in enumerate(stories):
        filler = [{**IRRELEVANT, "guid": f"f{index}-{k}", "link": f"https://news.example/f{index}-{k}", "summary": f"Filler {index} {k}."} for k in range(40)]
        (folder / f"{index:03d}.xml").write_bytes(rss([story, *filler]))
    clean = type(monitor_env)(tmp_path / "clean")
    clean.root.mkdir()
    clean.configure()
    clean.run("replay", str(folder))
    expected = [(a["subject"], a["current"], a["article"]["url"]) for a in clean.alerts()]
    assert len(expected) == 28

    env = {**os.environ, "MONITOR_CONFIG": str(monitor_env.config)}
    victim = subprocess.Popen([sys.executable, "-m", "monitor", "replay", str(folder)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(1.5)
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    monitor_env.run("replay", str(folder))
    got = [(a["subject"], a["current"], a["article"]["url"]) for a in monitor_env.alerts()]
    assert got == expected
    with sqlite3.connect(monitor_env.db) as conn:
        [(alerts, deliveries)] = conn.execute("SELECT (SELECT count(*) FROM alerts), (SELECT count(*) FROM deliveries WHERE channel = 'log')").fetchall()
    assert alerts == deliveries == 28  # every alert has its delivery, none twice


CROSSINGS = ["Torkham", "Chaman", "Ghulam Khan", "Angoor Adda", "Kharlachi", "Badini", "Arandu", "Gursal"]
FILLERS = 300


def crossing_feed(rss, crossing: str) -> bytes:
    """Twelve days of one crossing closing and reopening, among many other stories."""
    stories = []
    for day in range(1, 13):
        closed = day % 2 == 1
        summary = (f"Pakistani authorities closed the {crossing} crossing to all traffic early on day {day}, officials said."
                   if closed else f"Pakistan reopened the {crossing} crossing for trade and pedestrians on day {day}, officials said.")
        stories.append({"title": f"{crossing} {'shut' if closed else 'reopened'} (day {day})", "summary": summary,
                        "guid": f"{crossing}-{day}", "link": f"https://news.example/{crossing}/{day}",
                        "published": f"2025-11-{day + 10:02d}T08:00:00Z"})
    filler = [{**IRRELEVANT, "guid": f"{crossing}-f{k}", "link": f"https://news.example/{crossing}/f{k}",
               "summary": f"The {crossing} district cricket board met, meeting {k}."} for k in range(FILLERS)]
    return rss(stories + filler)


def test_daemon_sigkilled_mid_pass_then_restarted_loses_and_duplicates_nothing(monitor_env, rss, httpserver, tmp_path):
    # Each feed speaks of its own crossing, so the alerts do not depend on the
    # order in which the daemon's parallel jobs commit. Each answer differs by a
    # comment and feeds are polled every 2 s, so after the restart every document,
    # committed or not, is parsed again and each of its entries must be known.
    served = {crossing: crossing_feed(rss, crossing) for crossing in CROSSINGS}
    answers = iter(range(10**9))

    def feed(request):
        crossing = request.path[1:-4]
        return Response(served[crossing] + f"<!-- answer {next(answers)} -->".encode(), content_type="application/rss+xml")

    for crossing in CROSSINGS:
        httpserver.expect_request(f"/{crossing}.xml").respond_with_handler(feed)
    received: list[tuple[str, dict]] = []

    def hook(request):
        received.append((request.headers["Idempotency-Key"], json.loads(request.data)))
        return Response("ok")

    httpserver.expect_request("/hook", method="POST").respond_with_handler(hook)
    feeds_toml = feed_config(httpserver.url_for("/"), [(c, f"/{c}.xml") for c in CROSSINGS]).replace('interval = "1h"', 'interval = "2s"')
    total = len(CROSSINGS) * (12 + FILLERS)

    clean = type(monitor_env)(tmp_path / "clean")
    clean.root.mkdir()
    clean.configure(feeds_toml)
    clean.run("once")
    expected = sorted((a["subject"], a["current"], a["article"]["url"]) for a in clean.alerts())
    assert len(expected) >= len(CROSSINGS) * 10

    monitor_env.configure(feeds_toml + f'[notifiers.webhook]\nurl = "{httpserver.url_for("/hook")}"\n')

    def count(sql: str) -> int:
        try:
            with sqlite3.connect(monitor_env.db, timeout=5) as conn:
                return conn.execute(sql).fetchone()[0]
        except sqlite3.OperationalError:  # not created yet
            return 0

    env = {**os.environ, "MONITOR_CONFIG": str(monitor_env.config)}
    daemon = [sys.executable, "-m", "monitor", "run", "--log-format", "json"]
    victim = subprocess.Popen(daemon, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while count("SELECT count(*) FROM articles") == 0 and time.monotonic() < deadline:
            time.sleep(0.01)
        victim.send_signal(signal.SIGKILL)
    finally:
        victim.kill()
        victim.wait()
    stored_at_kill = count("SELECT count(*) FROM articles")
    assert 0 < stored_at_kill < total, f"the kill did not land mid-pass ({stored_at_kill} of {total} articles stored)"

    log_path = tmp_path / "daemon.log"  # a file, not a pipe nobody reads until the end: that would fill and block
    with log_path.open("w") as log_file:
        restarted = subprocess.Popen(daemon, env=env, stdout=subprocess.DEVNULL, stderr=log_file)
    polls_before_restart = len(httpserver.log)
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and not (
            len(httpserver.log) - polls_before_restart >= 3 * len(CROSSINGS)  # every feed redone, mostly
            and count("SELECT count(*) FROM articles") == total
            and count("SELECT count(*) FROM deliveries WHERE status = 'pending'") == 0
            and count("SELECT count(*) FROM alerts") > 0
        ):
            time.sleep(0.1)
        restarted.send_signal(signal.SIGTERM)
        restarted.wait(timeout=30)
    finally:
        if restarted.poll() is None:
            restarted.kill()
    err = log_path.read_text()
    assert restarted.returncode == 0, err
    assert "Traceback" not in err, err
    logged = [json.loads(line) for line in err.splitlines()]  # whole lines, even the scheduler's own
    assert not [e for e in logged if e["level"] == "error"]

    got = sorted((a["subject"], a["current"], a["article"]["url"]) for a in monitor_env.alerts())
    assert got == expected  # none lost, none twice
    with sqlite3.connect(monitor_env.db) as conn:
        deliveries = dict(conn.execute("SELECT status, count(*) FROM deliveries GROUP BY status").fetchall())
        message_ids = {m for (m,) in conn.execute("SELECT message_id FROM deliveries WHERE channel = 'webhook'")}
    assert deliveries == {"sent": 2 * len(expected)}  # the log and the webhook
    # At least once to the receiver, each under its own key: a repeat (a kill
    # between the POST and its record) carries the same key, so it can be dropped.
    assert {key for key, _ in received} == message_ids
    assert sorted({key: (p["subject"], p["current"], p["article"]["url"]) for key, p in received}.values()) == expected
