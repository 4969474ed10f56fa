"""Numbers as news writes them: "25", "4,000", "nine", "two dozen",
"more than 200", "a dozen"; vague quantities ("scores", "dozens",
"hundreds") are numbers of unknown size (None)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from monitor.text.lowered import lowered

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
VAGUE = {"dozens", "scores", "hundreds", "thousands", "several", "many", "numerous", "some", "a number", "a few", "multiple"}

_WORD = "|".join(sorted([*UNITS, *TENS, *SCALES, "a", "an", "dozen", "and"], key=len, reverse=True))
_QUALIFIER = r"(?:(?:more than|over|at least|nearly|almost|about|around|some|up to|as many as|(?:no|not) (?:fewer|less) than|fewer than|less than|roughly|approximately|an estimated)\s+)?"
NUMBER_RE = lowered(re.compile(
    rf"\b{_QUALIFIER}(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?(?:\s*(?:hundred|thousand|million))?"
    rf"|(?:(?:{_WORD})[\s-]+)*(?:{'|'.join([*UNITS, *TENS, 'dozen', 'hundred', 'thousand'])})"
    rf"|dozens|scores|hundreds|thousands|several|numerous|multiple)\b",
    re.I,
))


# A month's name or its abbreviation, not any word that begins like one ("martyrs", "mayor", "decided").
_MONTHS = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b"
_MONTH_NEAR = re.compile(r"\s*(?:st|nd|rd|th)?\s+" + _MONTHS, re.I)
_MONTH_BEFORE = re.compile(_MONTHS + r"\.?\s+$", re.I)
# The other day of a range: "February 21-22", "October 24 and 25", "18-19 March".
_RANGE_BEFORE = re.compile(_MONTHS + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?\s*(?:-|–|and|to|or)\s*$", re.I)
_RANGE_AFTER = re.compile(r"\s*(?:-|–|and|to|or)\s*\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTHS, re.I)


_PER = re.compile(r"\s*per\s*(?:cent|capita|annum|day|hour|week|month|year|kilo\w*|litre)\b|\s*percent\b", re.I)


@dataclass(frozen=True)
class Number:
    value: int | None  # None: a vague quantity
    start: int
    end: int
    text: str


def words_to_int(words: str) -> int | None:
    """"two dozen" → 24, "a dozen" → 12, "twenty-five" → 25, "three hundred" → 300."""
    tokens = [t for t in re.split(r"[\s-]+", words.lower().strip()) if t and t != "and"]
    if not tokens:
        return None
    if " ".join(tokens) in VAGUE or tokens[-1] in VAGUE:
        return None
    total, current = 0, 0
    for token in tokens:
        if token in ("a", "an"):
            current = max(current, 1)
        elif token in UNITS:
            current += UNITS[token]
        elif token in TENS:
            current += TENS[token]
        elif token == "dozen":
            current = max(current, 1) * 12
        elif token == "hundred":
            current = max(current, 1) * 100
        elif token in ("thousand", "million"):
            total += max(current, 1) * SCALES[token]
            current = 0
        else:
            return None
    return total + current


def parse_number(text: str) -> int | None:
    text = text.strip().lower()
    m = re.fullmatch(r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(hundred|thousand|million)?", text)
    if m:
        value = float(m.group(1).replace(",", ""))
        return int(value * SCALES[m.group(2)]) if m.group(2) else int(value)
    return words_to_int(text)


def find_numbers(text: str) -> list[Number]:
    """Every number in ``text``, qualifiers ("more than") included in the span.
    Years, times and ordinals are left out."""
    found = []
    for m in NUMBER_RE.finditer(text):
        raw, start = m.group("n"), m.start()
        # "three women and two children": the "and" joins, it does not begin "and two".
        joined = re.match(r"(?i)and[\s-]+", raw)
        if joined and raw == m.group():
            raw, start = raw[joined.end():], start + joined.end()
        if raw.lower() in ("a", "an", "and", ""):
            continue
        after = text[m.end():m.end() + 4].lower()
        if _MONTH_NEAR.match(text[m.end():m.end() + 12]) or _MONTH_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
            continue  # a date: "6 September", "October 9"
        if _RANGE_BEFORE.search(text[max(0, m.start() - 20):m.start()]) or _RANGE_AFTER.match(text[m.end():m.end() + 20]):
            continue  # a range of dates: "February 21-22", "18-19 March"
        # ("12 per cent", not "one person")
        if re.fullmatch(r"(19|20)\d\d", raw) or after.startswith(("am", "pm", "%", "th", "st ", "nd ", "rd ")) or _PER.match(text, m.end()):
            continue
        value = None if raw.lower() in VAGUE else parse_number(raw)
        if raw.lower() not in VAGUE and value is None:
            continue
        found.append(Number(value, start, m.end(), text[start:m.end()]))
    return found
