"""The rules of docs/alerts.md that turn observations into alerts, as pure functions.

No I/O here: the pipeline reads the current state, asks these functions, and
writes what they decide. The core knows nothing of ceasefires or crossings; a
third-party detector gets exactly the same rules under its own name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from monitor.models import Observation

FIGURE_TOLERANCE = 0.10
DEFAULT_SEVERITY = "medium"
# How long other outlets keep retelling one event ("the same days").
RETELLING = timedelta(days=3)


@dataclass(frozen=True)
class StateDecision:
    alert: bool  # raise an alert
    move: bool  # write the new value (and date) to the state
    previous: str | None


def decide_state(
    observed: str,
    current: tuple[str, datetime | None] | None,
    published: datetime,
    also_fits: tuple[str, ...] = (),
    unless_current: tuple[str, ...] = (),
) -> StateDecision:
    """A ``kind="state"`` observation against the subject's current state.

    - no state yet: alert, with previous null;
    - the state was set by a newer article: nothing (out-of-order delivery);
    - equal value: no alert, but the state is confirmed as of this article,
      so an older article arriving later cannot undo it;
    - a current value the observation does not override (``unless_current``,
      e.g. a breach reported after the truce collapsed): nothing;
    - a looser retelling: the current value is one the observation also fits
      (``also_fits``), set within ``RETELLING`` before this article: nothing,
      as for another outlet's report of the same event;
    - different value: alert, and the state moves.
    """
    if current is None:
        return StateDecision(alert=True, move=True, previous=None)
    value, as_of = current
    if as_of is not None and as_of > published:
        return StateDecision(alert=False, move=False, previous=value)
    if value == observed:
        return StateDecision(alert=False, move=True, previous=value)
    if value in unless_current:
        return StateDecision(alert=False, move=False, previous=value)
    if value in also_fits and as_of is not None and published - as_of <= RETELLING:
        return StateDecision(alert=False, move=False, previous=value)
    return StateDecision(alert=True, move=True, previous=value)


def figures_match(a: int | None, b: int | None) -> bool:
    """Two claims' figures are the same claim when both are null, or within 10 %."""
    if a is None or b is None:
        return a is None and b is None
    if a == b:
        return True
    return abs(a - b) <= FIGURE_TOLERANCE * max(abs(a), abs(b))


def claim_is_new(figure: int | None, known_figures: list[int | None]) -> bool:
    """A claim is new when no known claim with the same key has a matching figure."""
    return not any(figures_match(figure, known) for known in known_figures)


def is_before_baseline(published: datetime, baseline_published: datetime | None) -> bool:
    """Articles published before the baseline's *date* raise nothing."""
    return baseline_published is not None and published.date() < baseline_published.date()


def merge_observations(observations: list[Observation]) -> list[Observation]:
    """One article may assert the same thing in several sentences.

    State: one observation per (detector, subject); the detector's order
    decides which (the first one listed wins). Claims: duplicates with the same
    key and a matching figure collapse into the first.
    """
    merged: list[Observation] = []
    seen_state: set[tuple[str, str]] = set()
    for obs in observations:
        if obs.kind == "state":
            key = (obs.detector, obs.subject)
            if key in seen_state:
                continue
            seen_state.add(key)
            merged.append(obs)
            continue
        duplicate = any(
            other.kind == "claim"
            and (other.detector, other.subject, other.claim_type, other.target, other.topic)
            == (obs.detector, obs.subject, obs.claim_type, obs.target, obs.topic)
            and figures_match(other.figure, obs.figure)
            for other in merged
        )
        if not duplicate:
            merged.append(obs)
    return merged
