"""Storage: the one module that speaks SQL.

SQLite through sqlite-utils, in WAL mode with a busy timeout, so the daemon and
a CLI command share the file. Writes go through ``Store.transaction()`` (BEGIN
IMMEDIATE … COMMIT) so that, for example, an alert and its deliveries land
together or not at all; sqlite-utils' own write helpers commit on their own, so
they are not used for writes. A connection belongs to the thread that opened
it: ``Store`` keeps one per thread.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import sqlite_utils

from monitor.errors import StorageError
from monitor.models import Alert, Article, StateEntry


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def iso(dt: datetime | None) -> str | None:
    return dt.astimezone(timezone.utc).isoformat() if dt else None


def from_iso(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


# Ordered migrations: the database's schema_version says how many have run, so
# an older database opens with a newer release. Append; never edit one.
MIGRATIONS: list[str] = [
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
    CREATE TABLE feeds (
        name TEXT PRIMARY KEY, config_url TEXT, url TEXT, etag TEXT, last_modified TEXT,
        body_hash TEXT, last_fetch TEXT, last_status INTEGER, last_new INTEGER DEFAULT 0,
        failures INTEGER DEFAULT 0, next_fetch TEXT, disabled_reason TEXT, last_error TEXT
    );
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY, feed TEXT NOT NULL, guid TEXT NOT NULL, url TEXT,
        canonical_url TEXT, title TEXT, text TEXT, published TEXT, fetched_at TEXT, language TEXT,
        content_hash TEXT
    );
    CREATE UNIQUE INDEX articles_feed_guid ON articles (feed, guid);
    CREATE INDEX articles_url ON articles (canonical_url);
    CREATE INDEX articles_hash ON articles (content_hash);
    CREATE INDEX articles_fetched ON articles (fetched_at);
    CREATE TABLE article_sources (
        article_id INTEGER NOT NULL, feed TEXT NOT NULL, url TEXT, seen_at TEXT,
        PRIMARY KEY (article_id, feed, url)
    );
    CREATE TABLE state (
        detector TEXT NOT NULL, subject TEXT NOT NULL, value TEXT NOT NULL,
        published TEXT, article_id INTEGER, updated_at TEXT,
        PRIMARY KEY (detector, subject)
    );
    CREATE TABLE claims (
        id INTEGER PRIMARY KEY, detector TEXT, claimant TEXT, claim_type TEXT,
        target TEXT, topic TEXT, figure INTEGER, statement TEXT, published TEXT,
        article_id INTEGER, from_baseline INTEGER DEFAULT 0
    );
    CREATE INDEX claims_key ON claims (detector, claimant, claim_type);
    CREATE TABLE alerts (
        id INTEGER PRIMARY KEY, detector TEXT, subject TEXT, previous TEXT, current TEXT,
        claimant TEXT, claim_type TEXT, target TEXT, figure INTEGER, severity TEXT,
        confidence REAL, evidence TEXT, article_id INTEGER, article_url TEXT,
        article_title TEXT, article_published TEXT, article_feed TEXT, created_at TEXT
    );
    CREATE INDEX alerts_created ON alerts (created_at);
    CREATE TABLE deliveries (
        id INTEGER PRIMARY KEY, alert_id INTEGER, channel TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending', attempts INTEGER DEFAULT 0,
        next_attempt_at TEXT, last_error TEXT, message_id TEXT, created_at TEXT,
        sent_at TEXT
    );
    CREATE INDEX deliveries_pending ON deliveries (channel, status);
    CREATE TABLE plugin_errors (
        plugin TEXT NOT NULL, hook TEXT NOT NULL, count INTEGER DEFAULT 0,
        last_error TEXT, last_context TEXT, last_at TEXT, PRIMARY KEY (plugin, hook)
    );
    """,
    # `monitor state` and the digest say since when a subject has its value:
    # the date of the report that moved it there, kept apart from `published`,
    # which every confirming report advances; the alert that set it is found
    # by subject (every delivery asks). Filled from the alerts for
    # existing databases. A state dated later than it was written came from
    # a publisher's wrong clock (before dates after the fetch were believed
    # no more): it is dated when written, so that later reports count again.
    """
    ALTER TABLE state ADD COLUMN since TEXT;
    CREATE INDEX alerts_subject ON alerts (detector, subject);
    UPDATE state SET since = coalesce(
        (SELECT a.article_published FROM alerts a WHERE a.detector = state.detector AND a.subject = state.subject
         AND a.claimant IS NULL AND a.current = state.value ORDER BY a.id DESC LIMIT 1),
        published);
    UPDATE state SET published = updated_at WHERE published > updated_at;
    UPDATE state SET since = published WHERE since > published;
    """,
    # Articles' own pages, read when a feed gives only a teaser (monitor/pages.py),
    # and the robots.txt of their hosts: each fetched once, by canonical URL.
    # ``outcome`` is "ok" or why there is no text; both are kept, so a page that
    # failed is not asked for again. Where an alert's evidence was read.
    """
    CREATE TABLE pages (
        url TEXT PRIMARY KEY, kind TEXT NOT NULL DEFAULT 'article', host TEXT NOT NULL,
        outcome TEXT NOT NULL, status INTEGER, text TEXT, fetched_at TEXT NOT NULL
    );
    CREATE INDEX pages_host ON pages (host, kind, fetched_at);
    CREATE INDEX pages_fetched ON pages (fetched_at);
    ALTER TABLE alerts ADD COLUMN evidence_from TEXT NOT NULL DEFAULT 'feed';
    """,
]


class DuplicateKeys:
    """What Store.find_duplicate compares (the guid within its feed, the
    canonical URL, the content hash), for articles held in memory: those of
    one document, before the database has seen them."""

    def __init__(self) -> None:
        self.guids: set[tuple[str, str]] = set()
        self.urls: set[str] = set()
        self.hashes: set[str] = set()

    def has(self, article: Article) -> bool:
        return (
            not article.guid  # an empty guid matches other empty guids: let the database say
            or (article.feed, article.guid) in self.guids
            or bool(article.canonical_url) and article.canonical_url in self.urls
            or bool(article.content_hash) and article.content_hash in self.hashes
        )

    def add(self, article: Article) -> None:
        self.guids.add((article.feed, article.guid))
        self.urls.add(article.canonical_url)
        self.hashes.add(article.content_hash)


class Store:
    def __init__(self, path: Path | str, busy_timeout_ms: int = 15000):
        self.path = Path(path)
        self.busy_timeout_ms = busy_timeout_ms
        self._local = threading.local()
        self._write_lock = threading.Lock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(
                f"{self.path}: cannot create its folder ({exc.strerror}); set [storage] path or --db to a writable place"
            ) from None
        self._migrate()

    # -- connections and transactions ---------------------------------------

    @property
    def db(self) -> sqlite_utils.Database:
        db = getattr(self._local, "db", None)
        if db is None:
            try:
                conn = sqlite3.connect(self.path, timeout=self.busy_timeout_ms / 1000, isolation_level=None)
                conn.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout_ms)}")
                self._use_wal(conn)
                conn.execute("PRAGMA synchronous = NORMAL")
            except sqlite3.Error as exc:
                raise StorageError(
                    f"{self.path}: not a usable monitor database ({exc}); check its permissions, move it aside, or pass another --db"
                ) from None
            # execute_plugins=False: installed sqlite-utils plugins are not ours to run.
            db = sqlite_utils.Database(conn, execute_plugins=False)
            self._local.db = db
        return db

    @staticmethod
    def _use_wal(conn: sqlite3.Connection) -> None:
        """WAL persists in the file once set. Switching a new file to it needs an
        exclusive lock, which SQLite may refuse at once (not through the busy
        handler) while another process is opening the same new file: retry."""
        if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal":
            return
        for attempt in range(100):
            try:
                conn.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or attempt == 99:
                    raise
                time.sleep(0.05)

    def close(self) -> None:
        db = getattr(self._local, "db", None)
        if db is not None:
            db.conn.close()
            self._local.db = None

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        conn = self.db.conn
        if conn.in_transaction:  # nested use joins the outer transaction
            yield conn
            return
        # Writers in this process queue here; SQLite's busy handler, which
        # sleeps in growing steps, is left to writers in other processes.
        with self._write_lock:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def _migrate(self) -> None:
        try:
            conn = self.db.conn
            conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            row = conn.execute("SELECT version FROM schema_version").fetchone()
            version = row[0] if row else 0
            if version > len(MIGRATIONS):
                raise StorageError(
                    f"{self.path}: written by a newer monitor (schema {version}); upgrade monitor or use another --db"
                )
            for number in range(version, len(MIGRATIONS)):
                with self.transaction() as c:
                    # Another process (the daemon and a command started together on
                    # a new file) may have migrated while we waited for the lock.
                    row = c.execute("SELECT version FROM schema_version").fetchone()
                    if row and row[0] > number:
                        continue
                    for statement in MIGRATIONS[number].split(";"):
                        if statement.strip():
                            c.execute(statement)
                    c.execute("DELETE FROM schema_version")
                    c.execute("INSERT INTO schema_version VALUES (?)", (number + 1,))
        except sqlite3.DatabaseError as exc:
            raise StorageError(
                f"{self.path}: not a usable monitor database ({exc}); move it aside or pass another --db"
            ) from None

    def schema_version(self) -> int:
        return self.db.conn.execute("SELECT version FROM schema_version").fetchone()[0]

    def rows(self, sql: str, params: tuple | dict = ()) -> list[dict[str, Any]]:
        return list(self.db.query(sql, params))

    def execute(self, sql: str, params: tuple | dict = ()) -> sqlite3.Cursor:
        with self.transaction() as conn:
            return conn.execute(sql, params)

    # -- meta ----------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        row = self.db.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    # -- feeds -----------------------------------------------------------------

    def feed_state(self, name: str) -> dict[str, Any] | None:
        rows = self.rows("SELECT * FROM feeds WHERE name = ?", (name,))
        return rows[0] if rows else None

    def sync_feed(self, name: str, config_url: str) -> dict[str, Any]:
        """Make sure the feed has a row; a changed configured URL starts afresh."""
        row = self.feed_state(name)
        if row is not None and row["config_url"] == config_url:
            return row  # the usual case: nothing to write
        with self.transaction() as conn:
            row = conn.execute("SELECT config_url FROM feeds WHERE name = ?", (name,)).fetchone()
            if row is None:
                conn.execute("INSERT INTO feeds (name, config_url, url) VALUES (?, ?, ?)", (name, config_url, config_url))
            elif row[0] != config_url:
                conn.execute(
                    "UPDATE feeds SET config_url = ?, url = ?, etag = NULL, last_modified = NULL, body_hash = NULL,"
                    " failures = 0, disabled_reason = NULL WHERE name = ?",
                    (config_url, config_url, name),
                )
        return self.feed_state(name)  # type: ignore[return-value]

    def update_feed(self, name: str, **fields: Any) -> None:
        if not fields:
            return
        cols = ", ".join(f"{k} = ?" for k in fields)
        self.execute(f"UPDATE feeds SET {cols} WHERE name = ?", (*fields.values(), name))

    def all_feeds(self) -> list[dict[str, Any]]:
        return self.rows("SELECT * FROM feeds ORDER BY name")

    # -- articles ----------------------------------------------------------------

    def find_duplicate(self, conn: sqlite3.Connection, article: Article) -> tuple[str, int] | None:
        """Why the article is not new: same guid in its feed, same URL, or same text.
        One query; each branch uses its own index."""
        row = conn.execute(
            "SELECT id, feed = ? AND guid = ?, canonical_url = ? FROM articles"
            " WHERE (feed = ? AND guid = ?) OR canonical_url = ? OR content_hash = ? LIMIT 1",
            (
                article.feed,
                article.guid,
                article.canonical_url,
                article.feed,
                article.guid,
                article.canonical_url or None,
                article.content_hash or None,
            ),
        ).fetchone()
        if row is None:
            return None
        return ("guid" if row[1] else "url" if row[2] else "content"), row[0]

    def data_version(self) -> int:
        """Changes when another connection commits (SQLite's PRAGMA data_version)."""
        return self.db.conn.execute("PRAGMA data_version").fetchone()[0]

    def already_stored(self, articles: list[Article]) -> set[int]:
        """Indexes of the articles that are duplicates of stored ones, by guid in
        their feed, canonical URL or content hash: a few queries a document."""
        def lookup(sql: str, values: list[str], *params: str) -> set[str]:
            found: set[str] = set()
            values = [v for v in dict.fromkeys(values) if v]
            for start in range(0, len(values), 500):  # SQLite's limit on parameters
                chunk = values[start:start + 500]
                found.update(r[0] for r in self.db.conn.execute(sql.format(", ".join("?" * len(chunk))), (*params, *chunk)))
            return found

        guids: dict[str, set[str]] = {}
        for feed in {a.feed for a in articles}:
            guids[feed] = lookup("SELECT guid FROM articles WHERE feed = ? AND guid IN ({})", [a.guid for a in articles if a.feed == feed], feed)
        urls = lookup("SELECT canonical_url FROM articles WHERE canonical_url IN ({})", [a.canonical_url for a in articles])
        hashes = lookup("SELECT content_hash FROM articles WHERE content_hash IN ({})", [a.content_hash for a in articles])
        return {
            i for i, a in enumerate(articles)
            if a.guid in guids[a.feed] or a.canonical_url in urls or a.content_hash in hashes
        }

    def insert_article(self, conn: sqlite3.Connection, article: Article) -> int:
        cur = conn.execute(
            "INSERT INTO articles (feed, guid, url, canonical_url, title, text, published, fetched_at, language,"
            " content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.feed,
                article.guid,
                article.url,
                article.canonical_url,
                article.title,
                article.text,
                iso(article.published),
                iso(utcnow()),
                article.language,
                article.content_hash,
            ),
        )
        return cur.lastrowid  # type: ignore[return-value]

    def add_source(self, conn: sqlite3.Connection, article_id: int, feed: str, url: str) -> None:
        conn.execute(
            "INSERT OR IGNORE INTO article_sources (article_id, feed, url, seen_at) VALUES (?, ?, ?, ?)",
            (article_id, feed, url, iso(utcnow())),
        )

    def prune_articles(self, older_than: datetime, dry_run: bool = False) -> int:
        """Forget old articles; alerts keep their own copy of what they cite.
        With ``dry_run``, only count them."""
        if dry_run:
            return self.db.conn.execute("SELECT count(*) FROM articles WHERE fetched_at < ?", (iso(older_than),)).fetchone()[0]
        with self.transaction() as conn:
            conn.execute(
                "DELETE FROM article_sources WHERE article_id IN (SELECT id FROM articles WHERE fetched_at < ?)",
                (iso(older_than),),
            )
            conn.execute("DELETE FROM pages WHERE fetched_at < ?", (iso(older_than),))
            return conn.execute("DELETE FROM articles WHERE fetched_at < ?", (iso(older_than),)).rowcount

    # -- pages (monitor/pages.py) ------------------------------------------------

    def get_page(self, url: str) -> dict[str, Any] | None:
        row = self.db.conn.execute(
            "SELECT url, kind, host, outcome, status, text, fetched_at FROM pages WHERE url = ?", (url,)
        ).fetchone()
        if row is None:
            return None
        return dict(zip(("url", "kind", "host", "outcome", "status", "text", "fetched_at"), row))

    def save_page(self, url: str, kind: str, host: str, outcome: str, status: int | None, text: str | None) -> None:
        self.execute(
            "INSERT OR REPLACE INTO pages (url, kind, host, outcome, status, text, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (url, kind, host, outcome, status, text, iso(utcnow())),
        )

    def pages_fetched_since(self, host: str, since: datetime) -> int:
        """Article pages asked of ``host`` since then, whatever came back."""
        return self.db.conn.execute(
            "SELECT count(*) FROM pages WHERE host = ? AND kind = 'article' AND fetched_at >= ?", (host, iso(since))
        ).fetchone()[0]

    def article_count(self) -> int:
        return self.db.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    # -- state and claims ----------------------------------------------------

    def get_state(self, conn: sqlite3.Connection, detector: str, subject: str) -> tuple[str, datetime | None] | None:
        row = conn.execute(
            "SELECT value, published FROM state WHERE detector = ? AND subject = ?", (detector, subject)
        ).fetchone()
        return (row[0], from_iso(row[1])) if row else None

    def set_state(
        self, conn: sqlite3.Connection, detector: str, subject: str, value: str, published: datetime, article_id: int | None
    ) -> None:
        # A confirmation (same value) keeps `since`; a change starts it afresh.
        conn.execute(
            "INSERT INTO state (detector, subject, value, published, article_id, updated_at, since)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (detector, subject) DO UPDATE SET"
            " since = CASE WHEN state.value = excluded.value THEN state.since ELSE excluded.since END,"
            " value = excluded.value, published = excluded.published, article_id = excluded.article_id,"
            " updated_at = excluded.updated_at",
            (detector, subject, value, iso(published), article_id, iso(utcnow()), iso(published)),
        )

    def seed_state(self, conn: sqlite3.Connection, detector: str, subject: str, value: str, published: datetime) -> None:
        conn.execute(
            "INSERT OR IGNORE INTO state (detector, subject, value, published, updated_at, since) VALUES (?, ?, ?, ?, ?, ?)",
            (detector, subject, value, iso(published), iso(utcnow()), iso(published)),
        )

    def state_board(self) -> list[StateEntry]:
        """Every subject's value, since when, and the alert that set it (its
        article and sentence); none where the baseline did. The alert keeps
        its own copy of the article, so this outlives pruning."""
        rows = self.rows(
            "SELECT s.detector, s.subject, s.value, coalesce(s.since, s.published) AS since, a.id AS alert_id,"
            " a.article_url, a.article_title, a.article_feed, a.evidence FROM state s"
            " LEFT JOIN alerts a ON a.id = (SELECT max(id) FROM alerts WHERE detector = s.detector AND subject = s.subject"
            " AND claimant IS NULL AND current = s.value)"
            " ORDER BY s.detector, s.subject"
        )
        return [StateEntry(**{**row, "since": from_iso(row["since"])}) for row in rows]

    def state_changes(self, detector: str, subject: str) -> list[Alert]:
        """The alerts that moved one subject's state, oldest first."""
        rows = self.rows(
            "SELECT * FROM alerts WHERE detector = ? AND subject = ? AND claimant IS NULL ORDER BY id", (detector, subject)
        )
        return [self._alert(row) for row in rows]

    def current_state(self) -> dict[str, dict[str, str]]:
        state: dict[str, dict[str, str]] = {}
        for row in self.rows("SELECT detector, subject, value FROM state ORDER BY detector, subject"):
            state.setdefault(row["detector"], {})[row["subject"]] = row["value"]
        return state

    def known_claims(
        self, conn: sqlite3.Connection, detector: str, claimant: str, claim_type: str, target: str | None, topic: str | None
    ) -> list[int | None]:
        rows = conn.execute(
            "SELECT figure FROM claims WHERE detector = ? AND claimant = ? AND claim_type = ?"
            " AND coalesce(target, '') = ? AND coalesce(topic, '') = ?",
            (detector, claimant, claim_type, target or "", topic or ""),
        ).fetchall()
        return [r[0] for r in rows]

    def add_claim(
        self,
        conn: sqlite3.Connection,
        detector: str,
        claimant: str,
        claim_type: str,
        target: str | None,
        topic: str | None,
        figure: int | None,
        statement: str,
        published: datetime,
        article_id: int | None,
        from_baseline: bool = False,
    ) -> None:
        conn.execute(
            "INSERT INTO claims (detector, claimant, claim_type, target, topic, figure, statement, published,"
            " article_id, from_baseline) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (detector, claimant, claim_type, target, topic, figure, statement, iso(published), article_id, int(from_baseline)),
        )

    def baseline_seeded(self, conn: sqlite3.Connection, digest: str) -> bool:
        row = conn.execute("SELECT value FROM meta WHERE key = 'baseline_digest'").fetchone()
        return bool(row and row[0] == digest)

    def mark_baseline_seeded(self, conn: sqlite3.Connection, digest: str) -> None:
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('baseline_digest', ?)", (digest,))

    # -- alerts and deliveries -----------------------------------------------

    def insert_alert(self, conn: sqlite3.Connection, alert: Alert) -> int:
        cur = conn.execute(
            "INSERT INTO alerts (detector, subject, previous, current, claimant, claim_type, target, figure,"
            " severity, confidence, evidence, article_id, article_url, article_title, article_published,"
            " article_feed, created_at, evidence_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                alert.detector,
                alert.subject,
                alert.previous,
                alert.current,
                alert.claimant,
                alert.claim_type,
                alert.target,
                alert.figure,
                alert.severity,
                alert.confidence,
                alert.evidence,
                alert.article_id,
                alert.article_url,
                alert.article_title,
                iso(alert.article_published),
                alert.article_feed,
                iso(alert.created_at),
                alert.evidence_from,
            ),
        )
        alert.id = cur.lastrowid
        return alert.id  # type: ignore[return-value]

    def alerts(
        self,
        since: datetime | None = None,
        detector: str | None = None,
        limit: int | None = None,
        ids: list[int] | None = None,
    ) -> list[Alert]:
        where, params = [], []
        if since:
            where.append("created_at >= ?")
            params.append(iso(since))
        if detector:
            where.append("detector = ?")
            params.append(detector)
        if ids is not None:
            where.append(f"id IN ({', '.join('?' for _ in ids) or 'NULL'})")
            params.extend(ids)
        sql = "SELECT * FROM alerts" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY id"
        if limit:
            # The newest N, still shown oldest first.
            sql = f"SELECT * FROM ({sql} DESC LIMIT {int(limit)}) ORDER BY id"
        result = [self._alert(row) for row in self.rows(sql, tuple(params))]
        return result

    def _alert(self, row: dict[str, Any]) -> Alert:
        # article_sources holds the other outlets only; the alert names the first.
        sources = self.rows(
            "SELECT feed, url FROM article_sources WHERE article_id = ? AND NOT (feed = ? AND url = ?) ORDER BY seen_at",
            (row["article_id"], row["article_feed"], row["article_url"] or ""),
        )
        return Alert(
            id=row["id"],
            detector=row["detector"],
            subject=row["subject"],
            previous=row["previous"],
            current=row["current"],
            claimant=row["claimant"],
            claim_type=row["claim_type"],
            target=row["target"],
            figure=row["figure"],
            severity=row["severity"],
            confidence=row["confidence"],
            evidence=row["evidence"],
            article_id=row["article_id"],
            article_url=row["article_url"],
            article_title=row["article_title"],
            article_published=from_iso(row["article_published"]),  # type: ignore[arg-type]
            article_feed=row["article_feed"],
            created_at=from_iso(row["created_at"]),  # type: ignore[arg-type]
            sources=sources,
            evidence_from=row.get("evidence_from") or "feed",
        )

    def add_delivery(self, conn: sqlite3.Connection, alert_id: int, channel: str) -> None:
        now = iso(utcnow())
        conn.execute(
            "INSERT INTO deliveries (alert_id, channel, status, created_at, next_attempt_at) VALUES (?, ?, 'pending', ?, ?)",
            (alert_id, channel, now, now),
        )

    def pending_deliveries(self, channel: str, due_before: datetime | None = None) -> list[dict[str, Any]]:
        sql = "SELECT * FROM deliveries WHERE channel = ? AND status = 'pending'"
        params: list[Any] = [channel]
        if due_before is not None:
            sql += " AND (next_attempt_at IS NULL OR next_attempt_at <= ?)"
            params.append(iso(due_before))
        return self.rows(sql + " ORDER BY id", tuple(params))

    def set_message_id(self, ids: list[int], message_id: str) -> None:
        with self.transaction() as conn:
            conn.executemany(
                "UPDATE deliveries SET message_id = coalesce(message_id, ?) WHERE id = ?", [(message_id, i) for i in ids]
            )

    def mark_deliveries(self, ids: list[int], status: str, error: str | None = None, next_attempt: datetime | None = None) -> None:
        now = iso(utcnow())
        with self.transaction() as conn:
            conn.executemany(
                "UPDATE deliveries SET status = ?, attempts = attempts + 1, last_error = ?, next_attempt_at = ?,"
                " sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END WHERE id = ?",
                [(status, error, iso(next_attempt), status, now, i) for i in ids],
            )

    def deliveries(self, status: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
        sql = "SELECT * FROM deliveries" + (" WHERE status = ?" if status else "") + " ORDER BY id DESC LIMIT ?"
        return self.rows(sql, ((status, limit) if status else (limit,)))

    # -- plugin errors ---------------------------------------------------------

    def record_plugin_error(self, plugin: str, hook: str, error: str, context: dict[str, Any]) -> None:
        try:
            self.execute(
                "INSERT INTO plugin_errors (plugin, hook, count, last_error, last_context, last_at) VALUES (?, ?, 1, ?, ?, ?)"
                " ON CONFLICT (plugin, hook) DO UPDATE SET count = count + 1, last_error = excluded.last_error,"
                " last_context = excluded.last_context, last_at = excluded.last_at",
                (plugin, hook, error, json.dumps(context, default=str), iso(utcnow())),
            )
        except sqlite3.Error:
            pass  # the log already has it; a busy database must not turn one failure into two

    def plugin_errors(self) -> dict[str, list[dict[str, Any]]]:
        result: dict[str, list[dict[str, Any]]] = {}
        for row in self.rows("SELECT * FROM plugin_errors ORDER BY plugin, hook"):
            result.setdefault(row["plugin"], []).append(row)
        return result
