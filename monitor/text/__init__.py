"""Language helpers any detector may use: sentences, negation and hedge cues,
number words, gazetteer matching, scope."""

from monitor.text.attribution import (
    ACCORDING,
    REPORTING,
    Official,
    Speakers,
    as_aliases,
    load_officials,
    load_titles,
    nearest_before,
    noun_use,
    parse_officials,
    unnamed_speaker,
)
from monitor.text.cues import (
    asserted_now,
    denied,
    hedged,
    is_background,
    is_question,
    mentioned_dates,
    weekday_dates,
    negated,
    not_asserted,
    window_before,
)
from monitor.text.gazetteer import Gazetteer, Mention, load_data, load_table, load_user_table
from monitor.text.lowered import Lowered, lowered
from monitor.text.numbers import Number, find_numbers, parse_number, words_to_int
from monitor.text.reading import NO_PARTY, Reading, read
from monitor.text.scope import Scope, load_scope
from monitor.text.sentences import Sentence, clause_of, clauses, split_sentences

__all__ = [
    "load_titles",
    "NO_PARTY",
    "Reading",
    "read",
    "ACCORDING",
    "REPORTING",
    "Speakers",
    "nearest_before",
    "noun_use",
    "Official",
    "as_aliases",
    "load_officials",
    "parse_officials",
    "unnamed_speaker",
    "asserted_now",
    "Gazetteer",
    "Lowered",
    "Mention",
    "Number",
    "Scope",
    "Sentence",
    "clause_of",
    "clauses",
    "denied",
    "find_numbers",
    "hedged",
    "is_background",
    "is_question",
    "load_data",
    "load_scope",
    "load_table",
    "load_user_table",
    "lowered",
    "mentioned_dates",
    "weekday_dates",
    "negated",
    "not_asserted",
    "parse_number",
    "split_sentences",
    "window_before",
    "words_to_int",
]
