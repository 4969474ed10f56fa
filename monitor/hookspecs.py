"""Every hook a monitor plugin can implement: this file is the plugin API.

A plugin is a module (or any object) with functions decorated by
``monitor.hookimpl`` and named like the specifications below. An implementation
may declare only the arguments it needs, in any order.

Isolation: the core calls each plugin's implementation on its own. A plugin
that raises is logged with its name (and the feed and article in hand),
counted, shown by ``monitor plugins``, and skipped for that call; every other
plugin still runs. A call slower than ``[plugins] slow_hook_seconds`` is logged.

``config`` is always the plugin's own section, ``[plugins.NAME]`` from
monitor.toml (``[notifiers.NAME]`` for notifiers), as a dict; empty if absent.
"""

from __future__ import annotations

import pluggy

hookspec = pluggy.HookspecMarker("monitor")

# -- Lifecycle ---------------------------------------------------------------


@hookspec
def startup(config: dict) -> None:
    """Called once when the daemon or a command starts, before any article.

    Validate ``config`` here: raise ``monitor.PluginConfigError`` with a message
    naming the key and the fix, and the plugin is disabled for this run (the
    others go on). Also called again after SIGHUP reloads the configuration.
    """


@hookspec
def shutdown(config: dict) -> None:
    """Called once when the daemon or a command stops. Release resources here."""


# -- Detection ---------------------------------------------------------------


@hookspec
def detect(article, config: dict) -> list:
    """Report what ``article`` (a ``monitor.Article``) asserts is true now.

    Called once per new article, after deduplication. Return a list of
    ``monitor.Observation`` (or yield them), possibly empty. A detector never
    reads or writes state: the core compares observations with the current
    state by the rules in docs/alerts.md and raises the alerts. Observations carry
    the plugin's name as their detector unless they set ``detector``.

    Return only what the article asserts as fact now: not hopes, plans,
    conditions, questions, denials or restated background (the helpers in
    ``monitor.text`` recognise these).

    ``article.full_text`` is the title, the feed text and, when the core read
    the article's page (see ``may_matter``), the page's main text
    (``article.page_text``). An alert whose evidence is found only in the page
    text says so (``evidence_from`` is "page").
    """


@hookspec
def may_matter(article, config: dict) -> bool | None:
    """Say, cheaply, whether ``article`` may hold something this plugin reports.

    Called once per new article whose feed gives only a teaser, before
    ``detect``, to decide whether the core fetches the article's page (see
    ``full_text`` in monitor.toml). ``article`` has its title and feed text;
    ``page_text`` is still empty. Return True to have the page read, False or
    None to leave it to the others. When no plugin returns True, the core's
    default decides: the article names the Pakistan–Afghanistan conflict by the
    built-in detectors' scope terms (``monitor.text.load_scope`` on
    ``monitor.plugins.data/scope.toml``), the same quick test that opens each
    built-in detector. So implement it only to widen that: a detector about
    something the scope terms do not name. A plugin that raises counts as None.
    """


@hookspec
def baseline(article, config: dict) -> list:
    """Report this detector's part of the baseline from the reference article.

    Called by ``monitor baseline build``. Return ``monitor.Observation``s with
    ``start``/``end`` offsets into ``article.full_text``; they become the first
    state (``kind="state"``) and the known claims (``kind="claim"``). A detector
    that does not implement it starts with no state, so every first value it
    observes raises an alert with ``previous`` null.
    """


# -- Delivery ----------------------------------------------------------------


@hookspec
def channels(config: dict) -> list:
    """Declare the delivery channels this notifier offers, as ``monitor.Channel``.

    Called at start-up. A channel with a ``schedule`` (cron) receives digests;
    one without receives each alert as soon as it is stored. Return an empty
    list when the notifier is not configured. The outbox, not the notifier,
    decides what to send and when.
    """


@hookspec(firstresult=True)
def preview(delivery, config: dict, state: dict, board: list) -> tuple | None:
    """Render ``delivery`` without sending it, for ``monitor digest --preview``.

    Return ``(subject, text, html)``. ``state`` and ``board`` are those
    ``deliver`` gets. Optional: a notifier without it cannot be previewed.
    """


@hookspec
def deliver(delivery, config: dict, state: dict, board: list) -> None:
    """Send ``delivery`` (a ``monitor.Delivery``) on one of this plugin's channels.

    ``delivery.alerts`` holds one alert, or every alert of a digest (possibly
    none when the channel sends empty digests). ``delivery.message_id`` is
    stable across retries. ``state`` maps each detector to its current
    ``{subject: value}``; ``board`` holds the same as ``monitor.StateEntry``s
    (what `monitor state` shows: value, since when, the alert that set it).
    Return normally only once the message was accepted.
    Raise ``monitor.TransientDeliveryError`` to be retried with backoff, or
    ``monitor.PermanentDeliveryError`` to stop retrying; any other exception
    counts as transient.
    """
