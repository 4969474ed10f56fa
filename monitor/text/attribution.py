"""Who speaks: the officials who speak for a party, and the speaker of a clause.

Every detector that reports claims asks the same question of a sentence: whose
words are these? ``Officials`` is the editable list of people who speak for a
party (name, title, party). ``unnamed_speaker`` finds the speakers that name no
party at all ("the army said", "the ministry added", "sources said"), whom a
reader resolves from the party already speaking or named in the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from monitor.errors import config_error
from monitor.text.gazetteer import load_data


@dataclass(frozen=True)
class Official:
    """A person who speaks for ``party``: what they say is the party's claim."""

    name: str
    title: str
    party: str
    also: tuple[str, ...] = ()


def parse_officials(entries: object, source: str) -> list[Official]:
    """Officials from a list of tables ``{name, title, party, also}``; a wrong
    entry is the one-line error naming ``source`` and the entry."""
    if not isinstance(entries, list):
        raise config_error(source, "officials", "must be a list of tables", 'write officials = [{ name = "…", title = "…", party = "Pakistan" }]')
    officials = []
    for i, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not isinstance(entry.get("party"), str):
            raise config_error(source, f"officials[{i}]", "needs a name and a party (text)", 'write { name = "…", title = "…", party = "Pakistan" }')
        also = entry.get("also", [])
        if not isinstance(also, list) or not all(isinstance(a, str) for a in also):
            raise config_error(source, f"officials[{i}].also", "must be a list of names", 'write also = ["…"]')
        officials.append(Official(entry["name"], str(entry.get("title", "")), entry["party"], tuple(also)))
    return officials


def load_officials(package: str, filename: str) -> list[Official]:
    """The officials shipped in a package's data file (``[[officials]]``)."""
    return parse_officials(load_data(package, filename).get("officials", []), filename)


def as_aliases(officials: list[Official]) -> dict[str, list[str]]:
    """``party = [names]``, to extend a Gazetteer of parties with the people
    who speak for them."""
    table: dict[str, list[str]] = {}
    for official in officials:
        table.setdefault(official.party, []).extend((official.name, *official.also))
    return table


# A speaker that names no party: an office or a source of one of the parties
# ("the army", "the information ministry", "security sources", "the
# spokesman"), or a pronoun. A reader resolves it from context.
UNNAMED_SPEAKER = re.compile(
    r"\b(?:army|military|ministry|minister|spokes(?:man|woman|person)|government|officials?|authorities|"
    r"(?:security )?sources|statement|office|department|directorate|police|administration|forces|he|she|they|it)\s*$",
    re.I,
)


def unnamed_speaker(phrase: str) -> bool:
    """Does the phrase before a reporting verb end in a speaker that names no
    party ("…, the army said")?"""
    return bool(UNNAMED_SPEAKER.search(phrase.strip(" ,")))
