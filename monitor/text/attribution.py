"""Who speaks: the officials who speak for a party, and the speaker of a sentence.

Every detector that reports claims asks the same question of a sentence: whose
words are these? It is answered here once, for the built-in claim detector and
any plugin alike:

- ``Official``: the editable list of people who speak for a party (name, title,
  party), shipped as data and extended in monitor.toml;
- ``Speakers``: reads an article's sentences in order and gives each one's
  speaker: "X said", "…, says X", "according to X", an official by name or
  title, an apposition ("Haqmal, head of information in Spin Boldak, said"), a
  pronoun or "the former", an office that names no party ("the army said",
  resolved from context), the opener of a quotation; never a party named as the
  object of the words ("accused Islamabad", "called Kabul's charges false");
- ``REPORTING``, ``ACCORDING``: the verbs and phrases that attribute.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from monitor.errors import config_error
from monitor.text.cues import SAYING_THAT
from monitor.text.gazetteer import Gazetteer, Mention, load_data
from monitor.text.lowered import lowered
from monitor.text.sentences import clause_of


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


def load_titles(package: str, filename: str) -> dict[str, list[str]]:
    """Offices that speak for a party by themselves (``[titles]``: party = [titles])."""
    return {party: list(titles) for party, titles in load_data(package, filename).get("titles", {}).items()}


def as_aliases(officials: list[Official]) -> dict[str, list[str]]:
    """``party = [names]``, to extend a Gazetteer of parties with the people
    who speak for them."""
    table: dict[str, list[str]] = {}
    for official in officials:
        names = [official.name, *official.also]
        # News calls them by surname after the first mention ("Zaidi said"): a
        # distinctive surname is their mention too; a common one ("Khan") is not.
        surname = official.name.split()[-1]
        if len(official.name.split()) > 1 and len(surname) >= 5 and surname.lower() not in COMMON_SURNAMES:
            names.append(surname)
        table.setdefault(official.party, []).extend(dict.fromkeys(names))
    return table


COMMON_SURNAMES = {"ahmad", "ahmed", "hussain", "hussein", "sharif", "afridi", "zaman", "mohammad", "muhammad", "khalid", "rahman", "kabir", "hanafi"}


# A speaker that names no party: an office or a source of one of the parties
# ("the army", "the information ministry", "security sources", "the
# spokesman"), or a pronoun. A reader resolves it from context.
UNNAMED_SPEAKER = re.compile(
    r"\b(?:army|military|ministry|minister|spokes(?:man|woman|person)|government|officials?|authorities|mission|agency|"
    r"(?:security )?sources|statement|office|department|directorate|police|administration|forces|he|she|they|it)\s*$",
    re.I,
)


def speaks_for_no_party(clause: str) -> bool:
    """Is the one who speaks in ``clause`` someone who speaks for no party ("…,
    while a hospital in Chaman reported …", "residents said")?"""
    for verb in REPORTING.finditer(clause):
        phrase = clause[max(0, verb.start() - 110):verb.start()]
        phrase = phrase[phrase.rfind(",") + 1:]
        if NON_PARTY_SPEAKER.search(phrase.strip(" ,")) or NON_PARTY_HEAD.match(re.sub(r"^\W*(?:while|whereas|and|but|as)\s+", "", phrase)):
            return True
    return False


def unnamed_speaker(phrase: str) -> bool:
    """Does the phrase before a reporting verb end in a speaker that names no
    party ("…, the army said")?"""
    return bool(UNNAMED_SPEAKER.search(phrase.strip(" ,")))


# -- Whose words: reporting verbs and the speaker of a sentence ---------------

REPORTING = lowered(re.compile(
    r"\b(?:said|says|say|saying|claim(?:ed|s|ing)?|stated|states|announc(?:ed|es)|confirm(?:ed|s)|told|tells|added|"
    # "in response to what it calls unprovoked firing": the name it gives is its charge
    r"(?:(?<=what it )|(?<=what they )|(?<=what he )|(?<=what she ))(?:call(?:s|ed)|term(?:s|ed)|describ(?:es|ed) as)|"
    r"alleg(?:ed|es|ing)|accus(?:ed|es|ing)|blam(?:ed|es|ing)|charg(?:ed|es|ing)|insisted|maintained|acknowledged|"
    r"(?:held|holds|hold|holding)(?= (?:[\w'’-]+ ){1,4}?(?:responsible|accountable|culpable)\b)|"  # "held Kabul responsible for …"
    r"admitted|conced(?:ed|es|ing)|report(?:ed|s)|counted|(?<=it )counts|(?<=they )count|(?:(?<=that )|(?<=which ))documents|documented|recorded|" + SAYING_THAT + r"|tweeted|posted|wrote|writing|writes|condemn(?:ed|s)|denounc(?:ed|es)|deplor(?:ed|es)|decri(?:ed|es)|lament(?:ed|s)|described|"
    # "the UN's first estimate is that …": a count given as the speaker's own
    r"(?:estimate|count|tally|assessment|figures?) (?:is|was|are|were) that|"
    r"put(?:s|ting)? (?:the |its |their |his |her )?(?:[\w-]+ ){0,2}?(?:toll|number|figure|count|losses|casualties|deaths)(?: (?:of|from|in) [^.;,]{1,60}?)? (?:at|in the)|"
    r"put(?:s|ting)? (?:the )?(?:death )?toll at|"
    # "gave an interim tally of 464 Taliban fighters dead"
    r"(?:gave|gives|giving) (?:an? |the |its |their )?(?:[\w-]+ )?(?:tally|toll|count|figure) of)\b",
    re.I,
))
CONTACT_RELATIVE = re.compile(r"\b(?!(?:that|which|what|who|and|but|as|while|because|when|where|so|if|though|although|after|before|since|until|said|says|had|has|have|was|were|is|are)\b)[a-z]\w+s (?:it|they) $")
WHAT_IT_CALLS = re.compile(r"\bwhat (?:it|they|he|she) $", re.I)
# ("followed a claim by Afghanistan's Defence Ministry that it had struck …": the claim's author)
ACCORDING = lowered(re.compile(r"\baccording to\b|\bby (?:his|her|their|its) (?:[\w-]+ )?(?:count|tally|reckoning)\b|"
                               # "By the UN's count, …": the possessor, named after "by", is cited
                               r"\bby (?=(?:the )?[\w.-]+(?: [\w.-]+){0,3}?(?:'s|’s) (?:[\w-]+ )?(?:count|tally|reckoning|estimate)\b)|"
                               r"\b(?:a|the) (?:claim|statement|announcement) (?:by|from)\b", re.I))
ASIDE = re.compile(
    r"(?:meanwhile|however|also|too|again|in turn|in response|for (?:its|their|his|her) part|in a statement|separately|"
    r"on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))",
    re.I,
)
NON_PARTY_SPEAKER = lowered(re.compile(
    r"\b(?:residents?|witnesses|traders|villagers|locals|people|doctors|journalists|reporters|analysts|experts|"
    r"students|families|drivers|transporters|shopkeepers|relatives|elders|activists|observers|(?<!state )(?<!state-run )media|"
    # "Reports say 22 locations were targeted": nobody's account
    r"(?<!state )(?<!official )reports)\s*$",
    re.I,
))
# A mention by a person's name ("Mujahid", "Khawaja Asif"), not a country, a people or an office.
BY_NAME = re.compile(r"(?!(?:Afghan|Afghanistan|Pakistan|Pakistani|Kabul|Islamabad|Taliban|TTP|UN|UNAMA|United Nations)\b)[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*")
OBJECT_OF_A_CHARGE = re.compile(r"\b(?:blam\w*|accus\w*|urg\w*|asked|warned|told|called on|condemn\w*)\s+(?:the\s+)?$", re.I)
CONTENT_AFTER = re.compile(r"(?:'s|’s)?\s+(?:\w+\s+)?(?:had|has|have|was|were|is|are|would|will|could|did)\b", re.I)
# "KABUL: …", "KABUL — …", "KABUL - …": where the report was filed
DATELINE_START = re.compile(r"\s*[A-Z][A-Z .'’/-]{2,40}?(?:\([^)]{1,30}\))?\s*(?:[:—–]|(?<=\s)-)\s")
CITING = re.compile(r"\b(?:citing|quoting)\s+(?:the\s+)?", re.I)
NON_PARTY_HEAD = re.compile(
    r"\s*(?:(?:while|whereas|and|but|as)\s+)?(?:the\s+|a\s+|two\s+|several\s+|local\s+|some\s+)?(?:hospitals?|clinics?|medics|doctors|rescuers|rescue (?:workers|teams)|residents|witnesses|"
    r"villagers|traders|journalists|reporters|analysts|relatives|elders|activists|observers)\b(?!\s+(?:minister|ministry|department|spokes\w+))",
    re.I,
)
RESPONSIBILITY = re.compile(r"\s+(?:responsibility\s+for\s+|credit\s+for\s+)?(?:the|an?|this|that|both|its|their|[\w-]+(?:'s|’s))\s+(?:[\w'’-]+\s+){0,3}?(?:attacks?|bombings?|blasts?|assaults?|raids?|ambush(?:es)?|killings?)\b|"
                            # "TTP factions and Daesh had also claimed it.": the attack just named, claimed
                            r"\s+(?:it|them|responsibility)\s*(?=[.,;]|$)", re.I)
# A verb of saying with no subject of its own, in a list of the sentence's verbs: "…, said the delegation …".
LISTED_VERB = re.compile(r",\s+(?:and\s+)?$")
# A sentence headed by one person's name alone, then their verb: "Asif complimented …".
PERSON_HEADS = re.compile(r"(?-i:[A-Z][a-z'’-]+)\s+(?:\w+ly\s+)?\w+ed\b")
PRONOUN = re.compile(r"\b(?:it|they|he|she)\s+(?:\w+\s+){0,2}$", re.I)
# ("according to local sources and eyewitnesses": sources named beside witnesses are locals, no office)
NOBODYS_ACCOUNT = re.compile(r"\s+(?:the\s+)?(?:various |several |some |many |unconfirmed |media |local |news |press )?(?:sources (?:and|or) )?(?:reports|media|witnesses|residents|eyewitnesses|doctors|hospital \w+)\b", re.I)
SUBORDINATOR = re.compile(r"\b(?:after|when|while|because|since|before|although|though|until|once)\s+", re.I)
LOCAL_OFFICE = re.compile(r"\b(?:provincial|district|local|police|policemen)\b[\w\s'’-]{0,25}$", re.I)
AFTER_QUOTATION = re.compile(r"[,.!?…]\s*['’\"”]\s+(?:it|they|he|she)\s+(?:\w+\s+){0,2}$", re.I)
PLURAL_OFFICE_SPOKE = re.compile(r"\b(?:sources|officials|authorities|officers|spokesmen)\s+(?:\w+\s+)?(?:said|say|says|told|added)\b", re.I)
AUXILIARY_ONLY = re.compile(r"(?:has|have|had|also|earlier|already|now)(?:\s+(?:has|have|had|also|earlier|already|now))*", re.I)
BARE_NAME = re.compile(r"(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’.-]*")
FORMER_LATTER = re.compile(r"\bthe (former|latter)\s*$", re.I)
# "By his count", "by their tally": the words of the one who spoke before.
BY_THEIR_COUNT = re.compile(r"\b(?:by|in|according to) (?:his|her|their|its) (?:[\w-]+ )?(?:count|tally|account|estimate|figures|reckoning)\b", re.I)


VERB_BEFORE = re.compile(
    r"\b(?:called|calling|described|describing|accus\w+|blam\w+|said|says|told|urged|asked|gave|took|made|sent|met|held|\w+ed|to \w+)\b", re.I
)
VERB_START = re.compile(
    r"^(?:and\s+)?(?:called|calling|described|accus\w+|blam\w+|urged|warned|gave|took|made|sent|met|held|vowed|told|said|\w+ed)\b", re.I
)
# (and the civilians of a side named: "killed four Afghan civilians, officials said" are counted by their own side)
OWN_FORCES_AFTER = re.compile(r"^\s*(?:security\s+|border\s+)?(?:soldiers|troops|personnel|servicemen|policemen|officers|guards|civilians|villagers|residents|(?:an?\s+)?(?:captain|major|colonel|lieutenant|officer|soldier|sepoy)s?)\b", re.I)
PARTICIPLE_ASIDE = re.compile(r"\s*(?:attributing|blaming|citing|calling|describing|referring|pointing|speaking|responding|reacting|adding|noting|quoting)\b", re.I)
PASSIVE_AGENT = re.compile(r"\bby\s+$", re.I)
PASSIVE_BEFORE = re.compile(r"\b(?:been|being|be|is|was|were|are)\s+$", re.I)
# "dozens of Afghan Taliban reported dead": what was reported of them, not their words
REPORTED_STATE = re.compile(r"\s+(?:to (?:be|have been)\s+)?(?:dead|killed|missing|wounded|injured|hurt|martyred|captured|detained|arrested)\b", re.I)
PREPOSED = re.compile(r"^(?:[A-Z/ ]+:\s*)?(?:With|As|While|Amid|After|Despite|Following)\b", re.I)
# A party followed by its own verb acts: "Pakistan struck", "Afghan forces attacked".
AGENT_AFTER = re.compile(r"^(?:'s|’s)?\s*(?:(?:forces|troops|army|military|jets|drones|government|officials)\s+)?(?:\w+ly\s+)?(?:\w+ed|struck|hit|shot|fought|took|seized|overran|launched|says|said)\b|"
                         # a headline's present: "Pakistani forces kill 23 militants in Kurram, army says"
                         r"^(?:\s*(?:security\s+)?(?:forces|troops|army|military))?\s+(?:kill|destroy|capture|seize|repulse|foil|target|pound)s?\b", re.I)


NOUN_DETERMINERS = re.compile(r"(?:'s|’s|\b(?:the|a|an|its|their|his|her|these|those|such|competing|false|incendiary|rival|territorial|various|several|some|many|media|unconfirmed|conflicting|local|news|press))\s+$", re.I)
ADJECTIVE_BEFORE = re.compile(
    r"\b(?:on|the|an?|of|for|at|against|over|its|their|his|her|\d+|hit|struck|targeted|bombed|raided|attacked|killed|arrested|destroyed|into)\s+$", re.I
)


def noun_use(s: str, verb: re.Match) -> bool:
    """"India's claim to Kashmir", "incendiary claims", "various reports": a noun,
    not a speaker's verb; "strikes on alleged hideouts": an adjective."""
    word = verb.group().lower()
    before = s[max(0, verb.start() - 30):verb.start()]
    if word == "alleged":
        return bool(ADJECTIVE_BEFORE.search(before))
    return word in ("claim", "claims", "report", "reports", "charges") and bool(NOUN_DETERMINERS.search(before))


def nearest_before(mentions: list[Mention], position: int, lo: int) -> Mention | None:
    before = [m for m in mentions if lo <= m.start and m.end <= position]
    return before[-1] if before else None


def _steps_over(s: str, phrase_start: int, verb_at: int, mentions: list[Mention]) -> bool:
    """Is the phrase between a comma and the verb of saying one to step back
    over to find who speaks: nothing, an aside ("X, meanwhile, accuses"), an
    auxiliary alone ("The UN mission in Afghanistan, UNAMA, has recorded"), a
    participle's aside ("Mujahid, attributing the raids to Pakistani officials,
    accused"), or a bare name in apposition with no party of its own
    ("Pakistan's special representative, Mohammad Sadiq, wrote")?"""
    phrase = s[phrase_start:verb_at].strip(" ,")
    return (not phrase or bool(ASIDE.fullmatch(phrase)) or bool(AUXILIARY_ONLY.fullmatch(phrase))
            or bool(PARTICIPLE_ASIDE.match(s, phrase_start))
            or (bool(BARE_NAME.fullmatch(phrase)) and not nearest_before(mentions, verb_at, phrase_start)))


class Speakers:
    """Reads an article's sentences in order and says whose words each is: the
    party of the speaker (``claimant``), remembering who spoke last, the parties
    named last ("it", "the former"), and who opened a quotation.

    ``parties`` names the parties, their officials and offices (a Gazetteer whose
    canonical names are the parties); ``opposite`` maps a party to the other side
    ("the army said 274 Afghan Taliban were killed" is the other side's army).
    Call ``claimant`` for each sentence, then ``remember`` with the answer.
    """

    def __init__(self, parties: Gazetteer, opposite: dict[str, str]):
        self.parties = parties
        self.opposite = opposite
        self.previous_parties: list[str] = []
        # The side whose territory the article is datelined from ("JALALABAD: …"):
        # the local offices it quotes unnamed ("provincial police said") are that side's.
        self.local_side: str | None = None
        self.quote_speaker: str | None = None
        self.last_speaker: str | None = None
        self.nobody_spoke_last = False  # the last words told were someone's who speaks for no party
        self.plural_spoke_last = False  # "…, the sources said": "they" next is them

    def claimant_of(self, text: str) -> tuple[str | None, tuple[int, int]]:
        """The speaker of a clause, read as the claimant of a sentence is."""
        return self._claimant(text, in_quote=False)

    def claimant(self, sentence) -> tuple[str | None, tuple[int, int]]:
        """Who the sentence attributes its content to, and the span naming them."""
        return self._claimant(sentence.text, sentence.in_quote)

    def _claimant(self, s: str, in_quote: bool) -> tuple[str | None, tuple[int, int]]:
        mentions = self.parties.find(s)
        dateline = DATELINE_START.match(s) if mentions else None
        if dateline:  # "KABUL - The UN mission says …": the place it was filed from does not speak
            mentions = [m for m in mentions if m.start >= dateline.end()]
        count = BY_THEIR_COUNT.search(s)
        if count:
            # "According to the United Nations, …, and by its count …": the one the sentence cites
            cited = next((p for m in ACCORDING.finditer(s, 0, count.start()) for p in mentions
                          if m.end() <= p.start <= m.end() + 40 and "," not in s[m.end():p.start]), None)
            if cited is not None:
                return cited.name, (cited.start, cited.end)
        if count and (self.last_speaker or self.previous_parties):
            # "by his count, 352 were killed": who spoke before, else the party named before ("UNAMA called …. By its count, …")
            return self.last_speaker or self.previous_parties[0], (0, 0)
        citing = CITING.search(s)
        if citing:
            cited = [p for p in mentions if citing.end() <= p.start <= citing.end() + 12]
            if cited:
                return cited[0].name, (cited[0].start, cited[0].end)  # "Citing UNAMA, Reuters reports that …": UNAMA's count
        for m in ACCORDING.finditer(s):
            after = [p for p in mentions if m.end() <= p.start <= m.end() + 40 and "," not in s[m.end():p.start]]
            if after:
                return after[0].name, (after[0].start, after[0].end)
            if NOBODYS_ACCOUNT.match(s, m.end()):
                continue  # "according to various reports", "according to witnesses": no party's words
            # ("according to security officials quoted by state media": the officials)
            source = re.match(r"\s*(?:the\s+)?([\w\s-]{1,40}?)(?=[,.;]|\s+(?:on|in|at|quoted|cited|speaking|who|from)\b)", s[m.end():])
            side = self.side_of_places(s) if source and LOCAL_OFFICE.search(source.group(1)) and not self.local_side else None
            if side is not None:
                # "… in Peshawar, in which three officers were killed, according to police": the police of the place named
                return side, (m.start(), m.start())
            if source and unnamed_speaker(source.group(1)) and (self.last_speaker or self.local_side):
                # "according to the sources": those who spoke before; else, as for "officials
                # said", the side it was filed from ("ISLAMABAD: …, according to the authorities")
                return self.last_speaker or self.local_side, (m.start(), m.start())
        unnamed = None
        for verb in REPORTING.finditer(s):
            if noun_use(s, verb) or PASSIVE_BEFORE.search(s[max(0, verb.start() - 12):verb.start()]):
                continue  # "casualties had been reported": nobody named speaks
            if RESPONSIBILITY.match(s, verb.end()) and verb.group().lower().startswith("claim"):
                continue  # "a faction claimed the attack, in which a dozen were killed": responsibility, not its words
            if verb.group().lower() in ("reported", "confirmed") and REPORTED_STATE.match(s, verb.end()):
                continue  # "dozens of Afghan Taliban reported dead": a state reported of them, by nobody named
            lo = max(clause_of(s, verb.start())[0], verb.start() - 110)
            window = s[lo:verb.start()]
            if unnamed is not None and WHAT_IT_CALLS.search(window):
                continue  # "the army said …, its answer to what it called aggression": the army's name for it
            # "… of which it claimed": the pronoun speaks, not the party named nearest.
            pronoun = PRONOUN.search(window[-20:])
            if pronoun:
                # "'… after Pakistani forces bombed a house,' he posted": names inside the quotation are not who speaks
                earlier = [] if AFTER_QUOTATION.search(window[-24:]) else [
                    p for p in mentions if p.end <= verb.start() and not OBJECT_OF_A_CHARGE.search(s, max(0, p.start - 25), p.start)]
                person = pronoun.group().lower().startswith(("he ", "she "))
                if person and self.last_speaker and not any(p.start <= verb.start() - 30 and BY_NAME.fullmatch(p.alias) for p in earlier):
                    # "he said": a person, the one who spoke last; not a country his words name
                    # ("36 Afghan operatives were killed, he said"), unless a person is named before him
                    return self.last_speaker, (verb.start(), verb.start())
                if not earlier and self.plural_spoke_last and pronoun.group().lower().startswith("they"):
                    # "…, the sources said. They put the number of positions destroyed at 252": the sources
                    return self.last_speaker, (verb.start(), verb.start())
                if earlier:
                    # "Islamabad's leverage over the militants it says shelter …": in a relative
                    # clause without "that", the pronoun is the party named nearest before it
                    nearest = earlier[-1] if CONTACT_RELATIVE.search(window[-24:]) else earlier[0]
                    return nearest.name, (nearest.start, nearest.end)
                if not person and not earlier and self.last_speaker in self.previous_parties:
                    # "the ISPR said …. Four were killed in Bannu, it said": the office that spoke
                    # last, named there (not a side guessed from the dateline)
                    return self.last_speaker, (verb.start(), verb.start())
                if self.previous_parties and not (person and self.nobody_spoke_last):
                    # (after "…, said Gul Khan, a shopkeeper", "he said" is the shopkeeper, no party named before)
                    return self.previous_parties[0], (verb.start(), verb.start())
            if LISTED_VERB.search(s, max(0, verb.start() - 8), verb.start()) and self.last_speaker and not self.nobody_spoke_last:
                # "Asif complimented the team but accused Kabul of …, said the delegation lacked
                # authority": a verb in a list shares the sentence's subject, a person called by
                # name alone, as "he", the one who spoke last
                head = PERSON_HEADS.match(s)
                if head and not any(p.start < head.end() for p in mentions):
                    return self.last_speaker, (verb.start(), verb.start())
            inverted = self.inverted_speaker(s, mentions, verb)
            if inverted is not None:
                return inverted.name, (inverted.start, inverted.end)
            former = FORMER_LATTER.search(window)
            if former and self.previous_parties:
                index = 0 if former.group(1).lower() == "former" else min(1, len(self.previous_parties) - 1)
                return self.previous_parties[index], (verb.start(), verb.start())
            party = self.speaker(s, mentions, verb.start(), lo)
            if party is not None:
                if self.local_side and LOCAL_OFFICE.fullmatch(party.alias):
                    return self.local_side, (party.start, party.end)  # "provincial police", datelined Jalalabad
                return party.name, (party.start, party.end)
            if unnamed is None and unnamed_speaker(s[lo:verb.start()]) and not NON_PARTY_SPEAKER.search(s[lo:verb.start()].strip(" ,")):
                unnamed = verb  # resolved only if no verb in the sentence names its speaker
        if unnamed is not None:
            party = self.resolve_unnamed(mentions, unnamed)
            if party is not None:
                return party, (unnamed.start(), unnamed.start())
        if in_quote and self.quote_speaker:
            return self.quote_speaker, (0, 0)
        return None, (0, 0)

    @staticmethod
    def inverted_speaker(s: str, mentions: list[Mention], verb: re.Match) -> Mention | None:
        """"…, says Tarar", "…, says DG ISPR", "…, said the Foreign Office": the
        speaker comes after the verb, which follows a comma."""
        if verb.group().lower() not in ("says", "said", "say", "added", "adds", "claims", "claimed", "stated", "tweeted", "wrote"):
            return None  # "The Taliban, meanwhile, accuses Pakistan …": Pakistan is accused, not speaking
        if not s[:verb.start()].rstrip().endswith(",") and verb.start() > 0:
            return None
        after = [p for p in mentions if verb.end() <= p.start <= verb.end() + 40]
        if not after:
            return None
        if CONTENT_AFTER.match(s, after[0].end):
            return None  # "…, said Pakistan had started the attack": the party begins what was said
        between = s[verb.end():after[0].start]
        if len(re.sub(r"^[\w.'’ -]{0,40}?(?=,|$)|^\s*(?:on \w+|in a statement|late \w+)", "", s[after[0].end:]).strip(" .,;")) > 30:
            return None  # "…, said Afghan forces had opened fire": what follows is the content, not a speaker's title
        # Only a title may stand between: "says Information Minister Tarar".
        return after[0] if re.fullmatch(r"\s*(?:the\s+)?(?:(?:[A-Z][\w.'’-]*|of|for)\s+){0,4}", between) else None

    def side_of_places(self, s: str) -> str | None:
        """The side whose places the sentence names, when they are all one
        side's: the police or local officials it quotes unnamed are that
        side's. Speakers knows no places; a reader that does says (the claim
        detector's, from places.toml)."""
        return None

    def resolve_unnamed(self, mentions: list[Mention], verb: re.Match) -> str | None:
        """"…, the army said": the office of the party named before it in the
        sentence, else of the party that spoke last, else of the side opposite
        the party it speaks about ("the army said 274 Afghan Taliban …")."""
        s = verb.string
        local = self.local_side or self.side_of_places(s)
        if local and LOCAL_OFFICE.search(s[max(0, verb.start() - 40):verb.start()]) and not re.search(r"\bsources\s*,?\s*$", s[max(0, verb.start() - 20):verb.start()]):
            return local  # "…, provincial police said", datelined Jalalabad or told of a place there: Kabul's police
        before = [m for m in mentions if m.end <= verb.start()]
        # "…, sources say": the words come before the speaker; "the army said it …": after.
        # ("…, the minister says as clashes enter a fourth day": a clause of time after it adds no words of his)
        rest = re.sub(r"\s*,?\s*\b(?:as|while|amid|after|when)\b.*$", "", s[verb.end():])
        trailing = len(re.sub(r"^\s*(?:on|late|early|in|this)?\s*(?:\w+day|a statement|\w+ night)?", "", rest).strip(" .,;")) < 25
        if before and not trailing:
            return (self.last_speaker or before[0].name) if PREPOSED.match(s) else before[0].name  # "Pakistan's information ministry said …"
        if before and AGENT_AFTER.match(s[before[0].end:]) and not PASSIVE_AGENT.search(s, max(0, before[0].start - 4), before[0].start):
            # "Pakistan struck seven camps …, the ministry said": the one who acts speaks
            # (not "shells fired by Afghan forces hit homes, officials said": the agent of a passive acts, the others tell it)
            return before[0].name
        if self.last_speaker:
            return self.last_speaker
        if self.local_side:
            return self.local_side  # "ISLAMABAD: …, senior government officials said": the side it was filed from
        # The party the words are about is not their speaker ("Three Afghan
        # posts destroyed, sources say"): the army that counts the other
        # side's losses is the other side's.
        about = before or [m for m in mentions if m.start >= verb.end()]
        if not about:
            return None
        if OWN_FORCES_AFTER.match(s[about[0].end:]):
            return about[0].name  # "the military said five Pakistani soldiers were killed": its own
        return self.opposite.get(about[0].name)

    @staticmethod
    def speaker(s: str, mentions: list[Mention], verb_at: int, lo: int) -> Mention | None:
        """The party in the phrase right before the reporting verb: "Pakistan's
        military said", "Pakistan's Defence Minister, Khawaja Asif, said" (an
        apposition), but not "… hit Kabul on Tuesday, traders said"."""
        commas = [lo] + [lo + m.end() for m in re.finditer(r",", s[lo:verb_at])]
        phrase_start = commas.pop()
        stepped_back = False
        # Step back over an apposition or an aside: "…, NAME, said", "X, meanwhile, accuses" (_steps_over).
        while commas and _steps_over(s, phrase_start, verb_at, mentions):
            phrase_start = commas.pop()
            stepped_back = True
            if nearest_before(mentions, verb_at, phrase_start) and not PARTICIPLE_ASIDE.match(s, phrase_start):
                break
        # "Ties worsened this week after Afghanistan said …": a clause of its own begins at the
        # conjunction, and a party that heads it speaks
        subordinate = None
        for subordinate in SUBORDINATOR.finditer(s, phrase_start, verb_at):
            pass
        if subordinate is not None:
            heads = [m for m in mentions if subordinate.end() <= m.start and m.end <= verb_at and not VERB_BEFORE.search(s[subordinate.end():m.start])]
            if heads and not NON_PARTY_SPEAKER.search(s[subordinate.end():verb_at]) and not NON_PARTY_HEAD.match(s, subordinate.end()):
                return heads[0]
        phrase = s[phrase_start:verb_at]
        if NON_PARTY_SPEAKER.search(phrase) or NON_PARTY_HEAD.match(phrase):
            return None  # ("Hospitals in the Pakistani border town of Chaman reported …": the head speaks, not the place)
        # The head of the phrase comes first: "the United Nations mission in Afghanistan said";
        # a party after a verb in the phrase is its object ("called Islamabad's charges false and said").
        inside = [m for m in mentions if phrase_start <= m.start and m.end <= verb_at and not VERB_BEFORE.search(s[phrase_start:m.start])]
        if len(inside) > 1 and inside[0].name != inside[1].name and re.fullmatch(r"\s+and\s+(?:the\s+)?", s[inside[0].end:inside[1].start]):
            return None  # "Islamabad and Kabul each accused the other": both speak, neither alone
        if inside:
            return inside[0]
        head = s[phrase_start:verb_at].strip(" ,")
        named = [m for m in mentions if phrase_start - 3 <= m.end <= phrase_start]
        if phrase_start > lo and named and stepped_back:
            # an apposition, closed by its comma: "Haqmal, head of information in Spin Boldak, said";
            # not "… its border with Afghanistan, officials said", where the officials are unnamed
            return named[-1]
        if VERB_START.match(head):
            subject = [m for m in mentions if m.end <= phrase_start and not VERB_BEFORE.search(s[:m.start])]
            return subject[0] if subject else None  # "Muttaqi … called X false and said …"
        return None

    def remember(self, sentence, speaker: str | None, attributed: bool = False) -> None:
        """After each sentence, in order: ``speaker`` is its party; ``attributed``
        says it had a verb of saying, so that with no party found someone who
        speaks for none (a resident, a doctor) spoke last, and "he said" next is them."""
        if speaker is not None or attributed:
            self.last_speaker = speaker
            self.nobody_spoke_last = speaker is None
            self.plural_spoke_last = speaker is not None and bool(PLURAL_OFFICE_SPOKE.search(sentence.text))
        # (a dateline, "KABUL: …", names where the report was filed, not whom "it" means next)
        dateline = DATELINE_START.match(sentence.text)
        names = list(dict.fromkeys(m.name for m in self.parties.find(sentence.text) if not (dateline and m.start < dateline.end())))
        if names:
            self.previous_parties = names
        opens_quote = "“" in sentence.text or sentence.text.count('"') % 2 == 1
        if opens_quote and not sentence.in_quote:
            if speaker is None:
                quote_at = min(i for i in (sentence.text.find("“"), sentence.text.find('"')) if i >= 0)
                before = [m for m in self.parties.find(sentence.text) if m.end <= quote_at]
                speaker = before[0].name if before else None  # the subject, who speaks
            self.quote_speaker = speaker
