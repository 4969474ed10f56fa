"""The three built-in detectors against feedparser's parse of the same entries,
measured in the same run, on the corpus shaped like the default feeds
(bench/corpus.py), and separately on its two kinds of story:

- other:    stories that name Pakistan, Afghanistan, their cities and officials
            but are not about the conflict (cricket, inflation, the IMF, ...).
            Target: the detectors at most 10 % of feedparser's parse.
- conflict: stories about the conflict (crossings, ceasefire, strikes, claims).
- mix:      the default feeds' mix (5 % conflict). Target: under a third.

    python bench/detectors.py [--entries 4000] [--conflict-share 0.05] [--rounds 3] [--profile]

--profile prints where the detectors' time goes on the "other" stories.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import time
from pathlib import Path

import feedparser

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import CONFLICT_SHARE, documents  # noqa: E402

from monitor.parse import parse_feed  # noqa: E402
from monitor.plugins.detectors import ceasefire, claim, crossing  # noqa: E402

DETECTORS = [(ceasefire.detect, False), (crossing.detect, True), (claim.detect, True)]
TARGETS = {"other": 0.10, "mix": 1 / 3}


def run_detectors(articles) -> int:
    observations = 0
    for article in articles:
        for detect, takes_config in DETECTORS:
            observations += len(detect(article, {}) if takes_config else detect(article))
    return observations


def one_round(entries: int, conflict_share: float, seed: int) -> tuple[float, float, int, int]:
    """feedparser's and the detectors' time per entry on one fresh corpus:
    every story, and every sentence in it, unique (no cache answers for free)."""
    docs = documents(max(1, entries // 50), 50, conflict_share, seed)
    started = time.perf_counter()
    parsed_entries = sum(len(feedparser.parse(doc).entries) for doc in docs)
    feedparser_seconds = time.perf_counter() - started
    articles = [a for doc in docs for a in parse_feed(doc, "bench").articles]
    started = time.perf_counter()
    observations = run_detectors(articles)
    detect_seconds = time.perf_counter() - started
    return feedparser_seconds / parsed_entries, detect_seconds / len(articles), len(articles), observations


def profile(entries: int, seed: int, top: int = 25) -> None:
    docs = documents(max(1, entries // 50), 50, 0.0, seed)
    articles = [a for doc in docs for a in parse_feed(doc, "bench").articles]
    profiler = cProfile.Profile()
    profiler.enable()
    run_detectors(articles)
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = stats.total_tt
    print(f"\nwhere the detectors' time goes on {len(articles)} 'other' stories ({total:.2f} s under cProfile):")
    rows = []
    for (path, line, name), (_, calls, own, cumulative, _) in stats.stats.items():
        rows.append((cumulative, own, calls, f"{Path(path).parent.name}/{Path(path).name}:{line} {name}" if line else name))
    print("  cumulative  own   calls    function")
    for cumulative, own, calls, where in sorted(rows, reverse=True)[:top]:
        print(f"  {cumulative / total:6.1%}  {own / total:6.1%}  {calls:7d}  {where}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=4000)
    parser.add_argument("--conflict-share", type=float, default=CONFLICT_SHARE)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    # Each round a corpus of its own (another seed): nothing a cache kept from
    # the last round makes this one cheaper. The machine is noisy: the median
    # of the rounds' ratios is reported.
    kinds = {"other": 0.0, "conflict": 1.0, "mix": args.conflict_share}
    for kind, share in kinds.items():
        rounds = [one_round(args.entries, share, seed) for seed in range(7, 7 + args.rounds)]
        ratios = sorted(detect / parse for parse, detect, _, _ in rounds)
        parse_s, detect_s, articles, observations = rounds[0]
        ratio = statistics.median(ratios)
        target = TARGETS.get(kind)
        verdict = f"target <= {target:.2f} -> {'OK' if ratio <= target else 'OVER TARGET'}" if target else "no target"
        print(f"{kind:8s} ({share:.0%} conflict, {articles} stories, {observations} observations): "
              f"feedparser {parse_s * 1e6:.0f} µs/entry, detectors {detect_s * 1e6:.0f} µs/story; "
              f"detectors / feedparser {ratio:.3f} (median of {', '.join(f'{r:.3f}' for r in ratios)}; {verdict})")
    if args.profile:
        profile(args.entries, seed=99)


if __name__ == "__main__":
    main()
