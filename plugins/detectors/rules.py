"""rules: detection rules written in TOML, for users who write no Python.

``[plugins.rules] file = "rules.toml"`` (or ``[[plugins.rules.rule]]`` tables
inline). Each rule: ``name``, ``subject``, ``value``; ``all`` (terms that must
all appear in one sentence), ``any`` (at least one, if given), ``none`` (none
may appear), ``regex`` (patterns that must all match), ``severity``, ``scope``
(require an article about Pakistan–Afghanistan; default true). A match counts
only where its term is asserted: not negated, hedged, denied, in a question or
in background, exactly as for the built-in detectors.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import monitor
from monitor.text import asserted_now, load_scope, split_sentences

SCOPE = load_scope("monitor.plugins.data", "scope.toml")
FIELDS = {"name", "subject", "value", "all", "any", "none", "regex", "severity", "scope", "confidence"}


@dataclass(frozen=True)
class Rule:
    name: str
    subject: str
    value: str
    all: tuple[re.Pattern, ...]
    any: tuple[re.Pattern, ...]
    none: tuple[re.Pattern, ...]
    regex: tuple[re.Pattern, ...]
    severity: str
    scope: bool
    confidence: float


def _term(term: str) -> re.Pattern:
    return re.compile(r"(?<!\w)" + re.escape(term).replace(r"\ ", r"\s+") + r"(?!\w)", re.I)


def _fail(rule: str, problem: str, fix: str) -> monitor.PluginConfigError:
    return monitor.PluginConfigError(f"[plugins.rules] rule {rule}: {problem}; {fix}")


def _strings(raw: dict, key: str, label: str) -> list[str]:
    value = raw.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _fail(label, f"{key} must be a list of strings", f'write it like {key} = ["term"]')
    return value


def parse_rule(raw: object, index: int) -> Rule:
    if not isinstance(raw, dict):
        raise _fail(f"#{index + 1}", "is not a table", "write each rule as [[rule]]")
    label = repr(raw["name"]) if isinstance(raw.get("name"), str) else f"#{index + 1}"
    unknown = set(raw) - FIELDS
    if unknown:
        raise _fail(label, f"unknown field {sorted(unknown)[0]!r}", f"use {', '.join(sorted(FIELDS))}")
    for key in ("name", "subject", "value"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise _fail(label, f"missing {key}", f'add {key} = "…"')
    patterns = []
    for source in _strings(raw, "regex", label):
        try:
            patterns.append(re.compile(source, re.I))
        except re.error as exc:
            raise _fail(label, f"regex {source!r} is invalid ({exc})", "fix the regular expression") from None
    all_terms, any_terms = _strings(raw, "all", label), _strings(raw, "any", label)
    if not (all_terms or any_terms or patterns):
        raise _fail(label, "has nothing to match", "give it all, any or regex")
    severity = raw.get("severity", "medium")
    if severity not in ("low", "medium", "high"):
        raise _fail(label, f"severity {severity!r} is not known", 'use "low", "medium" or "high"')
    scope = raw.get("scope", True)
    if not isinstance(scope, bool):
        raise _fail(label, "scope must be true or false", "write scope = true")
    return Rule(
        raw["name"],
        raw["subject"],
        raw["value"],
        tuple(_term(t) for t in all_terms),
        tuple(_term(t) for t in any_terms),
        tuple(_term(t) for t in _strings(raw, "none", label)),
        tuple(patterns),
        severity,
        scope,
        float(raw.get("confidence", 0.8)),
    )


@lru_cache(maxsize=8)
def _rules(frozen_config: str) -> tuple[Rule, ...]:
    config = json.loads(frozen_config)
    raw_rules = list(config.get("rule", []))
    if config.get("file"):
        path = Path(config["file"])
        try:
            data = tomllib.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            raise monitor.PluginConfigError(f"[plugins.rules] file: {path} does not exist; create it or fix the path") from None
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise monitor.PluginConfigError(f"[plugins.rules] file: {path} is not valid TOML ({exc}); fix its syntax") from None
        raw_rules += data.get("rule", [])
    rules = tuple(parse_rule(raw, i) for i, raw in enumerate(raw_rules))
    names = [r.name for r in rules]
    for name in names:
        if names.count(name) > 1:
            raise _fail(repr(name), "is defined twice", "give each rule its own name")
    return rules


_last: tuple[dict, tuple[Rule, ...]] | None = None


def rules_for(config: dict) -> tuple[Rule, ...]:
    # The host passes the same section object until the configuration is
    # reloaded: skip serialising it for the cache key on every article.
    global _last
    last = _last
    if last is not None and last[0] is config:
        return last[1]
    rules = _rules(json.dumps(config, sort_keys=True, default=str))
    _last = (config, rules)
    return rules


def _first_asserted(rule: Rule, sentence: str, article) -> int | None:
    """The position of the rule's deciding term if the sentence asserts it."""
    if any(p.search(sentence) for p in rule.none):
        return None
    positions = []
    for pattern in rule.all + rule.regex:
        m = pattern.search(sentence)
        if not m:
            return None
        positions.append(m.start())
    if rule.any:
        hits = [m.start() for p in rule.any for m in [p.search(sentence)] if m]
        if not hits:
            return None
        positions = [min(hits)]  # the "any" term is the event; qualify that
    position = max(positions) if not rule.any else positions[0]
    return position if asserted_now(sentence, position, article.published) else None


@monitor.hookimpl
def startup(config):
    rules_for(config)  # a bad rule disables the plugin with its one-line message


@monitor.hookimpl
def detect(article, config):
    rules = rules_for(config)
    if not rules:
        return []
    text = article.full_text
    in_scope = SCOPE.article_in_scope(text)
    # Body sentences first: they carry the detail a reader wants as evidence.
    sentences = sorted(split_sentences(text), key=lambda s: s.index == 0)
    observations = []
    for rule in rules:
        if rule.scope and not in_scope:
            continue
        for sentence in sentences:
            if rule.scope and SCOPE.sentence_elsewhere(sentence.text):
                continue
            if _first_asserted(rule, sentence.text, article) is not None:
                observations.append(
                    monitor.Observation(
                        subject=rule.subject,
                        value=rule.value,
                        evidence=sentence.text,
                        confidence=rule.confidence,
                        severity=rule.severity,  # type: ignore[arg-type]
                        start=sentence.start,
                        end=sentence.end,
                    )
                )
                break
    return observations
