"""claim: new assertions about the conflict attributed to an identifiable party.

ALERTS.md: "X said / claimed / according to X / X accused …". Unattributed
statements ("ten civilians were reportedly killed") are not claims. Each claim
has a claimant and target (canonical parties, or a place for strikes), a type
(``casualties``, ``territory``, ``strike``, ``accusation``) and a figure. The
core raises an alert when no known claim has the same claimant, type, target
and topic with a figure within 10 %.

How: find who speaks (a reporting verb and the party nearest before it, "according
to X", a pronoun resolved to the party named before it, or the speaker of
an open quotation), then what the sentence claims: numbers of people killed,
wounded or captured; posts captured or destroyed; strikes on named places;
one party charging another. Cues that are negated, hedged, denied, in a
question or in background are not claims.

Configuration: ``[plugins.claim] parties = { Pakistan = ["…"] }`` adds aliases;
``officials = [{ name = "…", title = "…", party = "Pakistan" }]`` adds people who
speak for a party (the shipped ones are in data/officials.toml).
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from functools import lru_cache

import monitor
from monitor.text import (
    ACCORDING,
    REPORTING,
    Speakers,
    Gazetteer,
    Mention,
    NO_PARTY,
    OWN_ACCOUNT_AFTER_DENIAL,
    as_aliases,
    asserted_now,
    clause_of,
    find_numbers,
    load_data,
    load_officials,
    load_titles,
    load_scope,
    load_table,
    lowered,
    nearest_before,
    not_asserted,
    noun_use,
    parse_officials,
    read,
)


DATA = "monitor.plugins.data"

DENIAL_VERB = lowered(re.compile(r"\b(?:denied|denies|rejected|rejects|dismissed|refuted|rubbished)\b", re.I))

CASUALTY_VERB = lowered(re.compile(
    r"\b(?:kill(?:ed|ing|s)?|dead|died|dies|deaths?|death toll|lives|martyr\w*|wound\w*|injur\w*|hurt|captured|bodies|"
    r"loss(?:es)?|lost|casualt\w*|neutrali[sz]ed|eliminated|slain|perished)\b",
    re.I,
))
OWN_LOSS = re.compile(r"\b(?:loss(?:es)?|lost|died|martyr\w*|conced\w*|embraced|own|our)\b", re.I)
PEOPLE = (
    r"soldiers?|troops?|personnel|servicemen|security (?:personnel|forces|officials)|officers?|policemen|police(?:men)?|"
    r"(?:border )?guards?|forces|fighters?|militants?|terrorists?|insurgents?|khawarij|attackers?|infiltrators?|"
    r"civilians?|children|child|women|woman|men|man|people|persons?|residents?|villagers?|family members|members?|"
    r"students?|worshipp?ers?|labou?rers?|workers?|pilgrims?|traders?|refugees?|passengers?|teachers?|boys?|girls?|infants?|"
    r"Taliban|commanders?|cadres?|martyrs?|operatives?|affiliates|non-?combatants?|combatants?|citizens?|nationals|inhabitants|others|"
    r"Afghans|Pakistanis"  # "five Afghans were killed": the people of a side
)
NOUN_AFTER = re.compile(
    rf"^\s+(?P<mods>(?:(?:of|the|its|our|their|own|more|other|and|affiliated|armed|security|suspected|alleged|foreign|local|innocent|"
    rf"heavily|border|(?-i:[A-Z][\w'’-]*))\s+){{0,4}})(?P<noun>{PEOPLE})\b",  # a capitalised name, not any word
    re.I,
)
CIVILIAN = re.compile(
    r"^(?:civilians?|children|child|women|woman|men|man|people|persons?|residents?|villagers?|family members|students?|"
    r"worshipp?ers?|labou?rers?|workers?|pilgrims?|traders?|refugees?|passengers?|teachers?|boys?|girls?|infants?|non-?combatants?|citizens?|inhabitants)$",
    re.I,
)
MILITANT = re.compile(r"^(?:militants?|terrorists?|insurgents?|khawarij|attackers?|infiltrators?)$", re.I)
ADDED_ONE = re.compile(r"^,?\s+and\s+(?:a|an|one)\s+(?:woman|man|child|girl|boy|civilian|soldier|elderly \w+)\b", re.I)

TERRITORY_VERB = lowered(re.compile(
    r"\b(?:captur\w*|recaptur\w*|retak\w+|retook|regain\w*|overr[ua]n\w*|seiz\w*|destroy\w*|took (?:control|over)|taken (?:control|over)|"
    r"occupied|demolished|razed|overpowered|(?:took|taking|taken)(?= (?:[\w-]+ ){0,2}?(?:more|others|posts?|positions?|outposts?|checkpoints?|check posts)\b)|"
    # the posts taken, told in the passive: "40 outposts had been taken"
    r"(?:posts?|outposts?|positions|checkpoints?|check posts|pickets)\s+(?:had been|have been|has been|were|was)\s+taken(?!\s+(?:to|into|away|hostage|prisoner|captive)\b))\b",
    # ("destroying 73 of their posts and taking 18 more")
    re.I,
))
POSTS = re.compile(
    r"\b(?:(?:border |check[- ]?|security |military )?posts?(?! on (?:X|Twitter|Facebook|Instagram|Telegram|social media))|outposts?|positions?|pickets?|checkpoints?|(?:military )?bases)\b", re.I
)
# "171 tanks and armoured vehicles destroyed": what the figure counts is no post.
NOT_POSTS = re.compile(r"\b(?:tanks?|vehicles?|guns?|weapons?|drones?|aircraft|equipment|ammunition|depots?|locations?|homes?|houses?|buildings?)\b", re.I)
STRIKE = lowered(re.compile(
    r"\b(?:(?:flew|flown|sent|launched) (?:[\w-]+ ){0,3}?drones? (?:across|into|over)|struck|striking|strikes?|airstrikes?|air raids?|raids?|raided|bomb(?:ed|ing|ings|arded|ardment)|shell(?:ed|ing)|"
    r"target(?:ed|ing)|attack(?:ed|s|ing)?|assault(?:ed|s)? on|(?:missiles?|drones?|jets?|rockets?|shells?) (?:hit|landed)|"
    # "Pakistan had once again hit parts of Kabul": "hit" with a word that makes it a repeated blow
    r"(?:once again|again|also|repeatedly) hit|"
    # cross-border fire told by the side that fired or was fired on
    r"fir(?:ed|ing)['’\"”]? (?:\w+ ){0,2}?(?:on|at|into|upon|towards?|along)|shoot(?:ing)? (?:\w+ ){0,2}?(?:on|at|into)|open(?:ed|ing) (?:\w+ )?fire|pound(?:ed|ing)|hammer(?:ed|ing)|"
    r"(?:grenades?|shells?|rockets?|mortars?) (?:\w+ ){0,2}?(?:thrown|lobbed|fired) (?:into|on|at)|"
    # the same told actively: "threw a hand grenade into the Spin Boldak area"
    r"(?:threw|throwing|lobbed|lobbing|hurled|hurling) (?:[\w-]+ ){0,3}?(?:grenades?|shells?|rockets?|mortars?|bombs?|explosives?) (?:into|on|at|onto|towards?)|"
    r"(?:drones?|jets?|aircraft|warplanes|air force|artillery|shells?|rockets?|missiles?|mortars?) (?:\w+ ){0,2}?(?:hit|struck|landed (?:on|in))|(?:mortar|artillery) (?:shells?|rounds?|fire)|shells? (?:into|on)|"
    # "defence targets had been hit in Kabul, Paktia and Kandahar"
    r"(?:targets?|installations|positions|sites|camps|hideouts|facilities|depots) (?:had been |have been |has been |were |was )?(?:hit|struck|bombed|targeted|destroyed)|"
    # "according to the ministry, the targets were a military base near Islamabad and installations in Nowshera"
    r"\bthe targets (?:were|included|had been)|"
    # "civilian areas in the eastern provinces of Nangarhar and Paktika had been hit",
    # "defence targets of the regime in Kabul, Paktia and Kandahar had been hit"
    r"(?:areas|homes|houses|villages|targets|installations|positions|sites|camps|hideouts|facilities|depots)\b(?: [\w,'’-]+){1,10}? (?:had been|have been|has been|were|was) (?:hit|struck|bombed|targeted|shelled)|"
    # "three civilians in Chaman were wounded by gunfire from Afghan territory": the place hit, told by who was hit there
    r"(?:civilians|people|residents|villagers|soldiers|troops|personnel|homes|houses|villages|areas)\b(?: [\w,'’-]+){1,8}? (?:were|was|had been|have been) (?:\w+ly )?"
    r"(?:wounded|killed|injured|hurt|hit|damaged|struck) by (?:[\w-]+ ){0,2}?(?:gunfire|fire|firing|shelling|mortars?|rockets?|shells|drones?|strikes?) "
    r"from (?:across the (?:border|frontier|Durand Line)|the (?:Afghan|Pakistani) side|(?:Afghan|Pakistani) (?:territory|soil)|Afghanistan|Pakistan)|"
    # "Taliban positions in Kabul, Paktia and Kandahar were among the targets"
    r"(?:installations|positions|sites|camps|hideouts|facilities|depots|bases|headquarters)\b(?: [\w,'’-]+){1,8}? (?:were|was|had been|have been) (?:among the targets|targeted))\b",
    re.I,
))
# ("held Afghanistan responsible for the suicide attack": a charge, "held" alone is not)
ACCUSE = lowered(re.compile(r"\b(?:accus\w*|blam\w*|charg(?:ed|es|ing)\b|alleg\w*|"
                            r"(?:held|holds|hold|holding)(?= (?:[\w'’-]+ ){1,4}?(?:responsible|accountable|culpable)\b))", re.I))
ACCUSATION_CONTENT = lowered(re.compile(
    r"\b(?:harbou?r\w*|shelter\w*|safe havens?|sanctuar\w*|prox(?:y|ies)|sponsor\w*|puppet|"
    r"(?:backing|supporting|support(?:s)? for|support(?:s)? to|providing support|provides support|funding|arming)\b|"
    r"violat\w* (?:of )?(?:the |a )?(?:[\w-]+ ){0,2}?(?:cease-?fire|truce)|breach\w* (?:of )?(?:the )?(?:[\w-]+ ){0,2}?(?:cease-?fire|truce)|"
    r"(?:broke|broken|breaking) (?:the |a |their |its )?(?:cease-?fire|truce)|"
    # what the other side did, in the words of a charge
    r"illegal(?:ly)?|(?:political|economic) (?:pressure|leverage)|(?:unprovoked|blatant) (?:\w+ ){0,2}?(?:fire|firing|aggression|attacks?|shelling)|"
    # "had 'miscalculated' by starting cross-border firing": who started the fighting
    r"(?:start|initiat|provok)(?:ed|ing) (?:the |a )?(?:cross-border |border )?(?:firing|shooting|fighting|clashes|hostilities|attacks?|assault|aggression)|(?:fired|opened fire) first|"
    r"deliberately (?:targeted|attacked|killed|bombed|struck|hit)|war crimes?|crimes? against|massacre|"
    # "what he called the indiscriminate bombing of villages"
    r"indiscriminate (?:\w+ )?(?:bombing|bombardment|shelling|strikes|attacks|fire|firing|killing)|"
    # "Kabul says Pakistan targeted a hospital": aiming at civilians is the charge
    r"target(?:ed|ing) (?:\w+ ){0,2}?(?:civilians?|civilian (?:areas|homes|population)|hospitals?|clinics?|schools?|mosques?|madrassas?|residential)|"
    # "Pakistani aircraft were still patrolling Afghanistan's airspace"
    r"(?:violat\w*|intru\w*|patroll\w*|enter\w*|breach\w*|flying (?:over|in)|flew (?:over|into)) (?:the |its |our )?(?:[\w-]+(?:'s|’s)? ){0,2}?airspace|"
    r"violat\w* (?:the |its |our )?(?:[\w-]+(?:'s|’s)? )?(?:sovereignty|territorial integrity))",
    re.I,
))
# "violations by Pakistani military circles": the author follows "by".
CHARGE_BY = lowered(re.compile(
    r"\b(?:provocations?|violations?|aggression|attacks?|crimes?)\s+(?:\w+\s+){0,2}?by\s+(?:the\s+)?$|"
    # "the firing had been started by Afghan forces": who started the fighting
    r"\b(?:fir(?:e|ing)|shooting|fighting|clash(?:es)?|exchange|hostilities)\s+(?:[\w'’-]+\s+){0,4}?(?:(?:had|has|was|were)\s+)?(?:been\s+)?(?:started|initiated|begun|provoked|triggered)\s+(?:by|from)\s+(?:the\s+)?$",
    re.I,
))
# "the Taliban government's claims that Pakistan had deliberately targeted the clinic":
# a party's charge, reported even inside the other side's denial.
POSSESSED_CHARGE = re.compile(r"(?:'s|’s)\s+(?:\w+\s+)?(?:claims?|allegations?|accusations?|charges?)\s+(?:that|of|over|about|regarding)\b", re.I)
# "an allegation by a spokesperson for the Taliban's defence ministry that Pakistan had …": the same, its author after "by".
CHARGE_MADE_BY = re.compile(r"\b(?:claims?|allegations?|accusations?|charges?)\s+(?:made\s+|levell?ed\s+)?by\s+([^,;]{3,90}?)\s+(?:that|of)\b", re.I)
TOPICS = [
    # Most specific first: in an article, a party's charge is keyed by its first topic.
    ("ceasefire_violation", lowered(re.compile(
        r"\b(?:violat\w*|breach\w*|break\w*|broke|broken)\b[\w\s'’-]{0,30}(?:cease-?fire|truce)|(?:cease-?fire|truce) violations?|"
        # "accuses Kabul of failing to keep their ceasefire": the truce not kept is broken
        r"\b(?:fail\w*|refus\w*) to (?:keep|honou?r|respect|observe|abide by|uphold|implement|stick to) (?:the |their |its |a )?(?:[\w-]+ )?(?:cease-?fire|truce)|"
        r"(?:fired|firing|fires|shooting|shot) first|first shots?|start(?:ed|ing)? (?:the |a |it|this)?\s*(?:firing|shooting|fighting|clash\w*|exchange)?|"
        r"started from|open(?:ed|ing) (?:the )?(?:fire|exchange)|unprovoked|provocations?|aggression|"
        # "accused Islamabad of attacking its territory despite a ceasefire in force"
        r"\bdespite (?:the |a |their |its )?(?:[\w-]+ ){0,2}?(?:cease-?fire|truce)", re.I))),
    ("airspace", lowered(re.compile(r"\b(?:airspace|sovereignty|territorial integrity|violation of (?:\w+ )?territory)\b", re.I))),
    ("civilians", lowered(re.compile(
        r"\b(?:targeted|targeting|killing|killed|hit|hitting|bombed|bombing|struck|striking|shelled|shelling|going after|went after|attacking|attacked)\b[\w\s']{0,40}\b"
        r"(?:civilians?|innocent|women|children|homes?|houses?|villages?|residential|neighbourhoods?|neighborhoods?|clinic|hospital|rehab\w*|madrassa|school|mosque)", re.I))),
    ("attack", lowered(re.compile(
        r"\b(?:carried out|ordered|orchestrated|planned|directed|masterminded|behind|sent|launched)\b[\w\s'-]{0,40}?\b(?:by|from|in)\b|\b(?:work|handiwork) of\b|"
        r"\bhandlers?\b|\bmessage (?:from|sent from)|\b(?:bomber|attackers?|assailants?|gunmen)\b[^.;]{0,60}?\b(?:was|were) (?:an? |all )?Afghans?|"
        # "blames Kabul for the Bajaur attack", "the militants behind the Quetta bombing"
        r"\b(?:for|behind|over)\s+(?:the\s+|a\s+|last\s+\w+'s\s+)?(?:[\w'-]+\s+){0,3}?(?:attack|bombing|blast|assault|ambush|massacre)s?\b", re.I))),
    ("harbouring", lowered(re.compile(
        r"\b(?:harbou?r\w*|shelter\w*|safe havens?|sanctuar\w*|host\w*|back\w*|support\w*|sponsor\w*|fund\w*|arm(?:ing|s)|soil|territory|"
        # "accuses the Taliban of failing to act against the TTP": the same charge, told by what Kabul does not do
        r"fail\w* to (?:act|rein|stop|curb|take)|refus\w* to (?:act|rein|take)|no (?:concrete |substantive )?(?:action|measures) against|"
        # "exporting terrorism", "gathering militants from across the world"
        r"export\w* (?:of )?terror\w*|gather\w* (?:\w+ )?(?:militants|terrorists|fighters)|"
        # "accused Kabul of enabling terrorism inside Pakistan", "facilitating the militants"
        r"(?:enabl|facilitat|abett|tolerat)\w* (?:\w+ )?(?:terror\w*|militan\w*|insurgen\w*|TTP|khawarij|extremis\w*))\b", re.I))),
    ("proxy", lowered(re.compile(r"\b(?:prox(?:y|ies)|puppet|colony|Indian (?:agents?|backing|handlers?|hands?)|work(?:ing|s)? (?:with|for)|collu\w*|consort\w*|conspir\w*|plot\w*|behest|on behalf|India|New Delhi|Washington|United States)\b", re.I))),
    ("pressure", lowered(re.compile(r"\b(?:pressure|leverage|blackmail|illegal(?:ly)?|coerc\w*|weaponi[sz]\w*)\b", re.I))),
]
TOPIC_NAMES = {"ceasefire_violation": "breaking the ceasefire", "airspace": "violating its airspace and territory",
               "civilians": "killing civilians", "attack": "a named attack", "harbouring": "harbouring militants",
               "proxy": "acting as a proxy", "pressure": "coercion", "other": "another charge"}
# Both sides charging each other: "accused each other of breaching the truce".
RECIPROCAL = lowered(re.compile(
    r"\b(?:accus\w+|blam\w+|pointed fingers at|traded (?:accusations|blame)(?: with)?) each other|"
    r"\beach (?:(?:side|government|country|army|capital|party) )?(?:accus\w+|blam\w+) the other|\btraded (?:accusations|blame)|\btrade blame", re.I))
# A charge named by what the speaker calls the other's act: "condemned the raids as a violation".
CALLED_A_CHARGE = lowered(re.compile(
    r"\b(?:condemn\w*|denounc\w*|described|call\w*|term\w*|branded|labell?ed)\b[^.;]{0,80}?\bas\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,3}?"
    r"(?:violation|breach|aggression|attack on|assault on|crime|war crime|act of war|provocation|invasion)|"
    r"\bcall(?:ed|ing|s)? (?:the |it |this )?(?:\w+ )?(?:attack|bombing|blast|strike) (?:a )?message|"
    r"\b(?:condemn\w*|denounc\w*)\b[^.;]{0,50}?\b(?:violation|breach|aggression|crime|attack on|assault on|indiscriminate|massacre|atrocit(?:y|ies))|"
    # "…, calling them a criminal act"
    r"\bcall(?:ed|ing|s)? (?:them|it|this|these|the \w+) (?:an? )?(?:\w+ )?(?:crime|criminal act|war crime|act of aggression|aggression|violation|massacre|atrocity)|"
    # the other side's fire named unprovoked: "an attack Islamabad called unprovoked", "what it described as 'unprovoked firing'"
    r"\b(?:call(?:ed|s)|term(?:ed|s)|branded|labell?ed|describ(?:ed|es) as)\s+[\"'“‘]?(?:an?\s+)?[\"'“‘]?unprovoked\b", re.I))
# Blame for a named attack, with the other side as its author.
BLAME = re.compile(r"\bblam(?:e|es|ed|ing)\b", re.I)
ATTACK_AUTHOR = lowered(re.compile(
    r"\b(?:carried out|ordered|orchestrated|planned|directed|masterminded|sent|plotted|launched)\b[\w\s'-]{0,40}?\b(?:by|from|in)\b|\bhandlers? in\b|"
    # "militants operating from Afghan soil were behind Tuesday's bombing"
    r"\b(?:operating|based|trained|sheltering|hiding)\s+(?:from|in|inside|across|out of)\b|"
    # "the suicide attack had originated in Afghanistan", "the plot emanated from Afghan soil"
    r"\b(?:originat(?:ed|es|ing)|emanat(?:ed|es|ing))\s+(?:in|from|inside)\b|"
    # "clear links with Afghanistan", "the attack bears Afghan footprints", "Kabul's involvement"
    r"\b(?:links?|ties|connections?)\s+(?:with|to)\b|\b(?:footprints?|fingerprints|involvement)\b|"
    # "the defence minister linked the attack to Afghanistan"
    r"\b(?:linked|links|tied|ties|traced)\s+(?:the\s+|this\s+|it\s+)?(?:[\w-]+\s+){0,4}?(?:to|with)\b|"
    r"\b(?:the )?(?:work|handiwork|hand) of\b|"
    r"\bmessage (?:from|sent from)\b|\bserved in\b|"
    r"\b(?:bomber|attackers?|assailants?|gunmen|militants?|terrorists?)\b[^.;]{0,60}?\b(?:was|were)\s+(?:an?\s+|all\s+)?(?=Afghan)|"
    # "the terrorist involved in the attack travelled to and from Afghanistan", "had received training in Afghanistan"
    r"\b(?:travell?ed|crossed over|came|returned|trained|received training)\b[^.;,]{0,20}?\b(?:to and from|from|in|into)\b|"
    # "the bombers who attacked the Bannu cantonment had come from Afghanistan"
    r"\b(?:bombers?|attackers?|assailants?|gunmen)\b[^.;]{0,60}?\b(?:came|come|crossed over|infiltrated) from\b", re.I))
# A named attack is one attack: "the Bajaur attack", "the attackers", "the bomber";
# "the recent attacks were directed from Afghanistan" is the harbouring charge.
ATTACK_WORD = re.compile(
    # "attack" as a noun ("the Bajaur attack", "a suicide attack"), not the verb ("groups that attack Pakistan")
    r"\b(?:(?:the|a|an|this|last|deadly|suicide|terrorist|militant|[\w-]+'s)\s+(?:[\w-]+\s+){0,2}?attack|"
    r"attackers?|bomber|bombers|bombing|blast|assault|explosion|raid|ambush|"
    # "every militant who stormed the college": the attack told by its attackers' verb
    r"(?:militants?|gunmen|terrorists?|fighters?) who (?:stormed|attacked|raided|bombed))\b(?!s\b)",
    re.I,
)

_parties = load_table(DATA, "parties.toml", "parties")
_places = load_data(DATA, "places.toml")
OFFICIALS = load_officials(DATA, "officials.toml")
# An official's name, or an office that names its party ("the IGP"), is that party's mention.
PARTIES = Gazetteer(_parties).extended(as_aliases(OFFICIALS)).extended(load_titles(DATA, "officials.toml"))
# (a district listed under its province is found as the province)
_districts = {province: names for side in ("afghanistan", "pakistan") for province, names in _places[side].get("districts", {}).items()}
PLACES = Gazetteer({p: _districts.get(p, []) for p in _places["afghanistan"]["places"] + _places["pakistan"]["places"]})
SCOPE = load_scope("monitor.plugins.data", "scope.toml")
PREFILTER = lowered(re.compile(rf"{REPORTING.pattern}|{ACCORDING.pattern}|{RECIPROCAL.pattern}|\ballegations?\b|\baccusations?\b", re.I))
OTHER_SIDE = {"Pakistan": "Afghanistan", "Afghanistan": "Pakistan", "TTP": "Pakistan"}


@dataclass
class Claim:
    claimant: str
    claim_type: str
    target: str | None
    figure: int | None
    topic: str | None
    statement: str
    severity: str


def _parties(config: dict) -> Gazetteer:
    extra = config.get("parties")
    officials = config.get("officials")
    if not isinstance(extra, dict) and not officials:
        return PARTIES
    return _extended_parties(json.dumps([extra if isinstance(extra, dict) else None, officials], sort_keys=True))


@lru_cache(maxsize=8)  # one Gazetteer per configuration, not per article
def _extended_parties(settings: str) -> Gazetteer:
    extra, officials = json.loads(settings)
    parties = PARTIES.extended(extra)
    if officials:
        parties = parties.extended(as_aliases(parse_officials(officials, "[plugins.claim]")))
    return parties


@monitor.hookimpl
def startup(config):
    """A wrong ``officials`` entry disables the plugin with its one-line message."""
    if "officials" in config:
        parse_officials(config["officials"], "[plugins.claim]")


# "JALALABAD: …", "KANDAHAR (Pajhwok) - …": where the report was filed
DATELINE = re.compile(r"\s*([A-Z][A-Za-z'’ -]{2,30}?)(?:,\s*[A-Z][A-Za-z ]+)?\s*(?:\([^)]{1,30}\))?\s*[:—–-]\s")


# A claim about events of the past week is still news ("the attacks on October 24
# and 25, in which the military said five soldiers died", told on the 28th); a
# state dated three days back is history (monitor.text.cues).
CLAIM_NEWS_DAYS = 7
# A count given now: its speaker's words dated to the article's days ("said on Sunday",
# "a report released on Sunday"), whatever past the count is of.
_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today)"
REPORTED_NOW = re.compile(
    rf"\b(?:said|says|reported|reports|stated|announced)\s+(?:in\s+a\s+(?:new\s+)?report\s+)?(?:on|late on|early on)\s+{_DAYS}\b|"
    rf"\breport\s+(?:released|published|issued)\s+(?:on\s+)?{_DAYS}\b",
)


TITLES = frozenset(t.lower() for titles in load_titles(DATA, "officials.toml").values() for t in titles)
PLACE_BEFORE_TITLE = re.compile(r"(?:'s|’s)?\s+(?:provincial\s+|district\s+|local\s+)?", re.I)
OFFICE_WITH_PLACE = re.compile(
    r"\b(?:police|officials?|authorities|governor|administration|commander|spokes(?:man|woman|person)|chief|department|administrator|commissioner)\b", re.I)
NON_PARTY_PHRASE = re.compile(r"\b(?:residents?|villagers?|witnesses|doctors|hospital|traders|farmer|shopkeeper|sources|reports?)\b", re.I)
PLACE_OFFICE = re.compile(
    r"(?:'s|’s)?\s+(?:provincial\s+|district\s+|local\s+|border\s+|police\s+|security\s+|government\s+)*"
    r"(?:officials?|officers?|police|governor|administration|authorities|spokes(?:man|woman|person)|chief|department)\s*,?\s*$",
    re.I,
)

# "…, says Chitral official", "…, said a Kurram police officer": after the verb, a place and its office
INVERTED_PLACE_OFFICE = re.compile(
    r"\s+(?:an?\s+|the\s+)?((?:senior\s+|local\s+|top\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:(?:provincial|district|local|border|police|security|government|deputy)\s+)*"
    r"(?:officials?|officers?|police|governor|administration|authorities|spokes(?:man|woman|person)|chief|commissioner)\b")


class _Reader(Speakers):
    """The shared reading of speakers (monitor.text.attribution), with this
    article's date for what is asserted now."""

    def __init__(self, article, parties: Gazetteer, baseline_mode: bool):
        super().__init__(parties, OTHER_SIDE)
        self.article = article
        self.baseline_mode = baseline_mode
        dateline = DATELINE.match(article.text or "")
        if dateline:
            place = PLACES.canonical(dateline.group(1))
            self.local_side = None if place is None else "Pakistan" if place in PAKISTANI_PLACES else "Afghanistan"

    def speaker(self, s, mentions, verb_at, lo):
        """As Speakers.speaker; an office that names no place of its own ("police
        chief") is the side of the place that comes right before it ("Paktia's police chief")."""
        found = Speakers.speaker(s, mentions, verb_at, lo)
        if found is None:
            # "Police in Nangarhar said", "Spin Boldak district governor Abdul Karim Jahad told AFP"
            start = max(lo, verb_at - 70)
            if not re.search(r",\s*$", s[start:verb_at]):
                start += s[start:verb_at].rfind(",") + 1  # (rfind's -1 keeps the start)
            phrase = s[start:verb_at]
            places = PLACES.find(phrase)
            if places and OFFICE_WITH_PLACE.search(phrase) and not NON_PARTY_PHRASE.search(phrase):
                at = start + places[-1].start  # (not s.find(phrase): the same words may stand earlier)
                return Mention("Pakistan" if places[-1].name in PAKISTANI_PLACES else "Afghanistan", places[-1].alias, at, at + len(places[-1].alias))
        if found is not None and found.alias.lower() in TITLES:
            before = s[max(0, found.start - 30):found.start]
            places = PLACES.find(before)
            if places and PLACE_BEFORE_TITLE.fullmatch(before, places[-1].end):
                side = "Pakistan" if places[-1].name in PAKISTANI_PLACES else "Afghanistan"
                return Mention(side, found.alias, found.start, found.end)
        return found

    def inverted_speaker(self, s, mentions, verb):
        """As Speakers.inverted_speaker; and "…, says Chitral official", "…,
        said a Kandahar police officer": an office named by its place, after
        the verb, is that place's side."""
        found = Speakers.inverted_speaker(s, mentions, verb)
        if found is not None or verb.group().lower() not in ("says", "said") or not s[:verb.start()].rstrip().endswith(","):
            return found
        office = INVERTED_PLACE_OFFICE.match(s, verb.end())
        places = PLACES.find(office.group(1)) if office else []
        if len(places) != 1:
            return None
        at = office.start(1) + places[0].start
        return Mention("Pakistan" if places[0].name in PAKISTANI_PLACES else "Afghanistan", places[0].alias, at, at + len(places[0].alias))

    def side_of_places(self, s):
        sides = {"Pakistan" if m.name in PAKISTANI_PLACES else "Afghanistan" for m in PLACES.find(s)}
        return sides.pop() if len(sides) == 1 else None

    def resolve_unnamed(self, mentions, verb):
        """"…, Kandahar official says", "a Kurram police officer said": an office
        named by its place is that place's side."""
        near = verb.string[max(0, verb.start() - 50):verb.start()]
        places = PLACES.find(near)
        if places and PLACE_OFFICE.match(near, places[-1].end):
            return "Pakistan" if places[-1].name in PAKISTANI_PLACES else "Afghanistan"
        return super().resolve_unnamed(mentions, verb)

    def asserted(self, s: str, position: int) -> bool:
        if not self.baseline_mode and REPORTED_NOW.search(s) and not not_asserted(s, position):
            # "UNAMA said in a report on Sunday that last year's clashes killed 70 civilians":
            # the count is told now, whenever what it counts happened (a repeat is silent by its key)
            return True
        return asserted_now(s, position, self.article.published, self.baseline_mode, recent_days=CLAIM_NEWS_DAYS)


def _casualties(s: str, claimant: str, reader: _Reader, skip: tuple[int, int], within: tuple[int, int] | None = None) -> list[Claim]:
    """The tolls in sentence ``s`` (only the figures ``within`` a span of it, when given)."""
    claims: list[Claim] = []
    previous_target: str | None = None
    numbers = [n for n in find_numbers(s) if not (skip[0] <= n.start < skip[1]) and (within is None or within[0] <= n.start < within[1])]
    i = 0
    while i < len(numbers):
        n = numbers[i]
        i += 1
        lo, hi, near = _toll_window(s, n)
        verb = CASUALTY_VERB.search(near)
        if not verb and i < len(numbers) and JOINED_FIGURE.fullmatch(s, n.end, numbers[i].start):
            # "five of its soldiers and 25 militants had been killed": one verb for both figures
            near = s[max(lo, n.start - 70):min(hi, numbers[i].end + 60)]
            verb = CASUALTY_VERB.search(near)
        if not verb:
            continue
        if OTHER_VERB_BEFORE.search(s, max(lo, n.start - 25), n.start):
            continue  # "killing two attackers and cornering three others": the three are cornered, not killed
        if BREAKDOWN_BEFORE.search(s[max(lo, n.start - 40):n.start]):
            continue  # "ten people, all of them children except one woman", "including three women": part of a figure said
        noun = NOUN_AFTER.match(s[n.end:])
        if noun is not None and NOT_PEOPLE_AFTER.match(s[n.end + noun.end():]):
            continue  # "three Afghan Taliban posts": the number counts posts, not people
        if noun is not None and OTHER_VERB_OF_ITS_OWN.match(s, n.end + noun.end()):
            continue  # "a household of 22 people was hit …, where 17 were killed": those people's own verb is another
        if noun is not None and noun.group("noun").lower() == "others" and POSTS.search(s[max(lo, n.start - 90):n.start]):
            continue  # "destroyed 242 checkpoints and captured 38 others"
        if noun is None:
            # "killed 10", "10 killed", "the death toll rose to 10"
            tail = s[n.end:n.end + 25]
            head = s[max(0, n.start - 25):n.start]
            told_after = BARE_FIGURE_VERB.match(tail)
            if not (told_after
                    # ("Four were killed in Dera Ismail Khan and five more in Bannu": the toll before, continued)
                    # (not "226 checkposts destroyed and 35 more taken over": a verb of its own)
                    or (claims and re.match(r"\s+(?:more|others?)(?:\s+(?:in|at|on|near|from|across)\b|\s*[,.;]|\s*$)", tail)
                        and re.search(r"\b(?:and|while|with)\s+$", head))
                    or COUNT_OF.search(s[max(lo, n.start - 120):n.start])
                    or COUNT_ROSE_TO.search(s[max(lo, n.start - 60):n.start])
                    or re.search(r"(?:kill(?:ed|ing|s)?|martyr(?:ed|ing|s)?|wound(?:ed|ing|s)?|injur(?:ed|ing|es)?|toll (?:rose |climbed )?to|toll (?:at|stood at|reached)|toll of|claimed the lives of)\s*(?:at least |more than |over |another |some )?$", head, re.I)):
                continue
            # "274 fighters killed and 400 wounded": a bare figure joined to the last one counts the same people
            # ("wounding four more": the same people as the figure before)
            # ("133 Taliban fighters had been killed, more than two hundred wounded": a list, joined by its comma)
            joined = re.search(r"\b(?:and|with|as well as|plus)\s+(?:\w+\s+){0,2}$|,\s+(?:at least |more than |over |some |nearly |almost )?$", head) \
                or re.match(r"\s+(?:more|others?)\b", tail)
            counted = COUNT_OF.search(s[max(lo, n.start - 120):n.start])
            target = previous_target if previous_target is not None and joined else _counted_target(counted, claimant) if counted else None
            noun_end = n.end
        elif (OWN_LOSS_BEFORE.search(s[max(lo, n.start - 30):n.start]) or ATTACK_KILLED.search(s[max(lo, n.start - 60):n.start])) \
                and not CIVILIAN.match(noun.group("noun")) and not MILITANT.match(noun.group("noun")) and not PARTIES.find(noun.group("mods")):
            target, noun_end = claimant, n.end + noun.end()  # "admitted losing 23 soldiers": its own
        else:
            after_noun = s[n.end + noun.end():n.end + noun.end() + 30]
            # "3 soldiers killed", "soldiers were killed", "soldiers died": the voice says whose
            suffered = bool(re.match(r"^\s*(?:were |have been |had been |was )?(?:killed|died|dead|martyred|wounded|injured|lost)", after_noun, re.I))
            target = _target(noun.group("mods"), noun.group("noun"), claimant, near, suffered)
            if noun.group("noun").lower() == "others" and previous_target is not None:
                target = previous_target  # "five civilians were killed and five others wounded": the same people
            noun_end = n.end + noun.end()
        figure = n.value
        # "nine children and a woman": one figure, 10.
        if target == "civilians" and not TOTAL_NOUN.match(noun.group("noun") if noun else ""):
            while i < len(numbers) and target == "civilians":
                nxt = numbers[i]
                between = s[noun_end:nxt.start]
                nxt_noun = NOUN_AFTER.match(s[nxt.end:])
                if re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", between) and nxt_noun and CIVILIAN.match(nxt_noun.group("noun")):
                    figure = None if figure is None or nxt.value is None else figure + nxt.value
                    noun_end = nxt.end + nxt_noun.end()
                    i += 1
                else:
                    break
            if ADDED_ONE.match(s[noun_end:]) and figure is not None:
                figure += 1  # "five boys, four girls and a woman": 10
        if not reader.asserted(s, n.start):
            continue
        previous_target = target
        after_figure = BARE_FIGURE_VERB.match(s, n.end) if noun is None else None
        # ("four died and five were wounded": a bare figure's own verb follows it)
        # ("42 civilians had been killed and 104 others injured": the verb right after a figure's noun is its own)
        after_noun = NOUN_VERB_AFTER.match(s, noun_end) if noun is not None else None
        verb = (after_figure and CASUALTY_VERB.search(after_figure.group())) or (after_noun and CASUALTY_VERB.search(after_noun.group())) or _nearest(CASUALTY_VERB, near, n.start - max(lo, n.start - 70)) or verb
        kind = _toll_kind(verb.group())
        label = target or "people"
        claims.append(
            Claim(
                claimant,
                "casualties",
                target,
                figure,
                None,
                f"{claimant}: {figure if figure is not None else 'an unstated number of'} {label} {kind}",
                "high" if (figure or 0) >= 50 else "medium" if figure is None or figure >= 10 else "low",
            )
        )
    if not claims and not any(within is None or within[0] <= n.start < within[1] for n in find_numbers(s)):
        # "Kabul said the strikes had caused civilian casualties", "civilians were among the dead":
        # civilians killed or hurt, told with no number at all
        toll = UNCOUNTED_CIVILIAN_TOLL.search(s, *(within or ()))
        if toll is not None and reader.asserted(s, toll.start()):
            claims.append(Claim(claimant, "casualties", "civilians", None, None,
                                f"{claimant}: an unstated number of civilians {_toll_kind(toll.group())}", "medium"))
    return claims


def _toll_kind(words: str) -> str:
    """What a toll's words count: "wounded", "captured", "killed or wounded" (casualties) or "killed"."""
    lower = words.lower()
    if re.search(r"wound|injur|hurt", lower):
        return "wounded"
    return "captured" if "captur" in lower else "killed or wounded" if "casualt" in lower else "killed"


UNCOUNTED_CIVILIAN_TOLL = lowered(re.compile(
    r"\bcivilian (?:casualties|deaths)\b|"
    r"\bcivilians\b(?:[\w\s,'’-]{0,40}?)\b(?:were|had been|have been|was|are)\s+(?:among\s+the\s+(?:dead|victims|casualties)|killed|wounded|injured|hurt)\b|"
    r"\b(?:killed|killing|wounded|wounding|injured|injuring)\s+(?:innocent\s+|ordinary\s+|Afghan\s+|Pakistani\s+)?civilians\b|"
    # the deed as a noun: "deplored the killing of women, children and other civilians"
    r"\b(?:killing|killings|deaths?|wounding|maiming)\s+of\s+(?:[\w\s,'’-]{0,40}?)\bcivilians\b",
    re.I,
))


# A verb of its own right before a figure: the people it counts were cornered, held or rescued, not killed.
OTHER_VERB_BEFORE = re.compile(
    r"\b(?:corner|arrest|detain|apprehend|nabb?|surround|trap|besieg|rescu|evacuat|free|releas|deport|repatriat|displac|hold|held|abduct|kidnapp?)(?:ed|ing|e|es|s)?\s+"
    r"(?:at least |more than |some |over |another |about |nearly )?$", re.I)
# A figure's noun with a passive verb of its own that tells no toll ("22 people was hit", "300 families
# were displaced"), unless a toll's verb joins it ("were ambushed and killed").
OTHER_VERB_OF_ITS_OWN = re.compile(
    r"\s+(?:was|were|have been|had been)\s+(?:\w+ly\s+)?(?!(?:killed|wounded|injured|hurt|martyred|captured|slain|shot|neutrali[sz]ed|eliminated)\b)"
    r"(?:hit|struck|targeted|evacuated|rescued|arrested|displaced|detained|affected|relocated|trapped|stranded|sheltered|housed|treated|moved)\b"
    r"(?![^.;,]{0,30}?\b(?:and|before|then)\s+(?:\w+\s+)?(?:killed|wounded|injured|hurt|martyred|died)\b)",
    re.I,
)
NOUN_VERB_AFTER = re.compile(r"\s*(?:were |was |have been |had been |are |also )*(?:killed|dead|died|wounded|injured|hurt|captured)\b", re.I)
# "10 killed", "five were wounded", "two of them were killed": a bare figure and its verb
# ("confirmed at least five deaths", "12 injuries": the figure counts the toll's own noun)
BARE_FIGURE_VERB = re.compile(r"\s*(?:of (?:the|those) (?=dead|killed|wounded|injured)|of (?:them|those|whom|the \w+)\s+)?(?:were |was |have been |had been |more |also )*(?:killed|dead|died|wounded|injured|hurt|deaths|fatalities|injuries|casualties|(?:shot|gunned|hacked|stabbed|beaten)\s+(?:dead|down|to death))\b", re.I)
JOINED_FIGURE = re.compile(r"\s+(?:[\w'’-]+\s+){0,4}?(?:and|,)\s+(?:at least |more than |some |over )?")


# ("dozens of innocent people, children and mothers among them, had been killed": an aside between the figure and its verb)
# (or one that a quotation closes: "'dozens of civilians, including women and children' had been killed")
ASIDE = re.compile(r",\s+(?:including\s+[^,;'’\"”]{1,50}|[^,;'’\"”]{1,50}\s+among\s+them)(?:,|['’\"”](?=\s))")


def _toll_window(s: str, n) -> tuple[int, int, str]:
    """The clause of the figure ``n``, and the words around it where its verb is looked for."""
    lo, hi = clause_of(s, n.start)
    aside = ASIDE.search(s, n.end, n.end + 110)
    return lo, hi, s[max(lo, n.start - 70):min(hi, n.end + 60 + (len(aside.group()) if aside else 0))]


NOT_PEOPLE_AFTER = re.compile(r"^\s+(?:(?:military|border|security|army|check)\s+)?(?:posts?|outposts?|positions?|checkpoints?|check posts?|camps?|hideouts?|bases?|pickets?|vehicles?|tanks?)\b", re.I)


# "put the number of operatives linked to the Taliban killed at 620": who is counted comes first.
# "the number killed had risen past 350", "the toll climbed to 40": a count moved to the figure
COUNT_ROSE_TO = re.compile(r"\b(?:number|toll|count|tally)\b[\w\s]{0,50}?\b(?:rose|risen|climbed|jumped|reached|passed|exceeded|crossed|surpassed)"
                           r"(?:\s+(?:past|to|above|beyond|over))?\s+(?:at least |more than |over |some |nearly )?$", re.I)
# ("putting Pakistani military deaths at 58": the deaths of those named)
COUNT_OF = re.compile(r"\b(?:(?:number|toll|count|tally) of ([^,;]{3,90}?) (?:killed|dead|wounded|injured|martyred)(?: [\w'’-]+){0,12}?"
                      r"|put(?:s|ting)? (?:the )?((?:[\w'’-]+ ){1,3}?)(?:deaths|fatalities))"
                      r" (?:at|to|as|past|above|beyond)\s+(?:more than |over |at least |about |nearly )?$", re.I)


def _counted_target(counted: re.Match, claimant: str) -> str | None:
    phrase = counted.group(1) or counted.group(2)
    named = PARTIES.find(phrase)
    if named:
        return named[-1].name
    noun = re.search(PEOPLE, phrase, re.I)
    return _target("", noun.group(), claimant, phrase) if noun else None


def _nearest(pattern, text: str, at: int):
    """The match of ``pattern`` in ``text`` nearest to offset ``at``."""
    matches = list(pattern.finditer(text))
    return min(matches, key=lambda m: min(abs(m.start() - at), abs(m.end() - at))) if matches else None


POLICE = re.compile(r"^(?:police(?:men)?|policem[ae]n|levies)$", re.I)


def _by_clause(reading, claimant: str, span: tuple[int, int], extract) -> list[Claim]:
    """Claims with the speaker of their own clause: in "Pakistani officials put
    their losses at 23, while Afghan authorities claimed 58 Pakistani troops
    were killed", the 58 is Kabul's. ``extract(speaker, within)`` reads the
    whole sentence (its verb of saying still qualifies a clause's tense), taking
    what lies ``within`` the clause, or everywhere when ``within`` is None."""
    if not reading.clause_speakers:
        return extract(claimant, None)
    found: list[Claim] = []
    for lo, hi, own in reading.clause_speakers:
        if own == NO_PARTY:
            continue  # "…, while a hospital in Chaman reported treating three people": no party's words
        if own is None and _apart(reading.text, lo, hi, span):
            continue  # "22 militants killed in Bannu; TTP faction claims attack": a semicolon keeps the speaker to its clause
        if own is None and span[0] >= hi and NEXT_CLAUSE_SPEAKS.match(reading.text, hi):
            continue  # "A hospital received four bodies, and Pakistan said three of its citizens were wounded": the first is narrated
        found += [c for c in extract(own or claimant, (lo, hi)) if c not in found]
    return found


NEXT_CLAUSE_SPEAKS = re.compile(r",?\s+and\s+", re.I)
PREPOSED_SOURCE = re.compile(r"\s*(?:according to|in the words of)\b", re.I)


def _apart(s: str, lo: int, hi: int, speaker_span: tuple[int, int]) -> bool:
    """Is the clause [lo, hi) cut off by a semicolon from where the speaker is named?"""
    at = speaker_span[0]
    if at == 0 and speaker_span[1] == 0:
        return False  # a speaker carried over from before: no place in this sentence
    if PREPOSED_SOURCE.match(s) and at < s.find(","):
        return False  # "According to Mujahid, 17 were killed …; a school was also struck, …": it heads every clause
    between = s[min(hi, at):max(lo + 1, at)]  # (a clause may begin with its semicolon)
    return ";" in between


# "that assault on a security post killed 11 soldiers": the attack's dead are the speaker's side
ATTACK_KILLED = re.compile(r"\b(?:attack|assault|bombing|blast|bomber|explosion|ambush|raid)\b[^.;]{0,40}?\b(?:killed|killing|martyred)\s+(?:at least |more than )?$", re.I)
# "ten civilians, five boys, four girls and a woman": a total, then its parts.
TOTAL_NOUN = re.compile(r"^(?:civilians|people|persons|villagers|residents)$", re.I)
BREAKDOWN_BEFORE = re.compile(
    r"\b(?:including|among them|of whom|of them|except(?: for)?|but|among the (?:dead|victims|wounded|injured))\s+(?:\w+\s+){0,1}$", re.I
)
OWN_LOSS_BEFORE = re.compile(r"\b(?:losing|lost|loss of|admitted|acknowledged|conceded|its own|their own|our)\s+(?:\w+\s+){0,2}$", re.I)


def _target(mods: str, noun: str, claimant: str, near: str, suffered: bool = False) -> str | None:
    if CIVILIAN.match(noun) or (noun.lower() == "members" and re.search(r"\bmembers of (?:the|his|her|a|one|their) (?:single |same |extended )?family\b", near, re.I)):
        return "civilians"  # "Afghan civilians", "18 members of the family" are civilians, whoever counts them
    if re.search(r"\b(?:of its|of our|its own|their own)\b", mods, re.I):
        return claimant  # "five of its soldiers": the speaker's own
    before = near[:near.lower().find(noun.lower())] if noun.lower() in near.lower() else near
    if re.search(r"\bof their\b", mods, re.I) and not re.search(r"\bkill(?:ed|ing|s)\b", before, re.I):
        return claimant  # "Afghan authorities said 13 of their soldiers … had been killed" (not "killed 20 of their fighters")
    named = PARTIES.find(f"{mods} {noun}")
    if named:
        return named[-1].name
    if POLICE.match(noun):
        return "Pakistan"  # the police in this conflict are Pakistan's; Kabul's are named "Afghan police"
    if MILITANT.match(noun):
        return "TTP" if claimant in ("Pakistan", "TTP") or claimant not in OTHER_SIDE else OTHER_SIDE.get(claimant)
    if suffered and not re.match(r"^(?:fighters?|militants?|terrorists?|attackers?)$", noun, re.I):
        return claimant  # unnamed soldiers who died are, in the speaker's mouth, its own
    if OWN_LOSS.search(near) and not re.search(r"\bkill(?:ed|ing)\b", near[:near.lower().find(noun.lower())] if noun.lower() in near.lower() else near, re.I):
        return claimant
    return OTHER_SIDE.get(claimant)


ONE_POST = re.compile(r"\b(?:an?|one|the|another)\s+(?:[\w-]+\s+){0,3}?(?:post|outpost|check ?post|checkpoint|position|picket)\b(?!s)", re.I)


def _territory(s: str, claimant: str, reader: _Reader, within: tuple[int, int] | None = None) -> list[Claim]:
    claims = []
    for verb in TERRITORY_VERB.finditer(s):
        if within is not None and not within[0] <= verb.start() < within[1]:
            continue
        lo, hi = clause_of(s, verb.start())
        posts = [p for p in POSTS.finditer(s, lo, hi)]
        if not posts and _more_of_them(s[lo:verb.start()]):
            # "destroyed 188 check posts, while 31 more had been taken over": the posts of the clause before
            posts = [p for p in POSTS.finditer(s, max(0, lo - 100), lo)]
        if not posts or not reader.asserted(s, verb.start()):
            continue
        # Each verb its own figure, in its own part of a list: "destroyed 242
        # checkpoints and captured 38 others", "27 posts were destroyed and nine captured".
        seg_lo = max([lo] + [lo + m.end() for m in LIST_BREAK.finditer(s[lo:verb.start()])])
        seg_hi = min([hi] + [verb.end() + m.start() for m in LIST_BREAK.finditer(s[verb.end():hi])])
        own = [n for n in find_numbers(s[seg_lo:seg_hi]) if n.value is not None]
        numbers = sorted(find_numbers(s[lo:hi]), key=lambda n: (n.value is None, abs(lo + n.end - verb.start())))
        before = [n for n in find_numbers(s[lo:verb.start()]) if n.value is not None]
        chosen = own[0] if own else (before[-1] if before else (numbers[0] if numbers else None))
        if chosen is not None and own == [] and before:
            counted = s[lo + chosen.end:verb.start()]
            if NOT_POSTS.search(counted) and not POSTS.search(counted):
                continue
            first_posts = POSTS.search(counted)
            if first_posts and (CASUALTY_VERB.search(counted[:first_posts.start()]) or UNCOUNTED.search(counted[:first_posts.start()])):
                # "more than 200 wounded, and several of their check posts destroyed": the
                # figure counts people, and the posts are counted by no number
                chosen = None
        elif own and NOT_POSTS.search(s[seg_lo:seg_hi]) and not POSTS.search(s[seg_lo:seg_hi]):
            continue
        figure = chosen.value if chosen is not None else None
        if chosen is None and ONE_POST.search(s, max(lo, posts[0].start() - 40), posts[0].end()):
            figure = 1  # "fired mortars at a Pakistani border post … the post was destroyed": one post
        near = s[max(lo, posts[0].start() - 40):posts[0].end()]
        named = [m for m in PARTIES.find(near) if m.name != claimant]
        target = named[-1].name if named else OTHER_SIDE.get(claimant)
        if any(c.figure == figure for c in claims):
            continue
        claims.append(Claim(claimant, "territory", target, figure, None, f"{claimant}: {figure or 'several'} {target or ''} posts captured or destroyed".replace("  ", " "), "high" if (figure or 0) >= 10 else "medium"))
    return claims


LIST_BREAK = re.compile(r",|\band\b|;")
MORE_AFTER = re.compile(r"\s+(?:more|others)\b", re.I)


def _more_of_them(text: str) -> bool:
    """"31 more", "five others": a figure (monitor.text.numbers) counting more of what was named before."""
    return any(MORE_AFTER.match(text, n.end) for n in find_numbers(text) if n.value is not None)
UNCOUNTED = re.compile(r"\b(?:several|some|many|numerous|multiple|a number of|a few|dozens of|scores of|a string of)\b", re.I)
NATURAL_EVENT = re.compile(r"\b(?:earthquake|quake|tremor|flood\w*|storm|avalanche|landslide|lightning|outbreak|drought|heatwave|cold wave)\b", re.I)


PAKISTANI_PLACES = frozenset(_places["pakistan"]["places"])
# Who struck a place inside Pakistan: only the other side's forces make it a strike.
AFGHAN_FORCES = lowered(re.compile(
    r"\b(?:Afghan (?:Taliban )?(?:forces|troops|soldiers|army|border forces|military|drones?|jets|aircraft|artillery)|Taliban (?:forces|fighters|troops)|"
    r"from (?:across the border|Afghanistan|(?:the )?Afghan (?:soil|territory|side))|cross-border (?:fire|firing|shelling|attacks?)|"
    r"drones? (?:[\w-]+ ){0,2}?(?:across|over) the border)\b",
    re.I,
))
# "Paktika's Barmal district", "the Dangam district of Kunar": one place struck, the province.
# ("Pakistani mortar rounds hit civilian areas of Torkham": a crossing town that Pakistan's forces hit is the Afghan side's)
PAKISTANI_AGENT = re.compile(r"\bPakistani\s+(?:[\w-]+\s+){0,2}?(?:forces|troops|army|military|jets?|aircraft|drones?|mortars?|mortar rounds|shells|artillery|fire|shelling|strikes?)\s+(?:\w+\s+)?$", re.I)
PAKISTANI_BEFORE = re.compile(r"\bPakistani\s+$", re.I)
CROSSING_TOWNS = re.compile(r"Spin Boldak|Chaman|Torkham|Landi Kotal|Angoor Adda|Ghulam Khan|Kharlachi|Badini|Dand-e-Patan|Zazai Maidan", re.I)
CONTAINED = re.compile(
    r"^(?:'s|’s)\s+$|^\s+(?:district|area|village|town|region)s?\s+(?:of|in)\s+(?:the\s+)?$|"
    # told in apposition: "Spin Boldak, a border district of southern Kandahar province"
    r"^,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:district|area|village|town|region)\s+(?:of|in)\s+(?:the\s+)?(?:(?:north|south|east|west)(?:ern)?\s+|(?:north|south)-?(?:east|west)(?:ern)?\s+)?$",
    re.I,
)
# ("the Afghan town of Spin Boldak in Kandahar province": a place, then the province it lies in)
SECTORS_OF = re.compile(r"^\s+(?:sub-?)?sectors?\s+(?:of|in)\s+(?:the\s+)?$", re.I)
IN_THE_PROVINCE = re.compile(r"^\s+in\s+(?:the\s+)?$", re.I)
PROVINCE_AFTER = re.compile(r"\s+province\b", re.I)


# "fired rockets at Pakistani army locations in Nowshera": the target is Pakistan's forces.
# "blames Kabul for 'unprovoked firing' at Kharlachi": fire the other side's state is charged with
BLAMED_ON_KABUL = re.compile(r"\b(?:blam\w*|accus\w*)\s+(?:the\s+)?(?:Kabul|Afghanistan|Afghan\s+(?:Taliban|government|regime|authorities)|Taliban)\b", re.I)
KABUL_FIRED = re.compile(
    r"\b(?:Afghanistan|Kabul|Afghan (?:Taliban )?(?:forces|troops|side|army|border forces|regime|government)|Taliban(?: forces| fighters| regime)?)\s+"
    r"(?:(?!Pakistan)[\w'’-]+\s+){0,4}?['‘’\"“]?$",  # "the Afghan Taliban regime had resorted to unprovoked firing"
    re.I,
)
GUNFIRE = re.compile(r"(?:fir(?:ed|ing)|shell(?:ed|ing)|shoot(?:ing)?|opened)\b", re.I)
PAKISTANI_MILITARY_TARGET = re.compile(
    r"\b(?:at|on|against|hit|struck|targeted)\s+(?:the\s+|a\s+)?Pakistani\s+(?:army\s+|military\s+|security\s+|border\s+|air\s+)?"
    r"(?:locations|positions|posts|installations|bases|sites|targets|forces|troops|checkposts|cantonments?|air ?bases?|camps?|facilities|headquarters)\b",
    re.I,
)
# "its drones had struck …", "our forces targeted …": the speaker's own arms.
# ("a claim by Afghanistan's Defence Ministry that it had carried out air strikes on …")
SPEAKER_STRUCK = re.compile(r"\b(?:said|says|claimed|claims|announced|stated|confirmed|claim\s+by\s+[^.;]{1,50}?)\s+(?:that\s+)?(?:it|they|we)\s+(?:had\s+|has\s+|have\s+)?(?:carried\s+out\s+(?:[\w-]+\s+){0,2}?)?$", re.I)
OWN_ARMS = re.compile(r"\b(?:its|our|their)\s+(?:own\s+)?(?:forces|troops|soldiers|army|military|drones?|jets|aircraft|artillery|air force)\b", re.I)


MILITARY_SITES = re.compile(r"\b(?:military|army|air ?force|air) (?:bases?|installations|positions|posts|sites|targets|headquarters|cantonments?|facilities)\b", re.I)


def _pakistani_arms(s: str, lo: int, cue_at: int) -> bool:
    """Pakistan's arms right before a strike's cue ("Pakistani mortar rounds hit …"; the
    cue may itself name the arms: "Pakistani |mortar rounds hit")."""
    return bool(PAKISTANI_AGENT.search(s, max(lo, cue_at - 40), cue_at) or PAKISTANI_BEFORE.search(s, max(lo, cue_at - 12), cue_at))


def _forces_struck(clause: str, cue_at: int, claimant: str) -> bool:
    """Inside Pakistan, a strike is only the other side's forces firing across the
    border or at Pakistan's forces: never a militants' bombing, nor Pakistan's own
    operations against militants there (their tolls are the claims)."""
    if claimant == "Afghanistan" and (OWN_ARMS.search(clause, max(0, cue_at - 60), cue_at + 16) or SPEAKER_STRUCK.search(clause, max(0, cue_at - 90), cue_at)
                                      or MILITARY_SITES.search(clause, cue_at, cue_at + 60)):
        # ("the targets were a military base near Islamabad": what Kabul says it hit are Pakistan's forces)
        # (the cue may be "drones had struck"; "the defence ministry said it had struck a camp near Islamabad")
        return True  # Kabul telling of its own drones or forces striking in Pakistan
    forces = AFGHAN_FORCES.search(clause)
    if forces and not (forces.group().lower().startswith("from") and not GUNFIRE.match(clause, cue_at)):
        return True  # ("bombings … by factions operating from Afghan territory" are militants', not fire from across)
    if PAKISTANI_MILITARY_TARGET.search(clause, cue_at):
        return True
    # gunfire or shelling charged to Kabul is its forces' ("a bombing" charged to it is a militants' attack)
    # ("Afghanistan had 'opened unprovoked fire on' …": the other side as the subject of the fire)
    return bool(GUNFIRE.match(clause, cue_at) and (BLAMED_ON_KABUL.search(clause, 0, cue_at) or KABUL_FIRED.search(clause, 0, cue_at)))


def _struck_places(places: list[Mention], text: str) -> list[str]:
    """The places struck, a district folded into its province; a capital that
    speaks ("what Islamabad called …", "which Islamabad says") is its government."""
    names: list[str] = []
    skip: set[int] = set()
    for i, place in enumerate(places):
        if i in skip or SPEAKS_AFTER.match(text[place.end:]) or CHARGED_BEFORE.search(text[max(0, place.start - 25):place.start]):
            continue
        nxt = places[i + 1] if i + 1 < len(places) else None
        if nxt is not None and SECTORS_OF.match(text[place.end:nxt.start]):
            skip.add(i + 1)  # "the Torkham and Tirah sub-sectors of Khyber Pakhtunkhwa": the sectors are where the fire fell
        elif nxt is not None and (CONTAINED.match(text[place.end:nxt.start]) or (
                IN_THE_PROVINCE.match(text[place.end:nxt.start]) and (PROVINCE_AFTER.match(text, nxt.end) or nxt.name.endswith("province")))):
            # A district is folded into its province, except a crossing town, where
            # border clashes are told: "Kandahar's Spin Boldak district" is Spin Boldak.
            possessive = text[place.end:nxt.start].lstrip().startswith(("'", "’"))
            district = nxt if possessive else place
            if bool(CROSSING_TOWNS.fullmatch(district.name)) == (district is place):
                skip.add(i + 1)  # "Paktika's Barmal": keep Paktika; "Spin Boldak district of Kandahar": keep Spin Boldak
            else:
                continue  # "Barmal district of Paktika": keep Paktika; "Kandahar's Spin Boldak": keep Spin Boldak, next
        names.append(place.name.replace(" province", ""))
    return list(dict.fromkeys(names))


STRIKE_ASIDE = re.compile(r",\s+(?:part of|which|that|described as|dubbed|named|code-?named|called)\b[^,;]{1,80},", re.I)
CHARGED_BEFORE = re.compile(r"\b(?:accus\w*|blam\w*|urg\w*|asked|warned|told)\s+(?:the\s+)?$", re.I)
SPEAKS_AFTER = re.compile(
    r"^(?:'s|’s)\s+(?:[\w-]+\s+){1,3}?(?:says|said|told|claimed|added)\b|"  # "Paktia's police chief said": who speaks, not where
    # ("… and said Islamabad had launched Operation …": the government acting, not a place struck)
    # ("an air strike that Kabul attributes to Pakistani forces": the government that speaks)
    r"^\s+(?:\w+ly\s+)?(?:says|said|called|calls|claims|claimed|accused|accuses|blamed|blames|denied|denies|rejected|rejects|wants|insists|insisted|"
    r"attribut(?:es|ed)|describ(?:es|ed)|consider(?:s|ed)|"
    r"(?:had|has|have)\s+(?:\w+ly\s+)?(?:launched|carried|begun|started|decided|ordered|retaliated|responded|sent|agreed|named|dubbed)|launched|retaliated|responded|"
    r"names|dubs|dubbed|terms|termed|brands|branded|labels|labell?ed|"  # ("the raids, which Islamabad has named Operation …", "an attack Islamabad termed unprovoked")
    r"would|will|could|must|should)\b",  # "… and said Kabul would respond": the government, not a place struck
    re.I,
)
NARRATED_AFTER = re.compile(r"\b(?:after|before|following|since)\b", re.I)
THE_PLACE = re.compile(r"^\s+(?:the|that|this)\s+(?:district|area|town|village|city|province|border town)\b", re.I)
TARGET_COUNT = re.compile(
    r"^\s+(?:at least |more than |some |over )?(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|scores?)\s+"
    r"(?:\w+\s+){0,2}?(?:camps|hideouts|targets|sites|locations|positions|bases|compounds)\b",
    re.I,
)


# A charge told as the reason for what was done ("over allegations that it shelters militants"),
# with no one's name on it: the motive of who acted, not the charge of who speaks. MOTIVE_BEFORE
# stands before the charge's noun, MOTIVE_CHARGE before the words of a charge that follows it.
_MOTIVE = r"\b(?:over|amid|following|because of|due to|citing)\s+(?:\w+\s+)?"
MOTIVE_BEFORE = re.compile(_MOTIVE + "$", re.I)
MOTIVE_CHARGE = re.compile(_MOTIVE + r"(?:allegations?|accusations?|charges?|claims?)\s+that\b[^.;]{0,60}$", re.I)


# "rockets fired by Afghan forces hit homes in Kurram": the same, the arms named by who fired them
AFGHAN_ARMS = re.compile(r"\b(?:fired|launched|lobbed)\s+by\s+(?:the\s+)?Afghan\s+(?:forces|troops|soldiers|border (?:forces|guards)|Taliban(?: forces| fighters)?)\b", re.I)
# Fire "from Afghan territory" on a place inside Pakistan is the other side's arms, not militants'.
FROM_THE_AFGHAN_SIDE = re.compile(r"\bfrom (?:across the (?:border|frontier|Durand Line)|the Afghan side|Afghan (?:territory|soil)|Afghanistan)\b", re.I)


def _strikes(s: str, claimant: str, reader: _Reader, within: tuple[int, int] | None = None) -> list[Claim]:
    """The strikes told in sentence ``s`` (only by cues ``within`` a span of it, when given)."""
    claims = []
    for cue in STRIKE.finditer(s, *(within or ())):
        if NATURAL_EVENT.search(s[max(0, cue.start() - 40):cue.start()]):
            continue  # "an earthquake struck Kunar"
        lo, hi = clause_of(s, cue.start())
        # ("the raids, part of what Islamabad calls Operation …, hit … sites in Kabul and Kandahar": the aside does not count)
        aside = STRIKE_ASIDE.match(s, cue.end())
        window = s[cue.start():min(hi, cue.end() + 120 + (len(aside.group()) if aside else 0))]
        places = PLACES.find(window)
        if not places and THE_PLACE.match(s[cue.end():]):
            # "attacked the district": the place named earlier in the sentence
            earlier = PLACES.find(s[:cue.start()])
            places = earlier[-1:]
            window = s[places[0].start:places[0].end] if places else window
        if not places:
            continue
        # (what follows a place past the window still says whether it speaks: "an offensive Islamabad said was …")
        struck = _struck_places(places, s[cue.start():] if window.startswith(s[cue.start():cue.end()]) else window)
        if any(name in PAKISTANI_PLACES and not (CROSSING_TOWNS.fullmatch(name) and _pakistani_arms(s, lo, cue.start())) for name in struck) \
                and not _forces_struck(s[lo:hi], cue.start() - lo, claimant) and not FROM_THE_AFGHAN_SIDE.search(cue.group()) \
                and not AFGHAN_ARMS.search(s, lo, min(hi, cue.end() + 40)):
            continue  # a militant attack inside Pakistan: its toll and the blame are the claims
        if not reader.asserted(s, cue.start()):
            continue
        said = REPORTING.search(s, 0, cue.start())
        narrated = said and NARRATED_AFTER.search(s, said.end(), cue.start())
        # ("said that after Afghan strikes on …, Pakistan carried out air strikes on Kabul": the after-clause ended at its comma)
        if narrated and "," not in s[narrated.end():cue.start()] and not REPORTING.search(s, cue.end()):
            # "Asif announced open war after Pakistani jets hit Kabul": the outlet's narration, not his
            # claim (unless "…, Pakistani officials said" after it attributes the narration too)
            continue
        # ("hideouts inside Afghanistan", "camps near the border": the country, or no
        # place, is not the place struck, and a strike with no place is only its tolls)
        targets = struck
        if not targets:
            continue
        # "struck seven militant camps": the number of targets is the claim's figure
        count = TARGET_COUNT.search(s[cue.end():min(hi, cue.end() + 60)])
        # (several places named: the count is of them all, no one place's figure)
        figure = next((n.value for n in find_numbers(count.group())), None) if count and len(targets) == 1 else None
        for target in targets:
            if not any(c.target == target for c in claims):  # "fire on Kunar …, and troops fired on Paktika": each place its strike
                claims.append(Claim(claimant, "strike", target, figure, None, f"{claimant}: strike on {target}", "medium"))
    return claims


# ("accused Kabul of sabotaging the talks, said the delegation lacked authority, and alleged …": a list of what he said)
SAID_MORE = re.compile(r"(?:,\s+(?:and\s+)?|\s+and\s+)(?:also\s+)?(?:said|says|added|warned|vowed|stressed|insisted|alleged)\b", re.I)


def _accusations(s: str, claimant: str, reader: _Reader, skip: tuple[int, int], all_topics: bool) -> list[Claim]:
    mentions = [m for m in PARTIES.find(s) if not (skip[0] <= m.start < skip[1])]
    others = [m for m in mentions if m.name != claimant]
    found: list[tuple[str, str]] = []
    charged_at = 0  # where the verb of the charge found ends
    for verb in ACCUSE.finditer(s):
        if (verb.group().lower() == "alleged" and (noun_use(s, verb) or POSSESSIVE_BEFORE.search(s, max(0, verb.start() - 4), verb.start()))) \
                or verb.group().lower() == "allegedly":
            # "strikes on alleged TTP hideouts", "allegedly backed by": a qualifier, no one charges anyone;
            # "Kabul's alleged support for the TTP": the charge is Kabul's deed, read as such below
            continue
        if HABITUAL_CHARGE.search(s, max(0, verb.start() - 25), verb.start()):
            continue  # "officials regularly blame such attacks on the TTP": what they always say, not a charge made now
        if verb.group().lower().startswith(("allegation", "accusation", "charges")) and MOTIVE_BEFORE.search(s, max(0, verb.start() - 25), verb.start()):
            continue  # "attacks on the Afghan government over allegations that it shelters militants": the motive of who acted, no one's charge here
        if REJECTED_NOUN.match(s, verb.start()):
            # "…, an accusation Islamabad rejects": the noun names the charge just told; the party after it rejects it
            # ("called the accusations 'entirely baseless'": a denial of the other side's charge)
            continue
        lo, hi = clause_of(s, verb.start())
        after = [m for m in others if verb.end() <= m.start <= max(verb.end() + 40, hi)]
        if not after or not reader.asserted(s, verb.start()):
            continue
        if after[0].name not in CONFLICT_PARTIES:
            # "said the attack had originated in Afghanistan, and accused India of backing it":
            # a charge against India is another conflict's; the sentence may still hold this one's
            continue
        if ALLEGED_THAT.match(s, verb.start()) and not any(p.search(s, verb.end()) for name, p in TOPICS if name != "attack"):
            break  # "alleged that Pakistani jets struck Khost": a strike told, no charge named (the strike is its claim)
        if OF_STRIKES.match(s, after[0].end) and not any(p.search(s, after[0].end) for name, p in TOPICS if name != "attack"):
            break  # "accuses Pakistan of air strikes in Khost": a strike told (its claim), no charge named
        # (the charge ends where the speaker goes on to say something else: "…, and said Islamabad would protect its sovereignty")
        rest = s[verb.end():]
        said_more = SAID_MORE.search(rest)
        found.append((after[0].name, rest[:said_more.start()] if said_more else rest))
        charged_at = verb.end()
        break
    # A second charge by another party named as its verb's subject: "Pakistan blamed
    # Afghanistan for opening fire …, after Kabul accused Islamabad of attacking its territory".
    second = _charged_by_its_subject(s, charged_at, claimant, mentions, reader) if found else None
    if not found:
        for cue in ACCUSATION_CONTENT.finditer(s):
            lo, _ = clause_of(s, cue.start())
            if MOTIVE_CHARGE.search(s, max(0, cue.start() - 90), cue.start()):
                continue  # "attacks on the Afghan government over allegations that it shelters militants": the attacker's motive, not the speaker's charge
            source = [m for m in others if cue.end() <= m.start <= cue.end() + 30 and FROM_BY.search(s[cue.end():m.start])]
            # "militants operate with backing from Afghan soil": the backing comes from the party named after
            if not source and PASSIVE_BY.match(s, cue.end()):
                continue  # "elements inside Pakistan, allegedly backed by global powers": the backer is no party here
            subject = source[0] if source else nearest_before(others, cue.end(), lo)
            if subject is None and claimant in OTHER_SIDE and THEY_DID.search(s, max(lo, cue.start() - 30), cue.start()) \
                    and reader.asserted(s, cue.start()):
                # "condemned the raids, saying they had deliberately targeted civilians": the raids'
                # side, the other one, is charged though no party is named in the clause
                found.append((OTHER_SIDE[claimant], s[cue.start():]))
                break
            if subject is None or subject.name not in CONFLICT_PARTIES or not reader.asserted(s, cue.start()):
                continue
            found.append((subject.name, _sponsor(s, subject, cue) or s[cue.start():]))
            break
    if not found and claimant in OTHER_SIDE:  # (a third party that attributes harm charges no one)
        for m in others:
            by = CHARGE_BY.search(s[max(0, m.start - 60):m.start])
            if by and NARRATED_BEFORE.search(s[:max(0, m.start - 60) + by.start()]):
                continue  # "…, which followed an attack by Afghan forces on Pakistani troops": the story's sequence, no charge
            if by and reader.asserted(s, m.start):
                found.append((m.name, s[max(0, m.start - 60):]))
                break
    if not found and claimant in OTHER_SIDE:
        # "condemned the raids as a violation of Afghan airspace", "calling the
        # attack a message from Kabul", "handlers in Afghanistan": the charge is
        # against the other side, named or not.
        for cue in (CALLED_A_CHARGE.search(s), _attack_blame(s, others)):
            if cue is not None and reader.asserted(s, cue.start()):
                found.append((OTHER_SIDE[claimant], s[max(0, cue.start() - 60):]))
                break
    claims = []
    # Only charges against the conflict's parties: "Indian proxy" charges against India are another conflict's.
    found = [(claimant, target, charge) for target, charge in found if target in CONFLICT_PARTIES]
    if second is not None:
        found.append(second)
    for claimant, target, charge in found:
        topics = [name for name, pattern in TOPICS if pattern.search(charge)] or ["other"]
        # (a bare "…, blaming Pakistan." names no charge of its own: its sentence tells what it is about)
        told = charge[:150] if len(re.findall(r"\w+", charge[:150])) > 4 else s
        if topics == ["other"] and not CHARGE_OF_THE_CONFLICT.search(told):
            continue  # "accusing the Taliban of stripping women of rights": a charge, but not about this conflict
        if topics == ["other"] and EXCHANGE_OF_FIRE.search(told) and not A_DEED_CHARGED.search(charge[:150]):
            # "Gunfire at Spin Boldak; Taliban spokesman blames Pakistani troops", "blames Pakistan for
            # border clash": blame for an exchange of fire, naming nothing else, is for starting it
            topics = ["ceasefire_violation"]
        if "attack" in topics and not _names_an_attack(s):
            topics.remove("attack")  # handlers of "the recent attacks": no one attack named
            topics = topics or ["harbouring"]
        authored = BLAME.search(s) or ATTACK_AUTHOR.search(s)
        if authored and _names_an_attack(s) and "attack" not in topics and topics[0] in ("proxy", "harbouring", "other"):
            # "minister blames 'Afghan Taliban proxies'" for the bombing told beside it;
            # "the bombings in Bannu and Wana were the work of Afghan Taliban proxies"
            topics.insert(0, "attack")
        for topic in topics if all_topics else topics[:1]:
            if topic == "attack":  # each attack named its own charge
                claims += [_accusation(claimant, target, attack) for attack in _attacks_named(s)]
            else:
                claims.append(_accusation(claimant, target, topic, s))
    return claims


# "the Taliban government says the targets hit were civilian": what was struck,
# named civilian by the side struck, charges the side that struck with it.
STRUCK_WERE_CIVILIAN = lowered(re.compile(
    r"\b(?:targets?|sites?|places?|areas?|locations?|buildings?) (?:that were |which were )?(?:hit|struck|bombed|shelled|targeted|attacked) "
    r"(?:were|was|are|had been) (?:all |only |purely |entirely |mostly )?(?:civilian|civilians|homes|houses|residential)\b", re.I))


def _struck_were_civilian(reading, claimant: str | None, reader: _Reader) -> list[Claim]:
    """The charge in "…; the Taliban government says the targets hit were
    civilian": its speaker is the one of the clause it is told in."""
    s = reading.text
    cue = STRUCK_WERE_CIVILIAN.search(s)
    if cue is None or not reader.asserted(s, cue.start()):
        return []
    speaker = next((own for lo, hi, own in reading.clause_speakers if lo <= cue.start() < hi and own), claimant)
    if speaker not in OTHER_SIDE:
        return []
    return [_accusation(speaker, OTHER_SIDE[speaker], "civilians", s)]


SUBJECT_OF_VERB = re.compile(r"(?:(?:'s|’s)\s+(?:[\w-]+\s+){0,2}?)?\s*(?:also\s+|in turn\s+)?$", re.I)


def _charged_by_its_subject(s: str, start: int, claimant: str, mentions, reader: _Reader) -> tuple[str, str, str] | None:
    """After ``start``, a verb of charging whose subject is another party than
    the claimant: (that party, whom it charges, what it says)."""
    for verb in ACCUSE.finditer(s, start):
        subject = next((m for m in reversed(mentions) if m.end <= verb.start() and verb.start() - m.end <= 30), None)
        if subject is None or subject.name == claimant or subject.name not in CONFLICT_PARTIES:
            continue
        if not SUBJECT_OF_VERB.search(s[subject.end:verb.start()]) or not reader.asserted(s, verb.start()):
            continue
        lo, hi = clause_of(s, verb.start())
        target = next((m for m in mentions if m.name != subject.name and verb.end() <= m.start <= max(verb.end() + 40, hi)), None)
        if target is not None and target.name in CONFLICT_PARTIES:
            return subject.name, target.name, s[verb.end():]
    return None


FROM_A_PLACE = re.compile(r"\b(?:from|by)\s+(?:the\s+)?$|\b(?:from|by)\s+\w+\s+(?:in\s+)?$", re.I)


def _attack_named(s: str) -> str:
    """The charge of a named attack, keyed by where it was: "the Wana attack",
    "the bombing outside Islamabad's courts" are two charges (ALERTS.md: blame for
    a named attack); "attack" alone where the sentence names no place."""
    return _nearest_attack_place(_attack_places(s))


def _nearest_attack_place(named: list[tuple[re.Match, tuple[int, str] | None]]) -> str:
    places = [place for _, place in named if place is not None]
    return f"attack:{min(places)[1]}" if places else "attack"


def _attacks_named(s: str) -> list[str]:
    """The charges of the attacks a sentence names: one (``_attack_named``), or
    each of attacks named together at their own places ("both the Islamabad
    bombing and Monday's assault on the cadet college in Wana")."""
    attacks = _attack_places(s)
    named = [(word, place[1]) for word, place in attacks if place is not None]
    if len({place for _, place in named}) > 1 and all(
        a[1] == b[1] or BOTH_ATTACKS.search(s, a[0].end(), b[0].start()) for a, b in zip(named, named[1:])
    ):
        return list(dict.fromkeys(f"attack:{place}" for _, place in named))
    return [_nearest_attack_place(attacks)]


BOTH_ATTACKS = re.compile(r"\b(?:and|as well as)\b", re.I)


def _attack_places(s: str) -> list[tuple[re.Match, tuple[int, str] | None]]:
    """Each attack's word in the sentence, with the place named nearest it and how near."""
    dateline = DATELINE.match(s)  # ("ISLAMABAD: A suicide bomber struck … in Bajaur": where it was filed, not where it was)
    return [(word, _place_of_attack(s, word, dateline)) for word in ATTACK_WORD.finditer(s)]


def _place_of_attack(s: str, word: re.Match, dateline: re.Match | None) -> tuple[int, str] | None:
    """The place named nearest an attack's word, and how near."""
    best = None
    for place in PLACES.find(s[max(0, word.start() - 40):word.end() + 50]):
        at = max(0, word.start() - 40) + place.start
        if FROM_A_PLACE.search(s, max(0, at - 12), at) or (dateline and at < dateline.end()):
            continue  # "a message from Kabul": who is charged, not where the attack was
        distance = word.start() - at if at < word.start() else at - word.end()
        if place.name not in ("Pakistan", "Afghanistan") and (best is None or distance < best[0]):
            best = (distance, place.name.replace(" province", ""))
    return best


FROM_BY = re.compile(r"\b(?:from|by)\b", re.I)
NARRATED_BEFORE = re.compile(r"\b(?:followed|following|after)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?$", re.I)
PASSIVE_BY = re.compile(r"\s+by\b(?!\s+\w+ing\b)", re.I)  # (not "by letting fighters cross": the means, a gerund)
REJECTED_NOUN = re.compile(
    r"(?:accusations?|allegations?|charges?)\s+(?:"
    r"(?:that\s+)?(?:[\w'’-]+\s+){1,3}?(?:rejects?|rejected|denies|denied|dismiss\w*|refutes?|refuted)|"
    r"(?:as\s+)?['‘\"“]?(?:\w+ly\s+)?(?:baseless|unfounded|false|fabricated|untrue|ridiculous|absurd|propaganda))\b", re.I)
OF_STRIKES = re.compile(r"\s+(?:of\s+(?:carrying out\s+|conducting\s+|launching\s+)?(?:[\w-]+\s+){0,3}?(?:air ?strikes|strikes|striking|air raids|raids|bombing|bombardment|shelling|drone attacks)|"
                        # "blamed Pakistan for the strikes on Khost" (not "for the bombing": a militant's, as often as not)
                        r"for\s+(?:[\w-]+\s+){0,3}?(?:air ?strikes|strikes|air raids|raids|bombardment|shelling|drone attacks))\b", re.I)
HABITUAL_CHARGE = re.compile(r"\b(?:regularly|routinely|often|frequently|usually|typically)\s+(?:\w+\s+)?$", re.I)
CONFLICT_PARTIES = frozenset({"Pakistan", "Afghanistan", "TTP"})
ALLEGED_THAT = re.compile(r"alleg(?:ed|es|ing)\s+that\b", re.I)


def _sponsor(s: str, subject: Mention, cue: re.Match) -> str | None:
    """"the 'Indian proxy' Fitna al-Khawarij", "Afghan-sponsored proxies": the
    party named as the proxies' master is charged with backing militants."""
    between = s[subject.end:cue.start()]
    if re.fullmatch(r"(?:-sponsored|-backed)?\s*(?:terrorist\s+|militant\s+)?", between, re.I) and re.match(r"prox", cue.group(), re.I):
        return "backing militants"
    return None


def _possessed_charges(s: str, parties: Gazetteer) -> list[Claim]:
    """"Kabul's allegation that Pakistan targeted civilians": the possessor
    charges the party it names, whoever reports or denies it."""
    claims = []
    mentions = parties.find(s)
    for cue, claimant in _possessed(s, mentions):
        accused = [m for m in mentions if cue.end() <= m.start <= cue.end() + 30 and m.name != claimant]
        if not accused:
            continue
        charge = s[cue.end():]
        topics = [name for name, pattern in TOPICS if pattern.search(charge)] or ["other"]
        if topics[0] == "civilians" and CLAIM_NOUN.search(cue.group()) and STRIKE_TOLD.match(charge) and not ACCUSATION_CONTENT.search(charge):
            # "Kabul's claim that Pakistani strikes killed ten civilians": a strike and its
            # toll told (_possessed_strikes), not a charge; an "allegation" would be one
            continue
        claims.append(_accusation(claimant, accused[0].name, topics[0], s))
    for cue in CHARGE_MADE_BY.finditer(s):
        author = [m for m in mentions if cue.start(1) <= m.start and m.end <= cue.end(1)]
        accused = [m for m in mentions if cue.end() <= m.start <= cue.end() + 30 and author and m.name != author[-1].name]
        if author and author[-1].name in OTHER_SIDE and accused and accused[0].name in CONFLICT_PARTIES:
            topics = [name for name, pattern in TOPICS if pattern.search(s[cue.end():])] or ["other"]
            claims.append(_accusation(author[-1].name, accused[0].name, topics[0], s))
    return claims


THEY_DID = re.compile(r"\b(?:they|the (?:raids|strikes|attacks|air strikes|airstrikes|jets|drones))\s+(?:had\s+|have\s+|were\s+)?$", re.I)
POSSESSIVE_BEFORE = re.compile(r"(?:'s|’s)\s+$")
CLAIM_NOUN = re.compile(r"\bclaims?\b", re.I)
# what a claim tells is a strike: "that a Pakistani air strike hit …", "that Pakistani strikes in Khost … killed"
STRIKE_TOLD = re.compile(r"\s*(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,2}?(?:air\s+|drone\s+|missile\s+)?(?:strikes?|raids?|shelling|bombardment)\b", re.I)


def _possessed_strikes(s: str, parties: Gazetteer, reader: _Reader) -> list[Claim]:
    """"rejects the Afghan Taliban's claim that a Pakistani air strike hit a
    hospital in Kabul": the possessor's own account of a strike, whoever
    reports or rejects it (its cues read from the claim's content on, in the
    whole sentence: a denial before "X's claim that" does not reach into it,
    and "had struck" after it is reported speech)."""
    claims: list[Claim] = []
    for cue, owner in _possessed(s, parties.find(s)):
        if cue.group().lower().rstrip().endswith("that"):
            claims += [c for c in _strikes(s, owner, reader, (cue.end(), len(s))) if c not in claims]
    return claims


def _possessed(s: str, mentions: list[Mention]):
    """Each "X's claim/allegation that|of …" whose possessor X is a side: (the cue, X's party)."""
    for cue in POSSESSED_CHARGE.finditer(s):
        owner = [m for m in mentions if m.end <= cue.start() and cue.start() - m.end <= 12]
        if owner and owner[-1].name in OTHER_SIDE:
            yield cue, owner[-1].name


# "rejected a statement by a spokesman for the Taliban defence ministry, who had
# accused Pakistan of violating the ceasefire": the one the relative clause is about charges.
RELATIVE_CHARGE = re.compile(r",\s+(?:who|which)\s+(?:had\s+|has\s+|have\s+)?(?:also\s+)?(?:accused|blamed|charged)\b", re.I)


# "…, a charge Kabul rejects", "…, an allegation the Taliban have long denied"
REJECTED_TAIL = re.compile(
    r",\s+(?:a|an|the)\s+(?:charges?|accusations?|allegations?|claims?)\s+(?:that\s+|which\s+)?((?:[\w'’-]+\s+){1,3}?)"
    r"(?:(?:has|have|had)\s+)?(?:(?:long|repeatedly|strongly|firmly|always)\s+)?(?:rejects?|rejected|denies|denied|dismiss\w*|refutes?|refuted)\b", re.I)


def _rejecter(s: str, parties: Gazetteer) -> str | None:
    """The party that rejects the charge just told ("…, a charge Kabul rejects")."""
    tail = REJECTED_TAIL.search(s)
    if tail is None:
        return None
    named = [m for m in parties.find(tail.group(1))]
    return named[0].name if named else None


def _relative_charges(s: str, parties: Gazetteer, reader: _Reader) -> list[Claim]:
    """A charge told in a relative clause about its author, whoever reports or rejects it."""
    claims = []
    mentions = parties.find(s)
    for cue in RELATIVE_CHARGE.finditer(s):
        author = [m for m in mentions if cue.start() - 60 <= m.start and m.end <= cue.start() and "," not in s[m.end:cue.start()]]
        if not author or author[-1].name not in OTHER_SIDE or not reader.asserted(s, cue.end()):
            continue
        claimant = author[-1].name
        accused = [m for m in mentions if cue.end() <= m.start <= cue.end() + 30 and m.name != claimant]
        if accused and accused[0].name in CONFLICT_PARTIES:
            topics = [name for name, pattern in TOPICS if pattern.search(s[cue.end():])] or ["other"]
            claims.append(_accusation(claimant, accused[0].name, topics[0], s))
    return claims


ANY_ATTACK = re.compile(r"\b(?:attacks|bombings|blasts|assaults|raids)\b", re.I)


ATTACK_PLACE_BEFORE = re.compile(r"\s*(?:(?:in|on|at|near|outside|inside|of)\s+)?(?:the\s+)?(?:[\w'’-]+\s+){0,2}?", re.I)


def _names_an_attack(s: str) -> bool:
    """One attack ("the Bajaur attack", "the bomber"), or attacks named by
    their places ("the bombings in Islamabad, Bajaur and Bannu")."""
    if ATTACK_WORD.search(s):
        return True
    # ("recent attacks inside Pakistan": a country names no one attack; "… attacks and urged Kabul":
    # a place after another verb is not where they were)
    for m in ANY_ATTACK.finditer(s):
        window = s[m.end():m.end() + 45]
        for place in PLACES.find(window):
            if place.name not in ("Pakistan", "Afghanistan") and ATTACK_PLACE_BEFORE.fullmatch(window[:place.start]):
                return True
    return False


def _attack_blame(s: str, others: list[Mention]):
    """A named attack laid at the other side's door: "the bombers took orders
    from handlers in Afghanistan", "carried out by Afghan Taliban proxies"."""
    if not _names_an_attack(s):
        return None
    for cue in ATTACK_AUTHOR.finditer(s):
        # (the author named after the words, or just before them: "Afghan footprints", "Afghanistan's involvement")
        if any(cue.start() <= m.start <= cue.end() + 40 or (0 <= cue.start() - m.end <= 4) for m in others):
            return cue
    return None


def _accusation(claimant: str, target: str, topic: str, s: str = "") -> Claim:
    if topic == "attack" and s:
        topic = _attack_named(s)
    charge = f"the attack in {topic[7:]}" if topic.startswith("attack:") else TOPIC_NAMES.get(topic, topic.replace('_', ' '))
    return Claim(claimant, "accusation", target, None, topic, f"{claimant} accuses {target} of {charge}",
                 "medium" if topic in ("ceasefire_violation", "civilians", "airspace") else "low")


def _reciprocal(s: str, reader: _Reader) -> list[Claim]:
    """"Pakistan and Afghanistan accused each other of starting the firing":
    each side charges the other; the charge is the fighting unless it says more."""
    cue = RECIPROCAL.search(s)
    if cue is None or not reader.asserted(s, cue.start()):
        return []
    topics = [name for name, pattern in TOPICS if pattern.search(s[cue.start():])]
    topic = topics[0] if topics else "ceasefire_violation" if re.search(r"\b(?:fire|firing|shooting|clash\w*|fighting|shelling)\b", s, re.I) else None
    if topic is None:
        return []  # "the talks failed and each blamed the other": no charge named, nothing of the fighting
    return [_accusation("Pakistan", "Afghanistan", topic, s), _accusation("Afghanistan", "Pakistan", topic, s)]


def _observe(article, config: dict, baseline_mode: bool) -> list[monitor.Observation]:
    text = article.full_text
    parties = _parties(config)
    if not SCOPE.about_the_conflict(text) or not PREFILTER.search(text) or not CLAIM_CUE.search(text):
        return []  # cheap gates first: most stories that name the two countries say nothing a claim is made of
    reader = _Reader(article, parties, baseline_mode)
    observations: list[monitor.Observation] = []
    # A story about a quake or a flood: its later sentences' tolls are the disaster's too.
    disaster = bool(NOT_THE_CONFLICT.search(article.title or ""))
    # Only the sentences that can hold a claim are read further; speakers are
    # resolved (in order, up to each one asked about) for those alone. Counting
    # the article's names for its scope costs more than that test, so comes after.
    readings = read(article, SCOPE, speakers=reader)
    candidates = [r for r in readings if _may_hold_a_claim(r, disaster)]
    if not candidates or not SCOPE.article_in_scope(text):
        return []
    for reading in candidates:
        sentence, s = reading.sentence, reading.text
        claimant, span = reading.speaker, reading.speaker_span
        reciprocal = _reciprocal(s, reader)
        # "Kabul's allegations that Pakistan …": the possessor's charge, whoever speaks or denies it
        claims = reciprocal + _possessed_charges(s, parties) + _possessed_strikes(s, parties, reader) + _relative_charges(s, parties, reader)
        if claimant is None:
            both = BOTH_SIDES_SPEAK.search(s)
            if both:  # "both sides claimed to have killed dozens": each side's claim
                # (within its part of the sentence: "Four civilians killed in a clash; each side says the other broke the truce")
                within = (s.rfind(";", 0, both.start()) + 1, s.find(";", both.end()) % (len(s) + 1))
                for side in ("Pakistan", "Afghanistan"):
                    claims += _casualties(s, side, reader, (0, 0), within)
            observations += [_observation(c, sentence) for c in claims]
            continue
        verb = REPORTING.search(s)
        # ("Kabul rejected the account: its defence ministry said …": a denial's clause ends at the colon)
        denial = DENIAL_VERB.search(s, clause_of(s, verb.start())[0] if verb else 0, verb.end() if verb else len(s))
        # ("rejected responsibility and accused the Afghan side of …": a charge of its own after the denial)
        if denial and not ACCUSE.search(s, denial.end()) and not baseline_mode:
            # "Pakistan denied …" asserts the opposite of a claim; the charge it denies is the other side's
            own = OWN_ACCOUNT_AFTER_DENIAL.search(s, denial.end())
            if own:
                # "… denied targeting any medical facility, saying it had targeted military
                # installations in Kabul": the speaker's own account follows the denial
                within = (own.end(), len(s))
                claims += _casualties(s, claimant, reader, span, within) + _territory(s, claimant, reader, within)
                claims += _strikes(s, claimant, reader, within) if claimant in OTHER_SIDE else []
                # "… rejected Kabul's version of the firing, saying Afghan forces had opened fire first":
                # the speaker's own charge, read with the denied words blanked (same positions)
                claims += _accusations(" " * own.start() + s[own.start():], claimant, reader, span, all_topics=baseline_mode)
            observations += [_observation(c, sentence) for c in claims]
            continue
        claims += _by_clause(reading, claimant, span, lambda who, within: _casualties(s, who, reader, span, within))
        claims += _by_clause(reading, claimant, span, lambda who, within: _territory(s, who, reader, within))
        if not reciprocal:  # "accused each other" is both sides' charge, read above
            # ("…, a charge Kabul rejects": whoever tells it, the charge is the other side's)
            author = OTHER_SIDE.get(_rejecter(s, parties) or "", claimant)
            # "Pakistan said the bombing answered Afghan attacks; the Taliban government condemned the
            # raids as a breach of its airspace": a clause the other side speaks holds that side's charge
            # (only past a semicolon: within one clause chain the sentence's speaker still speaks)
            theirs = [(lo, hi, own) for lo, hi, own in reading.clause_speakers if own in OTHER_SIDE and own != author and _apart(s, lo, hi, span)]
            claims += _accusations(_blanked(s, [(lo, hi) for lo, hi, _ in theirs]), author, reader, span, all_topics=baseline_mode)
            for lo, hi, own in theirs:
                claims += [c for c in _accusations(_blanked(s, [(0, lo), (hi, len(s))]), own, reader, span, all_topics=baseline_mode) if c not in claims]
        claims += [c for c in _struck_were_civilian(reading, claimant, reader) if c not in claims]
        # A strike told by the side that struck or was struck is its own claim,
        # beside its toll: the place struck is part of its key (ALERTS.md).
        # (a third party's account of a strike gives only its tolls)
        claims += _by_clause(reading, claimant, span, lambda who, within: _strikes(s, who, reader, within) if who in OTHER_SIDE else [])
        observations += [_observation(c, sentence) for c in claims]
    return _dedupe(_one_attack_place(observations, readings), one_charge_per_party=not baseline_mode)


def _blanked(s: str, spans: list[tuple[int, int]]) -> str:
    """``s`` with the ``spans`` blanked out, every other character where it was."""
    for lo, hi in spans:
        s = s[:lo] + " " * (hi - lo) + s[hi:]
    return s


def _one_attack_place(observations: list[monitor.Observation], readings) -> list[monitor.Observation]:
    """A charge of "the attack" that names no place is about the attack named
    last before it in the article, else the first named after it: "Afghan-based
    militants behind Islamabad suicide attack", then "… were behind Tuesday's
    bombing outside the capital's courts" is one charge."""
    if not any(o.claim_type == "accusation" and o.topic == "attack" for o in observations):
        return observations
    named = [(r.sentence.start, _attack_named(r.text)) for r in readings]
    named = [(at, topic) for at, topic in named if topic != "attack"]
    if not named:
        return observations
    resolved = []
    for o in observations:
        if o.claim_type == "accusation" and o.topic == "attack":
            before = [topic for at, topic in named if at <= (o.start or 0)]
            topic = before[-1] if before else named[0][1]
            o = dataclasses.replace(o, topic=topic, value=_accusation(o.claimant, o.target, topic).statement)
        resolved.append(o)
    return resolved


BOTH_SIDES_SPEAK = re.compile(r"\b(?:both sides|the two sides|each side|both countries|both armies|both governments)\s+(?:\w+\s+)?(?:claimed|claim|said|say|says)\b", re.I)


def _may_hold_a_claim(reading, disaster: bool) -> bool:
    """The sentence tests of ``_observe``, then what some extractor needs in
    the sentence besides its speaker: a sentence that fails this yields no
    claim, whoever speaks it. Kept in step with the extractors."""
    s = reading.text
    if not (reading.sentence.in_quote or PREFILTER.search(s)):
        return False
    cue = CLAIM_CUE.search(s)
    if not cue and not (CASUALTY_VERB.may_occur(s) or CHARGE_BY.may_occur(s)):
        return False
    if NOT_THE_CONFLICT.search(s) or (disaster and not CONFLICT_WORDS.search(s)):
        return False  # a toll from a quake, a flood or a crime
    if not (_what_an_extractor_needs(s) if cue else _cue_in_a_window(s)):
        return False
    return not reading.elsewhere  # another conflict


# Where an extractor reads a slice of the sentence, whose edge may cut a word
# ("un|skilled" reads "killed"), its cue is looked for anywhere in the words.
_POSTS_ANYWHERE = lowered(POSTS)


def _what_an_extractor_needs(s: str) -> bool:
    if not s.isascii() and len(s.lower()) != len(s):
        return True  # "İ": the quick tests of names below read lower-cased text, which is longer
    # each other's charges, a possessor's charge, a charge named by what it is called
    if RECIPROCAL.search(s) or POSSESSED_CHARGE.search(s) or CHARGE_MADE_BY.search(s) or CALLED_A_CHARGE.search(s) or STRUCK_WERE_CIVILIAN.search(s):
        return True
    # a toll: its verb in the words around a figure, or civilians killed with no number (_casualties)
    if _toll_verb_near_a_figure(s) or UNCOUNTED_CIVILIAN_TOLL.search(s):
        return True
    # posts taken or destroyed: the verb, and posts in its clause (_territory)
    if TERRITORY_VERB.search(s) and _POSTS_ANYWHERE.may_occur(s):
        return True
    # a strike: a place named after its cue, or "the district" after it and a place before (_strikes)
    for cue in STRIKE.finditer(s):
        after = s[cue.start():]
        if PLACES.mentioned(after) or (THE_PLACE.match(s[cue.end():]) and PLACES.mentioned(s)):
            return True
    # a charge against a party the sentence names (_accusations)
    mentions = PARTIES.find(s)
    if not mentions:
        return False
    # (an author's words count only beside an attack named, as _attack_blame and _accusations read them:
    # "families returned to Kandahar from Pakistan" is no attack's author)
    return bool(ACCUSE.search(s) or ACCUSATION_CONTENT.search(s) or (ATTACK_AUTHOR.search(s) and _names_an_attack(s))) \
        or _charge_by_a_party_named(s, mentions)


def _cue_in_a_window(s: str) -> bool:
    """What an extractor needs in a sentence without any whole cue (none of
    ``CLAIM_CUE``): only a cue in a slice it reads, cut from a longer word."""
    return _toll_verb_near_a_figure(s) or (CHARGE_BY.may_occur(s) and _charge_by_a_party_named(s, PARTIES.find(s)))


def _toll_verb_near_a_figure(s: str) -> bool:
    return CASUALTY_VERB.may_occur(s) and any(CASUALTY_VERB.search(_toll_window(s, n)[2]) for n in find_numbers(s))


def _charge_by_a_party_named(s: str, mentions: list[Mention]) -> bool:
    return CHARGE_BY.may_occur(s) and any(CHARGE_BY.search(s[max(0, m.start - 60):m.start]) for m in mentions)


NOT_THE_CONFLICT = re.compile(
    r"\b(?:earthquakes?|quakes?|tremors?|aftershocks?|magnitude|floods?|flooding|flash floods|landslides?|avalanches?|(?<!to )storms?(?!\s+(?:a|an|the|their|its)\b)|"
    r"road accident|traffic accident|(?:bus|van|coach|truck) (?:crash|accident|plunged)|robbery|robbers|dacoits?|murder(?:ed)? over|"
    r"honou?r killing|family feud|land dispute|stampede|gas cylinder|building collapse|roof collapse|drown\w*)\b",
    re.I,
)


# What a charge of no known kind must speak of to be about the conflict.
# Fire exchanged between the sides, as what a charge that names nothing else is about.
# (not when the charge names a deed of its own: "accuses Islamabad of targeting nomads")
A_DEED_CHARGED = re.compile(r"\b(?:of|for)\s+(?:\w+ly\s+)?(?!firing\b|shooting\b|shelling\b)\w+ing\b", re.I)
EXCHANGE_OF_FIRE = re.compile(r"\b(?:gunfire|firing|shooting|clash(?:es)?|skirmish(?:es)?|exchanges? of fire|fire(?:fight)?|shelling)\b", re.I)
CHARGE_OF_THE_CONFLICT = re.compile(
    r"\b(?:strikes?|shell\w*|fighting|clash\w*|attack\w*|fir(?:e|ed|ing)|bomb\w*|raids?|troops|forces|militan\w*|terror\w*|"
    r"ceasefire|truce|border|soldiers|civilians|kill\w*|war|aggression|invasion|violat\w*|drones?|posts?|"
    r"trade|routes?|crossings?|transit|block\w*|closing|closure|weapon\w*|refugees|deport\w*|"
    # "accused Kabul of sabotaging the talks": the peace talks are this conflict's
    r"talks|negotiations|peace process)\b",
    re.I,
)
CONFLICT_WORDS = re.compile(r"\b(?:strikes?|shell\w*|fighting|clash\w*|attack\w*|firing|fired|bomb\w*|raids?|troops|forces|militants?|ceasefire|truce)\b", re.I)


# Every cue a claim is built on, in one pattern: an article without any of them
# can hold no claim (each extractor needs one), so its sentences and speakers are
# not read. Exactly the extractors' cues, so what is found is unchanged.
CLAIM_CUE = lowered(re.compile(
    "|".join(p.pattern for p in (CASUALTY_VERB, TERRITORY_VERB, STRIKE, ACCUSE, ACCUSATION_CONTENT, CALLED_A_CHARGE, ATTACK_AUTHOR, RECIPROCAL, STRUCK_WERE_CIVILIAN))
    + r"|\b(?:provocations?|violations?|aggression|attacks?|crimes?)\b|\b(?:started|initiated|begun|provoked|triggered)\s+(?:by|from)\b|" + POSSESSED_CHARGE.pattern + "|" + CHARGE_MADE_BY.pattern,
    re.I,
))


def _observation(claim: Claim, sentence) -> monitor.Observation:
    return monitor.Observation(
        kind="claim",
        subject=claim.claimant,
        claimant=claim.claimant,
        value=claim.statement,
        claim_type=claim.claim_type,
        target=claim.target,
        figure=claim.figure,
        topic=claim.topic,
        evidence=sentence.text,
        confidence=0.75,
        severity=claim.severity,  # type: ignore[arg-type]
        start=sentence.start,
        end=sentence.end,
    )


def _dedupe(observations: list[monitor.Observation], one_charge_per_party: bool) -> list[monitor.Observation]:
    """One article often says the same figure twice (headline and body), once
    with its target and once without: keep the specific one. Likewise one
    party charging another is one claim per article, the most specific charge
    kept (the baseline keeps every charge, to know them all)."""
    kept: list[monitor.Observation] = []
    order = sorted(observations, key=lambda o: (o.target is None, o.figure is None, o.topic == "other"))
    for obs in order:
        if one_charge_per_party and obs.claim_type == "accusation" and any(
            (k.claimant, k.claim_type, k.target) == (obs.claimant, "accusation", obs.target) and (k.topic == obs.topic or obs.topic == "other")
            for k in kept
        ):
            continue
        same = [
            k for k in kept
            if (k.claimant, k.claim_type, k.topic) == (obs.claimant, obs.claim_type, obs.topic)
            and (k.target == obs.target or obs.target is None)
            and (
                k.figure == obs.figure
                or obs.figure is None  # a vague headline, said exactly in the body
                or (k.figure and abs(k.figure - obs.figure) <= 0.1 * max(k.figure, obs.figure))
            )
        ]
        if not same:
            kept.append(obs)
    kept.sort(key=lambda o: o.start or 0)
    return kept


@monitor.hookimpl
def detect(article, config):
    return _observe(article, config, baseline_mode=False)


@monitor.hookimpl
def baseline(article, config):
    return _observe(article, config, baseline_mode=True)
