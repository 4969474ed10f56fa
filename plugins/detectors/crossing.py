"""crossing: the state of each official Pakistan–Afghanistan crossing.

Values (ALERTS.md): ``open``, ``partially_open`` (only some traffic:
pedestrians, returning or deported refugees, one direction, trade only,
humanitarian, certain days), ``closed`` (shut to all traffic).

How: one compiled pattern over every crossing's names (Latin, Urdu, Pashto,
Dari) is the prefilter. For each mention, the cues in its clause (else its
sentence) decide the value; a cue counts only if asserted. A change verb
("reopened", "closed") outweighs a state ("remained shut"), which outweighs a
noun ("the closure"). Within one article, a partial opening outweighs a plain
"closed to trade" elsewhere, since it is the more specific report.

Configuration: ``[plugins.crossing] aliases = { Torkham = ["…"] }`` adds names.
"""

from __future__ import annotations

import re

import monitor
from monitor.text import Gazetteer, asserted_now, clause_of, load_data, load_scope, load_table, lowered, split_sentences

DATA = "monitor.plugins.data"

OPEN = lowered(re.compile(
    r"\b(?:re-?open(?:ed|s|ing)?|open(?:ed|s)?(?! fire)(?! to (?:fire|attack))|resum(?:ed|es|ing|ption)|restor(?:ed|ing)|"
    r"(?:lift(?:ed|s)?|end(?:ed|s)?) (?:the |a |its )?(?:\w+ )?(?:closure|ban|suspension|blockade)|back in operation|operational again|"
    r"allow(?:ed|s|ing) (?:all )?(?:trade|traffic|vehicles|movement|trucks|travellers|travelers)(?! only))\b",
    re.I,
))
CLOSED = lowered(re.compile(
    r"\b(?:clos(?:ed|es|ing)|shut(?:s|ting)?(?: down)?|seal(?:ed|s|ing)|suspend(?:ed|s|ing)|halt(?:ed|s|ing)|block(?:ed|ing)|"
    r"stopp(?:ed|ing)|suspension|barred|turned (?:back|away)|remain(?:s|ed)? (?:shut|closed)|stay(?:s|ed)? (?:shut|closed))\b",
    re.I,
))
# "reopened the crossing for returning refugees": restricted traffic, counted
# only where the clause also opens something ("closed for pedestrians" is closed).
PARTIAL_FOR = lowered(re.compile(
    r"\bfor (?:the )?(?:evacuation|return|repatriation|passage) of\b|"
    r"\bfor (?:the )?(?:returning |deported |stranded |repatriated |Afghan |registered )?(?:refugees|returnees|deportees|"
    r"pedestrians|foot traffic|diplomats|patients|students|nationals|humanitarian (?:aid|cargo|supplies|purposes)|empty (?:trucks|containers|vehicles))\b",
    re.I,
))
# "…, while passenger movement remains suspended": opened for some traffic only.
STILL_SHUT_FOR_SOME = lowered(re.compile(
    r"\b(?:passenger|pedestrian|people|traveller|traveler|trade|cargo|goods|commercial|transit|truck|vehicle)s?"
    r"(?: movement| traffic| vehicles)? (?:remains?|remained|stays?|stayed|is|are|was|were)? ?(?:still )?"
    r"(?:suspended|closed|barred|halted|banned|not allowed|shut)\b",
    re.I,
))
# People sent across a crossing that is otherwise shut: "deported 5,000 Afghans
# through Chaman, while the border otherwise remained closed to trade".
SENT_THROUGH = lowered(re.compile(
    r"\b(?:deport\w*|repatriat\w*|expell?\w*|returned|sent back|pushed back)\b[^.;]{0,60}?\b(?:through|via|across|at)\b", re.I
))
CLOSURE_NOUN = re.compile(r"\b(?:closure|shutdown|blockade)\b", re.I)
PARTIAL = lowered(re.compile(
    r"\b(?:partial(?:ly)?|partly|limited (?:basis|traffic|trade|movement|hours|capacity)|"
    r"only (?:for |to )?(?:pedestrians|refugees|returnees|deportees|trade|goods|cargo|humanitarian|empty|one|certain|diplomats|patients|students|foot|exports|imports)|"
    r"(?:pedestrians|refugees|returnees|deportees|returning|deported|repatriated|stranded|Afghan (?:nationals|refugees|families|citizens|migrants)|nationals|patients|students|families) "
    r"(?:\w+ ){0,4}?(?:were |are |was |is |being |have been |had been )*(?:allowed|permitted|let through|let in|able) (?:to )?(?:cross|return|go|pass|enter|leave|through)|"
    r"(?:allow(?:ed|s|ing)|permit(?:ted|s|ting)) (?:the )?(?:return|repatriation|crossing|passage|movement) of|"
    r"(?:re-?)?open(?:ed|s)? (?:only )?(?:for|to) (?:the )?(?:return|repatriation|deportation|deportees|returnees|refugees|pedestrians|humanitarian|foot|diplomats|patients|empty)|"
    r"one-way|one direction|in one direction|humanitarian (?:aid|supplies|cargo|corridor|basis|grounds)|"
    r"(?:on |for )?(?:certain|specific|some|alternate) days|(?:two|three|four|\d) days a week|weekdays only|"
    r"on (?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)(?:,? (?:and |or )?(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays))* only|"
    r"(?:trade|goods|cargo|commercial traffic) only|only (?:trade|goods|cargo)|for (?:pedestrians|foot traffic) only)\b",
    re.I,
))
FULLY = re.compile(r"\b(?:fully|completely|all (?:kinds|types) of|all traffic|for all|both trade and|trade and (?:travel|travellers|pedestrians|passengers)|normal(?:ly)? (?:traffic|operations|trade))\b", re.I)
PREFIX_BACKGROUND = re.compile(r"\b(?:after|since|following|despite|amid|days of|weeks of|months of|ended (?:a|the))\s+(?:\w+\s+){0,4}$", re.I)

_crossings = load_table(DATA, "crossings.toml", "crossings")
ALL_PHRASES = load_data(DATA, "crossings.toml")["all_crossings"]["phrases"]
GAZETTEER = Gazetteer(_crossings)
ALL_CROSSINGS = re.compile("|".join(re.escape(p) for p in ALL_PHRASES), re.I)
SCOPE = load_scope("monitor.plugins.data", "scope.toml")
SEVERITY = {"closed": "high", "open": "high", "partially_open": "medium"}
RANK = {"partially_open": 2, "closed": 1, "open": 1}


def _cue(
    sentence: str, lo: int, hi: int, article, baseline_mode: bool, anchor: tuple[int, int] | None = None
) -> tuple[str, int, int] | None:
    """The value the span [lo, hi) of the sentence asserts: (value, strength, position).
    Among cues of equal strength, the one nearest ``anchor`` (the crossing's
    name) wins: "Torkham open, Chaman shut"."""
    span = sentence[lo:hi]
    candidates = []
    partial = list(PARTIAL.finditer(span))
    opening = OPEN.search(span)
    if opening:
        partial += [m for m in PARTIAL_FOR.finditer(span) if m.start() > opening.start()]
    sent = SENT_THROUGH.search(span)
    if sent and CLOSED.search(sentence):  # only where other traffic is said to be stopped
        partial.append(sent)
    for m in partial:
        if asserted_now(sentence, lo + m.start(), article.published, baseline_mode):
            candidates.append(("partially_open", 3, lo + m.start()))
            break
    for value, pattern in (("open", OPEN), ("closed", CLOSED)):
        for m in pattern.finditer(span):
            pos = lo + m.start()
            if PREFIX_BACKGROUND.search(sentence[max(0, pos - 40):pos]):
                continue
            if asserted_now(sentence, pos, article.published, baseline_mode):
                strength = 1 if m.group().lower().startswith(("remain", "stay", "suspension")) else 2
                candidates.append((value, strength, pos))
                if anchor is None:
                    break  # otherwise every asserted cue competes on distance
    if not candidates:
        for m in CLOSURE_NOUN.finditer(span):
            pos = lo + m.start()
            if not PREFIX_BACKGROUND.search(sentence[max(0, pos - 40):pos]) and asserted_now(sentence, pos, article.published, baseline_mode):
                candidates.append(("closed", 0, pos))
                break
    if not candidates:
        return None
    values = {c[0] for c in candidates}
    if "partially_open" in values and FULLY.search(span):
        values.discard("partially_open")
        candidates = [c for c in candidates if c[0] != "partially_open"] or [("open", 2, candidates[0][2])]
    if "partially_open" in values:
        return next(c for c in candidates if c[0] == "partially_open")
    if anchor is None:
        return max(candidates, key=lambda c: (c[1], -c[2]))
    start, end = anchor
    return max(candidates, key=lambda c: (c[1], -min(abs(c[2] - start), abs(c[2] - end))))


def _gazetteer(config: dict) -> Gazetteer:
    extra = config.get("aliases")
    return GAZETTEER.extended(extra) if isinstance(extra, dict) else GAZETTEER


def _observe(article, config: dict, baseline_mode: bool) -> list[monitor.Observation]:
    text = article.full_text
    gazetteer = _gazetteer(config)
    if not SCOPE.inside.mentioned(text) and (gazetteer is GAZETTEER or not gazetteer.mentioned(text)):
        return []  # most of a general news feed stops here (scope.toml lists the crossings' names)
    named = len(gazetteer.find(text))
    generic = ALL_CROSSINGS.search(text) if baseline_mode else None
    if not (named or generic):
        return []
    # A named crossing is itself a mention of this border.
    inside, outside = SCOPE.counts(text)
    if inside + named < max(outside, 1):
        return []
    best: dict[str, tuple[int, int, str, object]] = {}
    for sentence in split_sentences(text):
        s = sentence.text
        mentions = gazetteer.find(s)
        everyone = baseline_mode and ALL_CROSSINGS.search(s)
        if not mentions and not everyone:
            continue
        if SCOPE.sentence_elsewhere(s) and not mentions:
            continue
        whole: list = []  # the sentence's own cue, computed only if a clause has none

        def sentence_cue():
            if not whole:
                whole.append(_cue(s, 0, len(s), article, baseline_mode))
            return whole[0]

        named = []
        for mention in mentions:
            lo, hi = clause_of(s, mention.start)
            cue = _cue(s, lo, hi, article, baseline_mode, anchor=(mention.start, mention.end)) or (
                sentence_cue() if (lo, hi) != (0, len(s)) else None
            )
            if cue and cue[0] == "open":
                rest = s[:lo] + " " + s[hi:]
                still = STILL_SHUT_FOR_SOME.search(rest)
                if still and not gazetteer.find(rest[max(0, still.start() - 40):still.end()]):
                    cue = ("partially_open", cue[1], cue[2])
            if cue:
                named.append(mention.name)
                _keep(best, mention.name, cue[0], sentence)
        if everyone and sentence_cue():
            for name in gazetteer.names:
                if name not in named:
                    _keep(best, name, sentence_cue()[0], sentence)
    return [
        monitor.Observation(
            subject=name,
            value=value,
            evidence=sentence.text,  # type: ignore[attr-defined]
            confidence=0.85,
            severity=SEVERITY[value],  # type: ignore[arg-type]
            start=sentence.start,  # type: ignore[attr-defined]
            end=sentence.end,  # type: ignore[attr-defined]
        )
        for name, (_, _, value, sentence) in best.items()
    ]


def _keep(best: dict, name: str, value: str, sentence) -> None:
    """Within one article: the more specific value wins, else the first said."""
    rank = (RANK[value], -sentence.index)
    if name not in best or rank[0] > best[name][0]:
        best[name] = (rank[0], rank[1], value, sentence)
    elif best[name][2] == value and best[name][3].index == 0 and sentence.index > 0:
        # The headline said it first; the body says it with its details.
        best[name] = (best[name][0], best[name][1], value, sentence)


@monitor.hookimpl
def detect(article, config):
    return _observe(article, config, baseline_mode=False)


@monitor.hookimpl
def baseline(article, config):
    return _observe(article, config, baseline_mode=True)
