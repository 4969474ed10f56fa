"""monitor against lemon24/reader on the same feeds, in one run.

reader (https://pypi.org/project/reader/) is the Python feed reader a user
might pick instead: it fetches (requests), parses (feedparser) and stores
(SQLite). monitor does the same and also runs its detectors, judges state and
stores alerts. Both read the same feeds, shaped like the default ones
(bench/corpus.py: 200 feeds x 50 entries, 5 % about the conflict), served over
HTTP on 127.0.0.1 by a server in a process of its own, with keep-alive and
ETags.

Whole passes, each on a fresh database:
- first pass: every feed new, every entry stored;
- second pass: the same feeds, unchanged (the server answers 304 to both);
- second pass, server ignoring conditional GET (bodies downloaded again).

reader gets its own default update path, ``Reader.update_feeds()``, with the
same number of worker threads as monitor's ``[fetch] concurrency`` and
``scheduled=False`` so that, like ``monitor once``, it fetches every feed on
every pass (its default would skip feeds updated within the hour). monitor's
pass is ``monitor once``'s: ``Pipeline.poll_all``, deliveries left out (reader
has none).

The two alternate (which goes first changes every round); each round serves a
corpus of its own, so no text cache in monitor carries over from the last
round. Reported: medians per system and the median of the rounds' paired
ratios, in wall time (the targets: monitor no slower than reader on the first
pass and on the unchanged second pass) and in the CPU time the process spent,
which moves less when other work shares the machine.

    pip install -e '.[bench]'
    python bench/peer.py [--feeds 200] [--entries 50] [--rounds 3] [--concurrency 8] [--without-detectors]
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import CONFLICT_SHARE, documents  # noqa: E402
from load import open_app, serve  # noqa: E402

from monitor.log import configure  # noqa: E402
from monitor.models import Feed  # noqa: E402
from monitor.pipeline import Pipeline  # noqa: E402

try:
    from reader import make_reader
except ImportError:  # pragma: no cover
    raise SystemExit("bench/peer.py needs reader: pip install -e '.[bench]'") from None

SECOND_PASSES = 3  # each round; a second pass takes well under a second


Timing = tuple[float, float]  # wall seconds, CPU seconds of this process (all its threads)


def timed(action: Callable[[], object]) -> Timing:
    """Wall time, and the CPU time the process spent: the machine is shared,
    and CPU time moves less than wall time when something else runs."""
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def monitor_passes(urls: list[str], concurrency: int, tmp: str, seconds: int) -> tuple[Timing, list[Timing], int]:
    app = open_app(tmp, concurrency)
    pipeline = Pipeline(app, notify=False)
    # reader reads no article's page; nor does monitor here: the corpus's links
    # name real sites, and trying them would time the resolver's failures
    # (bench/full_text.py measures reading pages).
    feeds = [Feed(name=f"feed {i}", url=url, full_text="never") for i, url in enumerate(urls)]
    outcomes: list = []
    try:
        first = timed(lambda: outcomes.extend(pipeline.poll_all(feeds)))
        failed = [f.name for f, o in zip(feeds, outcomes) if o is None]
        assert not failed, f"monitor: {len(failed)} feeds failed"
        stored = app.store.article_count()
        later = [timed(lambda: pipeline.poll_all(feeds)) for _ in range(seconds)]
    finally:
        pipeline.close()
        app.close()
    return first, later, stored


def reader_passes(urls: list[str], concurrency: int, tmp: str, seconds: int) -> tuple[Timing, list[Timing], int]:
    reader = make_reader(str(Path(tmp) / "reader.sqlite"))
    try:
        for url in urls:
            reader.add_feed(url)
        first = timed(lambda: reader.update_feeds(workers=concurrency, scheduled=False))
        broken = [f.url for f in reader.get_feeds() if f.last_exception]
        assert not broken, f"reader: {len(broken)} feeds failed, e.g. {broken[0]}"
        stored = reader.get_entry_counts().total
        later = [timed(lambda: reader.update_feeds(workers=concurrency, scheduled=False)) for _ in range(seconds)]
    finally:
        reader.close()
    return first, later, stored


Results = dict[str, dict[str, list[list[Timing]]]]  # system -> pass -> one list of timings per round


def one_round(seed: int, args, etag: bool, results: Results, order: list[str]) -> dict[str, int]:
    docs = documents(args.feeds, args.entries, args.conflict_share, seed)
    server = serve({f"/feed/{i}.xml": doc for i, doc in enumerate(docs)}, etag=etag)
    port = server.server_address[1]
    urls = [f"http://127.0.0.1:{port}/feed/{i}.xml" for i in range(len(docs))]
    runs: dict[str, Callable] = {"monitor": monitor_passes, "reader": reader_passes}
    stored = {}
    try:
        for who in order:
            with tempfile.TemporaryDirectory() as tmp:
                first, later, stored[who] = runs[who](urls, args.concurrency, tmp, SECOND_PASSES)
            if etag:
                results[who]["first"].append([first])
            results[who]["second" if etag else "second, no ETag"].append(later)
    finally:
        server.shutdown()
    return stored


def compare(results: Results, what: str, clock: int) -> tuple[float, float, list[float]]:
    """Medians of each system, and each round's monitor / reader (same corpus, back to back)."""
    m, r = (statistics.median(t[clock] for times in results[w][what] for t in times) for w in ("monitor", "reader"))
    ratios = sorted(
        statistics.median(t[clock] for t in a) / statistics.median(t[clock] for t in b)
        for a, b in zip(results["monitor"][what], results["reader"][what])
    )
    return m, r, ratios


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--entries", type=int, default=50)
    parser.add_argument("--conflict-share", type=float, default=CONFLICT_SHARE)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--without-detectors", action="store_true",
                        help="monitor with its three detectors disabled: what the rest of its pass costs beside reader")
    args = parser.parse_args()
    if args.without_detectors:
        os.environ["MONITOR_DISABLE_PLUGINS"] = "ceasefire,crossing,claim"
    configure("json", "ERROR")
    logging.getLogger("reader").setLevel(logging.ERROR)

    results: Results = {w: {"first": [], "second": [], "second, no ETag": []} for w in ("monitor", "reader")}
    stored: dict[str, int] = {}
    for index in range(args.rounds):
        order = ["monitor", "reader"] if index % 2 == 0 else ["reader", "monitor"]
        stored = one_round(7 + index, args, True, results, order)
    # Without conditional GET, once: the body is downloaded again by both.
    one_round(99, args, False, results, ["monitor", "reader"])

    print(f"{args.feeds} feeds x {args.entries} entries ({args.conflict_share:.0%} about the conflict) on 127.0.0.1,"
          f" {args.concurrency} workers each{'; monitor WITHOUT its detectors' if args.without_detectors else ''}; stored per first pass: monitor {stored['monitor']}, reader {stored['reader']}")
    targets = {"first": 1.0, "second": 1.0}
    for what in ("first", "second", "second, no ETag"):
        runs = sum(len(times) for times in results["monitor"][what])
        for clock, label in ((0, "wall"), (1, "CPU")):
            m, r, ratios = compare(results, what, clock)
            ratio = statistics.median(ratios)
            target = targets.get(what) if clock == 0 else None
            verdict = f"target <= {target:.2f} -> {'OK' if ratio <= target else 'OVER TARGET'}" if target else "no target" if clock == 0 else "for steadiness"
            print(f"{what + ' pass, ' + label + ':':27s} monitor {m:7.3f} s, reader {r:7.3f} s (medians of {runs});"
                  f" monitor / reader {ratio:.2f} (median of the rounds' {', '.join(f'{x:.2f}' for x in ratios)}; {verdict})")

if __name__ == "__main__":
    main()
