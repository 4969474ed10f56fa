"""The whole pipeline against feedparser alone, on the same documents, in one run.

`monitor replay`'s pipeline (parse, dedup, detect, store, alert) over N feed
documents of M new entries each, and feedparser parsing the same documents.
Target (issue 6): the pipeline within 1.5x feedparser's time.

    python bench/pipeline.py [--documents 200] [--entries 50] [--relevant-share 0.1] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import feedparser

sys.path.insert(0, str(Path(__file__).resolve().parent))

from detectors import corpus  # noqa: E402  (the same mixed corpus)

from monitor.app import App  # noqa: E402
from monitor.config import load_config  # noqa: E402
from monitor.log import configure  # noqa: E402
from monitor.pipeline import Pipeline  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--entries", type=int, default=50)
    parser.add_argument("--relevant-share", type=float, default=0.1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    configure("json", "INFO")  # as the daemon logs (to stderr), not structlog's debug default
    documents = corpus(args.documents * args.entries, args.relevant_share)

    parser_times, pipeline_times = [], []
    new = alerts = parsed = 0
    for _ in range(args.repeat):  # alternated, best of each: the machine is noisy
        started = time.perf_counter()
        parsed = sum(len(feedparser.parse(doc).entries) for doc in documents)
        parser_times.append(time.perf_counter() - started)
        with tempfile.TemporaryDirectory() as tmp:
            config = load_config(None, str(Path(tmp) / "bench.db"))
            app = App.open(config=config)
            pipeline = Pipeline(app, notify=False)
            started = time.perf_counter()
            new = alerts = 0
            for index, doc in enumerate(documents):
                outcome = pipeline.process_document(f"feed-{index % 20}", doc)
                new += outcome.new
                alerts += len(outcome.alerts)
            pipeline_times.append(time.perf_counter() - started)
            app.close()
    feedparser_seconds, pipeline_seconds = min(parser_times), min(pipeline_times)

    ratio = pipeline_seconds / feedparser_seconds
    print(f"documents: {len(documents)} x {args.entries} entries ({args.relevant_share:.0%} about the conflict)")
    print(f"feedparser alone: {feedparser_seconds:.2f} s ({parsed} entries; best of {args.repeat})")
    print(f"pipeline:         {pipeline_seconds:.2f} s ({new} new articles stored, {alerts} alerts)")
    print(f"pipeline / feedparser: {ratio:.2f} (target <= 1.5) -> {'OK' if ratio <= 1.5 else 'OVER TARGET'}")


if __name__ == "__main__":
    main()
