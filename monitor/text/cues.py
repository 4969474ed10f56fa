"""Is this a statement of fact about now? Negation, denial, hedging, future and
conditional statements, questions, and background that restates old facts.

The helpers look at the words *before* a cue (a verb or phrase a detector
found), within its clause, because that is where English puts what qualifies
it: "traders hope Torkham [reopens]", "Pakistan will not [reopen] Chaman",
"officials denied the truce had [collapsed]".
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from monitor.text.lowered import lowered
from monitor.text.sentences import clause_of

NEGATION = lowered(re.compile(
    r"\b(?:not|no|never|n't|without|neither|nor|yet to|no longer|none|failed to|refused to|instead of)\b|n't\b", re.I
))
DENIAL = lowered(re.compile(
    r"\b(?:den(?:y|ied|ies|ying|ial)|reject(?:ed|s|ing)?|dismiss(?:ed|es|ing)?|refut(?:ed|es|ing)|rubbish(?:ed)?|"
    r"baseless|false reports?|rumou?rs?|dispel(?:led)?|contradict(?:ed|s)?)\b",
    re.I,
))
# Hopes, plans, demands, conditions, the future, possibility.
MODAL = lowered(re.compile(
    r"\b(?:hop(?:e|es|ed|ing)|expect(?:s|ed|ing)?|plan(?:s|ned|ning)?|consider(?:s|ed|ing)?|"
    r"mull(?:s|ed|ing)?|propos(?:e|es|ed|ing)|demand(?:s|ed|ing)?|urg(?:e|es|ed|ing)|call(?:s|ed|ing)? for|"
    r"want(?:s|ed)?|seek(?:s|ing)?|sought|push(?:es|ed|ing)? for|aim(?:s|ed)? to|intend(?:s|ed)?|"
    r"(?:press(?:es|ed|ing)?|lobby(?:ing)?|lobbie[sd]|appeal(?:s|ed|ing)?|plead(?:s|ed|ing)?|campaign(?:s|ed|ing)?) for|"
    r"will|would|shall|should|could|might|may|must|can|going to|set to|likely to|expected to|about to|"
    r"threat(?:en|ens|ened|ening)|warn(?:s|ed|ing)?|ready to|prepared to|decid(?:e|es|ed) (?:to|that)|agreed to (?!a\b|an\b|the\b)|"
    r"if|unless|until|whether|once(?! again| more)|in case|as long as|provided|condition|possib(?:le|ly|ility)|"
    r"prospect|chance|talks? (?:on|about)|efforts? to|bid to|attempt(?:s|ed)? to|sought to|fear(?:s|ed)?|risk(?:s|ed)?|"
    r"discuss(?:es|ed|ing|ion|ions)?|negotiat\w*|debat\w*|weigh(?:s|ed|ing)?|explor(?:e|es|ed|ing)|review(?:s|ed|ing)?|signal(?:s|led|ed|ling|ing))\b",
    re.I,
))
QUESTION = re.compile(r"\?\s*[\"”’']?\s*$")
# Verbs that report only with "that" after them ("replied that", "stressed that"), shared
# with monitor.text.attribution's REPORTING: the same words say whose they are and that
# a past perfect after them is what was said.
SAYING_THAT = (r"(?:repeat|reiterat|stress|argu|assert|contend|explain|maintain|insist)(?:ed|es|s)? that|"
               r"(?:answer(?:ed|s)|repl(?:ied|ies)|respond(?:ed|s)|retort(?:ed|s)|counter(?:ed|s)|rebut(?:ted|s)) that")
REPORTED_SPEECH = re.compile(
    r"\b(?:said|says|say|told|added|stated|claimed|claims|claim (?:by|from|that)|announced|confirmed|reported|according to|insisted|maintained|alleged|charged|acknowledged|admitted|noted|"
    + SAYING_THAT + "|"
    r"accused|accuses|allegations?|accusations?|"
    # ("writing online that dozens had been killed": the participle reports too)
    r"posted|wrote|tweeted|countered|(?:saying|writing|posting|adding|telling \w+|claiming|stating)(?: that)?|(?:by|in) (?:his|her|their|its) (?:count|tally|account))\b",
    re.I,
)
RELATIVE_BEFORE = re.compile(r"\b(?:who|which)\s+$", re.I)
CLAIMED_PERFECT = re.compile(r"had\s+(?:alleged|claimed|charged|accused)\b", re.I)
PAST_PERFECT = lowered(re.compile(r"\bhad\s+(?:been\s+)?(?:\w+ed|shut|built|held|broken|seen|begun|fought|brought|taken|led)\b", re.I))
RELATIVE_PAST = lowered(re.compile(
    r"\b(?:last (?:week|month|year|spring|summer|autumn|winter)|earlier this (?:month|year)|previously|in the past|"
    r"(?:weeks|months|years) ago|(?:during|since|after) (?:last (?:month|year)'?s?|the (?:month|year)'s)|"
    r"(?:during|in) (?:the )?(?:earlier|previous|past|last) (?:clashes|fighting|round|conflict)|"
    r"at the time|back then|once again recalled|recalled|"
    # "that October", "that week": a time already told, not now
    r"that (?:week|month|year|spring|summer|autumn|winter|january|february|march|april|may|june|july|august|september|october|november|december))\b",
    re.I,
))
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
_MONTH_RE = "|".join(m[:3] + r"(?:" + m[3:] + r")?" for m in _MONTHS)
SINCE_CLAUSE_BEFORE = re.compile(r"\bsince\s+(?:[\w'’-]+\s+){1,6}$", re.I)
CONTINUING = re.compile(r"\b(?:has|have)\s+(?:been|remained|stayed|kept)\b", re.I)
# "October's deadly border fighting", "the October clashes": events named by their month.
MONTH_EVENT = re.compile(
    rf"\b({_MONTH_RE})(?:'s|’s)?\s+(?:\w+\s+){{0,2}}?(?:clashes|fighting|hostilities|war|conflict|skirmishes|offensive|violence|escalation|flare-up)\b",
    re.I,
)
# How a conflict began, told as its origin: "the fighting began when Pakistan launched air strikes",
# "the clashes began this month after Islamabad pressed Kabul".
ORIGIN = lowered(re.compile(
    r"\b(?:fighting|clashes|conflict|war|crisis|violence|hostilities|escalation|standoff) (?:had )?(?:began|begun|erupted|started|broke out|flared)\s+(?:\w+\s+){0,3}?(?:when|after)\b",
    re.I,
))
_DATE_TEXT = rf"(?:\d{{1,2}}\s+(?:{_MONTH_RE})|(?:{_MONTH_RE})\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?)(?:,?\s+\d{{4}})?"
EXPLICIT_DATE = lowered(re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH_RE})\b\.?(?:\s+(?P<y1>\d{{4}}))?|(?P<m2>{_MONTH_RE})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y2>\d{{4}}))?|(?:in|of) (?:early |mid-?|late |the middle of |the end of )?(?P<m3>{_MONTH_RE})(?!\.?\s+\d{{1,2}}\b)(?:\s+(?P<y3>\d{{4}}))?\b)",
    re.I,
))

# "the operation, launched on February 26, has killed …": the date is the participle's, set off by commas
PARENTHETICAL_DATE = re.compile(r",\s+(?:which was\s+|that was\s+)?[a-z]+ed\s+(?:on|in)\s+" + _DATE_TEXT + r"\s*,", re.I)
# "the February 6 attack", "the 26 February bombing": a date worn by an event's noun names that event
EVENT_NAMED_BY_DATE = re.compile(
    r"\b(?:the|a|last|this)\s+" + _DATE_TEXT + r"(?:'s|’s)?\s+(?:[\w-]+\s+){0,2}?"
    r"(?:attacks?|bombings?|blasts?|assaults?|raids?|explosions?|massacres?|ambush(?:es)?|clashes|strikes?)\b", re.I)
PERIOD_START = re.compile(
    # ("from late on 26 February to 2 March")
    r"\b(?:since|from|between)\s+(?:the\s+(?:evening|morning|night|start|beginning|end|middle)\s+of\s+)?(?:early |mid-|late )?(?:on\s+)?" + _DATE_TEXT
    # "since every crossing was shut on October 12": a clause of "since" dates the period's start
    + r"|\bsince\s+(?:[\w'’-]+\s+){1,8}?(?:on|in)\s+" + _DATE_TEXT,
    re.I,
)

# ("has so far killed 641": a running tally, now)
PRESENT_PERFECT = re.compile(r"\b(?:has|have)\s+(?:(?:been|remained|stayed)\s+)?(?:(?:\w+ly|so far|thus far|to date|already|now|also|just)\s+)?$", re.I)

# (not "if", "unless", "once", "until": a condition does qualify the clause after it)
FRONTED_CLAUSE = re.compile(r"\W*(?:while|as|when|after|since|although|though|because|even as|just as)\b[^,;]*,", re.I)

WINDOW = 70  # characters before a cue that can qualify it
DATE_REACH = 60  # characters before a cue within which a written date dates it


def window_before(sentence: str, position: int, width: int = WINDOW) -> str:
    """The words before ``position`` that belong to its clause."""
    start, _ = clause_of(sentence, position)
    return sentence[max(start, position - width):position]


def is_question(sentence: str) -> bool:
    return bool(QUESTION.search(sentence))


def negated(sentence: str, position: int, width: int = 35) -> bool:
    """A negation close before the cue: "will not reopen", "never closed"."""
    return bool(NEGATION.search(window_before(sentence, position, width)))


def denied(sentence: str, position: int) -> bool:
    """A denial anywhere before the cue in the sentence: "rejected reports that
    the ceasefire had collapsed"; but not across another speaker's verb of
    saying ("called the claims 'baseless', after Asif wrote that … blamed Kabul")."""
    for called_false in CALLED_FALSE.finditer(sentence):
        if called_false.start() < position < called_false.end():
            return True  # "saying reports of 40 dead were false": the figure is the report's, denied
    last = None
    for last in DENIAL.finditer(sentence, 0, position):
        pass
    if last is None or ANOTHER_SPEAKER.search(sentence, last.end(), position):
        return False
    # "rejected that account and accused Afghan forces of …": the cue is a charge of its own
    return not (OWN_CHARGE_AFTER.search(sentence, last.end(), position) and CHARGE_VERB.match(sentence, position))


# Another's report, called false after it is told.
CALLED_FALSE = lowered(re.compile(
    r"\b(?:reports?|claims?|allegations?|rumou?rs?|accounts?)\s+(?:of|that)\b[^.;]{0,120}?\b(?:is|are|was|were)\s+"
    r"(?:completely\s+|totally\s+|entirely\s+|simply\s+)?(?:false|baseless|untrue|unfounded|fabricated|propaganda|lies|misleading|incorrect)\b",
    re.I,
))
# After a denial, the speaker's own account begins: "denied targeting any
# medical facility, saying it had targeted military installations in Kabul".
OWN_ACCOUNT_AFTER_DENIAL = re.compile(r",\s+(?:saying|insisting|adding|arguing|and said|but said)\s+(?:that\s+)?", re.I)
# A verb of saying (not "claims", which is often a noun): another speaker's words begin.
ANOTHER_SPEAKER = re.compile(
    OWN_ACCOUNT_AFTER_DENIAL.pattern + "|"
    r"\b(?:said|says|say|wrote|writes|told|stated|tweeted|posted|added|insisted|announced|declared)\b"
    r"|\band (?:also |instead |in turn )?(?:accused|accuses|blamed|blames|charged)\b"  # "rejected responsibility and accused …"
    r"|\bwho (?:had |has |have )?(?:accused|alleged|claimed|said|blamed|charged)\b"  # "rejected a statement by a spokesman, who had accused …"
    # "dismissed an allegation by the Taliban's spokesman that …", "rejected Kabul's claims that …": a charge reported as the other's
    r"|\b(?:claims?|allegations?|accusations?|charges?)\s+(?:made\s+|levell?ed\s+)?by\s+[^,;]{3,90}?\s+that\b"
    r"|(?:'s|’s)\s+(?:\w+\s+)?(?:claims?|allegations?|accusations?|charges?)\s+that\b",
    re.I,
)
OWN_CHARGE_AFTER = re.compile(r"\band\s+(?:also\s+|instead\s+|then\s+|in turn\s+)?$", re.I)  # ("denies it and in turn accuses …")
CHARGE_VERB = re.compile(r"(?:accus|blam|charg)\w*", re.I)
ORDERED = re.compile(r"\b(?:instructs|instructed|ordered|orders|directed|directs|authori[sz]ed|authori[sz]es)\b(?:(?!\b(?:if|unless|once|when|until)\b)[^.;]){0,100}\bto\s+(?:be\s+)?$", re.I)
INFINITIVE = lowered(re.compile(r"\bto\s+(?:be\s+)?$", re.I))


# After "to", a noun makes it a preposition ("attributed the deaths to air
# strikes", "in response to attacks"), not an infinitive.
# (an -ed word after "to" is no bare infinitive either: "resorted to unprovoked firing")
# (nor a figure: "injuries to fourteen others", "the toll rose to 40")
NOUN_AFTER_TO = re.compile(r"(?:air|aerial|drone|artillery|mortar|rocket|missile|cross-border|indirect|[\w-]*[^\Ws]s|[\w-]+ed|\d[\d,.]*|"
                           r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
                           r"nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|hundreds|dozens|scores|at least|more than|nearly|about))\b", re.I)


def hedged(sentence: str, position: int, width: int = WINDOW) -> bool:
    """A hope, plan, demand, condition, the future or a possibility qualifies
    the cue; so does a bare infinitive ("Torkham to reopen Monday")."""
    window = window_before(sentence, position, width)
    fronted = FRONTED_CLAUSE.match(sentence, clause_of(sentence, position)[0])
    if fronted and fronted.end() <= position:
        # "While talks went on in Istanbul, Pakistani forces opened fire": a fronted
        # clause of time ends at its comma, and its words qualify nothing after it
        window = sentence[max(fronted.end(), position - width):position]
    if MODAL.search(window):
        return True
    infinitive = INFINITIVE.search(window)
    if infinitive and ORDERED.search(sentence, max(0, position - 120), position):
        return False  # "a letter instructs customs to let UN consignments through": an order in force, not a hope
    return bool(infinitive) and ("be" in infinitive.group().lower() or not NOUN_AFTER_TO.match(sentence, position))


def not_asserted(sentence: str, position: int) -> str | None:
    """Why the cue at ``position`` is not an assertion of fact, or None if it is."""
    if is_question(sentence):
        return "question"
    if denied(sentence, position):
        return "denial"
    if negated(sentence, position):
        return "negation"
    if hedged(sentence, position):
        return "hedge"
    return None


def asserted_now(sentence: str, position: int, published: datetime | None, background_ok: bool = False, recent_days: int = 3) -> bool:
    """Whether the cue at ``position`` states a fact of now: asserted (see
    ``not_asserted``) and not background. ``background_ok`` is for reading a
    reference article, which restates its facts by design."""
    if not_asserted(sentence, position):
        return False
    return background_ok or not is_background(sentence, published, position, recent_days)


WEEKDAY = lowered(re.compile(r"\b(?:on|late on|early on|last|since)\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I))
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def weekday_dates(sentence: str, reference: datetime) -> list[datetime]:
    """Days named by weekday ("on Thursday"), as the latest such day up to the
    article's own: "On Thursday, forces exchanged fire", told on a Saturday."""
    found = []
    for m in WEEKDAY.finditer(sentence):
        back = (reference.weekday() - _WEEKDAYS.index(m.group(1).lower())) % 7
        found.append(reference - timedelta(days=back))
    return found


def mentioned_dates(sentence: str, reference: datetime) -> list[datetime]:
    """Dates written in the sentence, resolved against the article's date."""
    found = []
    for m in EXPLICIT_DATE.finditer(sentence):
        month_text = (m.group("m1") or m.group("m2") or m.group("m3") or "").lower()
        month = next((i + 1 for i, name in enumerate(_MONTHS) if name.startswith(month_text[:3])), None)
        if month is None:
            continue
        day = int(m.group("d1") or m.group("d2") or 1)
        year_text = m.group("y1") or m.group("y2") or m.group("y3")
        year = int(year_text) if year_text else reference.year
        try:
            when = datetime(year, month, day, tzinfo=reference.tzinfo)
        except ValueError:
            continue
        if not year_text and when > reference + timedelta(days=31):
            when = when.replace(year=year - 1)
        found.append(when)
    return found


def _without_dates_of_other_things(sentence: str, position: int | None = None) -> str:
    """The sentence with the dates that date no event of its own blanked: the
    start of a period ("between 26 February and …") and a participle's date
    set off by commas (", launched on February 26,"); given a cue's
    ``position``, also a date that names another event ("the February 6
    attack"). A span that holds the cue dates it: in "frosty ties since
    deadly border clashes in October", October is when the clashes were."""
    blank = lambda m: " " * len(m.group())  # noqa: E731
    outside = lambda m: m.group() if position is not None and m.start() <= position < m.end() else blank(m)  # noqa: E731
    undated = PARENTHETICAL_DATE.sub(blank, PERIOD_START.sub(outside, sentence))
    if position is not None:
        # ("the bombings, including the February 6 attack on a mosque, had been directed from
        # Afghanistan": the date names the attack; the charge about it is told now)
        undated = EVENT_NAMED_BY_DATE.sub(outside, undated)
    return undated


def event_dates(sentence: str, reference: datetime, position: int | None = None, after: int = 40) -> list[datetime]:
    """The dates that date the sentence's own events (see ``mentioned_dates``):
    not a period's start, nor a date set off by commas with its participle.
    Given a cue's ``position``, only the dates near it (``DATE_REACH`` before,
    ``after`` characters after), and not a date that names another event
    ("the February 6 attack"). Blanked over the whole sentence first, so that
    a window cutting a period's start does not see a date."""
    undated = _without_dates_of_other_things(sentence, position)
    if position is not None:
        undated = undated[max(0, position - DATE_REACH):position + after]
    return mentioned_dates(undated, reference)


# "October's fighting, in which the UN counted 50 civilians dead": what the relative clause tells is that event's
IN_WHICH = re.compile(r",?\s+(?:in|during) which\b", re.I)
# "the October fighting followed Pakistani air strikes on Kabul": what an earlier event
# followed, or was set off by, is earlier still
WHAT_IT_FOLLOWED = re.compile(
    r",?\s+(?:which\s+|that\s+)?(?:had\s+)?(?:followed|came after|erupted after|broke out after|began after|(?:was|were) (?:triggered|sparked|set off|prompted) by)\s+", re.I)


def _told_with_the_event(sentence: str, event_end: int, position: int) -> bool:
    """Is the cue at ``position`` in what a named event's relative clause tells, or in what it followed?"""
    relative = IN_WHICH.match(sentence, event_end)
    if relative is not None and relative.end() <= position < clause_of(sentence, relative.end())[1]:
        return True
    followed = WHAT_IT_FOLLOWED.match(sentence, event_end)
    return followed is not None and followed.end() <= position < clause_of(sentence, followed.end())[1]


def is_background(sentence: str, published: datetime | None, position: int | None = None, recent_days: int = 3) -> bool:
    """Does the sentence restate an older fact rather than report news?

    "During last month's clashes …", "the crossing had been shut on 6
    September", "in October the two sides agreed …": relative past
    expressions, a past perfect outside reported speech, or a written date
    more than three days before the article.
    """
    text = sentence if position is None else sentence[: position + 40]
    past = RELATIVE_PAST.search(text)
    # "since last month the crossings have been open only to refugees": a state
    # that goes on (a present perfect since then), not an old fact.
    if past and not (past.group().lower().startswith("since") and CONTINUING.search(sentence)) \
            and not SINCE_CLAUSE_BEFORE.search(text, max(0, past.start() - 60), past.start()):
        # ("since hostilities intensified last week 56 civilians had been killed": the
        # start of a period counted to now, as PERIOD_START for a written date)
        return True
    perfect = PAST_PERFECT.search(text)
    if perfect and CLAIMED_PERFECT.match(perfect.group()):
        perfect = None  # "Mujahid had alleged that jets struck Khost": the claim an article answers, not old news
    elif perfect and RELATIVE_BEFORE.search(text, max(0, perfect.start() - 8), perfect.start()):
        perfect = None  # "students who had been stranded … were allowed to cross": the relative clause's tense, not the sentence's
    # "X said the crossing had been shut" is reported speech; "the two sides had
    # announced a truce" is the past perfect of the news itself.
    if perfect and not any(not (perfect.start() <= m.start() < perfect.end()) for m in REPORTED_SPEECH.finditer(sentence)):
        return True
    # Within the cue's own clause: "a truce after the October clashes, but on
    # Friday the spokesman said it had collapsed" tells news in its second clause.
    clause = text if position is None else sentence[slice(*clause_of(sentence, position))]
    if ORIGIN.search(clause):
        return True
    if published is not None:
        for m in MONTH_EVENT.finditer(sentence):
            if position is not None and not m.start() <= position <= m.end() and not _told_with_the_event(sentence, m.end(), position):
                continue  # only the cue that is itself the named event: "truce agreed after the October clashes" is still news
            month = next(i + 1 for i, name in enumerate(_MONTHS) if name.startswith(m.group(1).lower()[:3]))
            if month != published.month:
                return True  # "the October clashes", told in November
    if published is not None and not (position is not None and PRESENT_PERFECT.search(sentence, max(0, position - 25), position)):
        # A present perfect ("has been closed to all traffic since") tells a state
        # that holds now, and takes no date of the past: a date near it is another clause's.
        # "closed since October 12" is a state that continues: not background.
        # Only a date near the cue dates it: "as the war declared on February 27
        # entered its tenth day, the minister said 583 had been killed" is news.
        # The start of a period ("since October 12", "from the evening of 26
        # February to 2 March", "between 26 February and 2 March") does not
        # date what goes on or is counted over it (``event_dates``).
        for when in event_dates(sentence, published, position):
            if when < published - timedelta(days=recent_days):
                return True
    return False
