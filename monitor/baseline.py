"""The baseline: the first state, built from one reference article.

Stored as JSON the user may read and edit. Each fact records where in the
reference article it came from as character offsets and a short hash of the
sentence, never the sentence itself, so the file holds no copied text.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from monitor.config import Config, embedded_text
from monitor.errors import BaselineError, UserError
from monitor.models import Article, Observation

FORMAT = 1
_MONTHS = "january february march april may june july august september october november december".split()


@dataclass
class StateFact:
    detector: str
    subject: str
    value: str
    evidence: dict[str, Any] = field(default_factory=dict)


@dataclass
class ClaimFact:
    detector: str
    claimant: str
    claim_type: str
    target: str | None
    figure: int | None
    topic: str | None = None
    statement: str = ""
    evidence: dict[str, Any] = field(default_factory=dict)


@dataclass
class Baseline:
    published: datetime
    source: dict[str, Any] = field(default_factory=dict)
    state: list[StateFact] = field(default_factory=list)
    claims: list[ClaimFact] = field(default_factory=list)

    def digest(self) -> str:
        return hashlib.sha256(json.dumps(self.to_json(), sort_keys=True).encode()).hexdigest()[:16]

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "published": self.published.isoformat(),
            "source": self.source,
            "state": [vars(f) for f in self.state],
            "claims": [vars(c) for c in self.claims],
        }


def sentence_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()[:12]


# -- loading ------------------------------------------------------------------


def load_baseline(config: Config) -> Baseline:
    if config.baseline_path is None:
        return parse_baseline(embedded_text("baseline.json"), "<embedded baseline.json>")
    path = config.baseline_path
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        raise BaselineError(
            f"{path}: baseline not found; run `monitor baseline build SOURCE -o {path}` or fix [baseline] path"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: cannot read the baseline ({exc})") from None
    return parse_baseline(text, str(path))


def parse_baseline(text: str, source: str) -> Baseline:
    def fail(key: str, problem: str) -> BaselineError:
        return BaselineError(f"{source}: {key}: {problem}; fix it by hand or rebuild with `monitor baseline build`")

    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BaselineError(
            f"{source}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}); fix it or rebuild with `monitor baseline build`"
        ) from None
    if not isinstance(data, dict):
        raise fail("(top level)", "expected a JSON object")
    if data.get("format") != FORMAT:
        raise fail("format", f"expected {FORMAT}, got {data.get('format')!r}")
    try:
        published = datetime.fromisoformat(str(data.get("published")))
    except ValueError:
        raise fail("published", f"{data.get('published')!r} is not an ISO 8601 date") from None
    if published.tzinfo is None:
        published = published.replace(tzinfo=timezone.utc)
    baseline = Baseline(published=published, source=data.get("source") or {})
    for i, item in enumerate(_list(data, "state", fail)):
        for key in ("detector", "subject", "value"):
            if not isinstance(item.get(key), str) or not item[key]:
                raise fail(f"state[{i}].{key}", "missing or not a string")
        baseline.state.append(StateFact(item["detector"], item["subject"], item["value"], item.get("evidence") or {}))
    for i, item in enumerate(_list(data, "claims", fail)):
        for key in ("detector", "claimant", "claim_type"):
            if not isinstance(item.get(key), str) or not item[key]:
                raise fail(f"claims[{i}].{key}", "missing or not a string")
        figure = item.get("figure")
        if figure is not None and (not isinstance(figure, int) or isinstance(figure, bool)):
            raise fail(f"claims[{i}].figure", f"expected an integer or null, got {figure!r}")
        baseline.claims.append(
            ClaimFact(
                item["detector"],
                item["claimant"],
                item["claim_type"],
                item.get("target"),
                figure,
                item.get("topic"),
                item.get("statement", ""),
                item.get("evidence") or {},
            )
        )
    return baseline


def _list(data: dict, key: str, fail) -> list[dict]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise fail(key, "expected a list of objects")
    return value


# -- building -----------------------------------------------------------------


def find_date(text: str) -> datetime | None:
    """The first date written out near the top of an article: "24 October 2025",
    "October 24, 2025" or "2025-10-24"."""
    head = text[:2000]
    months = "|".join(_MONTHS)
    patterns = [
        (rf"\b(\d{{1,2}})\s+({months})\s+(\d{{4}})\b", lambda m: (int(m[3]), _MONTHS.index(m[2].lower()) + 1, int(m[1]))),
        (rf"\b({months})\s+(\d{{1,2}}),?\s+(\d{{4}})\b", lambda m: (int(m[3]), _MONTHS.index(m[1].lower()) + 1, int(m[2]))),
        (r"\b(\d{4})-(\d{2})-(\d{2})\b", lambda m: (int(m[1]), int(m[2]), int(m[3]))),
    ]
    found = []
    for pattern, parts in patterns:
        m = re.search(pattern, head, re.I)
        if m:
            try:
                found.append((m.start(), datetime(*parts(m), tzinfo=timezone.utc)))
            except ValueError:
                pass
    return min(found)[1] if found else None


def read_source(source: str) -> tuple[str, str, datetime | None]:
    """A text file, an HTML file or a URL → (title, text, date if found)."""
    if re.match(r"^https?://", source):
        import httpx

        try:
            response = httpx.get(source, follow_redirects=True, timeout=30)
            response.raise_for_status()
        except httpx.HTTPError as exc:
            raise UserError(f"{source}: cannot fetch it ({exc}); check the URL or save the page and pass the file") from None
        raw = response.text
    else:
        path = Path(source)
        try:
            raw = path.read_text("utf-8", errors="replace")
        except OSError as exc:
            raise UserError(f"{source}: cannot read it ({exc.strerror}); pass a text file, an HTML file or a URL") from None
    if re.search(r"<(html|body|p|div|article)\b", raw[:5000], re.I):
        import trafilatura

        text = trafilatura.extract(raw, include_comments=False, include_tables=False) or ""
        meta = trafilatura.extract_metadata(raw)
        title = (meta.title if meta else "") or ""
        date = None
        if meta and meta.date:
            try:
                date = datetime.fromisoformat(meta.date).replace(tzinfo=timezone.utc)
            except ValueError:
                date = None
        if not text.strip():
            raise UserError(f"{source}: no article text found in the HTML; save the article as text and pass that")
        return title, text, date or find_date(text)
    lines = [line for line in raw.splitlines() if line.strip()]
    title = lines[0].strip() if lines else ""
    body = raw.strip()
    if body.startswith(title):
        body = body[len(title):].strip()
    return title, body, find_date(raw)


def build_baseline(plugins, source: str, published: datetime | None = None) -> Baseline:
    title, text, found = read_source(source)
    date = published or found
    if date is None:
        raise UserError(f"{source}: no publication date found in the article; pass --published YYYY-MM-DD")
    article = Article(feed="baseline", guid=source, url=source, title=title, text=text, published=date)
    full = article.full_text
    baseline = Baseline(
        published=date,
        source={
            "name": Path(source).name if not source.startswith("http") else source,
            "sha256": hashlib.sha256(full.encode()).hexdigest()[:16],
            "chars": len(full),
        },
    )
    for plugin, observations in plugins.call("baseline", context={"article": source}, article=article):
        for obs in observations or []:
            if not isinstance(obs, Observation):
                continue
            detector = obs.detector or plugin
            evidence = _evidence(full, obs)
            if obs.kind == "claim":
                baseline.claims.append(
                    ClaimFact(
                        detector,
                        obs.claimant or obs.subject,
                        obs.claim_type or "",
                        obs.target,
                        obs.figure,
                        obs.topic,
                        obs.value,
                        evidence,
                    )
                )
            elif not any(f.detector == detector and f.subject == obs.subject for f in baseline.state):
                baseline.state.append(StateFact(detector, obs.subject, obs.value, evidence))
    return baseline


def _evidence(full: str, obs: Observation) -> dict[str, Any]:
    start, end = obs.start, obs.end
    if start is None or end is None:
        found = full.find(obs.evidence) if obs.evidence else -1
        start, end = (found, found + len(obs.evidence)) if found >= 0 else (None, None)
    if start is None:
        return {}
    return {"start": start, "end": end, "sha256": sentence_hash(full[start:end])}


def write_baseline(baseline: Baseline, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(baseline.to_json(), indent=2, ensure_ascii=False) + "\n", "utf-8")


def describe(baseline: Baseline) -> str:
    """The baseline as a person reads it."""
    lines = [f"Baseline as of {baseline.published.date().isoformat()}"]
    if baseline.source.get("name"):
        lines[0] += f" (from {baseline.source['name']})"
    by_detector: dict[str, list[StateFact]] = {}
    for fact in baseline.state:
        by_detector.setdefault(fact.detector, []).append(fact)
    for detector, facts in by_detector.items():
        lines.append(f"\n{detector}:")
        width = max(len(f.subject) for f in facts)
        for fact in facts:
            where = f"  [chars {fact.evidence['start']}–{fact.evidence['end']}]" if fact.evidence.get("start") is not None else ""
            lines.append(f"  {fact.subject.ljust(width)}  {fact.value}{where}")
    if baseline.claims:
        lines.append("\nknown claims:")
        for claim in baseline.claims:
            figure = "" if claim.figure is None else f" {claim.figure}"
            target = f" → {claim.target}" if claim.target else ""
            topic = f" ({claim.topic})" if claim.topic else ""
            lines.append(f"  {claim.claimant}: {claim.claim_type}{figure}{target}{topic}")
    return "\n".join(lines)
