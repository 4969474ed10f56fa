"""The command line: thin. Parse arguments, call the core, print.

A user's mistake (``UserError``) is one line on stderr and exit status 2;
never a traceback.
"""

from __future__ import annotations

import functools
import json
import sqlite3
import sys
from datetime import datetime, timezone
from pathlib import Path

import click

from monitor import __version__
from monitor.errors import UserError
from monitor.log import configure as configure_logging


def common_options(func):
    """--config, --db and logging options, accepted by every command."""

    @click.option("--config", "config_path", metavar="FILE", help="monitor.toml (default: $MONITOR_CONFIG, ./config/monitor.toml, built-in defaults).")
    @click.option("--db", metavar="FILE", help="The SQLite database (overrides [storage] path).")
    @click.option("--log-format", type=click.Choice(["auto", "console", "json"]), default=None, help="Log lines: readable on a terminal, JSON otherwise (auto).")
    @click.option("--log-level", default=None, help="DEBUG, INFO, WARNING or ERROR.")
    @click.pass_context
    @functools.wraps(func)
    def wrapper(ctx, config_path, db, log_format, log_level, *args, **kwargs):
        obj = ctx.ensure_object(dict)
        obj["config_path"] = config_path or obj.get("config_path")
        obj["db"] = db or obj.get("db")
        configure_logging(log_format or obj.get("log_format") or "auto", log_level or obj.get("log_level") or "INFO")
        return ctx.invoke(func, *args, **kwargs)

    return wrapper


def open_app():
    from monitor.app import App

    obj = click.get_current_context().obj
    return App.open(obj.get("config_path"), obj.get("db"))


def parse_since(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise UserError(f"--since {value!r}: not an ISO 8601 date; write it like 2025-11-01 or 2025-11-01T08:00:00Z") from None
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="monitor")
@click.option("--config", "config_path", metavar="FILE", help="monitor.toml for every command.")
@click.option("--db", metavar="FILE", help="The SQLite database.")
@click.option("--log-format", type=click.Choice(["auto", "console", "json"]), default=None)
@click.option("--log-level", default=None)
@click.pass_context
def cli(ctx, config_path, db, log_format, log_level):
    """Watch news feeds and alert when the Pakistan–Afghanistan situation moves.

    What an alert means (state, baseline, the three detectors, claim keys, the
    date rules, the JSON fields) is written down in docs/alerts.md.
    """
    ctx.ensure_object(dict).update(config_path=config_path, db=db, log_format=log_format, log_level=log_level)


# -- running -------------------------------------------------------------------


@cli.command()
@common_options
def run():
    """Run the daemon in the foreground until SIGTERM or SIGINT (SIGHUP reloads)."""
    from monitor.scheduler import run_daemon

    obj = click.get_current_context().obj
    sys.exit(run_daemon(obj.get("config_path"), obj.get("db")))


@cli.command()
@common_options
def once():
    """Fetch every enabled feed once, process what is new, deliver, and exit."""
    from monitor.outbox import Outbox
    from monitor.pipeline import Pipeline

    app = open_app()
    pipeline = Pipeline(app)
    feeds = [f for f in app.config.feeds if f.enabled]
    try:
        outcomes = pipeline.poll_all(feeds)
        Outbox(app).send_due()
    finally:
        pipeline.close()
        app.close()
    failed = sum(1 for o in outcomes if o is None)
    new = sum(o.new for o in outcomes if o)
    alerts = sum(len(o.alerts) for o in outcomes if o)
    click.echo(f"{len(feeds)} feeds, {failed} failed, {new} new articles, {alerts} alerts")


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--no-notify", is_flag=True, help="Store alerts but deliver nothing.")
@click.option("--feed", "feed_name", metavar="NAME", help="Feed name to record (default: each document's file name or host).")
@click.option("--offline", is_flag=True, help="Never fetch articles' pages: judge each on its feed text.")
@common_options
def replay(sources, no_notify, feed_name, offline):
    """Feed documents (files, folders, URLs) through the daemon's pipeline."""
    from monitor.outbox import Outbox
    from monitor.pipeline import Pipeline
    from monitor.replay import documents

    app = open_app()
    pipeline = Pipeline(app, notify=not no_notify, offline=offline)
    total_new = total_alerts = docs = 0
    try:
        for name, data, headers in documents(sources, pipeline):
            outcome = pipeline.process_document(feed_name or name, data, headers, source=name)
            docs += 1
            total_new += outcome.new
            total_alerts += len(outcome.alerts)
        if not no_notify:
            Outbox(app).send_due()
    finally:
        pipeline.close()
        app.close()
    click.echo(f"{docs} documents, {total_new} new articles, {total_alerts} alerts")


# -- inspecting ----------------------------------------------------------------


@cli.command()
@common_options
def feeds():
    """Each feed's last fetch, status, new entries, failures and next fetch."""
    app = open_app()
    try:
        rows = {r["name"]: r for r in app.store.all_feeds()}
        configured = app.config.feeds
    finally:
        app.close()
    if not configured:
        click.echo("no feeds configured")
    for feed in configured:
        row = rows.get(feed.name) or {}
        status = "disabled in config" if not feed.enabled else (f"DISABLED: {row['disabled_reason']}" if row.get("disabled_reason") else "enabled")
        click.echo(f"{feed.name}")
        click.echo(f"  url            {row.get('url') or feed.url}")
        click.echo(f"  state          {status}")
        click.echo(f"  last fetch     {row.get('last_fetch') or 'never'}  (HTTP {row.get('last_status') or '-'})")
        click.echo(f"  new entries    {row.get('last_new') or 0}")
        click.echo(f"  failures       {row.get('failures') or 0}" + (f"  last error: {row['last_error']}" if row.get("last_error") else ""))
        click.echo(f"  next fetch     {row.get('next_fetch') or 'at start'}  (every {feed.interval_seconds}s)")


@cli.command()
@common_options
def plugins():
    """Loaded plugins: name, version, origin, hooks, enabled, errors."""
    app = open_app()
    try:
        errors = app.store.plugin_errors()
        info = list(app.plugins.info.values())
    finally:
        app.close()
    for plugin in info:
        state = "enabled" if plugin.enabled else f"disabled ({plugin.why_disabled})"
        click.echo(f"{plugin.name} {plugin.version or '-'}  [{plugin.origin}]  {state}")
        click.echo(f"  source  {plugin.source}")
        click.echo(f"  hooks   {', '.join(plugin.hooks) or '-'}")
        for err in errors.get(plugin.name, []):
            click.echo(f"  errors  {err['count']} in {err['hook']}, last at {err['last_at']}: {err['last_error']}")


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object a line.")
@click.option("--since", metavar="ISO", help="Only alerts created at or after this time.")
@click.option("--detector", metavar="NAME", help="Only this detector's alerts.")
@click.option("--limit", type=click.IntRange(min=1), help="Only the newest N.")
@common_options
def alerts(as_json, since, detector, limit):
    """Stored alerts, oldest first."""
    since_dt = parse_since(since)
    app = open_app()
    try:
        found = app.store.alerts(since=since_dt, detector=detector, limit=limit)
    finally:
        app.close()
    for alert in found:
        if as_json:
            click.echo(json.dumps(alert.to_json(), ensure_ascii=False))
            continue
        click.echo(f"#{alert.id} {alert.created_at:%Y-%m-%d %H:%M}Z [{alert.severity}] {alert.detector} · {alert.sentence}")
        click.echo(f"    {alert.article_feed} · {alert.article_title} · {alert.article_url}")
        click.echo(f"    “{alert.evidence}”" + ("  (from the article's page)" if alert.evidence_from == "page" else ""))
        for src in alert.sources:
            click.echo(f"    also: {src['feed']} · {src['url']}")


@cli.command()
@click.argument("subject", required=False)
@click.option("--history", is_flag=True, help="Also every change of each subject, oldest first.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object a line.")
@common_options
def state(subject, history, as_json):
    """Each subject's current value, since when, and the article that set it.

    SUBJECT picks one (a crossing, or a detector's name such as ceasefire)."""
    app = open_app()
    try:
        board = app.store.state_board()
        if subject:
            wanted = subject.casefold()
            board = [e for e in board if wanted in (e.subject.casefold(), e.detector.casefold())]
            if not board:
                known = ", ".join(e.subject for e in app.store.state_board()) or "none yet"
                raise UserError(f"{subject}: no such subject; known subjects: {known}")
        changes = {(e.detector, e.subject): app.store.state_changes(e.detector, e.subject) for e in board} if history else {}
        baseline = {(f.detector, f.subject): f.value for f in app.baseline.state}
        baseline_date = app.baseline.published
    finally:
        app.close()
    now = datetime.now(timezone.utc)
    for entry in board:
        key = (entry.detector, entry.subject)
        if as_json:
            record = entry.to_json()
            if history:
                record["history"] = _history_json(baseline.get(key), baseline_date, changes[key])
            click.echo(json.dumps(record, ensure_ascii=False))
            continue
        click.echo(f"{entry.detector} · {entry.subject}: {entry.value.replace('_', ' ')} since {entry.since_text(now)}")
        if entry.alert_id is None:
            click.echo("    set by the baseline")
        else:
            click.echo(f"    {entry.article_feed} · {entry.article_title} · {entry.article_url}")
            click.echo(f"    “{entry.evidence}”  (alert #{entry.alert_id})")
        if history:
            for item in _history_json(baseline.get(key), baseline_date, changes[key]):
                when = datetime.fromisoformat(item["at"]).strftime("%Y-%m-%d %H:%M")
                change = f"{item['previous']} → {item['value']}" if item["previous"] else item["value"]
                if item["alert_id"] is None:
                    click.echo(f"    {when}Z  {change.replace('_', ' ')}  (baseline)")
                else:
                    click.echo(f"    {when}Z  {change.replace('_', ' ')}  #{item['alert_id']} {item['article']['feed']} · {item['article']['title']} · {item['article']['url']}")


def _history_json(baseline_value: str | None, baseline_date: datetime, changes: list) -> list[dict]:
    """A subject's transitions: where the baseline set it, then each alert."""
    items = []
    if baseline_value is not None:
        items.append({"at": baseline_date.isoformat(), "previous": None, "value": baseline_value, "alert_id": None,
                      "article": None, "evidence": None})
    for alert in changes:
        items.append({"at": alert.article_published.isoformat(), "previous": alert.previous, "value": alert.current,
                      "alert_id": alert.id, "article": {"url": alert.article_url, "title": alert.article_title, "feed": alert.article_feed},
                      "evidence": alert.evidence})
    return items


@cli.command()
@click.option("--dry-run", is_flag=True, help="Only say how many articles would go.")
@common_options
def prune(dry_run):
    """Forget articles older than [storage] prune_after, as the daemon does daily."""
    app = open_app()
    try:
        removed, cutoff = app.prune(dry_run=dry_run)
    finally:
        app.close()
    verb = "would be removed" if dry_run else "removed"
    click.echo(f"{removed} articles fetched before {cutoff:%Y-%m-%d %H:%M}Z {verb}; alerts are kept")


@cli.command("check-config")
@common_options
def check_config():
    """Validate the configuration and the baseline; exit 0 or print the problem."""
    from monitor.baseline import load_baseline
    from monitor.config import load_config

    obj = click.get_current_context().obj
    config = load_config(obj.get("config_path"), obj.get("db"))
    load_baseline(config)
    from monitor.plugin_manager import PluginManager

    configure_logging("auto", "CRITICAL")  # report problems once, as lines of our own
    manager = PluginManager(config).load()
    manager.start()
    problems = [
        f"{config.source}: plugin {i.name}: {i.why_disabled}"
        for i in manager.info.values()
        if not i.enabled and i.why_disabled != "disabled in configuration"
    ]
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        sys.exit(1)
    click.echo(f"{config.source}: ok ({len(config.feeds)} feeds)")


@cli.command()
@common_options
def status():
    """Exit 0 when the daemon's scheduler ticked recently and the database is writable."""
    from monitor.scheduler import HEARTBEAT_SECONDS, heartbeat_age

    app = open_app()
    try:
        age = heartbeat_age(app)
        app.store.set_meta("status_probe", datetime.now(timezone.utc).isoformat())
    finally:
        app.close()
    if age is None:
        click.echo("not running: no heartbeat recorded", err=True)
        sys.exit(1)
    if age.total_seconds() > HEARTBEAT_SECONDS * 6:
        click.echo(f"stale: last heartbeat {int(age.total_seconds())}s ago", err=True)
        sys.exit(1)
    click.echo(f"ok: last heartbeat {age.total_seconds():.0f}s ago, database writable")


# -- baseline --------------------------------------------------------------------


@cli.group()
def baseline():
    """Build or show the baseline (the first state)."""


@baseline.command("build")
@click.argument("source")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Where to write it (default: the configured baseline path).")
@click.option("--published", metavar="YYYY-MM-DD", help="The article's date, when the text does not say.")
@common_options
def baseline_build(source, output, published):
    """Run every detector's baseline hook over SOURCE (text, HTML file or URL)."""
    from monitor.baseline import build_baseline, describe, write_baseline
    from monitor.config import load_config
    from monitor.plugin_manager import PluginManager

    obj = click.get_current_context().obj
    config = load_config(obj.get("config_path"), obj.get("db"))
    date = None
    if published:
        date = parse_since(published)
    manager = PluginManager(config).load()
    manager.start()
    result = build_baseline(manager, source, date)
    target = Path(output) if output else (config.baseline_path or Path("config/baseline.json"))
    write_baseline(result, target)
    click.echo(describe(result))
    click.echo(f"\nwritten to {target}")


@baseline.command("show")
@common_options
def baseline_show():
    """Print the baseline readably."""
    from monitor.baseline import describe, load_baseline
    from monitor.config import load_config

    obj = click.get_current_context().obj
    click.echo(describe(load_baseline(load_config(obj.get("config_path"), obj.get("db")))))


@cli.command()
@click.option("--preview", is_flag=True, help="Print the next digest without sending it.")
@click.option("--html", "html_file", type=click.Path(dir_okay=False), help="With --preview: also write its HTML part here.")
@click.option("--send-now", is_flag=True, help="Send the next digest now.")
@click.option("--channel", default=None, help="The digest channel (default: the first, e.g. email:digest).")
@common_options
def digest(preview, html_file, send_now, channel):
    """Preview or send the next e-mail digest."""
    from monitor.outbox import Outbox

    if preview == send_now:
        raise UserError("digest: pass exactly one of --preview or --send-now")
    app = open_app()
    try:
        outbox = Outbox(app)
        channels = [c for c in outbox.digest_channels() if channel in (None, c.name)]
        if not channels:
            raise UserError("no digest channel is configured; set [notifiers.email] host, from, to and mode = \"digest\" or \"both\"")
        chosen = channels[0]
        if send_now:
            sent = outbox.send_digest(chosen, force=True)
            pending = app.store.pending_deliveries(chosen.name)
            if not sent or pending and any(r["attempts"] for r in pending):
                row = pending[0] if pending else {}
                raise UserError(f"{chosen.name}: the digest was not sent ({row.get('last_error') or 'see the log'}); it stays queued")
            click.echo(f"{chosen.name}: digest sent")
            return
        delivery = outbox.next_digest(chosen)
        rendered = app.plugins.call_plugin(chosen.plugin, "preview", delivery=delivery, state=app.store.current_state(), board=app.store.state_board()) if chosen.plugin in app.plugins.implementers("preview") else None
        if rendered is None:
            raise UserError(f"{chosen.name}: its notifier cannot render a preview")
        subject, text, html = rendered
        click.echo(f"Subject: {subject}\n\n{text}")
        if html_file:
            Path(html_file).write_text(html, "utf-8")
            click.echo(f"HTML part written to {html_file}")
    finally:
        app.close()


@cli.command()
@click.option("--status", type=click.Choice(["pending", "sent", "failed"]), help="Only deliveries in this state.")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@common_options
def deliveries(status, limit):
    """The outbox: each delivery's channel, state, attempts and last error."""
    app = open_app()
    try:
        rows = app.store.deliveries(status, limit)
    finally:
        app.close()
    for row in rows:
        line = f"#{row['id']} alert {row['alert_id']} → {row['channel']}: {row['status']} after {row['attempts']} attempts"
        if row["status"] == "pending" and row["next_attempt_at"]:
            line += f", next at {row['next_attempt_at']}"
        if row["last_error"]:
            line += f"; last error: {row['last_error']}"
        click.echo(line)
    if not rows:
        click.echo("no deliveries")


@cli.group()
def plugin():
    """Start a plugin of your own."""


@plugin.command("new")
@click.argument("name")
@click.option("--dir", "folder", default=".", type=click.Path(file_okay=False), help="Where to create it (default: here).")
def plugin_new(name, folder):
    """Write a working detector package: entry point, module, test, scenarios."""
    from monitor.scaffold import create_plugin

    root = create_plugin(name, Path(folder))
    click.echo(f"created {root}\nnext: cd {root} && python -m pip install -e . && python -m pytest")


@cli.command("eval")
@click.argument("dataset", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="The report as one JSON object.")
@common_options
def eval_command(dataset, as_json):
    """Score the detectors on labelled scenarios (precision, recall, F1)."""
    from monitor.config import load_config
    from monitor.evaluate import evaluate

    obj = click.get_current_context().obj
    report = evaluate(load_config(obj.get("config_path")), Path(dataset))
    click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2) if as_json else report.to_text())


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except UserError as exc:
        click.echo(f"monitor: {exc}", err=True)
        sys.exit(2)
    except sqlite3.OperationalError as exc:  # e.g. another writer held the lock past the busy timeout
        click.echo(f"monitor: the database is unavailable ({exc}); nothing was lost, try again", err=True)
        sys.exit(3)
    except KeyboardInterrupt:
        sys.exit(130)
